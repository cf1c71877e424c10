// #16: service status, opening hours, languages, accessibility, ALISS v5, website rules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDirectory, parseDirectoryPages } from '../../src/directory/import/index';
import { openingStatus } from '../../src/directory/hours/opening-status';
import { describeHours } from '../../src/directory/hours/describe';
import { isStale, staleReason } from '../../src/directory/freshness';
import { safeWebsite, websiteProblem } from '../../src/directory/clean-text';

const fixture = (path: string): string => readFileSync(resolve('test/fixtures/directory', path), 'utf8');
const hsds = (...services: Record<string, unknown>[]): string => JSON.stringify({ total_items: services.length, page_number: 1, total_pages: 1, contents: services });
const service = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'h1',
  name: 'Brae Warm Space',
  description: 'A warm room, tea and company.',
  status: 'active',
  organization: { id: 'o1', name: 'Brae Trust' },
  ...over,
});

describe('HSDS status', () => {
  test.each([
    ['active', 1, undefined],
    ['temporarily closed', 1, true],
    ['Temporarily Closed', 1, true],
    ['inactive', 0, undefined],
    ['defunct', 0, undefined],
  ])('%s -> %i kept, flag %s', (status, kept, flag) => {
    const { resources, rejected } = parseDirectory(hsds(service({ status })));
    expect(resources).toHaveLength(kept);
    expect(resources[0]?.temporarilyClosed).toBe(flag);
    if (!kept) expect(rejected[0]?.reason).toBe(`"Brae Warm Space" is marked as ${status} by the source.`);
  });
});

describe('HSDS hours, languages and access', () => {
  test('the HSDS 3.0 example: Urdu, interpretation, wheelchair access, assured date, hours out of date so the description shows', () => {
    const [r] = parseDirectory(fixture('hsds-3.0/service_full.json')).resources;
    expect(r?.languages).toEqual(['Urdu']);
    expect(r?.interpretation).toBe('Interpretation services are available in Urdu, Polish, and Slovak');
    expect(r?.accessibility).toMatch(/Wheelchair access is possible on all levels/);
    expect(r?.reviewed).toBe('2005-01-01');
    expect(r?.hours).toEqual([expect.objectContaining({ to: '2005-01-01', opens: 600, closes: 1080 })]);
    expect(openingStatus(r ?? { hours: [] }, new Date('2026-03-03T11:00:00Z'))).toEqual({
      state: 'unknown',
      text: 'The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.',
      openToday: false,
    });
  });

  test('ORUK languages given by id only add nothing; accessibility is read from the UK profile', () => {
    const [r] = parseDirectory(fixture('oruk-3.0-profile/service_full.json')).resources;
    expect(r?.languages).toBeUndefined();
    expect(r?.accessibility).toMatch(/induction loops/);
  });

  test('schedules become hours; codes become language names; descriptions win as the text', () => {
    const { resources } = parseDirectory(
      hsds(
        service({
          languages: [{ name: 'Polish', code: 'pl' }, { code: 'ur' }, { name: 'polish' }],
          schedules: [
            { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '16:00' },
            { freq: 'MONTHLY', byday: '1SA', opens_at: '10:00', closes_at: '12:00' },
          ],
        }),
      ),
    );
    const r = resources[0];
    expect(r?.languages).toEqual(['Polish', 'Urdu']);
    expect(r?.hours).toEqual([
      { days: 31, opens: 540, closes: 960 },
      { nth: [[1, 5]], opens: 600, closes: 720 },
    ]);
    // Readable hours are stored as rules only; cards and slips put them in words.
    expect(r?.openingTimes).toBeUndefined();
    expect(describeHours(r?.hours)).toBe('Mon–Fri 09:00–16:00; 1st Sat of the month 10:00–12:00');
    expect(openingStatus(r ?? { hours: [] }, new Date('2026-03-03T10:00:00Z')).text).toBe('Open now · until 16:00');
  });

  test('service_at_location schedules are used when the service has none', () => {
    const { resources } = parseDirectory(hsds(service({ service_at_locations: [{ id: 'sal', schedules: [{ byday: 'SA', opens_at: '10:00', closes_at: '12:00', description: 'Saturday mornings' }] }] })));
    expect(resources[0]?.hours).toEqual([{ days: 32, opens: 600, closes: 720 }]);
    expect(resources[0]?.openingTimes).toBe('Saturday mornings');
  });
});

