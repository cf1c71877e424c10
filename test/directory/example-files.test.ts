// #16: every public example file of the standards (test/fixtures/directory, copied from the shared data set)
// is imported, and each gives a sensible answer: services where there are services, a plain reason where
// there are none, the validator's failing mocks rejected with reasons, and the tabular package joined.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDirectory } from '../../src/directory/import/index';
import { parseDirectoryPackage } from '../../src/directory/import/package/index';
import { isNeedId } from '../../src/prompts/needs';

const root = resolve('test/fixtures/directory');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [relative(root, join(dir, f))]));
const NOT_DATA = new Set(['README.md', 'make-hsds-zip.mjs']);

const TABLE = /is one table of an HSDS package \(.+\), not a list of services\. Import the whole package/;
type Expect = { services: number; rejected?: number; reason?: RegExp };
const none = (reason: RegExp): Expect => ({ services: 0, rejected: 1, reason });

/** Every example file and what importing it must give. */
const EXPECTED: Record<string, Expect> = {
  'aliss/categories_fixture.json': none(/is a database fixture \("aliss\.category" records\), not a service list/),
  'aliss/service_areas_fixture.json': none(/is a database fixture \("aliss\.servicearea" records\), not a service list/),
  'aliss/v4_1_categories.json': none(/is a list of categories, not a service list/),
  'aliss/v4_1_organisation_detail.json': none(/is an organisation record, not a service list/),
  'aliss/v4_1_service_areas.json': none(/is a list of service areas, not a service list/),
  'aliss/v4_1_service_detail.json': { services: 1 },
  'aliss/v4_services_search_G2_4AA.json': { services: 4 },
  'hsds-3.0/base.json': none(/is not a service list in a format we know/),
  'hsds-3.0/datapackage.json': none(/datapackage\.json of an HSDS tabular package/),
  'hsds-3.0/location.json': none(/an HSDS location record, not a service list/),
  'hsds-3.0/organization_full.json': none(/an organisation record, not a service list/),
  'hsds-3.0/organization_list.json': none(/an organisation record, not a service list/),
  'hsds-3.0/service_at_location_full.json': { services: 1 },
  'hsds-3.0/service_at_location_list.json': { services: 1 },
  'hsds-3.0/service_full.json': { services: 1 },
  'hsds-3.0/service_list.json': { services: 1 },
  'hsds-3.0/taxonomy.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'hsds-3.0/taxonomy_list.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'hsds-3.0/taxonomy_term.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'hsds-3.0/taxonomy_term_list.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'hsds-3.0/csv/datapackage.json': none(/datapackage\.json of an HSDS tabular package/),
  'hsds-3.0/csv/services.csv': none(/^services\.csv is the services table of an HSDS package: addresses, phone numbers and opening hours are in the package's other tables/),
  'hsds-3.0/hsds-3.0-tabular.zip': { services: 1 },
  'oruk-3.0-profile/organization_full.json': none(/an organisation record, not a service list/),
  'oruk-3.0-profile/organization_list.json': none(/is not a service list in a format we know/),
  'oruk-3.0-profile/service_at_location_full.json': { services: 1 },
  'oruk-3.0-profile/service_at_location_list.json': { services: 1 },
  'oruk-3.0-profile/service_full.json': { services: 1 },
  'oruk-3.0-profile/service_list.json': { services: 1 },
  'oruk-3.0-profile/taxonomy.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'oruk-3.0-profile/taxonomy_list.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'oruk-3.0-profile/taxonomy_term.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'oruk-3.0-profile/taxonomy_term_list.json': none(/HSDS taxonomy \(categories\), not a service list/),
  'oruk-validator-mocks/fail_service_full.json': { services: 1 },
  'oruk-validator-mocks/fail_service_list.json': { services: 0, rejected: 4, reason: /has no name\.$/ },
  'oruk-validator-mocks/v1_dashboard_feeds.json': none(/is not a service list in a format we know/),
  'taxonomies/openeligibility_taxonomy.xml': none(/neither JSON nor a spreadsheet/),
};
for (const table of ['accessibility', 'addresses', 'attributes', 'contacts', 'cost_options', 'funding', 'languages', 'locations', 'meta_table_descriptions', 'metadata', 'organization_identifiers', 'organizations', 'phones', 'programs', 'required_documents', 'schedules', 'service_areas', 'service_at_location', 'taxonomies', 'taxonomy_terms']) {
  EXPECTED[`hsds-3.0/csv/${table}.csv`] = none(new RegExp(`^${table}\\.csv ${TABLE.source}`));
}

const files = walk(root).filter((f) => !NOT_DATA.has(f.split('/').pop() ?? ''));

describe('every example file in the shared data set', () => {
  test('each one has an expectation here (a new file must be added to the table)', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(files.sort())('%s', (file) => {
    const expected = EXPECTED[file] as Expect;
    const result = file.endsWith('.zip')
      ? parseDirectoryPackage([{ name: file, bytes: new Uint8Array(readFileSync(join(root, file))) }])
      : parseDirectory(readFileSync(join(root, file), 'utf8'), undefined, { fileName: file });
    expect(result.resources).toHaveLength(expected.services);
    expect(result.rejected).toHaveLength(expected.rejected ?? 0);
    for (const r of result.rejected) expect(r.reason).toMatch(expected.reason ?? /^$/);
    if (expected.services === 0 && expected.rejected === 1) expect(result.rejected[0]?.index).toBe(-1);
    for (const r of result.resources) {
      expect(r.name).toBeTruthy();
      expect(r.needs.every(isNeedId)).toBe(true);
      expect(r.website === undefined || /^https?:\/\//.test(r.website)).toBe(true);
    }
  });

  test('the tabular example as a folder (its datapackage.json a dangling link) joins the same service as the zip', () => {
    const csvFiles = files.filter((f) => f.startsWith('hsds-3.0/csv/')).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(root, f))) }));
    const folder = parseDirectoryPackage(csvFiles);
    const zipped = parseDirectoryPackage([{ name: 'x.zip', bytes: new Uint8Array(readFileSync(join(root, 'hsds-3.0/hsds-3.0-tabular.zip'))) }]);
    expect(folder.resources).toEqual(zipped.resources);
    expect(folder.resources[0]?.name).toBe('Community Counselling');
  });
});
