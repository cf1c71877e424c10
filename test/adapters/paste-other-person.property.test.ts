// Issue #17, standalone mode, the top hazard: text pasted from a desktop record holds other people's details
// beside the patient's (a next of kin inline or in a grid, a household member with their own CHI, the usual GP and
// the practice's address, a letterhead, a carer's phone in the notes). fast-check composes a patient banner in one of
// the shapes desktop systems copy as with random distractors in random order; whatever the reader returns must hold
// none of the other people's names, CHI numbers, postcodes, streets or phones. Refusing is always allowed.
// PASTE_RUNS=20000 (with --testTimeout=0) runs a longer search.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { keptAsWord, readPasted } from '../../src/adapters/paste/read-pasted';
import { LISTED_GIVEN_NAMES } from '../../src/context/given-names';
import { isPromptWord } from '../../src/prompts/prompt-words';
import { tokenize } from '../../src/prompts/tokenize';
import { FAMILY, GIVEN, nameAs, type Person, person, spacedChi, ukDate } from './people';

const NOW = new Date(2026, 5, 1);
const RUNS = Number(process.env.PASTE_RUNS ?? 2000);
const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'mother', 'niece', 'neighbour', 'friend'];

/** The patient's banner as Vision, EMIS Web, EMIS PCS, a portal or a letter copies it. */
function banner(p: Person, style: number, spaced: boolean): string {
  const chi = spacedChi(p.chi, spaced);
  const address = `${p.street}, Glasgow, ${p.postcode}`;
  switch (style) {
    case 0:
      return `${nameAs(p, 1)}    Born ${ukDate(p.birthDate, 0)}    Gender ${p.sex === 'female' ? 'Female' : 'Male'}    CHI No. ${chi}\n${address}    Home ${p.phone}`;
    case 1:
      return `Surname\t${p.family.toUpperCase()}\nForename\t${p.given}\nDate of birth\t${ukDate(p.birthDate, 1)}\nSex\t${p.sex === 'female' ? 'Female' : 'Male'}\nCHI Number\t${chi}\nAddress\t${p.street}\n\tGlasgow\n\t${p.postcode}\nHome Tel\t${p.phone}`;
    case 2:
      return `${p.family.toUpperCase()} ${p.given.toUpperCase()}   ${p.sex === 'female' ? 'F' : 'M'}   DOB ${ukDate(p.birthDate, 1)}   CHI ${chi}\n${address.toUpperCase()}`;
    case 3:
      return `PATIENT: ${nameAs(p, 0)}   CHI: ${chi}   DOB: ${ukDate(p.birthDate, 0)}\nADDRESS: ${address}`;
    default:
      return `Re: ${nameAs(p, 1)}, date of birth ${ukDate(p.birthDate, 1)}, CHI ${chi}\n${address}`;
  }
}

/** Another person's details, in one of the shapes they come beside a patient's banner. */
function distractor(o: Person, style: number, relation: string): string {
  const name = nameAs(o, style % 3);
  switch (style % 8) {
    case 0:
      return `Next of Kin\nName\t${name}\nRelationship\t${relation}\nAddress\t${o.street}, Paisley, ${o.postcode}\nTelephone\t${o.phone}`;
    case 1:
      return `NOK: ${name} (${relation})  Tel ${o.phone}  ${o.street}, ${o.postcode}`;
    case 2:
      return `HOUSEHOLD  : ${o.family.toUpperCase()}, ${o.given.toUpperCase()}   D.O.B. ${ukDate(o.birthDate, 1)}   CHI ${spacedChi(o.chi, true)}`;
    case 3:
      return `Usual GP: Dr ${o.given} ${o.family}    Reg. Practice  ${o.family} Medical Practice, ${o.street}, ${o.postcode}`;
    case 4:
      return `${o.family} Medical Practice\n${o.street}\nGlasgow\n${o.postcode}\nTel ${o.phone}`;
    case 5:
      return `Alert: Patient's ${relation} ${name} (CHI ${spacedChi(o.chi, false)}) - main contact, tel ${o.phone}`;
    case 6:
      return `Carer: ${relation}, ${name}, tel ${o.phone}`;
    default:
      return `Recent patients\n${nameAs(o, 0)}   ${ukDate(o.birthDate, 0)}\n`;
  }
}

