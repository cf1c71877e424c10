// #16: HSDS 3.0 tabular packages, as a folder or a .zip.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parseDirectoryPackage, parseDirectoryPackageChunked, type PackageFile } from '../../src/directory/import/package/index';
import { parseDirectory } from '../../src/directory/import/index';

const dir = resolve('test/fixtures/directory/hsds-3.0');
const folder = (): PackageFile[] => readdirSync(`${dir}/csv`).map((f) => ({ name: `csv/${f}`, bytes: new Uint8Array(readFileSync(`${dir}/csv/${f}`)) }));
const zipFile = (): PackageFile => ({ name: 'hsds-3.0-tabular.zip', bytes: new Uint8Array(readFileSync(`${dir}/hsds-3.0-tabular.zip`)) });
const csv = (rows: string[][]): string => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
const reportOf = (result: ReturnType<typeof parseDirectoryPackage>) => Object.fromEntries(result.tables.map((t) => [t.table, [t.rows, t.joined, t.rejected, t.unused]]));

describe('the Open Referral example package', () => {
  const expectedReport = {
    service: [1, 1, 0, 0],
    organization: [1, 1, 0, 0],
    service_at_location: [1, 1, 0, 0],
    location: [1, 1, 0, 0],
    address: [1, 1, 0, 0],
    phone: [1, 1, 0, 0],
    schedule: [1, 1, 0, 0],
    language: [1, 1, 0, 0],
    accessibility: [1, 1, 0, 0],
    attribute: [1, 0, 1, 0],
    taxonomy_term: [1, 0, 0, 1],
    contact: [1, 1, 0, 0],
    cost_option: [1, 1, 0, 0],
    service_area: [1, 1, 0, 0],
    program: [1, 0, 0, 1],
    funding: [1, 0, 0, 1],
    required_document: [1, 0, 0, 1],
    organization_identifier: [1, 0, 0, 1],
    taxonomy: [1, 0, 0, 1],
    metadata: [1, 0, 0, 1],
    meta_table_description: [1, 0, 0, 1],
  };

  test('as a folder: joined into one service; datapackage.json (a link in the copy) reported and worked round', () => {
    const result = parseDirectoryPackage(folder());
    expect(result.rejected).toEqual([]);
    expect(result.resources).toHaveLength(1);
    expect(result.warnings[0]).toEqual({ index: -1, reason: expect.stringMatching(/^datapackage\.json could not be read/) });
    expect(reportOf(result)).toEqual(expectedReport);
    const attribute = result.tables.find((t) => t.table === 'attribute');
    expect(attribute?.reasons).toEqual([{ reason: 'its link_id is not in services.csv', count: 1, rows: [2] }]);
  });

  test('as a zip: the same, with the tables found through datapackage.json', () => {
    const result = parseDirectoryPackage([zipFile()]);
    expect(result.rejected).toEqual([]);
    expect(result.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/http:\/\//)]);
    expect(reportOf(result)).toEqual(expectedReport);
    expect(result.tables[0]?.file).toBe('hsds-3.0-tabular/services.csv');
    expect(result.resources).toEqual(parseDirectoryPackage(folder()).resources);
  });

  test('the joined card has what the JSON example has: organisation, address, phone, hours text, languages, access, cost', () => {
    const [fromPackage] = parseDirectoryPackage([zipFile()]).resources;
    const [fromJson] = parseDirectory(readFileSync(`${dir}/service_full.json`, 'utf8')).resources;
    expect(fromPackage).toMatchObject({
      id: 'hsds:ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      organisation: 'Example Organization Inc.',
      phone: '+44 1234 234567',
      locations: [{ address: 'MyCity Civic Center, 1-30 Main Street, MyVillage, MyCity, MyRegion, ABC 1234', postcode: 'ABC 1234' }],
      languages: ['Urdu'],
      accessibility: expect.stringContaining('Wheelchair access'),
      openingTimes: expect.stringContaining('10 am to 6pm weekdays'),
      reviewed: '2005-01-01',
      updated: '2023-03-15',
    });
    for (const key of ['name', 'organisation', 'phone', 'email', 'website', 'languages', 'interpretation', 'accessibility', 'openingTimes', 'hours', 'eligibility', 'reviewed', 'updated', 'needs'] as const) {
      expect(fromPackage?.[key], key).toEqual(fromJson?.[key]);
    }
  });
});

describe('joins, orphans and rejections', () => {
  const pkg = (tables: Record<string, string[][]>): PackageFile[] => Object.entries(tables).map(([name, rows]) => ({ name, text: csv(rows) }));
  const services = [
    ['id', 'organization_id', 'name', 'description', 'status'],
    ['s1', 'o1', 'Brae Pantry', 'Low-cost food.', 'active'],
    ['s2', 'o1', 'Brae Choir', 'Singing for wellbeing.', 'temporarily closed'],
    ['s3', 'o1', 'Old Club', 'Closed for good.', 'defunct'],
    ['s1', 'o1', 'Brae Pantry again', 'Same id.', 'active'],
    ['s4', 'o-missing', 'Brae Advice', 'Money advice.', 'active'],
  ];
  const tables = {
    'services.csv': services,
    'organizations.csv': [['id', 'name'], ['o1', 'Brae Trust'], ['o2', 'Nobody Uses Me']],
    'locations.csv': [['id', 'name', 'latitude', 'longitude'], ['l1', 'Brae Hall', '55.85', '-4.2'], ['l2', 'Empty Hall', '55.8', '-4.1']],
    'service_at_location.csv': [['id', 'service_id', 'location_id'], ['x1', 's1', 'l1'], ['x2', 's2', 'l1'], ['x3', 's1', 'l-missing']],
    'addresses.csv': [['id', 'location_id', 'address_1', 'city', 'postal_code'], ['a1', 'l1', '1 Brae St', 'Glasgow', 'G31 1AA']],
    'phones.csv': [['id', 'service_id', 'location_id', 'number'], ['p1', 's1', '', '0141 496 0001'], ['p2', '', 'l1', '0141 496 0002'], ['p3', 's-missing', '', '0141 496 0003'], ['p4', 's3', '', '0141 496 0004'], ['p5', '', '', '0141 496 0005']],
    'schedules.csv': [['id', 'service_id', 'byday', 'opens_at', 'closes_at'], ['h1', 's1', 'MO,WE', '10:00', '14:00'], ['h2', 's2', 'FR', '18:00', '20:00']],
    'languages.csv': [['id', 'service_id', 'location_id', 'name', 'code'], ['g1', 's1', '', 'Polish', 'pl'], ['g2', '', 'l1', '', 'ar']],
    'attributes.csv': [['id', 'link_id', 'taxonomy_term_id', 'link_entity'], ['t1', 's1', 'term-food', 'service'], ['t2', 'o1', 'term-food', 'organization']],
    'taxonomy_terms.csv': [['id', 'name'], ['term-food', 'Food Banks'], ['term-x', 'Unused Term']],
    'extra.csv': [['a', 'b'], ['1', '2']],
  };

  test('services, their children and every row accounted for', () => {
    const result = parseDirectoryPackage(pkg(tables), { source: 'brae' });
    expect(result.resources.map((r) => [r.id, r.name, r.temporarilyClosed])).toEqual([
      ['brae:s1', 'Brae Pantry', undefined],
      ['brae:s2', 'Brae Choir', true],
      ['brae:s4', 'Brae Advice', undefined],
    ]);
    const pantry = result.resources[0];
    expect(pantry).toMatchObject({
      organisation: 'Brae Trust',
      phone: '0141 496 0001',
      languages: ['Polish', 'Arabic'],
      categories: ['Food Banks'],
      needs: ['food'],
      hours: [{ days: 5, opens: 600, closes: 840 }],
      locations: [{ address: 'Brae Hall, 1 Brae St, Glasgow, G31 1AA', postcode: 'G31 1AA', lat: 55.85, lon: -4.2 }],
    });
    // The hall's own phone is only a fallback: the choir has no phone of its own.
    expect(result.resources[1]?.phone).toBe('0141 496 0002');
    expect(result.rejected).toEqual([
      { index: 2, reason: '"Old Club" is marked as defunct by the source.' },
      { index: 3, reason: '"Brae Pantry again" has the same id ("s1") as "Brae Pantry" earlier in the file; only the first is kept.' },
    ]);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        { index: -1, reason: 'The package has no datapackage.json; its tables were found by their standard HSDS file names.' },
        { index: -1, reason: 'Not HSDS tables, so not read: extra.csv.' },
        { index: 4, reason: 'its organization_id "o-missing" is not in organizations.csv, so no organisation is shown' },
      ]),
    );
    const report = Object.fromEntries(result.tables.map((t) => [t.table, t]));
    expect(report.service).toMatchObject({ rows: 5, joined: 3, rejected: 2, reasons: [{ reason: '"…" is marked as defunct by the source.', count: 1, rows: [4] }, { reason: expect.stringContaining('has the same id'), count: 1, rows: [5] }] });
    expect(report.organization).toMatchObject({ joined: 1, unused: 1, reasons: [{ reason: 'no imported service belongs to this organisation', count: 1, rows: [3] }] });
    expect(report.location).toMatchObject({ joined: 1, unused: 1 });
    expect(report.service_at_location).toMatchObject({ joined: 2, rejected: 1, reasons: [{ reason: 'its location_id is not in locations.csv', count: 1, rows: [4] }] });
    expect(report.phone).toMatchObject({
      joined: 2,
      rejected: 2,
      unused: 1,
      reasons: expect.arrayContaining([
        { reason: 'its service_id is not in services.csv', count: 1, rows: [4] },
        { reason: 'its service was not imported', count: 1, rows: [5] },
        { reason: 'it links to nothing (no service_id, service_at_location_id, contact_id, location_id, organization_id)', count: 1, rows: [6] },
      ]),
    });
    expect(report.attribute).toMatchObject({ joined: 1, unused: 1, reasons: [{ reason: 'it describes a record of "organization", not a service', count: 1, rows: [3] }] });
    expect(report.taxonomy_term).toMatchObject({ joined: 1, unused: 1 });
  });

  test('the chunked variant gives the same result and reports progress', async () => {
    const progress: number[] = [];
    let yields = 0;
    const chunked = await parseDirectoryPackageChunked(pkg(tables), { source: 'brae', chunkSize: 2, onProgress: (d) => progress.push(d), yieldFn: async () => void yields++ });
    expect(chunked).toEqual(parseDirectoryPackage(pkg(tables), { source: 'brae' }));
    expect(progress).toEqual([2, 4, 5]);
    expect(yields).toBe(2);
  });

  test("blank lines and a spreadsheet's empty rows are skipped, before the header too, and never counted", () => {
    const services = '\n,,\n id,name,description\ns1,Cafe Brae,Tea\n,,\n  , ,\t\n\ns2,Larder,Food\n,,\n';
    const result = parseDirectoryPackage([{ name: 'services.csv', text: services }]);
    expect(result.resources.map((r) => r.name)).toEqual(['Cafe Brae', 'Larder']);
    expect(result.rejected).toEqual([]);
    expect(result.tables.find((t) => t.table === 'service')?.rows).toBe(2);
  });

  test('Windows-1252 text (a spreadsheet saved by Excel) is read', () => {
    const services1252 = new Uint8Array([...strToU8('id,name,description\ns1,Caf'), 0xe9, ...strToU8(' Brae,Tea \u0000'.replace('\u0000', '')), 0xa3, ...strToU8('1\n')]);
    const result = parseDirectoryPackage([{ name: 'services.csv', bytes: services1252 }]);
    expect(result.resources[0]?.name).toBe('Café Brae');
    expect(result.resources[0]?.description).toBe('Tea £1');
  });
});

