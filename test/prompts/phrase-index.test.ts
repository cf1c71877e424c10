// The phrase index's word prefilter (#14 performance): a phrase is only tried
// word by word when the text has some form of a word it cannot match without.
// It must never change what is found: compared here with the index tried on
// every phrase, over the default rules' 3,000 phrases and random notes made of
// their own words, gaps, commas and full stops.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileRuleSet } from '../../src/prompts/compile';
import { compilePhrases, findRawMatches, type RawMatch } from '../../src/prompts/phrase-index';
import { DEFAULT_RULES } from '../../src/prompts/rules/index';
import { conditionOf } from '../../src/prompts/conditions';
import { pluralForms, tokenize, wordMatches } from '../../src/prompts/tokenize';

const key = (m: RawMatch): string => `${m.phrase.id}@${m.first}-${m.last}`;

describe('findRawMatches prefilter', () => {
  const index = compileRuleSet(DEFAULT_RULES).notesIndex;
  const filler = ['the', 'and', 'she', 'he', 'today', 'reviewed', 'plan', 'with', 'very', 'x'];
  // A piece of text that one phrase matches: a random accepted form for each word slot, filler words in each gap.
  const instance = (phraseNo: number, pick: number[]): string => {
    const p = index.phrases[phraseNo % index.phrases.length];
    let n = 0;
    const next = (): number => pick[n++ % pick.length] as number;
    const words: string[] = [];
    for (const slot of p?.slots ?? []) {
      if (slot.alts === undefined) {
        for (let g = next() % (slot.gap + 1); g > 0; g -= 1) words.push(filler[next() % filler.length] as string);
        continue;
      }
      const alt = slot.alts[next() % slot.alts.length] ?? [];
      for (const w of alt) {
        const forms = pluralForms(w.word);
        words.push(w.prefix ? `${w.word}ing` : alt.length === 1 && forms.length ? (forms[next() % forms.length] as string) : w.word);
      }
    }
    return words.join(' ');
  };
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 12 })).map(([k, pick]) => instance(k, pick)) },
    { weight: 3, arbitrary: fc.constantFrom(...filler) },
    { weight: 1, arbitrary: fc.constantFrom(',', '.', ':', ' - ') },
  );

  test('finds exactly what trying every phrase finds, on 400 random notes', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), (pieces) => {
        const tokens = tokenize(pieces.join(' '));
        const fast = findRawMatches(tokens, index).map(key);
        const every = findRawMatches(tokens, index, { prefilter: false }).map(key);
        expect(fast).toEqual(every);
        found += every.length;
      }),
      { numRuns: 400 },
    );
    // Not vacuous: the notes are made of phrase instances, so thousands of matches were compared.
    expect(found).toBeGreaterThan(2_000);
  });

  test('a phrase whose later word is missing finds nothing, and is found once the word is there', () => {
    const small = compilePhrases(['no ~3 money', 'behind ~3 rent']);
    expect(findRawMatches(tokenize('No chest pain, no worries.'), small)).toEqual([]);
    expect(findRawMatches(tokenize('No worries about money.'), small).map((m) => m.phrase.phrase)).toEqual(['no ~3 money']);
    expect(findRawMatches(tokenize('Behind with the rent.'), small).map((m) => [m.first, m.last])).toEqual([[0, 3]]);
  });
});

// wordMatches is the plural tolerance every several-word alternative is matched with; it compares
// character codes rather than making strings, and must accept exactly the forms pluralForms lists.
describe('wordMatches', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'i', 's', 'y'), maxLength: 7 });
  test('accepts a text word exactly when it is one of the phrase word\'s plural forms', () => {
    fc.assert(
      fc.property(word, word, (text, phraseWord) => wordMatches(text, phraseWord) === pluralForms(phraseWord).includes(text)),
      { numRuns: 20_000 },
    );
  });
  test.each([
    ['debts', 'debt', true],
    ['boxes', 'box', true],
    ['difficulties', 'difficulty', true],
    ['difficultys', 'difficulty', true],
    ['difficultie', 'difficulty', false],
    ['carer', 'carers', false],
    ['bills', 'bill', true],
    ['billies', 'bill', false],
    // "-es" never after a final "e": a refugee is no (women's) refuge.
    ['refugees', 'refuge', false],
    ['refuges', 'refuge', true],
    ['houses', 'house', true],
  ])('%s for %s: %s', (text, phraseWord, expected) => {
    expect(wordMatches(text, phraseWord)).toBe(expected);
  });
});