describe('ALISS v5 (v4 unchanged)', () => {
  const v5 = {
    id: 'a5',
    name: 'Brae Carers Cafe',
    description: '<p>Tea and time out for unpaid carers.</p>',
    organisation: { id: 'o', name: 'Brae Carers', is_claimed: true },
    categories: [{ name: 'Carers', slug: 'carers' }],
    locations: [{ formatted_address: '1 Brae St, Glasgow G31 1AA', postal_code: 'G31 1AA', latitude: 55.85, longitude: -4.2 }],
    accessibility_features: [{ name: 'Wheelchair accessible', slug: 'wheelchair-accessible', additional_info: 'ramp at the side door' }, { name: 'Hearing loop', slug: 'hearing-loop' }],
    community_groups: [{ name: 'Carers', slug: 'carers', is_range: false }, { name: 'Young people', slug: 'young-people', is_range: true, min: 16, max: 25 }],
    is_deprioritised: false,
    last_updated: '2025-01-10T09:00:00',
    last_reviewed: '2026-02-01T09:00:00',
    aliss_url: 'https://www.aliss.org/services/brae-carers-cafe',
  };
  const page = (...data: unknown[]) => JSON.stringify({ count: data.length, next: null, previous: null, data });

  test('last_reviewed, accessibility features and community groups are read', () => {
    const [r] = parseDirectory(page(v5)).resources;
    expect(r).toMatchObject({
      reviewed: '2026-02-01',
      updated: '2026-02-01',
      accessibility: 'Wheelchair accessible (ramp at the side door); Hearing loop',
      communityGroups: ['Carers', 'Young people (16–25)'],
    });
    expect(r?.deprioritised).toBeUndefined();
  });

  test('deprioritised: source dates stop counting, only a practice check does', () => {
    const [r] = parseDirectory(page({ ...v5, is_deprioritised: true })).resources;
    const now = new Date('2026-03-03T10:00:00Z');
    expect(r?.deprioritised).toBe(true);
    expect(isStale(r as never, undefined, now)).toBe(true);
    expect(staleReason(r as never, undefined, now)).toMatch(/did not confirm/);
    expect(isStale(r as never, { verifiedOn: '2026-03-01' }, now)).toBe(false);
  });

  test('an unset .NET date (0001-01-01) is no review date', () => {
    const [r] = parseDirectory(page({ ...v5, last_reviewed: '0001-01-01T00:00:00' })).resources;
    expect(r?.reviewed).toBeUndefined();
    expect(r?.updated).toBe('2025-01-10');
  });

  test('the v4 examples still read the same', () => {
    const { resources } = parseDirectory(fixture('aliss/v4_services_search_G2_4AA.json'));
    expect(resources.map((r) => [r.reviewed, r.accessibility, r.communityGroups])).toEqual(resources.map(() => [undefined, undefined, undefined]));
  });
});

describe('websites (#16)', () => {
  test.each([
    ['https://brae.org.uk/', 'https://brae.org.uk/', undefined],
    ['http://brae.org.uk/', 'http://brae.org.uk/', undefined],
    ['https://user:secret@brae.org.uk/', undefined, /user name or password/],
    ['https://nhs.uk@evil.example/', undefined, /user name or password/],
    ['javascript:alert(1)', undefined, /"javascript:"/],
    ['', undefined, undefined],
  ])('%s', (url, kept, problem) => {
    expect(safeWebsite(url)).toBe(kept);
    const why = websiteProblem(url);
    if (problem) expect(why).toMatch(problem);
    else expect(why).toBeUndefined();
  });

  test('an address with a password is dropped with a note; http is kept, flagged and counted once', () => {
    const { resources, warnings } = parseDirectory(
      hsds(service({ id: 'a', url: 'https://nhs.uk@evil.example/' }), service({ id: 'b', url: 'http://brae.org.uk/' }), service({ id: 'c', url: 'http://brae.org.uk/c' })),
    );
    expect(resources.map((r) => [r.website, r.websiteNotSecure])).toEqual([
      [undefined, undefined],
      ['http://brae.org.uk/', true],
      ['http://brae.org.uk/c', true],
    ]);
    expect(warnings).toEqual([
      { index: 0, reason: expect.stringMatching(/user name or password/) },
      { index: -1, reason: '2 services have website addresses starting http:// (not encrypted); kept, and shown with a "not secure" note.' },
    ]);
  });
});

describe('spreadsheets', () => {
  test('languages and status columns', () => {
    const csv = 'name,languages,status,postcode\nA,"Polish; ur",active,G31 1AA\nB,,temporarily closed,G31 1AA\nC,,closed,G31 1AA';
    const { resources, rejected } = parseDirectory(csv);
    expect(resources.map((r) => [r.name, r.languages, r.temporarilyClosed])).toEqual([
      ['A', ['Polish', 'Urdu'], undefined],
      ['B', undefined, true],
    ]);
    expect(rejected).toEqual([{ index: 2, reason: '"C" is marked as closed in the spreadsheet.' }]);
  });
});

describe('pages of one source are one result', () => {
  test('a service repeated on the next page (the list shifted while paging) is reported once', () => {
    const one = hsds(service({ id: 'a' }), service({ id: 'b', name: 'Brae Pantry' }));
    const two = hsds(service({ id: 'b', name: 'Brae Pantry' }), service({ id: 'c', name: 'Brae Choir' }));
    const { resources, rejected } = parseDirectoryPages([one, two], 'hsds');
    expect(resources.map((r) => r.sourceId)).toEqual(['a', 'b', 'c']);
    expect(rejected).toEqual([{ index: 2, reason: '"Brae Pantry" has the same id ("b") as another entry earlier in the file; only the first is kept.' }]);
  });
});
