/**
 * Issue #11: a search answered from the stored snapshot must give exactly
 * what an index built from the services gives (ids, order, distances,
 * scores), and a hidden service must count for nothing, as if it were not in
 * the directory at all. Curation edits applied in place must equal a rebuild.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildIndex, type DirectoryQuery, type DocHit, type DocIndex } from '../../src/directory/search/index';
import {
  curatedAtFor,
  indexFromSnapshot,
  labelsProblem,
  snapshotOf,
  snapshotProblem,
  SNAPSHOT_VERSION,
  textSnapshotProblem,
  type PageShape,
  type SnapshotIndex,
} from '../../src/directory/search/snapshot';
import type { Curation, OpeningRule, Resource } from '../../src/directory/resource';
import { NEED_IDS } from '../../src/prompts/needs';
import { FlatLists, PackedLists } from '../../src/directory/search/text-postings';

const NOW = new Date('2026-11-03T11:00:00Z');
const HOME = { lat: 55.859, lon: -4.217 };
const WORDS = ['food', 'bank', 'foodbank', 'carers', 'carer', 'befriending', 'walking', 'group', 'money', 'advice', 'pantry', 'polish', 'community', 'centre', 'tenancy', 'energy', 'debt', 'lunch', 'club', 'skint'];
const DATES = ['2026-10-01', '2025-01-05', '2025-11-02T10:00:00Z', '2026-03-30', 'soon'];
const HOURS: OpeningRule[][] = [[{ days: 0b11111, opens: 540, closes: 1020 }], [{ days: 0b1000000 }], [{ nth: [[1, 1]], opens: 600, closes: 720 }], [{ days: 0b100, every: 2, anchor: '2026-01-06' }]];

const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

const resourceArb = (i: number): fc.Arbitrary<Resource> =>
  fc
    .record({
      name: phrase,
      description: fc.oneof(phrase, fc.constant('')),
      needs: fc.subarray([...NEED_IDS.slice(0, 6)], { maxLength: 3 }),
      categories: fc.array(phrase, { maxLength: 2 }),
      // Continuous coordinates: two services never sit at exactly the same distance.
      locations: fc.array(fc.record({ lat: fc.double({ min: 55.7, max: 56, noNaN: true }), lon: fc.double({ min: -4.4, max: -4, noNaN: true }) }), { maxLength: 2 }),
      updated: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      deprioritised: fc.boolean(),
      temporarilyClosed: fc.boolean(),
      hours: fc.option(fc.constantFrom(...HOURS), { nil: undefined }),
      dupe: fc.integer({ min: 0, max: 19 }),
    })
    .map(({ dupe, updated, hours, deprioritised, temporarilyClosed, ...r }) => ({
      // Now and then two services share an id (directories repeat them).
      id: dupe === 0 && i > 0 ? `s${i - 1}` : `s${i}`,
      source: i % 3 === 0 ? 'b' : 'a',
      sourceId: String(i),
      access: ['unknown' as const],
      ...r,
      ...(updated ? { updated } : {}),
      ...(hours ? { hours } : {}),
      ...(deprioritised ? { deprioritised } : {}),
      ...(temporarilyClosed ? { temporarilyClosed } : {}),
    }));

const directory = (max: number): fc.Arbitrary<Resource[]> => fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => resourceArb(i)))));

const curationArb = (resources: Resource[]): fc.Arbitrary<Curation[]> =>
  fc.array(
    fc.record({
      resourceId: resources.length ? fc.constantFrom(...resources.map((r) => r.id)) : fc.constant('none'),
      hidden: fc.boolean(),
      recommended: fc.boolean(),
      verifiedOn: fc.option(fc.constantFrom('2026-10-20', '2024-02-02'), { nil: undefined }),
    }),
    { maxLength: 8 },
  ).map((rows) => [...new Map(rows.map((c) => [c.resourceId, c.verifiedOn ? c : { resourceId: c.resourceId, hidden: c.hidden, recommended: c.recommended }])).values()]);

const queryArb: fc.Arbitrary<DirectoryQuery> = fc
  .record({
    needs: fc.option(fc.subarray([...NEED_IDS.slice(0, 6)], { minLength: 1, maxLength: 2 }), { nil: undefined }),
    text: fc.option(fc.oneof(phrase, fc.constantFrom('befreinding', 'pant', 'carer grp', 'food bank', 'walkng', 'zzqq')), { nil: undefined }),
    near: fc.option(fc.constant(HOME), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 25 }),
    radiusKm: fc.option(fc.constantFrom(5, 15), { nil: undefined }),
    openToday: fc.boolean(),
  })
  .map((q) => Object.fromEntries(Object.entries({ ...q, now: NOW }).filter(([, v]) => v !== undefined && v !== false)) as DirectoryQuery);

/** Pages of up to 7 services, the way the database stores them. */
function pagesOf(resources: Resource[]): PageShape[] {
  const pages: PageShape[] = [];
  for (let i = 0; i < resources.length; i += 7) pages.push({ key: ['src', i / 7], count: Math.min(7, resources.length - i) });
  return pages;
}