test('what is read from a paste never holds another person\u2019s details', () => {
  fc.assert(
    fc.property(
      person(0),
      fc.array(fc.tuple(person(1), person(2), fc.nat(7), fc.constantFrom(...RELATIONS)), { minLength: 1, maxLength: 3 }),
      fc.nat(4),
      fc.boolean(),
      fc.nat(3),
      fc.boolean(),
      (patient, others, style, spaced, place, notes) => {
        const people = others.map(([a, b, s, r], i) => ({ who: i % 2 ? b : a, text: distractor(i % 2 ? b : a, s, r) }));
        const parts = people.map((p) => p.text);
        parts.splice(Math.min(place, parts.length), 0, banner(patient, style, spaced));
        if (notes) parts.push('Seen today. Struggling with the rent and skipping meals.');
        const read = readPasted(parts.join(place % 2 ? '\n\n' : '\n'), { kind: 'chi', value: patient.chi }, NOW);
        if (!read.ok) return;
        const shown = JSON.stringify(read).toLowerCase();
        for (const { who } of people) {
          // A detail the patient shares (the shrinker makes postcodes meet) is the patient's too.
          const own = [patient.postcode, patient.phone, patient.street, patient.family];
          for (const detail of [who.family, who.chi, spacedChi(who.chi, true), who.postcode, who.phone, who.street].filter((d) => !own.includes(d))) {
            expect(shown, `${detail} read from:\n${parts.join('\n')}`).not.toContain(detail.toLowerCase());
          }
        }
      },
    ),
    { numRuns: RUNS },
  );
}, 120_000);

/**
 * Thirty-third session: other people named inside the notes, in the shapes notes name them (after a relation, before
 * one in brackets, with an age, opening a sentence before what they do, as a full name, in lower case after a
 * relation), with given names that are also everyday words among them ("Grant", "Joy", "Bill"). No name of theirs may
 * reach what is read; the words a prompt needs must.
 */
const NOTE_GIVEN = [...GIVEN, 'Grant', 'Joy', 'Bill', 'Stuart', 'Jo', 'Rose', 'Dawn'];
const NOTE_FAMILY = [...FAMILY, 'Young', 'Brown', 'Hall'];
const NAMED = [
  (g: string, f: string, r: string) => `Tel call from ${r} ${g}, worried about her.`,
  (g: string, f: string, r: string) => `${g} (${r}) rang re shopping.`,
  (g: string, f: string, r: string) => `${g}, her ${r}, visits daily.`,
  (g: string) => `Seen with ${g} today.`.replace(`${g} today`, `${g} ${NOTE_FAMILY[g.length % NOTE_FAMILY.length] as string} today`),
  (g: string, f: string, r: string) => `Lives with ${r} ${g} ${f}, who controls the money.`,
  (g: string, f: string, r: string) => `spoke to ${r} ${g.toLowerCase()} ${f.toLowerCase()} - not coping.`,
  (g: string) => `${g} (7) at school.`,
  (g: string) => `${g} says she is not eating.`,
  (g: string, f: string) => `Letter from ${g} ${f} at the council.`,
];

