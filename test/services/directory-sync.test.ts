// @vitest-environment node
/**
 * Directory sync against a real local HTTP server (the demo practice's mock
 * ALISS API): conditional requests, server errors, time-outs, truncated
 * bodies and an interrupted swap all leave the previous directory complete.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { LinksDatabase } from '../../src/db/database';
import type { Resource } from '../../src/directory/resource';
import { createIndexCache, type IndexCache } from '../../src/services/directory/index-cache';
import { replaceSource as replaceWith } from '../../src/services/directory/import';
import { browse, getResource as getResourceWith } from '../../src/services/directory/search';
import { syncSource as syncWith } from '../../src/services/directory/sync';
import { shareText } from '../../src/directory/share';
// @ts-expect-error -- plain ESM JavaScript demo server
import { startDemoServer } from '../demo/server.mjs';

let demo: { url: string; close(): Promise<void> };
let db: LinksDatabase;
let cache: IndexCache;
let n = 0;

// The functions under test, bound to this test's database and index cache.
const syncSource = (d: LinksDatabase, src: Parameters<typeof syncWith>[2], options?: Parameters<typeof syncWith>[3]) => syncWith(d, cache, src, options);
const getIndex = (_d: LinksDatabase) => cache.get();
const getResource = (d: LinksDatabase, id: string) => getResourceWith(d, cache, id);
const replaceSource = (d: LinksDatabase, src: Parameters<typeof replaceWith>[2], resources: Resource[]) => replaceWith(d, cache, src, resources);

const source = (pageLimit = 500) => ({ id: 'aliss', label: 'ALISS (demo API)', url: `${demo.url}/aliss/api/v4/services/?page_size=40`, format: 'aliss' as const, refreshHours: 24, pageLimit });
const mode = (m: string) => fetch(`${demo.url}/aliss/control?mode=${m}`);
const count = async () => (await db.resourcePages.toArray()).reduce((sum, p) => sum + p.resources.length, 0);

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await mode('reset');
  await demo.close();
});
beforeEach(async () => {
  await mode('reset');
  db = new LinksDatabase(`sync-test-${++n}`);
  cache = createIndexCache(db);
});

describe('syncSource', () => {
  test('first sync follows every ALISS page and stores the whole directory', async () => {
    const row = await syncSource(db, source());
    expect(row.ok).toBe(true);
    expect(row.count).toBeGreaterThanOrEqual(140);
    expect(await count()).toBe(row.count);
    expect(row.etag).toBeTruthy();
    expect((await getIndex(db)).size).toBe(row.count);
  });

  test('issue #16: a sync that reaches the page limit keeps what it fetched and says plainly it is incomplete, with progress on the way', async () => {
    const progress: string[] = [];
    const row = await syncSource(db, source(2), { onProgress: (text) => progress.push(text) });
    expect(row).toMatchObject({ ok: true, complete: false, count: 80 });
    expect(row.lastResult).toMatch(/80 services imported/);
    expect(row.lastResult).toMatch(/page limit|2 pages/i);
    expect(progress).toHaveLength(2);
    expect(progress[0]).toMatch(/^Page 1/);
    expect(await count()).toBe(80);
    // With the limit lifted the next sync fetches every page and the directory is complete again.
    const full = await syncSource(db, source());
    expect(full).toMatchObject({ ok: true, complete: true });
    expect(full.count).toBeGreaterThan(80);
  });

  test('a second sync sends the ETag and keeps the directory on 304', async () => {
    const first = await syncSource(db, source());
    const seen: Record<string, string>[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({ ...(init?.headers as Record<string, string>) });
      return fetch(input, init);
    };
    const second = await syncSource(db, source(), { fetchImpl: spy });
    expect(seen[0]?.['If-None-Match']).toBe(first.etag);
    expect(second.lastResult).toMatch(/Up to date/);
    expect(await count()).toBe(first.count);
  });

  test.each([
    ['500', /answered 500/],
    ['truncate', /cut off|ends part-way|truncated|incomplete/i],
  ])('mode %s keeps the previous directory complete and says why', async (failure, reason) => {
    const good = await syncSource(db, source());
    await mode(failure);
    // A changed ETag would be needed for a real change; force a full download.
    await db.sources.update('aliss', { etag: undefined, lastModified: undefined });
    const failed = await syncSource(db, source());
    expect(failed.ok).toBe(false);
    expect(failed.lastResult).toMatch(reason);
    expect(failed.lastResult).toMatch(/previous directory/);
    expect(await count()).toBe(good.count);
  });

  test('a server that does not answer in time leaves the directory as it was', async () => {
    const good = await syncSource(db, source());
    await mode('slow');
    await db.sources.update('aliss', { etag: undefined, lastModified: undefined });
    const failed = await syncSource(db, source(), { timeoutMs: 300 });
    expect(failed.ok).toBe(false);
    expect(failed.lastResult).toMatch(/did not answer in time/);
    expect(await count()).toBe(good.count);
  });

  test('no network at all: works offline from the cache', async () => {
    const good = await syncSource(db, source());
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const failed = await syncSource(db, source(), { fetchImpl: offline });
    expect(failed.lastResult).toMatch(/offline/);
    expect(await count()).toBe(good.count);
  });

  test('a fetch refused because the site was never allowed says how to allow it, and keeps the directory', async () => {
    const good = await syncSource(db, source());
    const refused: typeof fetch = async () => {
      throw new TypeError('NetworkError when attempting to fetch resource.');
    };
    const failed = await syncSource(db, source(), { fetchImpl: refused, canReach: async () => false });
    expect(failed.lastResult).toBe(`Links Sidebar is not allowed to reach ${demo.url} yet. In Settings → Directory sources, choose "Allow access". The previous directory is still in use.`);
    expect(await count()).toBe(good.count);
  });
});

describe('replaceSource is all or nothing', () => {
  test('a swap that dies part-way (here: a record IndexedDB cannot store) leaves the old pages intact', async () => {
    const good = await syncSource(db, source());
    const bad = [{ id: 'x:1', source: 'aliss', name: 'Cannot be cloned', cb: () => 1 } as unknown as Resource];
    await expect(replaceSource(db, { id: 'aliss', label: 'ALISS', format: 'aliss' }, bad)).rejects.toThrow();
    expect(await count()).toBe(good.count);
    expect((await db.sources.get('aliss'))?.count).toBe(good.count);
  });
});

describe('hits as the sidebar and popup receive them', () => {
  test('carry the copy-ready share text made in the background', async () => {
    await syncSource(db, source());
    const { hits } = await browse(db, '', 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.shareText).toBe(shareText(hit.resource));
    const first = hits[0];
    const one = await getResource(db, first?.resource.id ?? '');
    expect(one?.shareText).toBe(first?.shareText);
    expect(one?.shareText.startsWith(first?.resource.name ?? '?')).toBe(true);
  });
});
