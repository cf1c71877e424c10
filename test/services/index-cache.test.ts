// @vitest-environment node
/**
 * Issue #11: after a worker wake the directory index comes from its stored
 * snapshot (one read), gives the same results as one built from the stored
 * services, and is never used for a directory it was not built from.
 */
import { describe, expect, test } from 'vitest';
import { DIRECTORY_GENERATION_KEY, LinksDatabase, RESOURCE_PAGE_SIZE } from '../../src/db/database';
import type { Resource } from '../../src/directory/resource';
import { SNAPSHOT_VERSION } from '../../src/directory/search/snapshot';
import { curate } from '../../src/services/directory/curation';
import { removeSource, replaceSource } from '../../src/services/directory/import';
import { createIndexCache, type IndexCache } from '../../src/services/directory/index-cache';
import type { DirectoryQuery } from '../../src/directory/search/index';

const NOW = new Date('2026-11-03T11:00:00Z');
const HOME = { lat: 55.859, lon: -4.217 };
const WORDS = ['food', 'bank', 'carers', 'walking', 'group', 'advice', 'pantry', 'lunch', 'club', 'energy'];
const NEEDS = ['food', 'money', 'housing', 'loneliness'];

function services(source: string, n: number, seed = 1): Resource[] {
  let x = seed;
  const rand = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => ({
    id: `${source}:${i}`,
    source,
    sourceId: String(i),
    name: `${WORDS[Math.floor(rand() * WORDS.length)]} ${WORDS[Math.floor(rand() * WORDS.length)]} ${i}`,
    description: `${WORDS[Math.floor(rand() * WORDS.length)]} for everyone`,
    needs: [NEEDS[Math.floor(rand() * NEEDS.length)] as string],
    categories: [],
    locations: rand() < 0.9 ? [{ lat: HOME.lat + (rand() - 0.5) * 0.2, lon: HOME.lon + (rand() - 0.5) * 0.3 }] : [],
    access: ['unknown'],
    updated: rand() < 0.7 ? '2026-09-01' : '2024-01-01',
  }));
}

const QUERIES: DirectoryQuery[] = [
  { needs: ['food'], near: HOME, limit: 5 },
  { text: 'walking group', near: HOME, limit: 8 },
  { text: 'pantr', limit: 10 },
  { needs: ['money'], text: 'advice', near: HOME, radiusKm: 3 },
  { near: HOME, limit: 20 },
];

let n = 0;
const fresh = (): LinksDatabase => new LinksDatabase(`index-cache-${++n}`);
const wake = (db: LinksDatabase, background = true): IndexCache => createIndexCache(db, { now: () => NOW, rebuildDelayMs: 0, background });
const ids = async (cache: IndexCache, q: DirectoryQuery) => (await (await cache.get()).search(q)).map((h) => [h.resource.id, h.distanceKm, h.score]);

async function seeded(count: number): Promise<{ db: LinksDatabase; cache: IndexCache }> {
  const db = fresh();
  const cache = wake(db);
  await replaceSource(db, cache, { id: 'a', label: 'A', format: 'csv' }, services('a', count));
  await replaceSource(db, cache, { id: 'b', label: 'B', format: 'csv' }, services('b', Math.floor(count / 3), 7));
  await cache.idle();
  return { db, cache };
}

