import { describe, expect, test } from 'vitest';
import { chiBirthDate, chiSex, isValidChi, isValidNhsNumber, normaliseIdentifier } from '../../src/context/identifiers';

/** Builds a CHI with a correct check digit from its first nine digits (test helper, independent of the code under test). */
function withCheck(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const c = 11 - (sum % 11);
  return nine + String(c === 11 ? 0 : c);
}

describe('isValidChi', () => {
  test.each([
    ['1403522103', true, 'demo patient'],
    ['140352 2103', true, 'space tolerated'],
    ['140-352-2103', true, 'dashes tolerated'],
    ['1403522104', false, 'wrong check digit'],
    ['140352210', false, 'too short'],
    ['14035221033', false, 'too long'],
    ['14035221O3', false, 'letter O instead of zero'],
    ['', false, 'empty'],
    [withCheck('290200123'), true, '29 Feb 00 (2000 was a leap year)'],
    [withCheck('290204123'), true, '29 Feb 04'],
    [withCheck('290201123'), false, '29 Feb 01 (not a leap year)'],
    [withCheck('300200123'), false, '30 Feb'],
    [withCheck('311100123'), false, '31 Nov'],
    [withCheck('001000123'), false, 'day 00'],
    [withCheck('011300123'), false, 'month 13'],
    [withCheck('010100123'), true, '1 Jan 00'],
  ])('%s -> %s (%s)', (value, expected) => {
    expect(isValidChi(value)).toBe(expected);
  });

  test('a check digit that would be 10 is never valid', () => {
    // 010101007: weights give sum 10+9*0... search a nine-digit stem whose check is 10.
    let stem = '';
    for (let n = 0; n < 1000 && stem === ''; n++) {
      const nine = `010190${String(n).padStart(3, '0')}`;
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
      if (11 - (sum % 11) === 10) stem = nine;
    }
    expect(stem).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(isValidChi(stem + d)).toBe(false);
  });
});

describe('chiSex and chiBirthDate', () => {
  test.each([
    ['1403522103', 'female'],
    ['0307582817', 'male'],
    ['1202907016', 'male'],
  ])('%s is %s', (chi, sex) => {
    expect(chiSex(chi)).toBe(sex);
  });

  const now = new Date(2026, 10, 25);
  test.each([
    ['1403522103', '1952-03-14'],
    ['0911034218', '2003-11-09'],
    [withCheck('010120123'), '2020-01-01'],
    [withCheck('261126123'), '1926-11-26'],
    [withCheck('251126123'), '2026-11-25'],
    [withCheck('241126123'), '2026-11-24'],
    [withCheck('290200123'), '2000-02-29'],
    ['1403522104x', undefined],
  ])('%s was born %s', (chi, iso) => {
    expect(chiBirthDate(chi, now)).toBe(iso);
  });
});

describe('NHS number', () => {
  test.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['9434765918', false],
    ['943476591', false],
    ['94347659190', false],
    ['94347659AB', false],
  ])('%s -> %s', (value, expected) => {
    expect(isValidNhsNumber(value)).toBe(expected);
  });

  test.each([
    ['140 352-2103', '1403522103'],
    [' CHI: 1403522103 ', '1403522103'],
    ['', ''],
  ])('normaliseIdentifier(%j) = %s', (raw, digits) => {
    expect(normaliseIdentifier(raw)).toBe(digits);
  });
});