test('other people named in the notes never reach what is read', () => {
  fc.assert(
    fc.property(
      person(0),
      fc.array(fc.tuple(fc.nat(NOTE_GIVEN.length - 1), fc.nat(NOTE_FAMILY.length - 1), fc.nat(NAMED.length - 1), fc.constantFrom('daughter', 'son', 'husband', 'wife', 'neighbour', 'sister')), { minLength: 1, maxLength: 3 }),
      (patient, named) => {
        const sentences = named.map(([g, f, shape, r]) => (NAMED[shape] as (g: string, f: string, r: string) => string)(NOTE_GIVEN[g] as string, NOTE_FAMILY[f] as string, r));
        const paste = `${banner(patient, 0, true)}\n\n05-Dec-2026 Telephone\n${sentences.join(' ')} Struggling with the rent.`;
        const read = readPasted(paste, { kind: 'chi', value: patient.chi }, NOW);
        if (!read.ok) return;
        expect(read.notes).toContain('Struggling with the rent');
        const own = new Set([patient.given, patient.family].map((w) => w.toLowerCase()));
        for (const [g, f] of named) {
          for (const word of [NOTE_GIVEN[g] as string, NOTE_FAMILY[f] as string].filter((w) => !own.has(w.toLowerCase()))) {
            expect(read.notes, `${word} read from:\n${paste}`).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'));
          }
        }
      },
    ),
    { numRuns: Math.ceil(RUNS / 2) },
  );
}, 120_000);

// Thirty-fifth session: any given name of the registers of births' list (src/context/given-names.ts), typed in lower case
// the way a busy GP types one, or opening a sentence, is never read; the words around it are. The list's names that
// are also words the reader keeps are the only exceptions: a word the prompts read ("desmond", a diabetes course; "sia",
// a security licence), a month or a day, a relation's word ("nana"), and lexicon `wordsThatAreGivenNames` ("fae",
// "kirk", "reg"): 23 of the list's 2,463 names when this was written.
const LISTED = LISTED_GIVEN_NAMES.filter((n) => !keptAsWord(n));
const LOWER_SHAPES: ((n: string) => string)[] = [
  (n) => `son ${n} in prison.`,
  (n) => `after ${n}'s eviction.`,
  (n) => `pal ${n} staying with her.`,
  (n) => `bf ${n} controls the money.`,
  (n) => `${n} rang worried.`,
  (n) => `Dtr ${n} phones daily.`,
  (n) => `- ${n.charAt(0).toUpperCase()}${n.slice(1)} to collect.`,
  (n) => `${n.charAt(0).toUpperCase()}${n.slice(1)} will phone back.`,
];
test('a given name from the list, in lower case or opening a sentence, never reaches what is read', () => {
  fc.assert(
    fc.property(person(0), fc.nat(LISTED.length - 1), fc.nat(LOWER_SHAPES.length - 1), (patient, k, shape) => {
      const name = LISTED[k] as string;
      expect(LISTED.length).toBeGreaterThan(2_400);
      if ([patient.given, patient.family].some((w) => w.toLowerCase() === name)) return;
      const paste = `${banner(patient, 0, true)}\n\n05-Dec-2026 Telephone\nStruggling with the rent. ${(LOWER_SHAPES[shape] as (n: string) => string)(name)}`;
      const read = readPasted(paste, { kind: 'chi', value: patient.chi }, NOW);
      if (!read.ok) return;
      expect(read.notes).toContain('Struggling with the rent');
      expect(read.notes, `${name} read from:\n${paste}`).not.toMatch(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'iu'));
    }),
    { numRuns: RUNS },
  );
}, 600_000);

