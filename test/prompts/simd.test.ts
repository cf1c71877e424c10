import { describe, expect, test } from 'vitest';
import { promptsFor } from '../../src/prompts/prompts-for';
import { parsePostcodeDataZones, postcodeKey, SIMD_2020V2, simdDecileFor } from '../../src/prompts/simd';
import { ctx, problems } from './helpers';

describe('SIMD 2020v2 deciles (#14)', () => {
  test.each([
    ['S01006506', 7], // Culter - 01, rank 4,691
    ['S01006507', 7], // Culter - 02, rank 4,862
    ['S01010891', 1], // Greenock Town Centre and East Central - 01, rank 1
    ['s01010891', 1],
    ['S01013481', SIMD_2020V2.decileOf('S01013481')],
  ])('%s is in decile %s', (dz, decile) => {
    expect(SIMD_2020V2.decileOf(dz)).toBe(decile);
  });

  test.each([['S01006505'], ['S01013482'], ['S02001236'], ['E01000001'], [''], ['nonsense']])('%j is not a 2011 data zone', (dz) => {
    expect(SIMD_2020V2.decileOf(dz)).toBeUndefined();
  });

  test('every data zone has a decile and each decile holds a tenth of them', () => {
    const counts = new Map<number, number>();
    for (let i = 6506; i <= 13481; i += 1) {
      const d = SIMD_2020V2.decileOf(`S01${String(i).padStart(6, '0')}`);
      expect(d).toBeGreaterThanOrEqual(1);
      counts.set(d as number, (counts.get(d as number) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const n of counts.values()) expect([697, 698]).toContain(n);
  });
});

describe('postcode look-up import', () => {
  test.each([
    ['g31 4qt', 'G31 4QT'],
    ['G314QT', 'G31 4QT'],
    [' EH1  1AA ', 'EH1 1AA'],
    ['AB10 1AL', 'AB10 1AL'],
    ['G31', undefined],
    ['not a postcode', undefined],
  ])('postcodeKey(%j) = %j', (raw, key) => {
    expect(postcodeKey(raw)).toBe(key);
  });

  test('reads a Scottish Postcode Directory extract, preferring live rows to deleted ones', () => {
    const csv = [
      '\uFEFF"Postcode","PostcodeDistrict","DateOfIntroduction","DateOfDeletion","DataZone2011Code","IntermediateZone2011Code"',
      '"G31 4QT","G31","198001","","S01010021","S02001903"',
      '"G1 1AA","G1","198001","200501","S01010265","S02001950"',
      '"G1 1AA","G1","200601","","S01010266","S02001950"',
      '"AB10 1AL","AB10","198001","","S01006646","S02001265"',
      '"BAD","","","","S01006646",""',
      '"EH1 1AA","EH1","198001","","","S02001600"',
    ].join('\n');
    const out = parsePostcodeDataZones(csv);
    expect(out.error).toBeUndefined();
    expect(out.skipped).toBe(2);
    expect(Object.fromEntries(out.lookup)).toEqual({ 'G31 4QT': 'S01010021', 'G1 1AA': 'S01010266', 'AB10 1AL': 'S01006646' });
  });

  test('reads an ONS postcode directory extract (pcds, lsoa11)', () => {
    const out = parsePostcodeDataZones('pcds,lsoa11,lat\nG31 4QT,S01010021,55.85\nSW1A 1AA,E01004736,51.5\n');
    expect(Object.fromEntries(out.lookup)).toEqual({ 'G31 4QT': 'S01010021' });
    expect(out.skipped).toBe(1);
  });

  test.each([
    ['postcode,lat,lon\nG31 4QT,55.8,-4.2\n', 'needs a postcode column and a 2011 data zone column'],
    ['Postcode,DataZone2011Code\nnope,nope\n', 'No row had both'],
    ['', 'needs a postcode column'],
  ])('refuses %j in plain words', (csv, reason) => {
    expect(parsePostcodeDataZones(csv).error).toContain(reason);
  });

  test('simdDecileFor goes postcode -> data zone -> decile, and is silent without an entry', () => {
    const lookup = new Map([['PA15 1AA', 'S01010891']]);
    expect(simdDecileFor('pa15 1aa', lookup)).toBe(1);
    expect(simdDecileFor('PA15 1AB', lookup)).toBeUndefined();
    expect(simdDecileFor('PA15 1AA', undefined)).toBeUndefined();
    expect(simdDecileFor('PA15 1AA', new Map([['PA15 1AA', 'S99999999']]))).toBeUndefined();
  });
});

describe('the deprivation rule', () => {
  const patient = ctx({ postcode: 'PA15 1AA', problems: problems('Asthma') });
  test('fires for decile 1 with a long-term condition, quoting the decile', () => {
    const p = promptsFor(patient, { simdDecile: simdDecileFor('PA15 1AA', new Map([['PA15 1AA', 'S01010891']])) }).find(
      (x) => x.ruleId === 'deprivation-ltc-money',
    );
    expect(p?.why).toContain('Postcode in SIMD decile 1 (most deprived 10%)');
  });
  test.each([[undefined], [3], [0], [11], [1.5]])('is silent for simdDecile %j', (simdDecile) => {
    expect(promptsFor(patient, { simdDecile }).map((p) => p.ruleId)).not.toContain('deprivation-ltc-money');
  });
  test('needs a long-term condition as well', () => {
    expect(promptsFor(ctx({ postcode: 'PA15 1AA' }), { simdDecile: 1 })).toEqual([]);
  });
});
