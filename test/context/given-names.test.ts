// The list of given names shared by the paste reader and a prompt's quote (src/context/given-names.ts).
import { describe, expect, test } from 'vitest';
import { isGivenName, isListedWhole, LISTED_GIVEN_NAMES, nameKey } from '../../src/context/given-names';

describe('isGivenName', () => {
  test.each([
    ['a registered name in lower case', 'jamie', true],
    ['in capitals and with its capital', 'Kirsty', true],
    ['a possessive', "kirsty's", true],
    ['accents folded', 'mòrag', true],
    ['a Polish name written with its letters', 'łukasz', true],
    ['a Scots pet form the registers do not hold', 'shug', true],
    ['a hyphenated name whose first part is listed', 'kai-lee', true],
    ['an English word that is a name too is no listed name', 'will', false],
    ['a month', 'june', false],
    ['a Scots word that is a name too', 'fae', false],
    ['a short form that is a name too', 'tia', false],
    ['a relation', 'nana', false],
    ['a word', 'rent', false],
    ['empty', '', false],
  ])('%s: %s', (_, word, expected) => {
    expect(isGivenName(word)).toBe(expected);
  });

  test('the list is lower case, sorted, without accents, and of the size its README gives', () => {
    expect(LISTED_GIVEN_NAMES.length).toBe(2463);
    for (const name of LISTED_GIVEN_NAMES) expect(nameKey(name)).toBe(name);
    expect([...LISTED_GIVEN_NAMES].sort()).toEqual(LISTED_GIVEN_NAMES);
  });

  test('a hyphenated name on the list is whole; one made of a listed part is not', () => {
    expect(isListedWhole('ellie-may')).toBe(true);
    expect(isListedWhole('kai-lee')).toBe(false);
  });
});
