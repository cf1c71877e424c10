import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nextPageUrl, parseAlissPages, parseDirectory } from '../../src/directory/import/index';
import { isNeedId } from '../../src/prompts/needs';

// Vitest runs from the repository root.
const fixture = (path: string): string => readFileSync(resolve('test/fixtures/directory', path), 'utf8');

describe('importers on the shared example files', () => {
  test.each([
    // file, expected services, expected rejections, sniffed source
    ['aliss/v4_services_search_G2_4AA.json', 4, 0, 'aliss'],
    ['aliss/v4_1_service_detail.json', 1, 0, 'aliss'],
    ['hsds-3.0/service_full.json', 1, 0, 'hsds'],
    ['hsds-3.0/service_list.json', 1, 0, 'hsds'],
    ['hsds-3.0/service_at_location_list.json', 1, 0, 'hsds'],
    ['oruk-3.0-profile/service_full.json', 1, 0, 'oruk'],
    ['oruk-validator-mocks/fail_service_full.json', 1, 0, 'oruk'],
    ['oruk-validator-mocks/fail_service_list.json', 0, 4, 'hsds'],
  ])('%s -> %i services, %i rejected', (file, services, rejected, source) => {
    const result = parseDirectory(fixture(file));
    expect(result.resources).toHaveLength(services);
    expect(result.rejected).toHaveLength(rejected);
    for (const r of result.resources) {
      expect(r.source).toBe(source);
      expect(r.id).toBe(`${source}:${r.sourceId}`);
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.needs.every(isNeedId)).toBe(true);
    }
  });

  test.each([
    ['aliss/v4_1_organisation_detail.json'],
    ['hsds-3.0/organization_full.json'],
  ])('%s is not a service list: one whole-file rejection', (file) => {
    const result = parseDirectory(fixture(file));
    expect(result.resources).toEqual([]);
    expect(result.rejected).toEqual([{ index: -1, reason: expect.stringContaining('not a service list') }]);
  });

  test('ALISS fields map into Resource', () => {
    const [first] = parseDirectory(fixture('aliss/v4_services_search_G2_4AA.json')).resources;
    expect(first).toMatchObject({
      id: 'aliss:3da126c1-44b4-4095-a1d1-db21787d0b6a',
      name: 'Food Parcels',
      organisation: 'Loaves and Fishes',
      phone: '01355 224 375',
      email: 'enquiries@loavesandfishes.org.uk',
      website: 'http://www.loavesandfishes.org.uk/contact.htm',
      needs: ['food'],
      updated: '2018-09-17',
      locations: [{ postcode: 'G2 4JP', lat: 55.8652885, lon: -4.2672764, address: 'Renfield St Stephens Centre, 260 Bath Street, Glasgow, G2 4JP' }],
    });
    expect(first?.categories).toContain('Foodbank');
  });

  test('HSDS example: out-of-range coordinates dropped, service kept, quotes stripped from phone', () => {
    const [r] = parseDirectory(fixture('hsds-3.0/service_full.json')).resources;
    expect(r?.name).toBe('Community Counselling');
    expect(r?.phone).toBe('+44 1234 234567');
    expect(r?.locations[0]?.lat).toBeUndefined();
    expect(r?.locations[0]?.postcode).toBe('ABC 1234');
    expect(r?.needs).toContain('mental-wellbeing');
    expect(r?.needsInferred).toBe(true);
    expect(r?.access).toContain('professional-referral');
    expect(r?.cost).toContain('£50 per hour');
    expect(r?.updated).toBe('2023-03-15');
  });

  test('ORUK validator mock: bad url and email dropped (organisation ones used instead)', () => {
    const [r] = parseDirectory(fixture('oruk-validator-mocks/fail_service_full.json')).resources;
    expect(r?.website).toBe('http://example.com/');
    expect(r?.email).toBe('email@example.com');
  });

  test('ORUK validator list: each nameless record rejected with its index and a reason', () => {
    const { rejected } = parseDirectory(fixture('oruk-validator-mocks/fail_service_list.json'), 'oruk');
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(rejected[0]?.reason).toMatch(/has no name/);
  });

  test('the source option names the source', () => {
    const { resources } = parseDirectory(fixture('aliss/v4_1_service_detail.json'), 'aliss', { source: 'nhs-ggc' });
    expect(resources[0]?.id).toBe('nhs-ggc:4b5eaf69-b5dc-4aea-9970-42fa3b590b91');
  });

  test.each([
    [fixture('aliss/v4_services_search_G2_4AA.json'), undefined, 'https://www.aliss.org/api/v4/services/?page=2&postcode=G2+4AA'],
    [fixture('hsds-3.0/service_list.json'), 'https://api.example.org/services?page=1', 'https://api.example.org/services?page=2'],
    [JSON.stringify({ total_pages: 3, page_number: 3, contents: [] }), 'https://api.example.org/services?page=3', undefined],
    [JSON.stringify({ next: 'javascript:alert(1)', data: [] }), undefined, undefined],
    ['not json', 'https://x.org/', undefined],
  ])('nextPageUrl %#', (input, current, expected) => {
    expect(nextPageUrl(input, current)).toBe(expected);
  });

  test('parseAlissPages joins pages; a bad page is reported, the rest import', () => {
    const page = fixture('aliss/v4_services_search_G2_4AA.json');
    const result = parseAlissPages([page, '{"count": 3, "data": [', fixture('aliss/v4_1_service_detail.json')]);
    expect(result.resources).toHaveLength(5);
    expect(result.rejected).toEqual([{ index: -1, reason: expect.stringMatching(/^Page 2: The file ends part-way through/) }]);
  });
});
