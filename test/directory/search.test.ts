import { describe, expect, test } from 'vitest';
import { buildIndex, type DirectoryQuery } from '../../src/directory/search/index';
import { isStale } from '../../src/directory/freshness';
import type { Curation, Resource } from '../../src/directory/resource';

const NOW = new Date('2026-11-01T00:00:00Z');
const HOME = { lat: 55.859, lon: -4.217 };
// ~1 km of latitude is 0.009 degrees.
const north = (km: number): { lat: number; lon: number } => ({ lat: HOME.lat + km * 0.009, lon: HOME.lon });

function res(id: string, over: Partial<Resource> = {}, km = 1): Resource {
  return {
    id,
    source: 't',
    sourceId: id,
    name: `Service ${id}`,
    description: 'A community service.',
    needs: ['food'],
    categories: [],
    locations: [north(km)],
    access: ['unknown'],
    updated: '2026-09-01',
    ...over,
  };
}

const ids = (q: DirectoryQuery, resources: Resource[], curation?: Curation[]): string[] =>
  buildIndex(resources, { now: NOW, curation }).search(q).map((h) => h.resource.id);

describe('ranking', () => {
  test.each<[string, Resource[], DirectoryQuery, string[], Curation[]?]>([
    ['need match beats non-match even when farther', [res('near', { needs: ['work'] }, 0.5), res('far', { needs: ['money'] }, 4)], { needs: ['money'], near: HOME }, ['far']],
    ['need match ranks first when text brings in others', [res('a', { needs: ['work'], name: 'Money jobs' }, 0.5), res('b', { needs: ['money'] }, 3)], { needs: ['money'], text: 'money', near: HOME }, ['b', 'a']],
    ['nearer beats farther all else equal', [res('far', {}, 4), res('near', {}, 1)], { needs: ['food'], near: HOME }, ['near', 'far']],
    ['recommended boosts', [res('plain', {}, 1), res('rec', {}, 1.5)], { needs: ['food'], near: HOME }, ['rec', 'plain'], [{ resourceId: 'rec', recommended: true }]],
    ['stale is penalised', [res('old', { updated: '2024-01-01' }, 1), res('fresh', {}, 1.5)], { needs: ['food'], near: HOME }, ['fresh', 'old']],
    ['practice check makes a stale entry fresh', [res('old', { updated: '2024-01-01' }, 1), res('fresh', {}, 1.5)], { needs: ['food'], near: HOME }, ['old', 'fresh'], [{ resourceId: 'old', verifiedOn: '2026-10-01' }]],
    ['hidden is excluded', [res('shown', {}, 2), res('hid', {}, 1)], { needs: ['food'], near: HOME }, ['shown'], [{ resourceId: 'hid', hidden: true }]],
    ['radius limits distance', [res('in', {}, 2), res('out', {}, 8)], { needs: ['food'], near: HOME, radiusKm: 5 }, ['in']],
    ['synonym finds need without the word', [res('m', { needs: ['money'], name: 'Advice shop' }), res('f', { needs: ['food'] })], { text: 'skint' }, ['m']],
    ['text finds by name with a typo', [res('a', { name: 'Brae Befriending Service', needs: ['loneliness'] }), res('b', { name: 'Tenancy Team', needs: ['housing'] })], { text: 'befreinding' }, ['a']],
    ['text prefix', [res('a', { name: 'Community Pantry' }), res('b', { name: 'Jobs Club', needs: ['work'] })], { text: 'pant' }, ['a']],
    ['limit is respected', [res('a'), res('b'), res('c')], { needs: ['food'], limit: 2 }, ['a', 'b']],
    ['no location still listed without a radius', [res('loc', {}, 1), res('none', { locations: [] })], { needs: ['food'], near: HOME }, ['loc', 'none']],
    ['text matching nothing returns nothing', [res('a')], { text: 'zzqqxx' }, []],
  ])('%s', (_label, resources, query, expected, curation) => {
    expect(ids(query, resources, curation)).toEqual(expected);
  });

  test('distance is reported in km and results are best first', () => {
    const hits = buildIndex([res('a', {}, 2), res('b', {}, 1)], { now: NOW }).search({ needs: ['food'], near: HOME });
    expect(hits.map((h) => h.distanceKm)).toEqual([1, 2]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  test('a service with several locations is listed once, at its nearest', () => {
    const hits = buildIndex([res('multi', { locations: [north(3), north(1)] })], { now: NOW }).search({ near: HOME });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.distanceKm).toBe(1);
  });

  test('curation can be a Map; get() finds by id; size excludes hidden', () => {
    const idx = buildIndex([res('a'), res('b')], { now: NOW, curation: new Map([['b', { resourceId: 'b', hidden: true }]]) });
    expect(idx.size).toBe(1);
    expect(idx.get('a')?.id).toBe('a');
    expect(idx.get('b')).toBeUndefined();
  });
});

describe('isStale', () => {
  test.each([
    ['2026-09-01', undefined, false],
    ['2025-11-02', undefined, false],
    ['2025-10-31', undefined, true],
    [undefined, undefined, true],
    ['2024-01-01', '2026-01-01', false],
    [undefined, '2025-01-01', true],
  ])('updated %s, verified %s -> %s', (updated, verifiedOn, stale) => {
    expect(isStale({ updated }, verifiedOn ? { verifiedOn } : undefined, NOW)).toBe(stale);
  });
});
