/**
 * A resolution of one need never hides current abuse (hazard H6; twenty-fifth session). The resolutions that reach
 * back over a clause or a sentence ("now cleared", "but now working", "settled now") once made every mention before
 * them past, abuse included: "Partner hits her, but now working" and "Husband hits her and the debts are now cleared"
 * gave no safety prompt. Their groups now `spare` safety told in the present or as just done (context.json `spares`,
 * `sparesPresent`: "Ex was violent - now settled" stays past); this drives any such disclosure beside any of them, in
 * either order, with any joiner. Nor does a denial or a possibility told first reach abuse told with the
 * abuser as a new subject ("Denies alcohol and partner hits her"). Known and not mended: a past year reaches its whole
 * sentence, so "Was homeless in 2015, partner hits her" prompts no safety (sparing safety there made dated past abuse
 * told in the present tense prompt: a fourth hostile review, rv33); and a relation's story before "and partner hits her" reaches it ("Mum has dementia and partner hits
 * her"); narrowing it read a relative's story as the patient's in the corpora (docs/prompts.md, twenty-fifth session). A
 * pronoun opens no new subject ("Denies alcohol and he controls all the money" is still read as denied): "he" names no
 * one when nobody is named before it, and reading it so made "Denies alcohol and he drinks heavily" the patient's (rv31).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx } from './helpers';

const needsOf = (notes: string): string[] =>
  promptsFor(ctx({ notes, sex: 'female', age: 40 }), { role: 'gp', limit: 16 }).map((p) => p.need);

/** Current abuse, each prompting safety on its own (checked below). */
const ABUSE = [
  'partner hits her',
  'husband controls all the money',
  'ex keeps turning up at the house and threatening her',
  'scared of her partner',
  'partner checks her phone and will not let her see friends',
  'husband pushed her down the stairs last week',
  'boyfriend grabbed her by the throat',
  'discloses DV',
];

/** A resolution of some other need, each making that need past on its own (checked below). */
const RESOLUTIONS: [string, string][] = [
  ['rent arrears now paid off', 'housing'],
  ['debts now cleared', 'money'],
  ['rent arrears sorted', 'housing'],
  ['lost her job but now working', 'work'],
  ['was homeless but now housed', 'housing'],
  ['PIP stopped, award now in place', 'money'],
  ['council tax debt now written off', 'money'],
  ['rent arrears settled now', 'housing'],
  ['debt much improved', 'money'],
  ['money worries - sorted', 'money'],
  ['fuel debt cleared', 'fuel'],
  ['gambling - abstinent for 2 years', 'substances'],
];

const JOINERS = [', ', ' and ', '. ', ', but ', ' - ', '; ', ': '];

describe('a resolution of another need never hides current abuse', () => {
  test.each(ABUSE)('"%s" prompts safety on its own', (abuse) => {
    expect(needsOf(`${abuse}.`)).toContain('safety');
  });

  test.each(RESOLUTIONS)('"%s" leaves %s past on its own', (resolution, need) => {
    expect(needsOf(`${resolution}.`)).not.toContain(need);
  });

  test('abuse beside any resolution, either order, any joiner, is still a safety prompt', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ABUSE), fc.constantFrom(...RESOLUTIONS), fc.constantFrom(...JOINERS), fc.boolean(), (abuse, [resolution], joiner, abuseFirst) => {
        const notes = abuseFirst ? `${abuse}${joiner}${resolution}.` : `${resolution}${joiner}${abuse}.`;
        expect(needsOf(notes), notes).toContain('safety');
      }),
      { numRuns: 2000 },
    );
  });

  /** A denial or a possibility told first, each leaving its own need unprompted on its own (checked below). */
  const BEFORE: [string, string][] = [
    ['no money worries', 'money'],
    ['denies alcohol', 'substances'],
    ['no concerns re housing', 'housing'],
    ['if benefits stop she may struggle', 'money'],
    ['leaflet given for the food bank', 'food'],
    ['not lonely', 'loneliness'],
    ['may need carer support in future', 'caring'],
  ];
  /** Abuse told with the abuser as the subject, so a new subject after the joiner. */
  const ABUSER_FIRST = ABUSE.filter((a) => /^(partner|husband|ex|boyfriend)\b/.test(a));

  test.each(BEFORE)('"%s" leaves %s unprompted on its own', (before, need) => {
    expect(needsOf(`${before}.`)).not.toContain(need);
  });

  test('a denial or a possibility told first never reaches abuse told with the abuser as a new subject', () => {
    expect(ABUSER_FIRST.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.constantFrom(...BEFORE), fc.constantFrom(...ABUSER_FIRST), fc.constantFrom(', ', ' and ', ' - ', '; ', ', but ', ' but '), ([before], abuse, joiner) => {
        const notes = `${before}${joiner}${abuse}.`;
        expect(needsOf(notes), notes).toContain('safety');
      }),
      { numRuns: 500 },
    );
  });

  /** Abuse or fear told as the patient's own new predicate (a finite verb or a fear). */
  const PATIENT_SAYS = ['scared of her partner', 'discloses DV', 'frightened to go home', 'says partner hits her'];

  test.each(PATIENT_SAYS)('"%s" prompts safety on its own', (says) => {
    expect(needsOf(`${says}.`)).toContain('safety');
  });

  test('a denial or a possibility told first never reaches what the patient says next', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BEFORE), fc.constantFrom(...PATIENT_SAYS), fc.constantFrom(', ', ' and ', ' - ', '; ', ', but '), ([before], says, joiner) => {
        const notes = `${before}${joiner}${says}.`;
        expect(needsOf(notes), notes).toContain('safety');
      }),
      { numRuns: 500 },
    );
  });
});
