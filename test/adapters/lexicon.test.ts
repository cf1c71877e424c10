// The generic detector's words are data (src/adapters/generic/lexicon.json,
// issue #13). A practice or contributor extends them there; these tests keep
// the file well-formed and check every phrase is read as intended.
import { describe, expect, test } from 'vitest';
import lexicon from '../../src/adapters/generic/lexicon.json';
import { hasRelationWord, headingOf, isNoValue, labelField, listScreenTitle, namesOtherPerson, normaliseLabel } from '../../src/adapters/generic/labels';

const fieldPhrases = Object.entries(lexicon.fields).flatMap(([field, phrases]) => phrases.map((p) => [p, field] as const));
const sectionPhrases = Object.entries(lexicon.sections).flatMap(([kind, phrases]) => phrases.map((p) => [p, kind] as const));
const everyList: [string, string[]][] = [
  ['otherPerson', lexicon.otherPerson],
  ['otherWithin', lexicon.otherWithin],
  ['relations', lexicon.relations],
  ['qualifiers', lexicon.qualifiers],
  ['noValue', lexicon.noValue],
  ['listScreens', lexicon.listScreens],
  ['notesHeads', lexicon.notesHeads],
  ['notesWriters', lexicon.notesWriters],
  ...Object.entries(lexicon.fields),
  ...Object.entries(lexicon.sections),
];

describe('lexicon.json is well-formed', () => {
  test.each(everyList)('%s: lower case, single spaces, no duplicates', (_name, phrases) => {
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) expect(phrase).toBe(phrase.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(new Set(phrases).size).toBe(phrases.length);
  });

  test('a phrase names one field, and no field label is also a heading', () => {
    const seen = new Map<string, string>();
    for (const [phrase, field] of fieldPhrases) {
      expect(seen.get(phrase), phrase).toBeUndefined();
      seen.set(phrase, field);
    }
    for (const [phrase] of sectionPhrases) expect(seen.has(phrase), phrase).toBe(false);
    for (const phrase of lexicon.otherPerson) expect(seen.has(phrase), phrase).toBe(false);
  });

  test('notes heads and writers are single words (a heading is read word by word)', () => {
    for (const word of [...lexicon.notesHeads, ...lexicon.notesWriters]) expect(word).toMatch(/^[a-z]+$/);
  });

  test('relations are single words', () => {
    for (const word of lexicon.relations) expect(word).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

describe('every phrase is read as intended', () => {
  test.each(fieldPhrases)('field label "%s" -> %s', (phrase, field) => {
    expect(labelField(phrase)).toBe(field);
    const shown = `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}:`;
    if (shown.length <= 40) expect(labelField(shown)).toBe(field);
  });

  test.each(sectionPhrases)('section heading "%s" -> %s', (phrase, kind) => {
    expect(headingOf(phrase)).toBe(kind);
    expect(headingOf(`${phrase.toUpperCase()} (3)`)).toBe(kind);
  });

  test.each(lexicon.otherPerson.map((p) => [p]))('another person: "%s"', (phrase) => {
    expect(headingOf(phrase)).toBe('other');
  });
});

describe('the labels the issue and the corpus authors named', () => {
  test.each([
    ['CHI', 'chi'], ['CHI No.', 'chi'], ['CHI Number', 'chi'], ['Community Health Index', 'chi'], ['CHI no:', 'chi'],
    ['NHS No', 'nhsNumber'], ['NHS Number', 'nhsNumber'], ['NHS No.', 'nhsNumber'],
    ['D.O.B.', 'birthDate'], ['DOB:', 'birthDate'], ['Born', 'birthDate'], ['Date of birth', 'birthDate'],
    ['Sex', 'sex'], ['Gender', 'sex'], ['Post Code', 'postcode'], ['Postcode', 'postcode'],
    ['Address', 'address'], ['Tel', 'phone'], ['Mobile', 'phone'], ['Home phone', 'phone'], ['Tel (home)', 'phone'],
    ['Surname', 'family'], ['Forename', 'given'],
  ])('"%s" -> %s', (label, field) => {
    expect(labelField(label)).toBe(field);
  });

  test.each(['Tel (daughter)', 'Address (NOK)', 'Carer mobile', 'NOK phone', 'Contact number', 'Usual GP'])('"%s" is no patient label', (label) => {
    expect(labelField(label)).toBeUndefined();
  });

  test.each([
    'Next of kin', 'Next of Kin / Carer', 'NOK', 'Carer', 'Emergency contacts', 'Relative', 'Guardian', 'Parental responsibility / guardians',
    'Power of attorney', 'Lasting Power of Attorney', 'Household (3 other members registered)', 'Household member', 'Usual GP', 'Usual doctor',
    'Referrer', 'Referred by: Dr A Moncur', 'Author', 'Entered by: Lorna Petrie (Admin)', 'Recent patients', 'Recently viewed',
    'Also registered at this address', 'Related people', 'Welfare & continuing', 'Signed in as',
  ])('"%s" opens another person\'s section', (heading) => {
    expect(headingOf(heading)).toBe('other');
  });

  test.each([
    ['Problems (3)', 'problems'], ['Active problems', 'problems'], ['Past history:', 'problems'], ['Repeats (4)', 'medications'],
    ['Acute medication (1)', 'medications'], ['Repeat medication', 'medications'], ['Allergies (2)', 'stop'], ['Past medication', 'stop'],
    ['Last consultation – 12-May-2026 – Dr Alasdair Moncur', 'notes'], ['Medication review · 2026-05-12 · Gillian Orr', 'notes'],
    ['Journal', 'notes'], ['Summary note', 'notes'],
  ])('"%s" -> %s', (heading, kind) => {
    expect(headingOf(heading)).toBe(kind);
  });

  test.each([
    ['Carer details', true], ['NOK contact', true], ['Recently viewed patients', true], ['Is a carer', false], ['Carer strain and low mood in winter months', false],
  ])('heading-like "%s" names another person: %s', (text, expected) => {
    expect(namesOtherPerson(text)).toBe(expected);
  });
});

describe('values and words', () => {
  test.each([
    ['Withheld – see safeguarding note', true], ['none recorded', true], ['– (contact via parent)', true], ['Same as patient', true],
    ['N/A', true], ['Nasreen Hussain', false], ['27 Craigowan Brae', false], ['07700 900 231', false],
  ])('"%s" is no value: %s', (raw, expected) => {
    expect(isNoValue(raw)).toBe(expected);
  });

  test.each([
    ['Mrs Fiona LINDSAY (daughter, main carer)', true], ['Alan Kerr, Son', true], ['NOK', true], ['Margaret Docherty', false], ['Carers Court', false],
  ])('"%s" holds a relation word: %s', (text, expected) => {
    expect(hasRelationWord(text)).toBe(expected);
  });

  test.each([
    ['Heatherbell GP :: Appointment Book', true], ['Lochan EHR – Waiting room', true], ['Corrie · Find patient', true],
    ['Heatherbell GP :: Consultation :: DOCHERTY, Margaret (Mrs)', false], ['Kestrel Primary Care | Summary', false],
  ])('title "%s" names a list of patients: %s', (title, expected) => {
    expect(listScreenTitle(title)).toBe(expected);
  });

  test('labels are normalised before lookup', () => {
    expect(normaliseLabel('  D.O.B. (age):  ')).toBe('dob');
  });
});
