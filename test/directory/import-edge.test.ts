import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDirectory, parseDirectoryChunked, type DirectoryFormat } from '../../src/directory/import/index';
import { safeEmail, safePhone, safeWebsite, toPlainText } from '../../src/directory/clean-text';

const aliss = (...services: Record<string, unknown>[]): string => JSON.stringify({ count: services.length, next: null, previous: null, data: services });
const svc = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 's1',
  name: 'Brae Food Larder',
  description: 'Low-cost food.',
  organisation: { name: 'Brae Trust' },
  categories: [{ name: 'Foodbank', slug: 'foodbank' }],
  locations: [{ formatted_address: '1 Brae St, G31 1AA', postal_code: 'G31 1AA', latitude: 55.85, longitude: -4.2 }],
  last_updated: '2026-05-01T10:00:00Z',
  ...over,
});

describe('whole-file problems give one rejection with index -1', () => {
  test.each<[string, string, DirectoryFormat | undefined, RegExp]>([
    ['empty', '', undefined, /empty/],
    ['whitespace', '   \n ', undefined, /empty/],
    ['not JSON or CSV', 'hello world', undefined, /neither JSON nor a spreadsheet/],
    ['broken JSON', '{"data": [1, 2,, ]}', undefined, /not valid JSON/],
    ['truncated JSON', aliss(svc()).slice(0, 60), undefined, /ends part-way through/],
    ['unknown shape', '{"hello": "world"}', undefined, /not a service list/],
    ['JSON number', '42', undefined, /neither JSON nor a spreadsheet|not a service list/],
    ['CSV without name column', 'title_x,postcode\nA,G31 1AA', 'csv', /no "name" column/],
    ['ALISS hint on HSDS-less junk', '{"foo": 1}', 'aliss', /does not look like an ALISS/],
  ])('%s', (_label, input, format, reason) => {
    const result = parseDirectory(input, format);
    expect(result.resources).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.index).toBe(-1);
    expect(result.rejected[0]?.reason).toMatch(reason);
  });
});

