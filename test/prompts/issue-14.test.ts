// The examples #14 gives of what a GP saw, as regressions: each row is what must
// (and must not) be prompted now.
import { describe, expect, test } from 'vitest';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx, problems } from './helpers';

const FIVE = problems('Type 2 diabetes mellitus', 'COPD', 'Hypertension', 'Osteoarthritis of knee', 'Chronic kidney disease stage 3');

/** [notes, extra context, needs that must show, needs that must not] */
const SEEN: [string, Parameters<typeof ctx>[0], string[], string[]][] = [
  ['Ex keeps turning up, threatened to kill her, scared to go home.', { sex: 'female', age: 33 }, ['safety'], []],
  ['Partner checks her phone and controls the money.', { sex: 'female', age: 29 }, ['safety'], []],
  ['Told she can call the domestic abuse helpline if she ever feels unsafe; no current concerns.', { sex: 'female', age: 25 }, [], ['safety']],
  ['Was homeless in 2015, settled in own tenancy for 8 years.', { age: 49 }, [], ['housing']],
  ['Her son is homeless.', { sex: 'female', age: 54 }, [], ['housing']],
  ["Wife's father passed away; patient himself well.", { sex: 'male', age: 58 }, [], ['mental-wellbeing']],
  ["Widow, hasn't left the flat since she lost him.", { sex: 'female', age: 80 }, ['loneliness', 'mental-wellbeing'], ['food']],
  ['Husband died in June, living alone now, rarely goes out.', { sex: 'female', age: 74 }, ['loneliness'], []],
  ['No money worries, pension covers bills.', { age: 79 }, [], ['money']],
  ['Fit note 1/52 for ankle sprain.', { age: 29 }, [], ['work']],
  ['Non-smoker.', { age: 56 }, [], ['activity']],
  ['Multimorbidity review, stable.', { age: 70, problems: FIVE }, [], ['mental-wellbeing', 'long-term-condition']],
];

describe('#14: what a GP saw', () => {
  test.each(SEEN)('%s', (notes, extra, shown, notShown) => {
    const out = promptsFor(ctx({ notes, ...extra }), { role: 'gp', limit: 3 });
    const needs = out.map((p) => p.need);
    for (const n of shown) expect(needs, `${n} should show`).toContain(n);
    for (const n of notShown) expect(needs, `${n} should not show`).not.toContain(n);
    // Every reason quotes the words on screen that raised it.
    for (const p of out) for (const why of p.why) expect(why.startsWith('Notes mention') || !why.includes('Notes')).toBe(true);
  });
});