describe('refused with a plain reason, nothing imported', () => {
  const small = { 'pkg/services.csv': strToU8('id,name\ns1,Brae Pantry\n') };
  test.each<[string, () => PackageFile[], RegExp]>([
    ['a zip bomb', () => [{ name: 'bomb.zip', bytes: zipSync({ 'pkg/services.csv': new Uint8Array(8 * 1024 * 1024) }) }], /zip bomb/],
    ['a path that climbs out', () => [{ name: 'evil.zip', bytes: zipSync({ ...small, '../evil.csv': strToU8('x') }) }], /unsafe path \("\.\.\/evil\.csv"\)/],
    ['an absolute path', () => [{ name: 'evil.zip', bytes: zipSync({ ...small, '/etc/evil.csv': strToU8('x') }) }], /unsafe path/],
    ['a damaged zip', () => [{ name: 'broken.zip', bytes: zipSync(small).slice(0, 40) }], /not a zip that can be opened/],
    ['two zips', () => [{ name: 'a.zip', bytes: zipSync(small) }, { name: 'b.zip', bytes: zipSync(small) }], /More than one zip/],
    ['a zip and loose files', () => [{ name: 'a.zip', bytes: zipSync(small) }, { name: 'services.csv', text: 'id,name\n1,A' }], /A zip and loose files/],
    ['no services table', () => [{ name: 'phones.csv', text: 'id,service_id,number\n1,2,0141' }], /no services table/],
    ['two packages in one folder', () => [{ name: 'a/services.csv', text: 'id,name\n1,A' }, { name: 'b/services.csv', text: 'id,name\n1,A' }], /more than one services\.csv/],
    ['nothing at all', () => [], /no services table/],
  ])('%s', (_label, files, reason) => {
    const result = parseDirectoryPackage(files());
    expect(result.resources).toEqual([]);
    expect(result.rejected).toEqual([{ index: -1, reason: expect.stringMatching(reason) }]);
    expect(result.tables).toEqual([]);
  });

  test('the size caps apply to the zip and to what it unpacks to', () => {
    const bytes = zipSync(small);
    expect(parseDirectoryPackage([{ name: 'p.zip', bytes }], { limits: { maxZipBytes: 10 } }).rejected[0]?.reason).toMatch(/the most accepted is/);
    expect(parseDirectoryPackage([{ name: 'p.zip', bytes }], { limits: { maxTotalBytes: 10 } }).rejected[0]?.reason).toMatch(/unpacks to more than/);
    expect(parseDirectoryPackage([{ name: 'services.csv', text: 'id,name\n1,A' }], { limits: { maxTotalBytes: 5 } }).rejected[0]?.reason).toMatch(/come to more than/);
  });

  test('a zip that understates a file size unpacks no more than it declared', () => {
    const bytes = zipSync({ 'services.csv': strToU8(`id,name\n${Array.from({ length: 2000 }, (_, i) => `s${i},Service ${i}`).join('\n')}\n`) });
    // Central directory entry: signature PK\1\2; its uncompressed size is at offset 24.
    const cd = bytes.findIndex((b, i) => b === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    new DataView(bytes.buffer).setUint32(cd + 24, 40, true);
    const result = parseDirectoryPackage([{ name: 'liar.zip', bytes }]);
    expect(result.resources.length).toBeLessThanOrEqual(3);
  });

  test('never throws, whatever the files', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string(), bytes: fc.uint8Array({ maxLength: 200 }) }), { maxLength: 4 }), (files) => {
        const result = parseDirectoryPackage(files);
        expect(Array.isArray(result.resources)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('services.csv', 'phones.csv', 'locations.csv', 'service_at_location.csv', 'schedules.csv', 'datapackage.json'), fc.string()), { maxLength: 6 }), (files) => {
        const result = parseDirectoryPackage(files.map(([name, text]) => ({ name, text })));
        expect(result.resources.length + result.rejected.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