describe('the index after a wake', () => {
  test('an import stores the snapshot in the background; the next worker searches from it with the same results', async () => {
    const { db, cache } = await seeded(450);
    // The index part, the text part, the ids part and where the curated services are.
    expect(await db.indexSnapshot.count()).toBe(4);
    expect((await cache.get()).from).toBe('pages');
    const woken = wake(db);
    const state = await woken.get();
    expect(state.from).toBe('snapshot');
    expect(state.size).toBe(600);
    for (const q of QUERIES) expect(await ids(woken, q)).toEqual(await ids(cache, q));
    // The services shown are read whole from their pages.
    const [hit] = await state.search({ needs: ['food'], near: HOME, limit: 1 });
    const page = await db.resourcePages.get([hit!.resource.source, Math.floor(Number(hit!.resource.sourceId) / RESOURCE_PAGE_SIZE)]);
    expect(page?.resources).toContainEqual(hit!.resource);
    expect((await state.get('b:3'))?.id).toBe('b:3');
  });

  test('a snapshot of an older directory is never used: after a re-import the next worker builds from the pages', async () => {
    const { db } = await seeded(120);
    const quiet = wake(db, false);
    // Re-import without the background rebuild: the stored snapshot is now of the old directory.
    await replaceSource(db, quiet, { id: 'a', label: 'A', format: 'csv' }, services('a', 30, 99).map((r) => ({ ...r, name: `Renamed ${r.name}` })));
    const woken = wake(db);
    const state = await woken.get();
    expect(state.from).toBe('pages');
    expect(state.size).toBe(70);
    const hits = await state.search({ near: HOME, limit: 100 });
    expect(hits.filter((h) => h.resource.source === 'a').every((h) => h.resource.name.startsWith('Renamed'))).toBe(true);
    await woken.idle();
    // ...and stores a snapshot of the directory as it is now.
    expect((await wake(db).get()).from).toBe('snapshot');
  });

  test('a removed source is never shown from a snapshot taken before', async () => {
    const { db } = await seeded(90);
    await removeSource(db, wake(db, false), 'b');
    const state = await wake(db).get();
    expect(state.from).toBe('pages');
    expect((await state.search({ near: HOME, limit: 500 })).some((h) => h.resource.source === 'b')).toBe(false);
    expect(await state.get('b:1')).toBeUndefined();
  });

  test('a snapshot in another format is ignored and replaced', async () => {
    const { db } = await seeded(60);
    const row = await db.indexSnapshot.get('directory');
    await db.indexSnapshot.put({ id: 'directory', snapshot: { ...row!.snapshot!, version: SNAPSHOT_VERSION + 1 } });
    const woken = wake(db);
    expect((await woken.get()).from).toBe('pages');
    await woken.idle();
    expect((await db.indexSnapshot.get('directory'))?.snapshot?.version).toBe(SNAPSHOT_VERSION);
  });

  // A text search that wakes the worker reads the text part with the snapshot (one read, #11):
  // the same results as the index built from the pages, and the same fall-back when it is missing.
  test('woken by a text search, the snapshot and its text part are read together; results as from the pages', async () => {
    const { db, cache } = await seeded(300);
    const woken = wake(db);
    const state = await woken.get({ text: true });
    expect(state.from).toBe('snapshot');
    for (const q of QUERIES) expect(await ids(woken, q)).toEqual(await ids(cache, q));
    await db.indexSnapshot.delete('directory-text');
    const again = wake(db);
    expect(await (await again.get({ text: true })).search({ text: 'walking', near: HOME }).then((h) => h.map((x) => x.resource.id))).toEqual(
      (await ids(cache, { text: 'walking', near: HOME })).map((x) => x[0]),
    );
    expect((await again.get()).from).toBe('pages');
  });

  test('woken by a text search, a text part that cannot be read rebuilds from the pages instead of failing every text search', async () => {
    const { db, cache } = await seeded(90);
    const get = db.indexSnapshot.get.bind(db.indexSnapshot);
    db.indexSnapshot.get = (async (key: 'directory' | 'directory-text') => {
      if (key === 'directory-text') throw new Error('read failed');
      return get(key);
    }) as typeof db.indexSnapshot.get;
    const woken = wake(db);
    expect((await woken.get({ text: true })).from).toBe('snapshot');
    expect(await ids(woken, { text: 'walking', near: HOME })).toEqual(await ids(cache, { text: 'walking', near: HOME }));
    expect((await woken.get()).from).toBe('pages');
    expect(await ids(woken, { text: 'lunch', near: HOME })).toEqual(await ids(cache, { text: 'lunch', near: HOME }));
  });

  test('a text part missing or of another directory: need searches still come from the snapshot, a text search rebuilds', async () => {
    const { db, cache } = await seeded(90);
    await db.indexSnapshot.delete('directory-text');
    const woken = wake(db);
    expect(await ids(woken, { needs: ['food'], near: HOME, limit: 5 })).toEqual(await ids(cache, { needs: ['food'], near: HOME, limit: 5 }));
    expect((await woken.get()).from).toBe('snapshot');
    expect(await ids(woken, { text: 'walking', near: HOME })).toEqual(await ids(cache, { text: 'walking', near: HOME }));
    expect((await woken.get()).from).toBe('pages');
    await woken.idle();
    expect(await db.indexSnapshot.count()).toBe(4);
  });

  test('warm() after a wake resolves only once the text part has been read, and the searches then give the same results', async () => {
    const { db, cache } = await seeded(120);
    // The text part arrives late (a large directory): warm() must wait for it.
    const get = db.indexSnapshot.get.bind(db.indexSnapshot);
    let textArrived = false;
    db.indexSnapshot.get = (async (key: 'directory' | 'directory-text') => {
      const row = await get(key);
      if (key === 'directory-text') {
        await new Promise((r) => setTimeout(r, 40));
        textArrived = true;
      }
      return row;
    }) as typeof db.indexSnapshot.get;
    const woken = wake(db);
    const state = await woken.get();
    expect(state.from).toBe('snapshot');
    expect(textArrived).toBe(false);
    await state.warm();
    expect(textArrived).toBe(true);
    for (const q of QUERIES) expect(await ids(woken, q)).toEqual(await ids(cache, q));
    expect((await woken.get()).from).toBe('snapshot');
  });

  test('warm() with a text part of another directory rebuilds from the pages, as a text search would, and resolves', async () => {
    const { db, cache } = await seeded(60);
    const row = await db.indexSnapshot.get('directory-text');
    await db.indexSnapshot.put({ ...row!, text: { ...row!.text!, generation: 'another' } });
    const woken = wake(db);
    expect((await woken.get()).from).toBe('snapshot');
    await (await woken.get()).warm();
    expect((await woken.get()).from).toBe('pages');
    expect(await ids(woken, { text: 'walking', near: HOME })).toEqual(await ids(cache, { text: 'walking', near: HOME }));
  });

  test('warm() on an index built from the pages resolves once its text index is built', async () => {
    const { db } = await seeded(40);
    await db.indexSnapshot.clear();
    const woken = wake(db, false);
    const state = await woken.get();
    expect(state.from).toBe('pages');
    await state.warm();
    expect((await (await woken.get()).search({ text: 'lunch club', limit: 3 })).length).toBeGreaterThan(0);
  });

  test('a page that no longer holds what the snapshot expects is caught: rebuilt from the pages, right services shown', async () => {
    const { db, cache } = await seeded(150);
    const expected = await ids(cache, { needs: ['food'], near: HOME, limit: 10 });
    // Pages shuffled behind the index's back (no new generation): a bug or a half-applied write.
    await db.transaction('rw', db.resourcePages, async () => {
      const page = await db.resourcePages.get(['a', 0]);
      await db.resourcePages.put({ ...page!, resources: [...page!.resources].reverse() });
    });
    const woken = wake(db);
    expect((await woken.get()).from).toBe('snapshot');
    const hits = await (await woken.get()).search({ needs: ['food'], near: HOME, limit: 10 });
    expect(hits.map((h) => h.resource.id).sort()).toEqual(expected.map(([id]) => id).sort());
    expect((await woken.get()).from).toBe('pages');
    await woken.idle();
  });

  test('hiding a service takes effect at once in a snapshot-backed index, with no rebuild; showing it again too', async () => {
    const { db } = await seeded(200);
    const woken = wake(db);
    const before = await woken.get();
    expect(before.from).toBe('snapshot');
    const [top] = await before.search({ needs: ['food'], near: HOME, limit: 1 });
    await curate(db, woken, top!.resource.id, { hidden: true });
    const after = await woken.get();
    expect(after).toBe(before);
    expect((await after.search({ needs: ['food'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    expect(after.size).toBe(before.size);
    expect(await after.get(top!.resource.id)).toBeUndefined();
    expect(after.curation.get(top!.resource.id)?.hidden).toBe(true);
    // The next wake reads the curation with the snapshot: still hidden.
    const next = await wake(db).get();
    expect(next.from).toBe('snapshot');
    expect((await next.search({ needs: ['food'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    await curate(db, woken, top!.resource.id, { hidden: false, recommended: true });
    expect((await after.search({ needs: ['food'], near: HOME, limit: 1 }))[0]?.resource.id).toBe(top!.resource.id);
    await woken.idle();
  });

  /** Records which snapshot rows are read. */
  const readsOf = (db: LinksDatabase): string[] => {
    const keys: string[] = [];
    const get = db.indexSnapshot.get.bind(db.indexSnapshot);
    db.indexSnapshot.get = ((key: string) => {
      keys.push(key);
      return get(key as 'directory');
    }) as typeof db.indexSnapshot.get;
    return keys;
  };

  test('a wake applies the practice\'s curation from the stored positions, without reading the ids; a lookup by id reads them', async () => {
    const { db, cache } = await seeded(150);
    const [first, second] = await (await cache.get()).search({ needs: ['food'], near: HOME, limit: 2 });
    await curate(db, cache, first!.resource.id, { hidden: true });
    await curate(db, cache, second!.resource.id, { recommended: true });
    await curate(db, cache, 'a:not-in-the-directory', { recommended: true });
    await cache.idle();
    const reads = readsOf(db);
    const woken = wake(db);
    const state = await woken.get({ text: true });
    expect(state.from).toBe('snapshot');
    for (const q of QUERIES) expect(await ids(woken, q)).toEqual(await ids(cache, q));
    expect(reads).not.toContain('directory-labels');
    expect(await state.get(second!.resource.id)).toEqual(second!.resource);
    expect(await state.get(first!.resource.id)).toBeUndefined();
    expect(reads).toContain('directory-labels');
  });

  test('stored positions missing or of another directory: the ids are read, the curation applied by id, and the positions stored again', async () => {
    for (const damage of ['delete', 'other-directory', 'wrong-position'] as const) {
      const { db, cache } = await seeded(150);
      const [first] = await (await cache.get()).search({ needs: ['food'], near: HOME, limit: 1 });
      await curate(db, cache, first!.resource.id, { hidden: true });
      await cache.idle();
      const row = (await db.indexSnapshot.get('directory-curated'))?.curated;
      expect(row?.at).toContainEqual([first!.resource.id, [expect.any(Number)]]);
      if (damage === 'delete') await db.indexSnapshot.delete('directory-curated');
      else if (damage === 'other-directory') await db.indexSnapshot.put({ id: 'directory-curated', curated: { ...row!, generation: 'another' } });
      else await db.indexSnapshot.put({ id: 'directory-curated', curated: { ...row!, at: [[first!.resource.id, [((row!.at[0]![1][0] as number) + 1) % 200]]] } });
      const reads = readsOf(db);
      const woken = wake(db);
      expect((await woken.get()).from).toBe('snapshot');
      expect(reads, damage).toContain('directory-labels');
      for (const q of QUERIES) expect(await ids(woken, q), damage).toEqual(await ids(cache, q));
      await woken.idle();
      expect((await db.indexSnapshot.get('directory-curated'))?.curated, damage).toEqual(row);
    }
  });

  test('an edit after a wake stores where the service is: the next wake applies it without reading the ids', async () => {
    const { db, cache } = await seeded(150);
    const woken = wake(db);
    const [top] = await (await woken.get()).search({ needs: ['money'], near: HOME, limit: 1 });
    await curate(db, woken, top!.resource.id, { hidden: true });
    await woken.idle();
    expect((await db.indexSnapshot.get('directory-curated'))?.curated?.at).toContainEqual([top!.resource.id, [expect.any(Number)]]);
    const reads = readsOf(db);
    const next = wake(db);
    expect((await next.get()).from).toBe('snapshot');
    expect((await (await next.get()).search({ needs: ['money'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    expect(reads).not.toContain('directory-labels');
    await cache.idle();
  });

  test('an ids part of another directory, or of another snapshot of this one: a lookup by id rebuilds from the pages and finds the service', async () => {
    for (const other of [{ generation: 'another' }, { build: 'another' }]) {
      const { db } = await seeded(90);
      await db.indexSnapshot.put({ id: 'directory-labels', labels: { ...(await db.indexSnapshot.get('directory-labels'))!.labels!, ...other } });
      const woken = wake(db);
      expect((await woken.get()).from).toBe('snapshot');
      expect((await (await woken.get()).get('b:3'))?.id).toBe('b:3');
      expect((await woken.get()).from).toBe('pages');
      await woken.idle();
      const labels = (await db.indexSnapshot.get('directory-labels'))?.labels;
      expect(labels?.generation).not.toBe('another');
      expect(labels?.build).toBe((await db.indexSnapshot.get('directory'))?.snapshot?.build);
    }
  });

  test('a text part or curated positions of another snapshot of this directory are not used with it', async () => {
    const { db, cache } = await seeded(150);
    const [top] = await (await cache.get()).search({ needs: ['food'], near: HOME, limit: 1 });
    await curate(db, cache, top!.resource.id, { hidden: true });
    await cache.idle();
    const stored = (await db.indexSnapshot.get('directory-curated'))!.curated!;
    await db.indexSnapshot.put({ id: 'directory-curated', curated: { ...stored, build: 'another' } });
    const reads = readsOf(db);
    const woken = wake(db);
    expect((await woken.get()).from).toBe('snapshot');
    expect(reads).toContain('directory-labels');
    expect((await (await woken.get()).search({ needs: ['food'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    await woken.idle();
    expect((await db.indexSnapshot.get('directory-curated'))?.curated).toEqual(stored);
    await db.indexSnapshot.put({ id: 'directory-text', text: { ...(await db.indexSnapshot.get('directory-text'))!.text!, build: 'another' } });
    const again = wake(db);
    expect(await ids(again, { text: 'walking', near: HOME })).toEqual(await ids(cache, { text: 'walking', near: HOME }));
    expect((await again.get()).from).toBe('pages');
    await again.idle();
  });

  test('an edit whose ids cannot be read: the searches after it come from a rebuild that has it, never the old state', async () => {
    const { db } = await seeded(150);
    const woken = wake(db);
    const state = await woken.get();
    expect(state.size).toBe(200);
    const [top] = await state.search({ needs: ['food'], near: HOME, limit: 1 });
    await db.indexSnapshot.delete('directory-labels');
    await curate(db, woken, top!.resource.id, { hidden: true });
    // Asked of the state the page already holds, as a handler that fetched it before the edit would.
    expect((await state.search({ needs: ['food'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    expect(await state.get(top!.resource.id)).toBeUndefined();
    // The count and the curation the handlers read from that state are the rebuild's.
    expect(state.size).toBe(199);
    expect(state.curation.get(top!.resource.id)?.hidden).toBe(true);
    expect((await woken.get()).from).toBe('pages');
    await woken.idle();
  });

  test('a lookup by id right after hiding never returns the service, from a snapshot (ids still being read) or from the pages', async () => {
    for (const from of ['snapshot', 'pages'] as const) {
      const { db, cache } = await seeded(150);
      const index = from === 'snapshot' ? wake(db) : cache;
      const state = await index.get();
      expect(state.from).toBe(from);
      const [top] = await state.search({ needs: ['food'], near: HOME, limit: 1 });
      await curate(db, index, top!.resource.id, { hidden: true });
      expect(await state.get(top!.resource.id), from).toBeUndefined();
      await index.idle();
    }
  });

  test('a lookup by id and an edit that both find the ids part unreadable rebuild once, not twice', async () => {
    const { db } = await seeded(150);
    const woken = wake(db);
    const state = await woken.get();
    await db.indexSnapshot.delete('directory-labels');
    let fullReads = 0;
    const toArray = db.resourcePages.toArray.bind(db.resourcePages);
    db.resourcePages.toArray = (() => {
      fullReads++;
      return toArray();
    }) as typeof db.resourcePages.toArray;
    await curate(db, woken, 'a:7', { hidden: true });
    expect(await state.get('a:3')).toMatchObject({ id: 'a:3' });
    expect(await state.get('a:7')).toBeUndefined();
    await woken.idle();
    expect(fullReads).toBe(1);
  });

  test('a damaged positions row is read as none: the ids are read and the row written again', async () => {
    const { db, cache } = await seeded(150);
    const [top] = await (await cache.get()).search({ needs: ['food'], near: HOME, limit: 1 });
    await curate(db, cache, top!.resource.id, { hidden: true });
    await cache.idle();
    const row = (await db.indexSnapshot.get('directory-curated'))!.curated!;
    await db.indexSnapshot.put({ id: 'directory-curated', curated: { ...row, at: [...row.at, 5 as unknown as [string, number[]]] } });
    const woken = wake(db);
    expect((await woken.get()).from).toBe('snapshot');
    expect((await (await woken.get()).search({ needs: ['food'], near: HOME, limit: 50 })).map((h) => h.resource.id)).not.toContain(top!.resource.id);
    await woken.idle();
    expect((await db.indexSnapshot.get('directory-curated'))?.curated).toEqual(row);
  });

  test('a new database has no generation yet; the first import writes one', async () => {
    const db = fresh();
    expect(await db.kv.get(DIRECTORY_GENERATION_KEY)).toBeUndefined();
    const cache = wake(db);
    expect((await cache.get()).size).toBe(0);
    await replaceSource(db, cache, { id: 'a', label: 'A', format: 'csv' }, services('a', 5));
    expect(typeof (await db.kv.get(DIRECTORY_GENERATION_KEY))?.value).toBe('string');
    await cache.idle();
    expect((await wake(db).get()).size).toBe(5);
  });
});
