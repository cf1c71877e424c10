import { describe, expect, test } from 'vitest';
import { parseRule, parseRules } from '../../src/prompts/schema';

const good = {
  id: 'money-test',
  need: 'money',
  title: 'Money',
  openers: { gp: 'Is money a worry just now?' },
  strength: 2,
  when: { notes: { need: 'money' } },
};
const withChange = (change: Record<string, unknown>): Record<string, unknown> => ({ ...good, ...change });

describe('parseRule accepts', () => {
  test('a minimal rule, defaulting enabled to true', () => {
    const r = parseRule(good);
    expect(r.ok && r.rule.enabled).toBe(true);
    expect(r.ok && r.rule.inferred).toBeUndefined();
  });
  test('an inferred rule', () => {
    const r = parseRule(withChange({ inferred: true }));
    expect(r.ok && r.rule.inferred).toBe(true);
  });
  test.each([
    [{ all: [{ age: { min: 75 } }, { notes: { phrases: ['lives alone'] } }] }],
    [{ any: [{ problems: { codes: ['224484003'] } }, { problems: { terms: ['carer'], min: 1 } }] }],
    [{ not: { role: ['receptionist'] } }],
    [{ longTermConditionCount: { min: 5 } }],
    [{ physicalAndMental: true }],
    [{ medicationCount: { min: 4 } }],
    [{ deprivationDecile: { max: 2 } }],
    [{ all: [{ notes: { need: 'loneliness' } }, { not: { notesDenied: { phrases: ['lonely', 'isolated'] } } }] }],
    [{ near: { sentences: 1, all: [{ notes: { need: 'mental-wellbeing', groups: ['sleep-lost'] } }, { any: [{ notes: { need: 'money' } }] }] } }],
    [{ near: { sentences: 0, all: [{ notes: { phrases: ['rent'] } }, { near: { sentences: 1, all: [{ notes: { need: 'money' } }, { all: [{ notes: { need: 'food' } }] }] } }] } }],
  ])('when %j', (when) => {
    expect(parseRule(withChange({ when })).ok).toBe(true);
  });
});

/** [description, rule, words the reason must contain] */
const BAD: [string, unknown, string][] = [
  ['not an object', 'money', 'a rule must be an object'],
  ['id in capitals', withChange({ id: 'Money Rule' }), 'lower-case words joined by hyphens'],
  ['missing id', { ...good, id: undefined }, 'id'],
  ['unknown need', withChange({ need: 'moneyy' }), 'need must be one of'],
  ['empty title', withChange({ title: '  ' }), 'title must not be empty'],
  ['no GP opener', withChange({ openers: { nurse: 'Hello' } }), 'GP opener'],
  ['strength 5', withChange({ strength: 5 }), 'strength must be 1, 2 or 3'],
  ['enabled as text', withChange({ enabled: 'yes' }), 'enabled must be true or false'],
  ['unknown role', withChange({ roles: ['doctor'] }), 'roles may only contain gp, nurse, receptionist'],
  ['typo field', withChange({ wen: {} }), 'unknown field "wen"'],
  ['missing when', { ...good, when: undefined }, 'when is missing'],
  ['two leaves in one object', withChange({ when: { age: { min: 1 }, medicationCount: { min: 4 } } }), 'exactly one of'],
  ['unknown condition', withChange({ when: { postcodeArea: 'G' } }), 'unknown condition "postcodeArea"'],
  ['empty all', withChange({ when: { all: [] } }), 'non-empty list'],
  ['bad nested age', withChange({ when: { all: [{ notes: { need: 'money' } }, { age: { min: 'old' } }] } }), 'when.all[1].age'],
  ['age min above max', withChange({ when: { age: { min: 80, max: 70 } } }), 'must not be above'],
  ['fractional count', withChange({ when: { medicationCount: { min: 3.5 } } }), 'whole number'],
  ['decile 11', withChange({ when: { deprivationDecile: { max: 11 } } }), 'at most 10'],
  ['problems without terms or codes', withChange({ when: { problems: { min: 2 } } }), 'terms or codes'],
  ['notes with unknown need', withChange({ when: { notes: { need: 'pets' } } }), 'when.notes: need must be one of'],
  ['notes naming a group its lexicon lacks', withChange({ when: { notes: { need: 'money', groups: ['debt', 'debts'] } } }), 'groups: the money lexicon has no group "debts" (it has: plans, debt, hardship'],
  ['notes with empty phrase list', withChange({ when: { notes: { phrases: [] } } }), 'phrases must list at least one entry'],
  ['notesDenied with no phrases', withChange({ when: { not: { notesDenied: { phrases: [] } } } }), 'phrases must list at least one entry'],
  ['notesDenied with a need', withChange({ when: { not: { notesDenied: { need: 'loneliness' } } } }), 'notesDenied'],
  ['inferred as text', withChange({ inferred: 'yes' }), 'inferred must be true or false'],
  ['near without a distance', withChange({ when: { near: { all: [{ notes: { need: 'money' } }, { notes: { need: 'food' } }] } } }), 'near.sentences must be a whole number from 0 to 3'],
  ['near too far', withChange({ when: { near: { sentences: 9, all: [{ notes: { need: 'money' } }, { notes: { need: 'food' } }] } } }), 'from 0 to 3'],
  ['near with one condition', withChange({ when: { near: { sentences: 1, all: [{ notes: { need: 'money' } }] } } }), 'exactly two conditions'],
  ['near with a bad inner condition', withChange({ when: { near: { sentences: 1, all: [{ notes: { need: 'money' } }, { age: { min: 'old' } }] } } }), 'when.near.all[1].age'],
  ['near over a fact that is not in the notes', withChange({ when: { near: { sentences: 1, all: [{ age: { min: 18 } }, { notes: { need: 'housing' } }] } } }), 'when.near.all[0] must be about the notes'],
  ['near over a not', withChange({ when: { near: { sentences: 1, all: [{ notes: { need: 'money' } }, { not: { notes: { need: 'housing' } } }] } } }), 'when.near.all[1] must be about the notes'],
  ['generic and inferred', withChange({ generic: true, inferred: true }), 'cannot be both generic and inferred'],
  ['near with a typo', withChange({ when: { near: { sentences: 1, al: [] } } }), 'unknown field "al"'],
  ['physicalAndMental false', withChange({ when: { physicalAndMental: false } }), 'can only be true'],
];

describe('parseRule refuses', () => {
  test.each(BAD)('%s', (_label, json, reason) => {
    const r = parseRule(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});

describe('parseRules', () => {
  test('keeps good rules and reports each bad one with its position and id', () => {
    const out = parseRules([good, withChange({ id: 'two', strength: 9 }), good, 'x']);
    expect(out.rules.map((r) => r.id)).toEqual(['money-test']);
    expect(out.errors).toEqual([
      { index: 1, id: 'two', reason: 'strength must be 1, 2 or 3' },
      { index: 2, id: 'money-test', reason: 'id "money-test" is already used by rule 1' },
      { index: 3, reason: expect.stringContaining('a rule must be an object') },
    ]);
  });
  test('a non-list is refused in plain words', () => {
    expect(parseRules({ rules: [] }).errors[0]?.reason).toBe('the rules must be a list ([...])');
  });
});