// The tokenizer's fast paths (a table of break characters, join pairs only looked for when a word
// may start one) must read notes as before.
describe('tokenize', () => {
  test.each([
    ['She can not pay. Does not cope', ['she', 'cant', 'pay', 'doesnt', 'cope'], [0, 0, 0, 1, 1]],
    ['can, not', ['can', 'not'], [0, 0]],
    ['Mood: low – tearful; no SI', ['mood', 'low', 'tearful', 'no', 'si'], [0, 0, 0, 1, 1]],
    ["Can't afford £900 (rent)", ['cant', 'afford', '£', 'rent'], [0, 0, 0, 0]],
    ['ends with can', ['ends', 'with', 'can'], [0, 0, 0]],
    // Alcohol units written onto the number read as the number and "units"; other glued words stay whole.
    ['Alcohol ~60u/wk. 40units a week', ['alcohol', '60', 'units', 'per', 'week', '40', 'units', 'a', 'week'], [0, 0, 0, 0, 0, 1, 1, 1, 1]],
    // "u/w" after units reads "per week"; "w/" elsewhere stays as it was ("40 units w/ meals" is insulin).
    ['ETOH 40 u/w. Fiasp 8 units w/ meals', ['etoh', '40', 'u', 'per', 'week', 'fiasp', '8', 'units', 'w', 'meals'], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]],
    ['B12 1000mcg, 2u of blood', ['b12', '1000mcg', '2', 'units', 'of', 'blood'], [0, 0, 0, 0, 0, 0]],
    // A list number or an abbreviation's full stop ends no sentence; a number at a sentence's end still does.
    ['1. Rent arrears. 2. Not sleeping.', ['1', 'rent', 'arrears', '2', 'not', 'sleeping'], [0, 0, 0, 1, 1, 1]],
    ['Arrears approx. 3 months. Seen by Dr. Smith.', ['arrears', 'approx', '3', 'months', 'seen', 'by', 'dr', 'smith'], [0, 0, 0, 0, 1, 1, 1, 1]],
    // ... but "MS." and "prn." end sentences (a diagnosis and a dose), and so does "approx." before a capital.
    ['Wife has MS. Not sleeping. Diazepam prn. Lonely. Approx. Fine.', ['wife', 'has', 'ms', 'not', 'sleeping', 'diazepam', 'prn', 'lonely', 'approx', 'fine'], [0, 0, 0, 1, 1, 2, 2, 3, 4, 5]],
    ['Smokes 20. Drinks 10.', ['smokes', '20', 'drinks', '10'], [0, 0, 1, 1]],
    // A pronoun with 'd or 'll is two words ('d is "had" before a participle); without the apostrophe it is a word.
    ["She'd like help. He'd been evicted. I'll try", ['she', 'would', 'like', 'help', 'he', 'had', 'been', 'evicted', 'i', 'will', 'try'], [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]],
    ['they’d moved out, she’d need a hand', ['they', 'had', 'moved', 'out', 'she', 'would', 'need', 'a', 'hand'], [0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ["Goes to the Men's Shed. Feels ill. Well", ['goes', 'to', 'the', 'mens', 'shed', 'feels', 'ill', 'well'], [0, 0, 0, 0, 0, 1, 1, 2]],
  ])('%j', (text, words, sentences) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(words);
    expect(tokens.map((t) => t.sentence)).toEqual(sentences);
  });

  // An age in brackets after a relation is skipped and breaks no clause; other brackets still do.
  test.each([
    ['Son (17) is on the CAMHS list', ['son', 'is', 'on', 'the', 'camhs', 'list'], [0, 0, 0, 0, 0, 0]],
    ['Her daughter (aged 9) and son (4yo) are off school', ['her', 'daughter', 'and', 'son', 'are', 'off', 'school'], [0, 0, 0, 0, 0, 0, 0]],
    ['Baby (8 months) unsettled', ['baby', 'unsettled'], [0, 0]],
    ['Husband (COPD) is drinking', ['husband', 'copd', 'is', 'drinking'], [0, 1, 2, 2]],
    ['Metformin (500) bd', ['metformin', '500', 'bd'], [0, 1, 2]],
    ['Worried about his son (40s), who', ['worried', 'about', 'his', 'son', 'who'], [0, 0, 0, 0, 1]],
    ['Asked re damp/mould. 40 u/w', ['asked', 're', 'damp', 'mould', '40', 'u', 'per', 'week'], [0, 0, 0, 0, 1, 1, 1, 1]],
    // A slash between digits (a duration, a date) is no clause break (twentieth session); the comma still is.
    ['Review 2/52, money/food', ['review', '2', '52', 'money', 'food'], [0, 0, 0, 1, 1]],
    ['Off 3/52 w/ stress', ['off', '3', '52', 'w', 'stress'], [0, 0, 0, 0, 0]],
    ['Seen 12/11/2026. Rent arrears', ['seen', '12', '11', '2026', 'rent', 'arrears'], [0, 0, 0, 0, 1, 1]],
    // "incl." before a lower-case word breaks nothing; "etc." and a capital still do.
    ['Risks incl. gambling', ['risks', 'incl', 'gambling'], [0, 0, 0]],
    ['Fever, rash etc. lives alone', ['fever', 'rash', 'etc', 'lives', 'alone'], [0, 1, 1, 2, 2]],
    ['PHQ-9 (22) today', ['phq', '9', '22', 'today'], [0, 0, 1, 2]],
    ['Feels safe: no/unsure', ['feels', 'safe', 'no', 'unsure'], [0, 0, 1, 2]],
    // A bracket that only says the relation is not the patient is skipped the same way; one that says more is not.
    ['Son (not our pt) gambling', ['son', 'gambling'], [0, 0]],
    ['her son (not reg here) drinking', ['her', 'son', 'drinking'], [0, 0, 0]],
    ['Brother (not registered with us) evicted', ['brother', 'evicted'], [0, 0]],
    ['Son (not our pt, lives in Leeds) drinking', ['son', 'not', 'our', 'pt', 'lives', 'in', 'leeds', 'drinking'], [0, 1, 1, 1, 2, 2, 2, 3]],
    ['Review (not our pt) today', ['review', 'not', 'our', 'pt', 'today'], [0, 1, 1, 1, 2]],
  ])('%j: ages in brackets', (text, words, clauses) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(words);
    expect(tokens.map((t) => t.clause)).toEqual(clauses);
  });
});