type Stored = ReturnType<typeof snapshotOf>;
/** The snapshot as IndexedDB would hand it back (structured clone). */
const stored = (resources: Resource[], curation: Curation[]): Stored => structuredClone(snapshotOf(buildIndex(resources, { now: NOW, curation }).core, pagesOf(resources), 'g1'));
/**
 * A search over the stored snapshot, its text part given later (as the index cache does after a wake).
 * `via`: how the curation finds its services: by the ids part, or by the positions the index cache stores
 * beside the snapshot (found once by id, as the cache does). The ids part is given afterwards either way, for
 * idOf and curation edits.
 */
const woken = (snap: Stored, curation: Curation[] | Map<string, Curation>, via: 'ids' | 'positions' = 'ids'): SnapshotIndex => {
  const ids = curation instanceof Map ? [...curation.keys()] : curation.map((c) => c.resourceId);
  let index: SnapshotIndex;
  if (via === 'positions' && ids.length > 0) {
    const at = indexFromSnapshot(snap.index, [], { now: NOW, labels: snap.labels }).positionsOfIds(ids);
    const curatedAt = curatedAtFor(snap.index, ids, structuredClone({ generation: snap.index.generation, build: snap.index.build, at }));
    expect(curatedAt).toBeDefined();
    index = indexFromSnapshot(snap.index, curation, { now: NOW, curatedAt: curatedAt as Map<string, number[]> });
    expect(index.hasLabels).toBe(false);
    index.provideLabels(snap.labels);
  } else {
    index = indexFromSnapshot(snap.index, curation, { now: NOW, labels: snap.labels });
  }
  index.provideText(snap.text);
  return index;
};
const VIA = fc.constantFrom<'ids' | 'positions'>('ids', 'positions');

const hitsOf = (index: DocIndex, q: DirectoryQuery): { id: string; distanceKm?: number; score: number }[] =>
  index.searchDocs(q).map(({ doc, ...hit }: DocHit) => ({ id: index.idOf(doc), ...hit }));

