// Voices of a fourth author (#14, development half 3): Scots words, clinical
// shorthand, household words and context cues. Short invented notes, not taken
// from any corpus half. Each row: notes, age, sex, needs that must show (GP, top
// three) and needs that must not.
import { describe, expect, test } from 'vitest';
import { pastTimeYear } from '../../src/prompts/context';
import { tokenize } from '../../src/prompts/tokenize';
import { checkNeeds as check } from './helpers';


describe('Scots words and shorthand', () => {
  check([
    ['Nae money fur the gas meter this week.', 60, 'male', ['fuel'], []],
    ['On the buroo since the yard closed.', 58, 'male', ['work'], []],
    ['Mood lowish for a month. PHQ 14.', 30, 'female', ['mental-wellbeing'], []],
    ['Gets FB vouchers from the church most weeks.', 44, 'female', ['food'], []],
    ['Elec bill doubled, worried about it.', 70, 'female', ['fuel'], []],
    ['A hauf most nights, sometimes more.', 66, 'male', ['substances'], []],
    ['Says he is just scunnered with the weather. Sleeping fine.', 55, 'male', [], ['mental-wellbeing']],
  ]);
});

describe('everyday words for needs', () => {
  check([
    ['Relationship has broken down, they still share the house.', 40, 'female', ['family'], []],
    ['Struggles to open the video link, used the phone instead.', 82, 'female', ['digital'], []],
    ["Doesn't own a laptop or smartphone.", 75, 'male', ['digital'], []],
    ['Feels so alone since the move; has not made any friends here.', 22, 'male', ['loneliness'], []],
    ["Gets muddled over which tablets to take; doesn't take half of them.", 84, 'female', ['long-term-condition'], []],
    ['Pulm rehab referral made.', 68, 'male', ['long-term-condition'], []],
    ['Cares full time for her brother with MS.', 55, 'female', ['caring'], []],
    ['Lives on cereal most days. Has not eaten properly this week.', 70, 'male', ['food'], []],
    ['Elderly, cold in the flat, no money for the electric.', 80, 'female', ['fuel'], []],
    ['Patient transport unreliable, missed two clinics.', 72, 'male', ['transport'], []],
    ['No accessible taxi locally.', 60, 'female', ['transport'], []],
    ['Told not to drive after the blackout; works 15 miles away.', 45, 'male', ['transport'], []],
    ['Keen to start an SVQ in joinery.', 24, 'male', ['work'], []],
    ['Employer disputing her sick pay.', 41, 'female', ['work'], []],
    ['Wants to know his rights at work, ?ACAS.', 36, 'male', ['legal'], []],
    ['Behind on the phone and the TV licence.', 50, 'female', ['money'], []],
    ['Self-harm: cuts to both forearms this week.', 16, 'female', ['mental-wellbeing'], []],
    ['Vapes all day, wants to come off them.', 29, 'male', ['activity'], []],
  ]);
});

describe('context: what the patient does not have, had before, or might have', () => {
  check([
    ['Declined a money advice referral, copes well.', 60, 'male', [], ['money']],
    ['Adjustments at work in place, manager supportive.', 38, 'female', [], ['work']],
    ['Uses video calls nae bother.', 79, 'female', [], ['digital']],
    ['Has a Warm Home Discount and a fixed tariff, house warm.', 71, 'male', [], ['fuel']],
    ['Asked directly about food banks: never needed one.', 50, 'female', [], ['food']],
    ['Cold home winter 21/22, insulated since, warm now.', 75, 'female', [], ['fuel']],
    ['Gambling problem, no bet in 8 years.', 45, 'male', [], ['substances']],
    ["Worries she'd be lonely if her son moved away.", 80, 'female', [], ['loneliness']],
    ['Rumours of redundancies at his work, nothing definite.', 50, 'male', [], ['work']],
    ['Asks about her friend who is isolated at home.', 70, 'female', [], ['loneliness']],
    ['Here about his own knee. His brother (also our pt) is drinking heavily again.', 62, 'male', [], ['substances']],
    ['Overdose of paracetamol last night after a row; no alcohol or drugs.', 19, 'female', ['mental-wellbeing'], ['substances']],
  ]);
  test('a season with a two-digit year is a past time', () => {
    const tokens = tokenize('Struggled winter 21/22.');
    expect(pastTimeYear(tokens, tokens.findIndex((t) => t.word === '21'))).toBe(2021);
  });
});

describe('a household’s empty cupboards and an unclaimed entitlement are the patient’s', () => {
  check([
    ['The kids eat at their aunt’s, fridge empty by Thursday.', 33, 'female', ['food'], []],
    ["Not claiming Carer's Allowance though she looks after her mum daily.", 48, 'female', ['caring'], []],
  ]);
});