// Words are looked up by a hash of their characters before any string is cut from the text (#14 performance): two
// words of the same hash ("glbvs" and "yacxa" under FNV-1a) must each read as themselves, in either order, and a
// word typed in capitals or with an apostrophe keeps its own normal form.
describe('word look-up by hash', () => {
  test.each([
    ['glbvs yacxa glbvs', ['glbvs', 'yacxa', 'glbvs']],
    ['yacxa glbvs yacxa', ['yacxa', 'glbvs', 'yacxa']],
    ["Can't CANT cant can't", ['cant', 'cant', 'cant', 'cant']],
    ["She'd been. Shed. she'd like", ['she', 'had', 'been', 'shed', 'she', 'would', 'like']],
  ])('%j', (text, words) => {
    expect(tokenize(text).map((t) => t.word)).toEqual(words);
    // And again, now every word is remembered.
    expect(tokenize(text).map((t) => t.word)).toEqual(words);
  });
});

// The phrases worth trying at a word are worked out once per scan (findRawMatches `live`): a scan of another text,
// which has the words a phrase needs where the first had none, must try that phrase again.
describe('phrases tried per scan', () => {
  test('a word met in an earlier text without a later phrase word still finds the phrase in a text that has it', () => {
    const small = compilePhrases(['no ~3 money', 'no ~2 heating']);
    expect(findRawMatches(tokenize('No pain. No fever. No cough.'), small)).toEqual([]);
    expect(findRawMatches(tokenize('No pain. No money for food. No heating.'), small).map((m) => `${m.phrase.phrase}@${m.first}`)).toEqual(['no ~3 money@2', 'no ~2 heating@6']);
    expect(findRawMatches(tokenize('No pain. No fever.'), small)).toEqual([]);
  });
});

// Tokens carry their words' phrase-word numbers, given as phrases compile. Tokens made before a
// compile that brings new words must still find that compile's phrases (their numbers are renewed).
describe('phrase-word numbers', () => {
  test('tokens made before their words were ever in a phrase still match a phrase compiled later', () => {
    const tokens = tokenize('The quargle blorped twice. Quargles everywhere');
    expect(tokens[1]?.id).toBe(-1);
    const index = compilePhrases(['quargle blorp*', 'quargle ~2 twice', 'quargle', 'twice quargle']);
    const found = findRawMatches(tokens, index).map((m) => `${m.phrase.phrase}@${m.first}`);
    expect(found.sort()).toEqual(['quargle ~2 twice@1', 'quargle blorp*@1', 'quargle@1', 'quargle@4'].sort());
    expect(tokens[1]?.id).toBeGreaterThanOrEqual(0);
    // A text tokenised after the compile is numbered at once and reads the same.
    expect(findRawMatches(tokenize('The quargle blorped twice. Quargles everywhere'), index).map((m) => `${m.phrase.phrase}@${m.first}`).sort()).toEqual(found.sort());
  });
});

// What a problem shows is remembered by code and term: two different pairs never share an answer
// (a review found a joined key could, with a NUL character in scraped text).
describe('long-term conditions remembered per problem', () => {
  test.each([
    [{ code: '73211009\u0000', term: 'x' }, { code: '73211009', term: '\u0000x' }, 'Diabetes'],
    [{ code: '', term: 'Asthma' }, { code: 'Asthma', term: '' }, undefined],
    [{ code: 'Asthma', term: '' }, { code: '', term: 'Asthma' }, 'Asthma'],
    [{ code: '195967001', term: '' }, { code: '', term: '195967001' }, undefined],
  ])('%j then %j', (first, second, secondShows) => {
    conditionOf(first);
    expect(conditionOf(second)?.name).toBe(secondShows);
    expect(conditionOf(second)?.name).toBe(secondShows);
  });
});
