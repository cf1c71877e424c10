/**
 * A schema change is a new version: version 1 stored one row per resource,
 * version 2 stores pages per source. Opening a version 1 database with the
 * current class must move every resource over and drop the old table.
 */
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { LinksDatabase, RESOURCE_PAGE_SIZE } from '../../src/db/database';
import type { Resource } from '../../src/directory/resource';

const V1_STORES = {
  kv: 'key',
  resources: 'id, source, *needs',
  curation: 'resourceId',
  sources: 'id',
  outbox: 'id, state, patientHash',
  drafts: 'patientHash',
  suppressions: '[patientHash+ruleId], patientHash',
  events: '++id, date, kind',
};

const resource = (source: string, i: number): Resource => ({
  id: `${source}:${i}`,
  source,
  sourceId: String(i),
  name: `Service ${i}`,
  description: 'Invented',
  needs: ['food'],
  categories: [],
  locations: [],
  access: [],
});

test('upgrading from version 1 moves resources into pages, rolls up events, drops the per-event table and keeps everything else', async () => {
  const name = 'upgrade-v1-v2';
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  const big = Array.from({ length: RESOURCE_PAGE_SIZE + 5 }, (_, i) => resource('aliss', i));
  await v1.table('resources').bulkAdd([...big, resource('file-local', 1)]);
  await v1.table('curation').add({ resourceId: 'aliss:3', note: 'Ask for Morag', recommended: true });
  await v1.table('kv').add({ key: 'salt', value: 'abc' });
  const shown = { kind: 'prompt', action: 'shown', need: 'food', ruleId: 'food-words', role: 'gp', date: '2026-11-01' };
  await v1.table('events').bulkAdd([shown, shown, { ...shown, date: '2026-11-02' }]);
  v1.close();

  const db = new LinksDatabase(name);
  await db.open();
  expect(db.verno).toBe(5);
  const pages = await db.resourcePages.orderBy('[source+page]').toArray();
  expect(pages.map((p) => [p.source, p.page, p.resources.length])).toEqual([
    ['aliss', 0, RESOURCE_PAGE_SIZE],
    ['aliss', 1, 5],
    ['file-local', 0, 1],
  ]);
  expect(await db.curation.get('aliss:3')).toEqual({ resourceId: 'aliss:3', note: 'Ask for Morag', recommended: true });
  expect((await db.kv.get('salt'))?.value).toBe('abc');
  expect(db.tables.map((t) => t.name)).not.toContain('resources');
  // v3: the insights roll-up is built from the events already recorded.
  const counts = await db.eventCounts.orderBy('date').toArray();
  expect(counts.map((c) => [c.date, c.need, c.count])).toEqual([
    ['2026-11-01', 'food', 2],
    ['2026-11-02', 'food', 1],
  ]);
  // v4: the per-event table is gone; the roll-up above is the record.
  expect(db.tables.map((t) => t.name)).not.toContain('events');
  db.close();
});

test('upgrading from version 4 adds the empty index snapshot table and keeps pages, curation and sources (#11)', async () => {
  const name = 'upgrade-v4-v5';
  const v4 = new Dexie(name);
  v4.version(4).stores({
    kv: 'key',
    curation: 'resourceId',
    sources: 'id',
    outbox: 'id, state, patientHash',
    drafts: 'patientHash',
    suppressions: '[patientHash+ruleId], patientHash',
    resourcePages: '[source+page], source',
    eventCounts: 'key, date',
  });
  await v4.open();
  // Pages written at the old size (2,000 per page) stay as they are; new writes use the new size.
  await v4.table('resourcePages').add({ source: 'aliss', page: 0, resources: Array.from({ length: 2000 }, (_, i) => resource('aliss', i)) });
  await v4.table('sources').add({ id: 'aliss', label: 'ALISS', format: 'aliss', count: 2000 });
  await v4.table('curation').add({ resourceId: 'aliss:7', hidden: true });
  v4.close();

  const db = new LinksDatabase(name);
  await db.open();
  expect(db.verno).toBe(5);
  expect(db.tables.map((t) => t.name)).toContain('indexSnapshot');
  expect(await db.indexSnapshot.count()).toBe(0);
  expect((await db.resourcePages.get(['aliss', 0]))?.resources).toHaveLength(2000);
  expect(await db.curation.get('aliss:7')).toEqual({ resourceId: 'aliss:7', hidden: true });
  expect((await db.sources.get('aliss'))?.count).toBe(2000);
  db.close();
});
