import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { send } from '../../../src/messaging/client';
import type { Rule } from '../../../src/prompts/schema';
import { DEFAULT_RULES } from '../../../src/prompts/rules/index';
import { needLabel } from '../../../src/prompts/needs';
import { callerCues } from '../../../src/ui/popup/caller-cues';
import { CallerCues } from '../../../src/ui/popup/CallerCues';
import { PopupApp } from '../../../src/ui/popup/PopupApp';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));

const sendMock = vi.mocked(send);

/** The receptionist opener the default rules give for a need (the first rule that has one). */
const receptionistOpener = (need: string) => DEFAULT_RULES.find((r) => r.need === need && r.openers.receptionist)?.openers.receptionist;

describe('callerCues with the default rules', () => {
  test.each([
    ['skint', ['money']],
    ["can't pay the gas", ['money', 'fuel']],
    ['foodbank', ['food']],
    ['Foodbank and EVICTED and lonely', ['housing', 'food']],
    ['asdfgh qwerty', []],
    ['', []],
    ['  ', []],
  ])('%j -> %j', (text, needs) => {
    const cues = callerCues(text);
    expect(cues.map((c) => c.need)).toEqual(needs);
    for (const c of cues) {
      expect(c.label).toBe(needLabel(c.need));
      expect(c.cue).toBe(receptionistOpener(c.need));
    }
  });

  test('never more than two cues', () => {
    expect(callerCues('skint foodbank evicted lonely carer no internet bus fare')).toHaveLength(2);
  });
});

const rule = (id: string, need: Rule['need'], openers: Rule['openers'], extra: Partial<Rule> = {}): Rule => ({
  id, need, title: id, openers, strength: 2, enabled: true, when: { notes: { need } }, ...extra,
});

describe('callerCues picks the opener meant for receptionists', () => {
  test.each([
    ['a receptionist opener wins over an earlier GP-only one',
      [rule('a', 'money', { gp: 'GP words' }), rule('b', 'money', { gp: 'GP b', receptionist: 'Desk words' })], 'Desk words'],
    ['the GP opener is the fallback when no rule has a receptionist one',
      [rule('a', 'money', { gp: 'GP words' })], 'GP words'],
    ['rules for clinicians only are left out',
      [rule('a', 'money', { gp: 'GP', receptionist: 'Clinic only' }, { roles: ['gp', 'nurse'] }), rule('b', 'money', { gp: 'Everyone' })], 'Everyone'],
    ['rules naming receptionists count',
      [rule('a', 'money', { gp: 'GP', receptionist: 'For the desk' }, { roles: ['receptionist'] })], 'For the desk'],
    ['disabled rules are left out',
      [rule('a', 'money', { gp: 'GP', receptionist: 'Old words' }, { enabled: false }), rule('b', 'money', { gp: 'GP', receptionist: 'New words' })], 'New words'],
    ['no usable rule means no cue',
      [rule('a', 'money', { gp: 'GP', receptionist: 'Clinic only' }, { roles: ['nurse'] })], undefined],
  ] as const)('%s', (_name, rules, cue) => {
    expect(callerCues('skint', rules).map((c) => c.cue)).toEqual(cue ? [cue] : []);
  });
});

describe('the popup shows the cues above the cards', () => {
  beforeEach(() => {
    sendMock.mockReset();
    sendMock.mockImplementation((async () => ({ ok: true, value: { hits: [], total: 0 } })) as unknown as typeof send);
  });
  afterEach(() => render(null, document.body.firstElementChild ?? document.body));

  function mountPopup(): HTMLElement {
    document.body.innerHTML = '';
    const root = document.createElement('div');
    document.body.append(root);
    render(<PopupApp />, root);
    return root;
  }
  function typeInto(id: string, value: string): void {
    const el = document.getElementById(id) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }

  test.each([
    ['skint', [needLabel('money')]],
    // Each need has its own receptionist opener, so two cues, one per need.
    ["can't pay the gas", [needLabel('money'), needLabel('fuel')]],
    ['foodbank', [needLabel('food')]],
  ])('%j shows "Ask the caller" with %j', async (text, labels) => {
    const root = mountPopup();
    typeInto('q', text);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="caller-cues"]')).not.toBeNull());
    const box = root.querySelector('[data-testid="caller-cues"]') as HTMLElement;
    expect(box.querySelector('h2')?.textContent).toBe('Ask the caller');
    expect([...box.querySelectorAll('li p.muted')].map((p) => p.textContent)).toEqual(labels);
    const results = root.querySelector('[data-testid="popup-results"]') as HTMLElement;
    await vi.waitFor(() => expect(results.querySelector('[role="status"]')).not.toBeNull());
    // Cues come before the cards (or the "nothing found" note) in reading order.
    expect(results.firstElementChild).toBe(box);
  });

  test('nonsense shows no cues, and clearing the box removes them', async () => {
    const root = mountPopup();
    typeInto('q', 'asdfgh');
    await vi.waitFor(() => expect(sendMock).toHaveBeenCalled());
    expect(root.querySelector('[data-testid="caller-cues"]')).toBeNull();
    typeInto('q', 'skint');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="caller-cues"]')).not.toBeNull());
    typeInto('q', '');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="caller-cues"]')).toBeNull());
  });
});

describe('CallerCues groups cues with the same words', () => {
  afterEach(() => render(null, document.body.firstElementChild ?? document.body));
  test.each([
    ['different words: one item each', [['money', 'Help with money.'], ['fuel', 'Help with heating.']], [['Money', 'Help with money.'], ['Fuel', 'Help with heating.']]],
    ['the same words: one item under both needs', [['money', 'Our CLP can help.'], ['fuel', 'Our CLP can help.']], [['Money · Fuel', 'Our CLP can help.']]],
  ])('%s', (_label, input, expected) => {
    document.body.innerHTML = '<div></div>';
    const root = document.body.firstElementChild as HTMLElement;
    const cues = input.map(([need, cue]) => ({ need: need as string, label: (need as string).replace(/^./, (c) => c.toUpperCase()), cue: cue as string }));
    render(<CallerCues cues={cues} />, root);
    expect([...root.querySelectorAll('li')].map((li) => [...li.querySelectorAll('p')].map((p) => p.textContent))).toEqual(expected);
  });
});