describe('a snapshot searches exactly like the index it was made from', () => {
  test('random directories, curation and queries: same ids, order, distances and scores', () => {
    fc.assert(
      fc.property(
        directory(40).chain((rs) => fc.tuple(fc.constant(rs), curationArb(rs), fc.array(queryArb, { minLength: 1, maxLength: 6 }), VIA)),
        ([resources, curation, queries, via]) => {
          const built = buildIndex(resources, { now: NOW, curation });
          const snap = woken(stored(resources, []), curation, via);
          expect(snap.size).toBe(built.size);
          for (const q of queries) expect(hitsOf(snap, q)).toEqual(hitsOf(built, q));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('larger directories take the tree walk too (more services than the nearest pool)', () => {
    fc.assert(
      fc.property(
        directory(700).chain((rs) => fc.tuple(fc.constant(rs), curationArb(rs), fc.array(queryArb, { minLength: 1, maxLength: 4 }), VIA)),
        ([resources, curation, queries, via]) => {
          const built = buildIndex(resources, { now: NOW, curation });
          const snap = woken(stored(resources, curation), curation, via);
          for (const q of queries) expect(hitsOf(snap, q)).toEqual(hitsOf(built, q));
        },
      ),
      { numRuns: 12 },
    );
  });

  test('a hidden service counts for nothing: same results as a directory without it', () => {
    fc.assert(
      fc.property(
        directory(500).chain((rs) => fc.tuple(fc.constant(rs), curationArb(rs), fc.array(queryArb, { minLength: 1, maxLength: 5 }))),
        ([resources, curation, queries]) => {
          const hidden = new Set(curation.filter((c) => c.hidden).map((c) => c.resourceId));
          const shown = resources.filter((r) => !hidden.has(r.id));
          const withHidden = buildIndex(resources, { now: NOW, curation });
          const without = buildIndex(shown, { now: NOW, curation: curation.filter((c) => !c.hidden) });
          expect(withHidden.size).toBe(shown.length);
          for (const q of queries) expect(hitsOf(withHidden, q)).toEqual(hitsOf(without, q));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('curation edits applied in place equal a rebuild, for both kinds of index', () => {
    fc.assert(
      fc.property(
        directory(60).chain((rs) => fc.tuple(fc.constant(rs), curationArb(rs), curationArb(rs), fc.array(queryArb, { minLength: 1, maxLength: 4 }), VIA)),
        ([resources, before, edits, queries, via]) => {
          const built = buildIndex(resources, { now: NOW, curation: before });
          const snap = woken(stored(resources, []), before, via);
          const after = new Map(before.map((c) => [c.resourceId, c]));
          for (const edit of edits) {
            after.set(edit.resourceId, edit);
            built.curate(edit.resourceId, edit);
            snap.curate(edit.resourceId, edit);
          }
          const rebuilt = buildIndex(resources, { now: NOW, curation: after });
          expect(built.size).toBe(rebuilt.size);
          expect(snap.size).toBe(rebuilt.size);
          for (const q of queries) {
            expect(hitsOf(built, q)).toEqual(hitsOf(rebuilt, q));
            expect(hitsOf(snap, q)).toEqual(hitsOf(rebuilt, q));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('packed text postings', () => {
  test('any ascending positions and field bits come back as they went in, count and all', () => {
    const lists = fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 40 }).chain((docs) =>
        fc.tuple(fc.constant(docs.sort((a, b) => a - b)), fc.array(fc.constantFrom(1, 2, 3), { minLength: docs.length, maxLength: docs.length })),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(lists, (raw) => {
        const start = new Uint32Array(raw.length + 1);
        raw.forEach(([d], t) => (start[t + 1] = (start[t] as number) + d.length));
        const flat = new FlatLists(start, Uint32Array.from(raw.flatMap(([d]) => d)), Uint8Array.from(raw.flatMap(([, b]) => b)));
        const order = raw.map((_, t) => raw.length - 1 - t);
        const packed = PackedLists.pack(flat, order);
        order.forEach((t, k) => {
          expect(packed.df(k)).toBe(flat.df(t));
          expect(packed.list(k)).toEqual({ docs: Uint32Array.from(raw[t]?.[0] ?? []), bits: Uint8Array.from(raw[t]?.[1] ?? []) });
        });
      }),
    );
  });
});

describe('snapshot data', () => {
  const list: Resource[] = Array.from({ length: 10 }, (_, i) => ({
    id: `r${i}`,
    source: 'a',
    sourceId: String(i),
    name: `Café ${i} – “Food” bank`,
    description: 'Lunch club',
    needs: ['food'],
    categories: [],
    locations: [{ lat: HOME.lat + i * 0.01, lon: HOME.lon }],
    access: ['unknown'],
    updated: '2026-10-01',
  }));

  test('page references point at each service where it is stored', () => {
    const pages: PageShape[] = [
      { key: ['a', 0], count: 4 },
      { key: ['a', 1], count: 4 },
      { key: ['b', 0], count: 2 },
    ];
    const { index, labels } = structuredClone(snapshotOf(buildIndex(list, { now: NOW }).core, pages, 'g'));
    const snap = indexFromSnapshot(index, [], { now: NOW });
    expect(snap.pageOf(0)).toEqual({ key: ['a', 0], offset: 0 });
    expect(snap.pageOf(5)).toEqual({ key: ['a', 1], offset: 1 });
    expect(snap.pageOf(9)).toEqual({ key: ['b', 0], offset: 1 });
    // Ids come with their own part: without it, only their hashes.
    expect(() => snap.idOf(7)).toThrow(/not loaded/);
    expect(snap.hasLabels).toBe(false);
    snap.provideLabels(labels);
    expect(snap.idOf(7)).toBe('r7');
    expect(snap.positionsOf('r3')).toEqual([3]);
    expect(snap.positionsOfIds(['r3', 'r9', 'nope'])).toEqual([
      ['r3', [3]],
      ['r9', [9]],
      ['nope', []],
    ]);
  });

  test('a curation needs the ids part or the positions stored beside it; stored positions are used only when they fit', () => {
    const { index, labels } = structuredClone(snapshotOf(buildIndex(list, { now: NOW }).core, pagesOf(list), 'g'));
    const curation = [{ resourceId: 'r4', hidden: true }];
    expect(() => indexFromSnapshot(index, curation, { now: NOW })).toThrow(/ids part/);
    const row = { generation: 'g', build: index.build, at: [['r4', [4]]] as [string, number[]][] };
    expect(curatedAtFor(index, ['r4'], row)?.get('r4')).toEqual([4]);
    // Another directory, a curated id it does not list, a position of another service, or one past the end.
    expect(curatedAtFor(index, ['r4'], { ...row, generation: 'h' })).toBeUndefined();
    // Positions found in another snapshot of the same directory are not used either.
    expect(curatedAtFor(index, ['r4'], { ...row, build: 'another' })).toBeUndefined();
    expect(curatedAtFor(index, ['r4', 'r5'], row)).toBeUndefined();
    expect(curatedAtFor(index, ['r4'], { ...row, at: [['r4', [5]]] })).toBeUndefined();
    expect(curatedAtFor(index, ['r4'], { ...row, at: [['r4', [40]]] })).toBeUndefined();
    expect(curatedAtFor(index, ['r4'], undefined)).toBeUndefined();
    const snap = indexFromSnapshot(index, curation, { now: NOW, curatedAt: curatedAtFor(index, ['r4'], row) as Map<string, number[]> });
    expect(snap.isHidden(4)).toBe(true);
    expect(snap.size).toBe(9);
    // The ids part is checked like the others.
    expect(labelsProblem(labels, 'g', 10, index.build)).toBeUndefined();
    expect(labelsProblem(labels, 'h', 10, index.build)).toMatch(/older directory/);
    expect(labelsProblem(labels, 'g', 11, index.build)).toMatch(/do not match/);
    expect(labelsProblem({ ...labels, ids: `${labels.ids}x` }, 'g', 10, index.build)).toMatch(/do not match/);
    expect(labelsProblem({ ...labels, version: 0 }, 'g', 10, index.build)).toMatch(/format/);
    expect(labelsProblem(undefined, 'g', 10, index.build)).toBe('none stored');
    expect(labelsProblem(labels, 'g', 10, 'another')).toMatch(/another index part/);
  });

  test('equal scores come in name order, names or no names: a snapshot keeps only each name\'s place', () => {
    // Same need, same place, same date: every score ties, so the order is the names' (equal names share a place).
    const names = ['walk', 'Álvaro club', 'alvaro club', 'Zebra', 'apple', 'Apple', 'walk', 'Ceilidh', 'ceilidh', '10 Steps', '9 Steps'];
    const tied: Resource[] = names.map((name, i) => ({ ...(list[0] as Resource), id: `t${i}`, sourceId: String(i), name, locations: [] }));
    const built = buildIndex(tied, { now: NOW });
    const snap = woken(structuredClone(snapshotOf(built.core, pagesOf(tied), 'g')), []);
    expect(hitsOf(snap, { needs: ['food'] })).toEqual(hitsOf(built, { needs: ['food'] }));
    expect(hitsOf(snap, { needs: ['food'] }).map((h) => tied[Number(h.id.slice(1))]?.name)).toEqual([...names].sort(new Intl.Collator('en-GB').compare));
  });

  test('only typed arrays and strings, every typed array its own buffer', () => {
    const { index, text, labels } = snapshotOf(buildIndex(list, { now: NOW }).core, pagesOf(list), 'g');
    for (const [key, value] of [...Object.entries(index), ...Object.entries(text), ...Object.entries(labels)]) {
      const ok = typeof value === 'string' || typeof value === 'number' || value instanceof ArrayBuffer || (ArrayBuffer.isView(value) && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength);
      expect(ok, key).toBe(true);
    }
  });

  test('need and distance searches need no text part; a text search waits for it', () => {
    const { index, text, labels } = structuredClone(snapshotOf(buildIndex(list, { now: NOW }).core, pagesOf(list), 'g'));
    const snap = indexFromSnapshot(index, [], { now: NOW, labels });
    expect(snap.hasText).toBe(false);
    expect(snap.searchDocs({ needs: ['food'], near: HOME, limit: 3 }).map((h) => snap.idOf(h.doc))).toEqual(['r0', 'r1', 'r2']);
    expect(() => snap.searchDocs({ text: 'lunch' })).toThrow(/not loaded/);
    snap.provideText(text);
    expect(snap.searchDocs({ text: 'lunch', limit: 20 })).toHaveLength(10);
  });

  test('a snapshot of another format, another directory or with broken columns is refused', () => {
    const { index: snap, text } = snapshotOf(buildIndex(list, { now: NOW }).core, pagesOf(list), 'g7');
    expect(textSnapshotProblem(text, 'g7', 10, snap.build)).toBeUndefined();
    expect(textSnapshotProblem(text, 'g8', 10, snap.build)).toMatch(/older directory/);
    expect(textSnapshotProblem(text, 'g7', 10, 'another')).toMatch(/another index part/);
    expect(textSnapshotProblem({ ...text, version: 0 }, 'g7', 10, snap.build)).toMatch(/format/);
    expect(textSnapshotProblem(text, 'g7', 11, snap.build)).toMatch(/do not match/);
    // The words and their ends (a wake reads words by their ends, never splitting them).
    expect(textSnapshotProblem({ ...text, wordEnds: text.wordEnds.subarray(1) }, 'g7', 10, snap.build)).toMatch(/do not match/);
    expect(textSnapshotProblem({ ...text, words: `${text.words} x` }, 'g7', 10, snap.build)).toMatch(/words do not match/);
    expect(textSnapshotProblem({ ...text, wordEnds: undefined }, 'g7', 10, snap.build)).toMatch(/words do not match/);
    expect(textSnapshotProblem({ ...text, words: '', wordEnds: new Uint32Array(0) }, 'g7', 10, snap.build)).toMatch(/lists do not match/);
    const scrambled = Uint32Array.from(text.wordEnds);
    [scrambled[0], scrambled[1]] = [scrambled[1] as number, scrambled[0] as number];
    expect(textSnapshotProblem({ ...text, wordEnds: scrambled }, 'g7', 10, snap.build)).toMatch(/words do not match/);
    expect(snapshotProblem(snap, 'g7')).toBeUndefined();
    expect(snapshotProblem(undefined, 'g7')).toBe('none stored');
    expect(snapshotProblem({ ...snap, version: SNAPSHOT_VERSION + 1 }, 'g7')).toMatch(/format/);
    expect(snapshotProblem(snap, 'g8')).toMatch(/older directory/);
    expect(snapshotProblem({ ...snap, flags: new Uint8Array(3) }, 'g7')).toMatch(/count/);
    // Points counted per service must be the tree's points.
    const counts = Uint8Array.from(snap.pointCounts);
    counts[0] = (counts[0] as number) + 1;
    expect(snapshotProblem({ ...snap, pointCounts: counts }, 'g7')).toMatch(/count/);
    expect(snapshotProblem({ ...snap, pointCounts: new Uint8Array(10) }, 'g7')).toMatch(/count/);
    expect(snapshotProblem({ ...snap, geo: new ArrayBuffer(3) }, 'g7')).toMatch(/count/);
  });

  test('a date index past the stored dates (a damaged row) scores as a service with no date, never NaN', () => {
    const { index, text, labels } = structuredClone(snapshotOf(buildIndex(list, { now: NOW }).core, pagesOf(list), 'g'));
    const damaged = Uint8Array.from(index.updatedOf);
    damaged[2] = 200;
    const snap = indexFromSnapshot({ ...index, updatedOf: damaged }, [], { now: NOW, text, labels });
    const hits = snap.searchDocs({ needs: ['food'], near: HOME, limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => Number.isFinite(h.score))).toBe(true);
    const undated = list.map((r, i) => (i === 2 ? { ...r, updated: undefined } : r));
    const built = buildIndex(undated, { now: NOW });
    const score = (hs: { doc: number; score: number }[], id: string, idOf: (d: number) => string) => hs.find((h) => idOf(h.doc) === id)?.score;
    expect(score(hits, 'r2', snap.idOf)).toBe(score(built.searchDocs({ needs: ['food'], near: HOME, limit: 20 }), 'r2', built.idOf));
  });

  test('pages that do not add up to the index are an error', () => {
    expect(() => snapshotOf(buildIndex(list, { now: NOW }).core, [{ key: ['a', 0], count: 3 }], 'g')).toThrow(/pages hold 3/);
  });
});
