import { afterEach, describe, expect, test, vi } from 'vitest';
import { initialPickerState, pickerReducer, type PickerAction, type PickerState } from '../../../src/ui/picker/picker-state';
import { PICKER_TAG, startPicker, type PickerHandle } from '../../../src/ui/picker/mount';
import { PICK_STEPS } from '../../../src/ui/picker/steps';
import type { StepPick } from '../../../src/ui/picker/pick-rules';
import { ehr } from '../../adapters/demo-pages';

const PICK: StepPick = { kind: 'field', field: 'name', rule: { selector: 'h1' }, preview: 'X' };
const run = (actions: PickerAction[]): PickerState => actions.reduce(pickerReducer, initialPickerState);
const skips = (n: number): PickerAction[] => Array.from({ length: n }, () => ({ type: 'skip' }) as const);

describe('picker flow', () => {
  test.each<[string, PickerAction[], Partial<PickerState>]>([
    ['a pick moves to the next step', [{ type: 'picked', pick: PICK }], { step: 1, phase: 'picking', picks: { name: PICK } }],
    ['a refused click stays and says why', [{ type: 'refused', problem: 'Not a date' }], { step: 0, message: 'Not a date' }],
    ['skip moves on without a pick', [{ type: 'skip' }], { step: 1, picks: {} }],
    ['back returns to the previous step', [{ type: 'skip' }, { type: 'back' }], { step: 0 }],
    ['after the last step comes the review', skips(PICK_STEPS.length), { phase: 'review' }],
    ['back from the review asks the last step again', [...skips(PICK_STEPS.length), { type: 'back' }], { phase: 'picking', step: PICK_STEPS.length - 1 }],
    ['a failed save returns to the review with the reason', [...skips(PICK_STEPS.length), { type: 'saving' }, { type: 'failed', message: 'No' }], { phase: 'review', message: 'No' }],
    ['a save records the id', [...skips(PICK_STEPS.length), { type: 'saving' }, { type: 'saved', id: 'ehr' }], { phase: 'saved', savedId: 'ehr' }],
    ['saving is only possible from the review', [{ type: 'saving' }], { phase: 'picking' }],
  ])('%s', (_what, actions, expected) => {
    expect(run(actions)).toMatchObject(expected);
  });
});

describe('the in-page picker on a CareView consultation', () => {
  let handle: PickerHandle | null = null;
  afterEach(() => handle?.stop());

  function load(): string {
    const html = ehr.renderEhrPage('/careview/patient/1/consultation')?.html ?? '';
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/^<html[^>]*>|<\/html>$/g, '');
    return 'http://127.0.0.1:4173/careview/patient/1/consultation';
  }
  const click = (selector: string) => document.querySelector(selector)?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  const panel = () => document.querySelector(PICKER_TAG)?.shadowRoot?.querySelector('[data-testid="picker-panel"]');
  const button = (label: string) => [...(panel()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);

  test('clicks pick fields without reaching the page, and Save hands over a valid adapter', async () => {
    const url = load();
    const save = vi.fn(async () => ({ ok: true as const, value: { saved: true as const, id: '127-0-0-1-careview' } }));
    handle = startPicker(document, { url, title: document.title, save });
    expect(startPicker(document, { url, title: '', save })).toBeNull();
    const pageSaw = vi.fn();
    document.querySelector('.cv-banner')?.addEventListener('click', pageSaw);

    click('.cv-patient-name');
    click('.cv-dob');
    click('.cv-sex'); // not a CHI: refused, stays on the step
    expect(handle?.state()).toMatchObject({ step: 2, message: expect.stringContaining('No valid CHI or NHS number') });
    click('.cv-chi');
    for (const selector of ['.cv-postcode', '.cv-address', '.cv-phone', '.cv-term', '#cv-notes']) click(selector);
    expect(pageSaw).not.toHaveBeenCalled();
    expect(handle?.state().phase).toBe('review');
    expect(panel()?.textContent).toContain('CHI ending 2103');

    button('Save adapter')?.click();
    await vi.waitFor(() => expect(handle?.state().phase).toBe('saved'));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: '127-0-0-1-careview', consultationSignal: { selector: 'span.cv-chi' } }));
    expect(panel()?.textContent).toContain('Saved as “127-0-0-1-careview”');
  });

  test('Skip moves on, and Escape removes the picker and lets clicks through again', () => {
    const url = load();
    handle = startPicker(document, { url, title: document.title, save: vi.fn() });
    expect(button('Skip')).toBeDefined();
    button('Skip')?.click();
    expect(handle?.state().step, panel()?.innerHTML).toBe(1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    const pageSaw = vi.fn();
    document.querySelector('.cv-dob')?.addEventListener('click', pageSaw);
    click('.cv-dob');
    expect(pageSaw).toHaveBeenCalledTimes(1);
  });
});