// Thirty-sixth session: another person's date of birth written into the notes, in the shapes reviews 35q and 35r wrote
// them (a household list, a relative's card line with an age, a second record's heading, a child after a lower-case
// name) and in every way dates are written, is never shown whole: an old date keeps only its year, a date with an age
// beside it becomes "[date of birth]". The words a prompt needs stay.
const DATE_SHAPES: ((date: string, given: string, age: number) => string)[] = [
  (d, g) => `Lives with partner and kids - ${g}: ${d}.`,
  (d, g) => `grandchildren ${g.toLowerCase()} ${d} and another.`,
  (d, _g, a) => `Female \u00b7 ${d} (${a}y) \u00b7 mum rang.`,
  (d, g) => `KERR, ${g} (Mrs) ${d} \u00b7 Repeat request.`,
  (d) => `household: son ${d}, daughter at school.`,
  (d, g) => `${g.toUpperCase()} F ${d} seen too.`,
];
test('another person\u2019s date of birth in the notes is never shown whole', () => {
  fc.assert(
    fc.property(person(0), person(1), fc.nat(DATE_SHAPES.length - 1), fc.nat(4), (patient, other, shape, style) => {
      if (other.birthDate === patient.birthDate) return;
      const [y, m, d] = other.birthDate.split('-') as [string, string, string];
      // Two digits of year only where they cannot be a date of the last two years ("14.08.25" could be 2025's).
      if (style === 4 && Number(y) >= 1924 && Number(y) < 1928) return;
      const date = style === 4 ? `${d}.${m}.${y.slice(2)}` : ukDate(other.birthDate, style);
      const age = NOW.getFullYear() - Number(y);
      const paste = `${banner(patient, 0, true)}\n\n05-Dec-2025 Telephone\nStruggling with the rent. ${(DATE_SHAPES[shape] as (d: string, g: string, a: number) => string)(date, other.given, age)}`;
      const read = readPasted(paste, { kind: 'chi', value: patient.chi }, NOW);
      if (!read.ok) return;
      expect(read.notes).toContain('Struggling with the rent');
      expect(JSON.stringify(read), `${date} read from:\n${paste}`).not.toContain(date);
    }),
    { numRuns: RUNS },
  );
}, 120_000);

// Thirty-sixth session (ADR 0013): whatever words the notes hold, what is read keeps only those a prompt can read. Made-up
// words (any name no list has: "olena", "tormod", "boab") in the shapes notes name people, in any case, never reach it;
// every word of the notes read is a prompt's word, a number, a placeholder or "…".
// (Not the words of the readers' own placeholders: "[name]", "[address]", "[phone]", "[practice]", "[date of birth]".)
const PLACEHOLDER_WORDS = new Set(['name', 'address', 'phone', 'practice', 'date', 'birth']);
const MADE_UP = fc.stringMatching(/^[a-z]{4,9}$/).filter((w) => !PLACEHOLDER_WORDS.has(w) && !tokenize(w).every((t) => isPromptWord(t.word)));
const PEOPLE_SHAPES: ((w: string) => string)[] = [
  (w) => `son ${w} in prison.`,
  (w) => `${w} rang, worried about her.`,
  (w) => `Lives with ${w.charAt(0).toUpperCase()}${w.slice(1)} and the kids.`,
  (w) => `stays at ${w}'s most nights.`,
  (w) => `Tel call from ${w.toUpperCase()} re shopping.`,
  (w) => `partner (${w}) controls the money.`,
];
test('what is read from pasted notes holds only words a prompt can read', () => {
  fc.assert(
    fc.property(person(0), fc.array(fc.tuple(MADE_UP, fc.nat(PEOPLE_SHAPES.length - 1)), { minLength: 1, maxLength: 4 }), (patient, named) => {
      const sentences = named.map(([w, shape]) => (PEOPLE_SHAPES[shape] as (w: string) => string)(w));
      const paste = `${banner(patient, 0, true)}\n\n05-Dec-2025 Telephone\nStruggling with the rent. ${sentences.join(' ')}`;
      const read = readPasted(paste, { kind: 'chi', value: patient.chi }, NOW);
      if (!read.ok) return;
      expect(read.notes).toContain('Struggling with the rent');
      for (const [w] of named) expect(read.notes, `${w} read from:\n${paste}`).not.toMatch(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu'));
      for (const t of tokenize(read.notes)) {
        const placeholder = read.notes.charAt(t.start - 1) === '[';
        expect(isPromptWord(t.word) || placeholder || t.word === '\u2026', `"${t.word}" in ${read.notes}`).toBe(true);
      }
    }),
    { numRuns: RUNS },
  );
}, 120_000);
