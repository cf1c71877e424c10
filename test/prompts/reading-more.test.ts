// More ways clinicians write (#14, development half 2): short invented notes,
// not taken from any corpus half. Each row: notes, age, sex, needs that must
// show (GP, top three) and needs that must not.
import { describe, expect, test } from 'vitest';
import type { Sex } from '../../src/context/patient-context';
import { tokenize } from '../../src/prompts/tokenize';
import { pastTimeYear } from '../../src/prompts/context';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx } from './helpers';

type Row = [notes: string, age: number, sex: Sex, must: string[], mustNot: string[]];

const needsOf = (notes: string, age: number, sex: Sex): string[] =>
  promptsFor(ctx({ notes, age, sex }), { role: 'gp', limit: 3, year: 2026 }).map((p) => p.need);

function check(rows: Row[]): void {
  test.each(rows)('%s', (notes, age, sex, must, mustNot) => {
    const shown = needsOf(notes, age, sex);
    for (const n of must) expect(shown, `${n} expected`).toContain(n);
    for (const n of mustNot) expect(shown, `${n} not expected`).not.toContain(n);
  });
}

describe('past times beyond a four-digit year', () => {
  test.each([
    ['Made redundant in the 90s.', 'the 90s', 1999],
    ['Homeless in the 1980s.', '1980s', 1989],
    ["Signed on in '92.", '92', 1992],
  ])('%s', (notes, word, year) => {
    const tokens = tokenize(notes);
    const k = tokens.findIndex((t) => t.word === word.split(' ').at(-1));
    expect(pastTimeYear(tokens, k)).toBe(year);
  });
  test.each([
    ['A woman in her 50s.', '50s'],
    ['Review in 45 minutes.', '45'],
    ['Struggling since 2019.', '2019'],
  ])('%s is not a past time', (notes, word) => {
    const tokens = tokenize(notes);
    expect(pastTimeYear(tokens, tokens.findIndex((t) => t.word === word))).toBeUndefined();
  });
});

describe('context: declined offers, screening, anniversaries, old homes, worries about later', () => {
  check([
    ['Made redundant when the shipyard shut in the 80s, worked as a joiner since.', 70, 'male', [], ['work']],
    ["Was sleeping rough for a while in '98, settled for years.", 60, 'male', [], ['housing']],
    ['Lost her brother in 2012, went to bereavement support at the time, doing fine.', 58, 'female', [], ['mental-wellbeing']],
    ['Smoker 20/day. Stop smoking service offered - declines, not ready.', 50, 'male', [], ['activity']],
    ['BMI 35. Discussed weight management but not interested.', 47, 'female', [], ['activity']],
    ['Screened for gambling harm at review: nil.', 40, 'male', [], ['substances']],
    ['Routine enquiry re domestic abuse at the smear: nothing to report.', 33, 'female', [], ['safety']],
    ['Anniversary of her husband dying later this month, coping.', 68, 'female', [], ['mental-wellbeing']],
    ['Had damp and mould in the old house; new flat is dry.', 35, 'female', [], ['housing']],
    ['Worried gas prices could go up after Christmas, managing for now.', 70, 'female', [], ['fuel']],
    ['Would she ever use a food bank? Says she would rather not.', 45, 'female', [], ['food']],
    ['Fit note until the end of the month; SSP ends then if still off.', 50, 'male', [], ['work']],
    ['Works in a care home; says her residents are lonely since the lounge shut.', 30, 'female', [], ['loneliness']],
    ['Colleague lost his job last week. Pt here for a cough.', 45, 'male', [], ['work', 'money']],
    ['Asked whether she gets much help caring for her father - no, he lives independently.', 52, 'female', [], ['caring']],
    ['She has asked whether anyone could help her appeal the PIP decision.', 52, 'female', ['money'], []],
  ]);
});
