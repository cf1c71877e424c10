import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distanceKm, locatePostcode, normalisePostcode, parseOutcodeCentroids, parsePostcodeTable } from '../../src/directory/geo';
import { qrSvg } from '../../src/directory/qr';
import { oneLine, shareText, slipModel } from '../../src/directory/share';
import type { Resource } from '../../src/directory/resource';

const centroids = parseOutcodeCentroids(JSON.parse(readFileSync(resolve('public/data/outcode-centroids.json'), 'utf8')));

describe('outcode table', () => {
  test('covers the Scottish areas and the demo districts, all within Scotland-ish bounds', () => {
    for (const oc of ['G31', 'G32', 'G33', 'G40', 'G21', 'AB10', 'DD1', 'DG1', 'EH1', 'FK1', 'HS1', 'IV1', 'KA1', 'KW1', 'KY1', 'ML1', 'PA1', 'PH1', 'TD1', 'ZE1']) {
      expect(centroids.has(oc), oc).toBe(true);
    }
    for (const [oc, [lat, lon]] of centroids) {
      expect(lat > 54.5 && lat < 61 && lon > -8.7 && lon < -0.7, oc).toBe(true);
    }
    expect(distanceKm({ lat: centroids.get('G31')![0], lon: centroids.get('G31')![1] }, { lat: 55.859, lon: -4.217 })).toBeLessThan(2);
  });
});

describe('locatePostcode', () => {
  const full = new Map<string, [number, number]>([['G31 4QT', [55.859, -4.217]]]);
  test.each([
    ['G31 4QT', { lat: 55.859, lon: -4.217, precision: 'postcode' }],
    ['g314qt', { lat: 55.859, lon: -4.217, precision: 'postcode' }],
    ['G31 9ZZ', { lat: 55.856, lon: -4.2091, precision: 'district' }],
    ['G31', { lat: 55.856, lon: -4.2091, precision: 'district' }],
    ['SW1A 1AA', undefined],
    ['banana', undefined],
    ['', undefined],
  ])('%s', (pc, expected) => {
    expect(locatePostcode(pc, { full, districts: centroids })).toEqual(expected);
  });

  test('normalises spacing and case', () => {
    expect(normalisePostcode(' eh1  1aa ')).toBe('EH1 1AA');
  });
});

describe('parsePostcodeTable', () => {
  test.each([
    ['postcode,lat,lon\nG31 4QT,55.859,-4.217\nG32,55.85,-4.16\nBAD,1,1\nG33 1AA,100,0', 1, 1, 2],
    ['pcds,lat,long\nEH1 1AA,55.95,-3.19', 1, 0, 0],
    ['PCD,Latitude,Longitude\nEH11AA,55.95,-3.19', 1, 0, 0],
  ])('table %#', (csv, fullCount, districtCount, skipped) => {
    const t = parsePostcodeTable(csv);
    expect([t.full.size, t.districts.size, t.skipped, t.error]).toEqual([fullCount, districtCount, skipped, undefined]);
  });

  test('missing columns give a reason', () => {
    expect(parsePostcodeTable('code,x\nA,1').error).toMatch(/postcode, latitude and longitude/);
  });
});

const resource: Resource = {
  id: 'demo:1',
  source: 'demo',
  sourceId: '1',
  name: 'Brae Pantry',
  organisation: 'Brae Trust',
  description: 'Low-cost food shopping for local families. Open to all. Bring a bag.',
  needs: ['food'],
  categories: [],
  locations: [{ address: 'Brae Hall, 1 Brae St, Glasgow', postcode: 'G31 1AA', lat: 55.85, lon: -4.2 }],
  phone: '0141 496 0000',
  website: 'https://brae.example.org/',
  access: ['drop-in'],
  openingTimes: 'Tuesdays 10–2',
};

describe('share and slip', () => {
  test('shareText has name, one line, phone, website, address and no extras', () => {
    expect(shareText(resource, 1.4)).toBe(
      'Brae Pantry\nLow-cost food shopping for local families.\nPhone: 0141 496 0000\nWeb: https://brae.example.org/\nAddress: Brae Hall, 1 Brae St, Glasgow, G31 1AA (about 1 km away)',
    );
  });

  test.each([
    ['Short.', 120, 'Short.'],
    ['First sentence. Second one.', 120, 'First sentence.'],
    ['A very long description without any full stop that goes on and on', 30, 'A very long description…'],
    ['', 50, ''],
  ])('oneLine(%s)', (text, max, expected) => {
    expect(oneLine(text, max)).toBe(expected);
  });

  test('slipModel has plain fields and the website for a QR code', () => {
    expect(slipModel(resource)).toEqual({
      title: 'Brae Pantry',
      organisation: 'Brae Trust',
      whatItIs: 'Low-cost food shopping for local families.',
      phone: '0141 496 0000',
      website: 'https://brae.example.org/',
      address: 'Brae Hall, 1 Brae St, Glasgow, G31 1AA',
      openingTimes: 'Tuesdays 10–2',
      howToGetHelp: 'You can drop in.',
      qrUrl: 'https://brae.example.org/',
    });
  });

  test('#16: status, readable hours and languages in the text; the day printed on the slip', () => {
    const open: Resource = { ...resource, openingTimes: undefined, hours: [{ days: 0b0011111, opens: 540, closes: 960 }], languages: ['Polish'], accessibility: 'Step-free.', communityGroups: ['Families'] };
    expect(shareText({ ...open, temporarilyClosed: true })).toBe(
      'Brae Pantry\nTemporarily closed: phone before you go.\nLow-cost food shopping for local families.\nPhone: 0141 496 0000\nWeb: https://brae.example.org/\nAddress: Brae Hall, 1 Brae St, Glasgow, G31 1AA\nOpening times: Mon–Fri 09:00–16:00\nLanguages: Polish',
    );
    expect(slipModel(open, new Date('2026-03-03T10:15:00Z'))).toMatchObject({
      openingTimes: 'Mon–Fri 09:00–16:00',
      today: 'Tue 3 Mar: Open now · until 16:00',
      languages: 'Polish',
      accessibility: 'Step-free.',
      whoFor: 'Families',
    });
    expect(slipModel({ ...open, temporarilyClosed: true }, new Date('2026-03-03T10:15:00Z'))).toMatchObject({ status: 'Temporarily closed' });
    expect(slipModel({ ...open, temporarilyClosed: true }, new Date('2026-03-03T10:15:00Z')).today).toBeUndefined();
  });

  test.each([
    ['https://brae.example.org/', true],
    ['javascript:alert(1)', false],
  ])('qrSvg(%s)', (url, svg) => {
    const out = qrSvg(url);
    expect(out.startsWith('<svg')).toBe(svg);
    if (svg) expect(out).toContain('viewBox');
    else expect(out).toBe('');
  });
});