describe('record cleaning', () => {
  test.each([
    ['tags removed', '<p>Hello <b>there</b></p>', 'Hello there'],
    ['entities decoded', 'Tea &amp; toast &pound;1 &#8211; &#x2014; &quot;hi&quot;', 'Tea & toast £1 – — "hi"'],
    ['script body dropped', 'Safe<script>alert(1)</script> text', 'Safe text'],
    ['block tags to line breaks', '<ul><li>One</li><li>Two</li></ul>', 'One\nTwo'],
    ['escaped tags stay text', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['bad entity kept', '&#xD800; &bogus;', '&#xD800; &bogus;'],
  ])('markup: %s', (_label, input, expected) => {
    expect(toPlainText(input)).toBe(expected);
    const { resources } = parseDirectory(aliss(svc({ description: input })));
    expect(resources[0]?.description).toBe(expected);
  });

  test.each([
    ['https://brae.org.uk/food', 'https://brae.org.uk/food'],
    ['www.brae.org.uk', 'https://www.brae.org.uk/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['vbscript:msgbox', undefined],
    ['ftp://brae.org.uk', undefined],
    ['not a url', undefined],
  ])('links: %s -> %s', (url, expected) => {
    const { resources } = parseDirectory(aliss(svc({ url, aliss_url: undefined })));
    expect(resources[0]?.website).toBe(expected);
  });

  test.each([
    [55.85, -4.2, true],
    [100, 101, false],
    [-91, 0, false],
    [55, 181, false],
    ['55.85', '-4.2', true],
    [null, null, false],
    [0, 0, false],
  ])('coordinates %s,%s kept: %s (service always kept)', (lat, lon, kept) => {
    const { resources } = parseDirectory(aliss(svc({ locations: [{ postal_code: 'G31 1AA', latitude: lat, longitude: lon }] })));
    expect(resources).toHaveLength(1);
    expect(resources[0]?.locations[0]?.lat !== undefined).toBe(kept);
  });

  test('#16: a second record with the same id is rejected with a reason, never merged', () => {
    const second = svc({
      name: 'Brae Food Larder (copy)',
      categories: [{ name: 'Lunch Club', slug: 'lunch-club' }],
      locations: [{ postal_code: 'G32 2BB', latitude: 55.84, longitude: -4.16 }],
      last_updated: '2026-07-01T00:00:00Z',
    });
    const { resources, rejected } = parseDirectory(aliss(svc(), second));
    expect(resources).toHaveLength(1);
    expect(resources[0]?.locations.map((l) => l.postcode)).toEqual(['G31 1AA']);
    expect(resources[0]?.updated).toBe('2026-05-01');
    expect(rejected).toEqual([{ index: 1, reason: '"Brae Food Larder (copy)" has the same id ("s1") as "Brae Food Larder" earlier in the file; only the first is kept.' }]);
  });

  test('#16: service_at_location records of one service join their locations, capped', () => {
    const sal = (i: number) => ({
      id: `sal-${i}`,
      service: { id: 'svc-1', name: 'Brae Advice', status: 'active', organization: { name: 'Brae Trust' } },
      location: { name: `Hall ${i}`, addresses: [{ address_1: `${i} Main St`, postal_code: 'G31 1AA' }] },
    });
    const { resources, rejected, warnings } = parseDirectory(JSON.stringify(Array.from({ length: 205 }, (_, i) => sal(i))));
    expect(rejected).toEqual([]);
    expect(resources).toHaveLength(1);
    expect(resources[0]?.locations).toHaveLength(200);
    expect(warnings).toEqual([{ index: 200, reason: '"Brae Advice" is listed at more than 200 locations; only the first 200 are kept.' }]);
  });

  test('one bad record among good ones: rejected with its index, the rest import', () => {
    const { resources, rejected } = parseDirectory(aliss(svc({ id: 'a' }), svc({ id: 'b', name: '' }), 'junk' as unknown as Record<string, unknown>, svc({ id: 'd' })));
    expect(resources.map((r) => r.sourceId)).toEqual(['a', 'd']);
    expect(rejected).toEqual([
      { index: 1, reason: 'The entry with id "b" has no name.' },
      { index: 2, reason: 'This entry is not a service record.' },
    ]);
  });

  test('uncategorised record falls back to keywords and is flagged', () => {
    const { resources } = parseDirectory(aliss(svc({ categories: [], name: 'Brae Befrienders', description: 'For people who are lonely or isolated.' })));
    expect(resources[0]?.needs).toEqual(['loneliness']);
    expect(resources[0]?.needsInferred).toBe(true);
  });
});

describe('CSV', () => {
  const header = 'Service Name,Organisation,Description,Needs,Categories,Address,Post Code,Latitude,Longitude,Telephone,E-mail,Website,Opening Hours,Access,Last Updated';
  test.each([
    ['quoted commas', `${header}\n"Brae Larder, Pantry",Brae Trust,"Food, tea and chat",food,"Foodbank;Lunch Club","1 Brae St, Glasgow",g31 1aa,55.85,-4.2,0141 496 0000,a@b.org,brae.org.uk,"Mon, Wed 10-2",drop-in,01/05/2026`],
  ])('%s', (_label, csv) => {
    const { resources, rejected } = parseDirectory(csv);
    expect(rejected).toEqual([]);
    expect(resources[0]).toMatchObject({
      source: 'csv',
      name: 'Brae Larder, Pantry',
      organisation: 'Brae Trust',
      description: 'Food, tea and chat',
      needs: ['food'],
      categories: ['Foodbank', 'Lunch Club'],
      locations: [{ address: '1 Brae St, Glasgow', postcode: 'G31 1AA', lat: 55.85, lon: -4.2 }],
      phone: '0141 496 0000',
      email: 'a@b.org',
      website: 'https://brae.org.uk/',
      openingTimes: 'Mon, Wed 10-2',
      access: ['drop-in'],
      updated: '2026-05-01',
    });
  });

  test('rows without a name are rejected by row index; needs may be given as labels', () => {
    const csv = 'name,needs,categories\nA,Money benefits and debt,\n,food,\nC,,Befriending';
    const { resources, rejected } = parseDirectory(csv, 'csv');
    expect(resources.map((r) => [r.name, r.needs])).toEqual([['A', ['money']], ['C', ['loneliness']]]);
    expect(rejected).toEqual([{ index: 1, reason: 'This entry has no id and no name.' }].map((r) => ({ ...r, reason: expect.any(String) })));
  });
});

describe('never throws', () => {
  test('parseDirectory on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<DirectoryFormat | undefined>(undefined, 'aliss', 'hsds', 'oruk', 'csv'), (s, f) => {
        const r = parseDirectory(s, f);
        expect(Array.isArray(r.resources)).toBe(true);
        expect(Array.isArray(r.rejected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('parseDirectory on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseDirectory(JSON.stringify({ data: [v], count: 1 }));
        expect(r.resources.length + r.rejected.length).toBeGreaterThan(0);
        parseDirectory(JSON.stringify({ contents: [v] }));
        parseDirectory(JSON.stringify(v));
      }),
      { numRuns: 300 },
    );
  });

  test('chunked parse yields between chunks and matches the one-shot result', async () => {
    const input = JSON.stringify({ count: 25, data: Array.from({ length: 25 }, (_, i) => svc({ id: `s${i}` })) });
    let yields = 0;
    const progress: number[] = [];
    const chunked = await parseDirectoryChunked(input, undefined, { chunkSize: 10, onProgress: (d) => progress.push(d), yieldFn: async () => void yields++ });
    expect(progress).toEqual([10, 20, 25]);
    expect(yields).toBe(2);
    expect(chunked).toEqual(parseDirectory(input));
  });
});

// Plain web addresses skip the URL parser (#16 import speed): the result must be exactly what
// the parser-based reading gives, for addresses made of the characters that matter to it.
describe('websites and phones', () => {
  const parsed = (v: string): string | undefined => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return undefined;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname.includes('.') || u.username || u.password) return undefined;
    return u.href;
  };
  const piece = fc.string({ unit: fc.constantFrom('a', 'z', 'A', '0', '9', '-', '.', '/', '_', '~', 'x', '%', '@', ':', '?', '#', 'xn--', 'n'), maxLength: 12 });
  test('a website reads as the URL parser writes it, whatever shortcut is taken', () => {
    fc.assert(
      fc.property(fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:'), piece, piece, (scheme, host, path) => {
        expect(safeWebsite(scheme + host + path)).toBe(parsed(scheme + host + path));
      }),
      { numRuns: 5_000 },
    );
  });
  test.each([
    ['https://brae.org.uk', 'https://brae.org.uk/'],
    ['https://brae.org.uk/food-bank', 'https://brae.org.uk/food-bank'],
    ['http://brae.org.uk/', 'http://brae.org.uk/'],
    ['https://0x7f.1/', 'https://127.0.0.1/'],
    ['https://nhs.uk@example.com/', undefined],
    ['https://Brae.ORG.uk/a/../b', 'https://brae.org.uk/b'],
    // Punycode the URL parser refuses is refused, as the full reading does (a review found the shortcut kept it).
    ['http://xn--a.com', undefined],
    ['https://xn--.org', undefined],
  ])('%s -> %s', (given, kept) => {
    expect(safeWebsite(given)).toBe(kept);
  });
  test('an email address reads the same whether or not the plain-address shortcut is taken', () => {
    const slow = (v: string): string | undefined => {
      const raw = toPlainText(v).replace(/^mailto:/i, '').split('?')[0]?.trim() ?? '';
      return /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}$/i.test(raw) ? raw : undefined;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '.', '@', '&', 'amp;', '?', ' ', 'mailto:', '<b>', '-', 'uk'), maxLength: 10 });
    fc.assert(
      fc.property(text, (v) => {
        expect(safeEmail(v)).toBe(slow(v));
      }),
      { numRuns: 5_000 },
    );
    expect(safeEmail('hello@brae.org.uk')).toBe('hello@brae.org.uk');
    expect(safeEmail('mailto:hello@brae.org.uk?subject=x')).toBe('hello@brae.org.uk');
  });
  test.each([
    ['0141 496 0000', '0141 496 0000'],
    ['tel:999', '999'],
    ['12', undefined],
    ['ext 12', undefined],
  ])('phone %j -> %j', (given, kept) => {
    expect(safePhone(given)).toBe(kept);
  });
});
