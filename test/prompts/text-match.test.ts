import { describe, expect, test } from 'vitest';
import { findPhrases } from '../../src/prompts/text-match';

/** [text, phrases, expected positive phrases, expected negated phrases] */
const CASES: [string, string[], string[], string[]][] = [
  ['Rent arrears of £900', ['arrears'], ['arrears'], []],
  ['Has debts with catalogue', ['debt'], ['debt'], []],
  ['financial difficulties since March', ['financial difficulty'], ['financial difficulty'], []],
  ['Food parcels from church', ['food parcel'], ['food parcel'], []],
  ['Overdebted is not a word here', ['debt'], [], []],
  ['Spain holiday', ['pain'], [], []],
  ['Has arears on the flat', ['arrears'], ['arrears'], []],
  ['Evicion notice served', ['eviction'], ['eviction'], []],
  ['Waiting on benifits', ['benefits'], ['benefits'], []],
  ['Very lonley since move', ['lonely'], ['lonely'], []],
  ['Gamblin most nights', ['gambling'], ['gambling'], []],
  ['CANNOT AFFORD the bus', ["can't afford"], ["can't afford"], []],
  ['cant afford the bus', ['cannot afford'], ['cannot afford'], []],
  ['She can not afford it', ["can't afford"], ["can't afford"], []],
  ['She can\u2019t afford it', ['cannot afford'], ['cannot afford'], []],
  ['Self management plan agreed', ['self-management'], ['self-management'], []],
  ['No money worries.', ['money worries'], [], ['money worries']],
  ['Denies alcohol, drugs or gambling', ['alcohol', 'gambling'], [], ['alcohol', 'gambling']],
  ['Not worried about housing', ['housing'], [], ['housing']],
  ['No concerns about money or housing', ['money', 'housing'], [], ['money', 'housing']],
  ["Doesn't drink alcohol", ['alcohol'], [], ['alcohol']],
  ['Never smoked', ['smoked'], [], ['smoked']],
  ['No issues with heating', ['heating'], [], ['heating']],
  ['Alcohol: nil', ['alcohol'], [], ['alcohol']],
  ['Money not a problem', ['money'], [], ['money']],
  ['Nil debts', ['debts'], [], ['debts']],
  ['No chest pain. Lives alone.', ['lives alone'], ['lives alone'], []],
  ['No chest pain, lives alone', ['lives alone'], ['lives alone'], []],
  ['No money worries but has rent arrears', ['money worries', 'rent arrears'], ['rent arrears'], ['money worries']],
  ['Not coping with debts', ['debts', 'not coping'], ['not coping', 'debts'], []],
  ['No heating and a cold house', ['no heating', 'cold house'], ['no heating', 'cold house'], []],
  ['Has no one to talk to', ['no one to talk to'], ['no one to talk to'], []],
];

describe('findPhrases', () => {
  test.each(CASES)('%s', (text, phrases, positive, negated) => {
    const hits = findPhrases(text, phrases);
    expect(hits.filter((h) => !h.negated).map((h) => h.phrase).sort()).toEqual([...positive].sort());
    expect(hits.filter((h) => h.negated).map((h) => h.phrase).sort()).toEqual([...negated].sort());
  });

  // The template denial is read only where the rule's need allows it (code review, twelfth session): the public
  // finders, which know no need, never apply it, so a denied self-harm question stays a mention to weigh.
  test.each(['Self harm concerns? No.', 'Domestic abuse concerns? No.', 'Gambling: N'])('a template "no" is not a negation here: %s', (text) => {
    const [hit] = findPhrases(text, ['self harm', 'domestic abuse', 'gambling']);
    expect(hit?.negated).toBe(false);
  });

  test('snippets quote the words as typed, with a little context', () => {
    const [hit] = findPhrases('Got an Eviction Letter yesterday.', ['eviction']);
    expect(hit).toEqual({ phrase: 'eviction', snippet: 'an Eviction Letter', negated: false });
  });

  // Thirty-third session: a reason never quotes another person's name beside the patient's.
  test.each([
    ['a name before the phrase', 'Says partner Peter controls the money.', 'controls the money', '[name] controls the money'],
    ['a full name in the quote', 'Scared of ex Bill Kerrigan threatening her.', 'threatening', '[name] threatening her'],
    ['title case beside a phrase word is kept', 'Got an Eviction Letter yesterday.', 'eviction', 'an Eviction Letter'],
    ['a month is kept', 'Widowed in June lonely since.', 'lonely', 'June lonely'],
    ['a sentence’s first word is kept (it is rarely a name, and cannot be told from one)', 'Lonely. Feels isolated.', 'isolated', 'Feels isolated'],
    // Thirty-fifth session: a listed given name is hidden in any case and place (src/context/given-names.ts).
    ['a lower-case name inside the phrase\u2019s span', 'son jamie in prison since may.', 'son ~2 prison', 'son [name] in prison'],
    ['a listed name opening the sentence', 'Kirsty lost her job.', 'lost her job', '[name] lost her job'],
    ['a name with accents or a possessive', 'after mòrag\u2019s eviction last week.', 'eviction', '[name] eviction last week'],
    ['Scots words and short forms that are names too are kept', 'tel call fae pt re eviction.', 'eviction', 're eviction'],
    // Forty-second session: the word of context is left out when it joins or turns ("since", "and"); after the match the
    // quote runs on through "last", "in", "the" to the next word of the clause, or keeps one that ends the clause.
    ['a quote runs on through a time word', 'UC sanctioned last month, skint.', 'sanctioned', 'UC sanctioned last month'],
    ['a joining word before the match is left out', 'Struggling with the gas bill and rent arrears.', 'rent arrears', 'rent arrears'],
    ['a joining word after the match is left out', 'Partner checks her phone and controls the money.', 'checks her phone', 'Partner checks her phone'],
    ['a run-on never reaches a joining word', 'Husband died in and out of hospital.', 'died', 'Husband died'],
    ['two run-on words at most', 'Evicted from the the the flat.', 'evicted', 'Evicted'],
    ['a word that is a name too is kept', 'Will need a food parcel.', 'food parcel', 'a food parcel'],
  ])('a quote hides names: %s', (_, text, phrase, snippet) => {
    expect(findPhrases(text, [phrase])[0]?.snippet).toBe(snippet);
  });

  test.each([
    ['', ['debt']],
    ['debt', []],
    [undefined as unknown as string, ['debt']],
    ['debt', [42] as unknown as string[]],
  ])('odd input %j never throws', (text, phrases) => {
    expect(() => findPhrases(text, phrases)).not.toThrow();
  });
});
