import { describe, expect, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import { NEED_IDS } from '../../src/prompts/needs';
import { type PromptOptions, promptsFor } from '../../src/prompts/prompts-for';
import { DEFAULT_RULES } from '../../src/prompts/rules/index';
import { ctx, problems } from './helpers';

const FIVE_LTCS = problems('Type 2 diabetes mellitus', 'COPD', 'Hypertension', 'Osteoarthritis of knee', 'Chronic kidney disease stage 3');
const simd = (table: Record<string, number>) => (pc: string) => table[pc];
/** Generic (problem-list-only) prompts are off unless the practice turns them on (#14). */
const ON: PromptOptions = { generic: 'on' };

/** [story, context, options, rule ids that must show, rule ids or needs that must not] */
const CASES: [string, Partial<PatientContext>, PromptOptions, string[], string[]][] = [
  ['rent arrears and eviction letter', { notes: 'Got an eviction letter from housing association. Rent arrears £900.' }, {}, ['housing-eviction-words', 'money-words'], []],
  ['misspelt eviction', { notes: 'Evicion notice last week' }, {}, ['housing-eviction-words'], []],
  ['damp and mould', { notes: 'Child wheezy, flat has damp and mould on bedroom walls' }, {}, ['housing-words'], []],
  ['benefits sanctioned', { notes: 'Universal Credit sanctioned, no money for 3 weeks' }, {}, ['money-words'], []],
  ['misspelt benefits', { notes: 'Waiting on benifits decision' }, {}, ['money-words'], []],
  ['food bank', { notes: "Can't afford food, using the foodbank" }, {}, ['food-words'], []],
  ['cold house', { notes: 'Cannot heat the flat, prepayment meter runs out' }, {}, ['fuel-words'], []],
  ['made redundant', { notes: 'Made redundant from the factory in May' }, {}, ['job-loss-words', 'job-loss-money'], []],
  ['lonely', { notes: 'Feels very lonely since moving here' }, {}, ['loneliness-words'], []],
  ['misspelt lonely', { notes: 'says she is lonley' }, {}, ['loneliness-words'], []],
  ['older person living alone', { age: 81, notes: 'Lives alone, daughter in Australia' }, {}, ['older-person-living-alone'], ['loneliness-words']],
  ['74 living alone is not the older rule', { age: 74, notes: 'Lives alone' }, {}, ['loneliness-words'], ['older-person-living-alone']],
  ['75 living alone is', { age: 75, notes: 'Lives alone' }, {}, ['older-person-living-alone'], []],
  ['low mood', { notes: 'Low mood and stressed at work' }, {}, ['mental-wellbeing-words'], []],
  ['bereaved (misspelt)', { notes: 'Beareved in March, husband passed away' }, {}, ['bereavement-words'], ['mental-wellbeing-words']],
  ['sedentary smoker', { notes: 'Smoker, sedentary, wants to get fitter' }, {}, ['activity-words'], []],
  ['carer on problem list', { problems: problems('Carer') }, {}, ['carer-problem-list'], []],
  ['carer under strain', { problems: problems('Carer'), notes: 'Exhausted, cares for husband with dementia' }, {}, ['carer-strain'], ['carer-problem-list']],
  ['paid carers visiting are not caring', { notes: 'Carers visit four times a day' }, {}, [], ['caring']],
  ['heavy drinking', { notes: 'Drinking 60 units per week' }, {}, ['substances-words'], []],
  ['young adult and cannabis', { age: 19, notes: 'Smokes cannabis daily' }, {}, ['young-adult-substances'], ['substances-words']],
  ['26 and cannabis is not young adult', { age: 26, notes: 'Smokes cannabis daily' }, {}, ['substances-words'], ['young-adult-substances']],
  ['misspelt gambling', { notes: 'Gamblin online most nights' }, {}, ['substances-words'], []],
  ['dependence coded', { problems: problems('Alcohol dependence|66590003') }, ON, ['substances-problem-list'], []],
  ['domestic abuse', { notes: 'Discloses domestic abuse, controlling partner' }, {}, ['safety-words'], []],
  ['tribunal', { notes: 'PIP tribunal next month, has no solicitor' }, {}, ['legal-words', 'money-words'], []],
  ['no internet', { notes: 'No internet at home, struggling with online form' }, {}, ['digital-words'], []],
  ['missed appointments', { notes: 'Missed appointments as no car and bus fare too dear' }, {}, ['transport-words'], []],
  ['single parent', { notes: 'Single parent, no childcare' }, {}, ['family-words'], []],
  ['newly diagnosed', { notes: 'Newly diagnosed, finding it hard, fatigue' }, {}, ['long-term-condition-words'], []],
  ['no money worries', { notes: 'No money worries.' }, {}, [], ['money']],
  ['denies alcohol', { notes: 'Denies alcohol, drugs or gambling.' }, {}, [], ['substances']],
  ['not worried about housing', { notes: 'Not worried about housing.' }, {}, [], ['housing', 'mental-wellbeing']],
  ['negated then positive', { notes: 'No money worries but has rent arrears.' }, {}, ['money-words'], []],
  ['4 LTCs is not complex multimorbidity', { problems: FIVE_LTCS.slice(0, 4) }, ON, [], ['complex-multimorbidity']],
  ['5 LTCs is', { problems: FIVE_LTCS }, ON, ['complex-multimorbidity'], []],
  ['5 LTCs is only generic: off by default', { problems: FIVE_LTCS }, {}, [], ['long-term-condition', 'mental-wellbeing']],
  ['same condition twice counts once', { problems: [...FIVE_LTCS.slice(0, 4), ...problems('Diabetic retinopathy')] }, ON, [], ['complex-multimorbidity']],
  ['family history does not count', { problems: [...FIVE_LTCS.slice(0, 4), ...problems('Family history of asthma')] }, ON, [], ['complex-multimorbidity']],
  ['coded conditions count', { problems: [...FIVE_LTCS.slice(0, 4), ...problems('Problem|195967001')] }, ON, ['complex-multimorbidity'], []],
  ['3 medicines is not polypharmacy', { medicationCount: 3 }, ON, [], ['polypharmacy']],
  ['4 medicines is', { medicationCount: 4 }, ON, ['polypharmacy'], []],
  ['physical and mental together', { problems: problems('COPD', 'Depression') }, ON, ['physical-and-mental'], []],
  ['two physical only', { problems: problems('COPD', 'Asthma') }, ON, [], ['physical-and-mental']],
  ['deprived with LTC and a table', { postcode: 'G31 4QT', problems: problems('Asthma') }, { deprivation: simd({ 'G31 4QT': 1 }) }, ['deprivation-ltc-money'], []],
  ['deprived with LTC, no table', { postcode: 'G31 4QT', problems: problems('Asthma') }, {}, [], ['deprivation-ltc-money']],
  ['decile 3 is not', { postcode: 'G31 4QT', problems: problems('Asthma') }, { deprivation: simd({ 'G31 4QT': 3 }) }, [], ['deprivation-ltc-money']],
  ['nurse sees one LTC review prompt', { problems: problems('Type 2 diabetes') }, { role: 'nurse', generic: 'on' }, ['nurse-ltc-activity'], ['nurse-ltc-self-management']],
  ['GP does not', { problems: problems('Type 2 diabetes') }, { role: 'gp', generic: 'on' }, [], ['nurse-ltc-self-management', 'nurse-ltc-activity']],
  ['receptionist never sees safety', { notes: 'Domestic abuse disclosed' }, { role: 'receptionist' }, [], ['safety']],
  ['receptionist never sees multimorbidity', { problems: FIVE_LTCS }, { role: 'receptionist', generic: 'on' }, [], ['complex-multimorbidity']],
];

describe('promptsFor with the default rules', () => {
  test.each(CASES)('%s', (_story, partial, options, shown, notShown) => {
    const prompts = promptsFor(ctx(partial), options);
    const ids = prompts.map((p) => p.ruleId);
    for (const id of shown) expect(ids).toContain(id);
    for (const x of notShown) {
      expect(ids).not.toContain(x);
      expect(prompts.map((p) => p.need)).not.toContain(x);
    }
    for (const p of prompts) expect(p.why.length).toBeGreaterThan(0);
  });

  test.each(NEED_IDS.map((n) => [n]))('need %s is reachable by some rule', (need) => {
    expect(DEFAULT_RULES.some((r) => r.need === need && r.enabled)).toBe(true);
  });

  test.each([
    ['empty', ctx()],
    ['blank notes and no problems', ctx({ notes: '   \n ' })],
    ['problems that are not conditions', ctx({ problems: problems('Ingrown toenail') })],
  ])('nothing is shown for an %s context', (_l, c) => {
    expect(promptsFor(c)).toEqual([]);
  });

  test('why lists the facts on screen', () => {
    const [p] = promptsFor(ctx({ age: 81, notes: 'Lives alone since wife died.' }), { suppressed: { needs: ['mental-wellbeing'] } });
    expect(p).toMatchObject({ ruleId: 'older-person-living-alone', need: 'loneliness', needLabel: 'Loneliness and social connection' });
    expect(p?.why).toEqual(['Age 81', 'Notes mention "Lives alone"']);
  });

  test('multimorbidity why counts conditions', () => {
    const p = promptsFor(ctx({ problems: [...FIVE_LTCS, ...problems('Depression')] }), ON).find((x) => x.ruleId === 'complex-multimorbidity');
    expect(p?.why).toEqual(['6 long-term conditions on the problem list']);
    expect(p?.strength).toBe(3);
  });

  test('nurse gets a different opener for the same rule', () => {
    const c = ctx({ medicationCount: 6 });
    const gp = promptsFor(c, { role: 'gp', generic: 'on' }).find((p) => p.ruleId === 'polypharmacy');
    const nurse = promptsFor(c, { role: 'nurse', generic: 'on' }).find((p) => p.ruleId === 'polypharmacy');
    expect(gp?.opener).toBeTruthy();
    expect(nurse?.opener).toBeTruthy();
    expect(nurse?.opener).not.toBe(gp?.opener);
  });

  test('more evidence gives a stronger prompt', () => {
    const one = promptsFor(ctx({ notes: 'Has debts.' }))[0];
    const three = promptsFor(ctx({ notes: 'Has debts. Bailiffs came. Payday loan too.' }))[0];
    expect(one?.strength).toBe(2);
    expect(three?.strength).toBe(4);
  });
});

describe('generic prompts (#14: quiet by default)', () => {
  const lots = { problems: FIVE_LTCS, medicationCount: 9 };
  test.each([
    ['off (the default)', {}, 0],
    ['off', { generic: 'off' as const }, 0],
    ['with-social, on a plain review', { generic: 'with-social' as const }, 0],
    ['on, on a plain review', { generic: 'on' as const }, 1],
  ])('%s: %d generic prompt(s) for five conditions and nine medicines', (_l, options, n) => {
    expect(promptsFor(ctx(lots), options)).toHaveLength(n);
  });

  test.each([['with-social' as const], ['on' as const]])('%s: at most one generic prompt, after every specific one', (generic) => {
    const out = promptsFor(ctx({ ...lots, notes: 'Rent arrears. Feels lonely.' }), { generic });
    const genericIds = out.filter((p) => DEFAULT_RULES.find((r) => r.id === p.ruleId)?.generic).map((p) => p.ruleId);
    expect(genericIds).toHaveLength(1);
    expect(out.at(-1)?.ruleId).toBe(genericIds[0]);
    expect(out.slice(0, 2).map((p) => p.need).sort()).toEqual(['housing', 'loneliness']);
  });

  test('specific beats generic in the top three', () => {
    const out = promptsFor(ctx({ ...lots, notes: 'Rent arrears. Feels lonely. Using the food bank.' }), { generic: 'on', limit: 3 });
    expect(out.map((p) => p.need).sort()).toEqual(['food', 'housing', 'loneliness']);
  });

  test('no social prompt at all on a consultation with nothing social', () => {
    expect(promptsFor(ctx({ ...lots, age: 81, notes: 'Multimorbidity review. Bloods stable, meds unchanged.' }))).toEqual([]);
  });
});

describe('inferred prompts (read from another need\'s words)', () => {
  // stressor-with-sleep: mental wellbeing read from disturbed sleep beside another social need.
  const arrears = 'Three months behind with the rent, letters from the housing association. Not sleeping.';

  test('a stressor keeping the patient awake gives a mental-wellbeing prompt that quotes both', () => {
    const mw = promptsFor(ctx({ notes: arrears })).find((p) => p.need === 'mental-wellbeing');
    expect(mw?.ruleId).toBe('stressor-with-sleep');
    expect(mw?.why.join(' ')).toMatch(/Not sleeping/);
    expect(mw?.why.join(' ')).toMatch(/behind with the rent/);
  });

  test('evidence never lifts it, and it ranks after every direct prompt, whatever their strength', () => {
    const out = promptsFor(ctx({ notes: `${arrears} Using the food bank. Debt letters, owes on catalogues. Electric meter on emergency credit.` }));
    const mw = out.find((p) => p.ruleId === 'stressor-with-sleep');
    expect(mw?.strength).toBe(DEFAULT_RULES.find((r) => r.id === 'stressor-with-sleep')?.strength);
    expect(out.at(-1)?.ruleId).toBe('stressor-with-sleep');
    const first = promptsFor(ctx({ notes: arrears }), { limit: 1 });
    expect(first).toHaveLength(1);
    expect(first[0]?.need).not.toBe('mental-wellbeing');
  });

  // Rules of the same strength whose ids sort after the inferred one's: without the ranking, ties by id would put
  // the inferred prompt first and let it replace a direct one of its own need.
  const inferred = DEFAULT_RULES.find((r) => r.id === 'stressor-with-sleep') as (typeof DEFAULT_RULES)[number];
  const direct = (id: string, need: 'work' | 'mental-wellbeing', phrase: string): (typeof DEFAULT_RULES)[number] => ({
    id,
    need,
    title: id,
    openers: { gp: id },
    strength: 1,
    enabled: true,
    when: { notes: { phrases: [phrase] } },
  });

  test('a direct prompt of the same strength comes first, whatever the rule ids', () => {
    const out = promptsFor(ctx({ notes: 'Lost his job in May, behind with the rent. Not sleeping.' }), { rules: [inferred, direct('zz-job', 'work', 'lost his job')] });
    expect(out.map((p) => p.ruleId)).toEqual(['zz-job', 'stressor-with-sleep']);
  });

  test('a direct mental-wellbeing prompt is never replaced by the inferred one', () => {
    const mw = promptsFor(ctx({ notes: `${arrears} Tearful, low mood.` })).filter((p) => p.need === 'mental-wellbeing');
    expect(mw.map((p) => p.ruleId)).toEqual(['mental-wellbeing-words']);
    const own = promptsFor(ctx({ notes: `${arrears} Tearful.` }), { rules: [inferred, direct('zz-mood', 'mental-wellbeing', 'tearful')] });
    expect(own.map((p) => p.ruleId)).toEqual(['zz-mood']);
  });

  test('it quotes the evidence that is near, not every mention in the notes', () => {
    const mw = promptsFor(ctx({ notes: 'Rent arrears. Council tax debt. Payday loans. BP fine. Chest clear. Abdo soft. Catalogue debt, not sleeping.' })).find(
      (p) => p.ruleId === 'stressor-with-sleep',
    );
    expect(mw?.why.join(' ')).toMatch(/Catalogue debt/);
    expect(mw?.why.join(' ')).not.toMatch(/Rent arrears|Payday/);
  });

  test('a practice rule with near never counts one mention as both sides', () => {
    const both = { ...direct('zz-both', 'work', 'x'), when: { near: { sentences: 0, all: [{ notes: { need: 'housing' } }, { notes: { need: 'money' } }] } } } as (typeof DEFAULT_RULES)[number];
    expect(promptsFor(ctx({ notes: 'Rent arrears.' }), { rules: [both] })).toEqual([]);
    expect(promptsFor(ctx({ notes: 'Rent arrears and payday loans.' }), { rules: [both] }).map((p) => p.ruleId)).toEqual(['zz-both']);
  });

  // `near`: the sleep and the pressure within one sentence of each other, not anywhere in the notes.
  test.each([
    ['the same sentence', 'Not sleeping since the eviction notice came.', true],
    ['the next sentence', 'Eviction notice last week. Not sleeping.', true],
    ['two sentences apart', 'Eviction notice last week. BP 132/80. Not sleeping.', false],
    ['a numbered list', '1. Eviction notice last week. 2. Not sleeping.', true],
  ])('sleep and a stressor in %s: inferred %s', (_l, notes, shown) => {
    expect(promptsFor(ctx({ notes })).map((p) => p.ruleId).includes('stressor-with-sleep')).toBe(shown);
  });

  test.each([
    ['sleep without a social need', 'Not sleeping since the hip op.'],
    ['sleep lost to pain, beside a social need', 'Rent arrears. Sleeping badly with the knee pain.'],
    ["a baby's sleep", 'Rent arrears. Baby not sleeping.'],
    ['mood said to be fine', 'Rent arrears. Not sleeping. Mood fine.'],
    ['a social need with good sleep', 'Three months behind with the rent. Sleeping well.'],
    ["someone else's sleep", 'Three months behind with the rent. Husband not sleeping.'],
    ["a child's own sleep (the opener asks how the patient feels)", 'Mum says black mould in the bedroom. Not sleeping, waking every 2 hours.', 1],
    ['sleep lost to night shifts in the sentence before', 'Night shifts. Cant sleep in the day. Rent arrears.'],
  ])('nothing inferred from %s', (_l, notes, age?: number) => {
    expect(promptsFor(ctx({ notes, ...(age === undefined ? {} : { age }) })).map((p) => p.ruleId)).not.toContain('stressor-with-sleep');
  });
});

describe('ordering, suppression and limit', () => {
  const busy = ctx({ age: 79, notes: 'Eviction notice. Rent arrears. Lonely. Lives alone. Using the food bank. Low mood.', medicationCount: 7 });

  const inferredRule = (id: string): boolean => DEFAULT_RULES.find((r) => r.id === id)?.inferred === true;
  test.each([
    ['busy', busy],
    ['busy and not sleeping (an inferred prompt too)', ctx({ ...busy, notes: `${busy.notes as string} Not sleeping.` })],
  ])('%s: one prompt per need, direct before inferred, strongest first, ties by rule id', (_l, c) => {
    const prompts = promptsFor(c);
    expect(new Set(prompts.map((p) => p.need)).size).toBe(prompts.length);
    for (let i = 1; i < prompts.length; i += 1) {
      const a = prompts[i - 1];
      const b = prompts[i];
      if (!a || !b) continue;
      const [ia, ib] = [inferredRule(a.ruleId), inferredRule(b.ruleId)];
      expect(ia <= ib && (ia !== ib || a.strength > b.strength || (a.strength === b.strength && a.ruleId < b.ruleId))).toBe(true);
    }
  });

  test('the same input always gives the same output', () => {
    expect(promptsFor(busy)).toEqual(promptsFor(busy));
    expect(promptsFor(busy, { rules: [...DEFAULT_RULES].reverse() })).toEqual(promptsFor(busy));
  });

  test('limit cuts the list', () => {
    expect(promptsFor(busy, { limit: 3 })).toEqual(promptsFor(busy).slice(0, 3));
    expect(promptsFor(busy, { limit: 0 })).toEqual([]);
  });

  test.each([
    [{ ruleIds: ['housing-eviction-words'] }, 'housing-eviction-words', 'housing-words'],
    [{ needs: ['housing'] }, 'housing-eviction-words', undefined],
  ])('suppressed %j removes %s', (suppressed, gone, fallback) => {
    const ids = promptsFor(busy, { suppressed }).map((p) => p.ruleId);
    expect(ids).not.toContain(gone);
    if (fallback) expect(ids).toContain(fallback);
    else expect(promptsFor(busy, { suppressed }).map((p) => p.need)).not.toContain('housing');
  });

  test('disabled rules are ignored', () => {
    const rules = DEFAULT_RULES.map((r) => (r.id === 'loneliness-words' ? { ...r, enabled: false } : r));
    expect(promptsFor(ctx({ notes: 'Lonely' }), { rules })).toEqual([]);
  });

  test('a deprivation table that throws does not stop other prompts', () => {
    const bad = () => {
      throw new Error('table broken');
    };
    const out = promptsFor(ctx({ postcode: 'G1 1AA', problems: problems('Asthma'), notes: 'Has debts' }), { deprivation: bad });
    expect(out.map((p) => p.ruleId)).toEqual(['money-words']);
  });
});
