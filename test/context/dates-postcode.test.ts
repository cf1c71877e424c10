import { describe, expect, test } from 'vitest';
import { ageOn, parseUkDate } from '../../src/context/dates';
import { normalisePostcode, postcodeDistrict } from '../../src/context/postcode';

describe('parseUkDate', () => {
  test.each([
    ['14-Mar-1952', '1952-03-14'],
    ['14/03/1952', '1952-03-14'],
    ['14.03.1952', '1952-03-14'],
    ['14 March 1952', '1952-03-14'],
    ['14 Mar 1952', '1952-03-14'],
    ['1952-03-14', '1952-03-14'],
    ['4/3/1952', '1952-03-04'],
    ['27/06/1981 (45 y)', '1981-06-27'],
    ['DOB: 14 Sept 1952', '1952-09-14'],
    ['29/02/2000', '2000-02-29'],
    ['29/02/1900', undefined],
    ['31/02/2000', undefined],
    ['14/13/1952', undefined],
    ['14 Smarch 1952', undefined],
    ['Feb 2, 1951', '1951-02-02'],
    ['February 2nd 1951', '1951-02-02'],
    ['d.o.b. Sept. 14, 1952', '1952-09-14'],
    ['Feb 30, 1951', undefined],
    ['Seen 2, 1951', undefined],
    ['Smarch 2, 1951', undefined],
    ['1952-02-30', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('%j -> %s', (text, iso) => {
    expect(parseUkDate(text)).toBe(iso);
  });
});

describe('ageOn', () => {
  test.each([
    ['1952-03-14', new Date(2026, 2, 13), 73],
    ['1952-03-14', new Date(2026, 2, 14), 74],
    ['2000-02-29', new Date(2026, 1, 28), 25],
    ['2000-02-29', new Date(2026, 2, 1), 26],
    ['2026-11-25', new Date(2026, 10, 25), 0],
  ])('born %s, on %s -> %i', (birth, now, age) => {
    expect(ageOn(birth, now)).toBe(age);
  });
});

describe('postcodes', () => {
  test.each([
    ['g314qt', 'G31 4QT', 'G31'],
    [' G31 4QT ', 'G31 4QT', 'G31'],
    ['g40  1bx', 'G40 1BX', 'G40'],
    ['EH1 1AA', 'EH1 1AA', 'EH1'],
    ['G31', undefined, undefined],
    ['not a postcode', undefined, undefined],
    ['', undefined, undefined],
  ])('%j -> %s (%s)', (raw, normalised, district) => {
    expect(normalisePostcode(raw)).toBe(normalised);
    expect(postcodeDistrict(raw)).toBe(district);
  });
});
