import { describe, expect, test } from 'vitest';
import { distance } from 'geokdbush';
import { buildIndex, WEIGHTS, type DirectoryQuery } from '../../src/directory/search/index';
import { NEED_IDS } from '../../src/prompts/needs';
import type { Resource } from '../../src/directory/resource';

const NOW = new Date('2026-11-01T00:00:00Z');
const HOME = { lat: 55.859, lon: -4.217 };

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

// 3,000 services around Glasgow, one or two needs each, a few without a location.
const rand = seeded(42);
const services: Resource[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `s${i}`,
  source: 't',
  sourceId: String(i),
  name: `Service ${i}`,
  description: 'A service.',
  needs: [...new Set([NEED_IDS[Math.floor(rand() * 16)] as string, NEED_IDS[Math.floor(rand() * 16)] as string])],
  categories: [],
  locations: i % 97 === 0 ? [] : [{ lat: 55.6 + rand() * 0.6, lon: -4.6 + rand() * 1.6 }],
  access: ['unknown'],
  updated: '2026-09-01',
}));

/** The documented rule, written out plainly: nearest max(15 × limit, 300) candidates, then best score. */
function reference(q: DirectoryQuery & { near: { lat: number; lon: number } }): string[] {
  const limit = q.limit ?? 20;
  const wanted = q.needs ?? [];
  const candidates = services.filter((r) => wanted.length === 0 || r.needs.some((n) => wanted.includes(n)));
  const located = candidates
    .filter((r) => r.locations.length > 0)
    .map((r) => ({ r, km: Math.min(...r.locations.map((l) => distance(q.near.lon, q.near.lat, l.lon as number, l.lat as number))) }))
    .filter((x) => q.radiusKm === undefined || x.km <= q.radiusKm)
    .sort((a, b) => a.km - b.km)
    .slice(0, Math.max(limit * 15, 300));
  const needScore = (r: Resource): number => (wanted.length ? (WEIGHTS.need * r.needs.filter((n) => wanted.includes(n)).length) / wanted.length : 0);
  const scored = located.map(({ r, km }) => ({ r, km, s: needScore(r) + WEIGHTS.distance / (1 + km / 2) }));
  if (q.radiusKm === undefined) for (const r of candidates) if (r.locations.length === 0) scored.push({ r, km: Infinity, s: needScore(r) + WEIGHTS.noLocation });
  return scored
    .sort((a, b) => b.s - a.s || a.km - b.km || a.r.name.localeCompare(b.r.name))
    .slice(0, limit)
    .map((x) => x.r.id);
}

describe('need + distance search agrees with the plain rule, whichever way it finds candidates', () => {
  const index = buildIndex(services, { now: NOW });
  test.each<[string, DirectoryQuery & { near: { lat: number; lon: number } }]>([
    ['one need (few candidates: measured one by one)', { needs: ['food'], near: HOME }],
    ['another need, elsewhere', { needs: ['caring'], near: { lat: 55.95, lon: -3.2 } }],
    ['four needs (many candidates: kd-tree walk)', { needs: ['food', 'money', 'fuel', 'housing'], near: HOME }],
    ['no filter at all (kd-tree walk)', { near: HOME }],
    ['one need within 10 km', { needs: ['work'], near: HOME, radiusKm: 10 }],
    ['no filter within 3 km', { near: HOME, radiusKm: 3 }],
    ['bigger limit', { needs: ['digital', 'legal'], near: HOME, limit: 50 }],
  ])('%s', (_label, query) => {
    expect(index.search(query).map((h) => h.resource.id)).toEqual(reference(query));
  });
});
