// #16: complete multi-word matches first, temporarily closed services last, "open today", languages and access searchable.
import { describe, expect, test } from 'vitest';
import { buildIndex, type DirectoryQuery } from '../../src/directory/search/index';
import type { Resource } from '../../src/directory/resource';
import type { OpeningRule } from '../../src/directory/hours/rules';

const NOW = new Date('2026-03-03T10:00:00Z'); // a Tuesday morning in Glasgow
const HOME = { lat: 55.859, lon: -4.217 };
const north = (km: number): { lat: number; lon: number } => ({ lat: HOME.lat + km * 0.009, lon: HOME.lon });

function res(id: string, over: Partial<Resource> = {}, km = 1): Resource {
  return { id, source: 't', sourceId: id, name: `Service ${id}`, description: 'A community service.', needs: [], categories: [], locations: [north(km)], access: ['unknown'], updated: '2026-02-01', ...over };
}
const ids = (q: DirectoryQuery, resources: Resource[]): string[] => buildIndex(resources, { now: NOW }).search({ now: NOW, ...q }).map((h) => h.resource.id);

describe('multi-word queries rank complete matches first', () => {
  const walking = [
    res('repeat', { name: 'Walking football', description: 'Walking football for over 50s. Walking pace, walking friendly.' }, 0.3),
    res('group-only', { name: 'Parent group', description: 'A group for parents and toddlers.' }, 0.2),
    res('both', { name: 'Brae Health Walks', description: 'A friendly walking group every Tuesday.' }, 4),
    res('both-title', { name: 'Walking Group', description: 'Strolls in the park.' }, 6),
  ];
  test.each<[string, DirectoryQuery, string[]]>([
    ['walking group, no location', { text: 'walking group' }, ['both-title', 'both']],
    ['walking group, near: the closer one-word matches still come after', { text: 'walking group', near: HOME }, ['both-title', 'both']],
  ])('%s', (_label, q, top) => {
    expect(ids(q, walking).slice(0, 2).sort()).toEqual([...top].sort());
  });

  test('recovery cafe: both words above a service that repeats "recovery"', () => {
    const list = [
      res('rec', { name: 'Recovery Hub', description: 'Recovery support, recovery groups and recovery coaching.' }, 0.5),
      res('cafe', { name: 'Corner Cafe', description: 'Tea and cake.' }, 0.4),
      res('both', { name: 'Brae Recovery Cafe', description: 'A Saturday cafe run by people in recovery.' }, 5),
    ];
    expect(ids({ text: 'recovery cafe', near: HOME }, list)[0]).toBe('both');
  });

  test('"food bank" finds "foodbank" as a complete match', () => {
    const list = [res('bank', { name: 'Brae Bank', description: 'A bank.' }, 0.3), res('fb', { name: 'Brae Foodbank', description: 'Emergency parcels.' }, 3)];
    expect(ids({ text: 'food bank', near: HOME }, list)[0]).toBe('fb');
  });
});

describe('temporarily closed', () => {
  test('always below open services, even when nearer, recommended-looking and a better match', () => {
    const list = [
      res('closed', { name: 'Brae Food Larder', needs: ['food'], temporarilyClosed: true }, 0.1),
      res('open', { name: 'Other pantry', needs: ['food'], updated: '2020-01-01' }, 9),
    ];
    expect(ids({ needs: ['food'], text: 'food larder', near: HOME }, list)).toEqual(['open', 'closed']);
  });
});

describe('open today', () => {
  const weekdays: OpeningRule = { days: 0b0011111, opens: 540, closes: 960 };
  const list = [
    res('weekdays', { needs: ['food'], hours: [weekdays] }, 2),
    res('saturday', { needs: ['food'], hours: [{ days: 0b0100000, opens: 600, closes: 720 }] }, 1),
    res('first-tuesday', { needs: ['food'], hours: [{ nth: [[1, 1]], opens: 600, closes: 720 }] }, 3),
    res('no-hours', { needs: ['food'], openingTimes: 'Phone to check' }, 0.5),
    res('closed', { needs: ['food'], hours: [weekdays], temporarilyClosed: true }, 0.2),
    res('no-location', { needs: ['food'], hours: [weekdays], locations: [] }),
  ];
  test.each<[string, DirectoryQuery, string[]]>([
    ['with a need and a location', { needs: ['food'], near: HOME, openToday: true }, ['weekdays', 'first-tuesday', 'no-location']],
    ['with nothing else', { openToday: true }, ['first-tuesday', 'no-location', 'weekdays']],
    ['on a Saturday', { needs: ['food'], openToday: true, now: new Date('2026-03-07T10:00:00Z') }, ['saturday']],
    ['the next Tuesday is not the first of the month', { needs: ['food'], near: HOME, openToday: true, now: new Date('2026-03-10T10:00:00Z') }, ['weekdays', 'no-location']],
    ['off: everything, the closed one last', { needs: ['food'], near: HOME }, ['no-hours', 'saturday', 'weekdays', 'first-tuesday', 'no-location', 'closed']],
  ])('%s', (_label, q, expected) => {
    const got = ids(q, list);
    if (q.near) expect(got).toEqual(expected);
    else expect(got.sort()).toEqual([...expected].sort());
  });

  test('in another time zone the day can differ', () => {
    // 02:00 UTC on Saturday 7 March is still Friday evening in New York.
    const late = new Date('2026-03-07T02:00:00Z');
    expect(ids({ openToday: true, now: late, timeZone: 'America/New_York' }, list).sort()).toEqual(['no-location', 'weekdays']);
    expect(ids({ openToday: true, now: late }, list)).toEqual(['saturday']);
  });

  test('the contract still holds: hits carry resource and distanceKm', () => {
    const [hit] = buildIndex(list, { now: NOW }).search({ needs: ['food'], near: HOME, openToday: true, now: NOW, limit: 1 });
    expect(hit?.resource.id).toBe('weekdays');
    expect(hit?.distanceKm).toBe(2);
  });
});

describe('languages, access and who it is for are searchable', () => {
  const list = [
    res('pl', { name: 'Advice shop', languages: ['Polish', 'Urdu'] }),
    res('wheel', { name: 'Day centre', accessibility: 'Level access; wheelchair accessible toilets; hearing loop.' }),
    res('interp', { name: 'Law centre', interpretation: 'Interpreters for Arabic and Farsi on request.' }),
    res('carers', { name: 'Tea afternoon', communityGroups: ['Carers', 'Older people'] }),
    res('plain', { name: 'Polishing workshop', description: 'Furniture restoration.' }),
  ];
  test.each([
    ['Polish', 'pl'],
    ['urdu', 'pl'],
    ['wheelchair', 'wheel'],
    ['hearing loop', 'wheel'],
    ['farsi', 'interp'],
    ['carers', 'carers'],
  ])('%s', (text, id) => {
    expect(ids({ text }, list)[0]).toBe(id);
  });
});
