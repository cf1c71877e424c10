import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { answer, button, byId, calls, mount, sendMock, settingsView, settle, type } from './harness';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));

beforeEach(() => sendMock.mockReset());
afterEach(() => render(null, document.body.firstElementChild ?? document.body));

describe('saving settings', () => {
  const details = [
    { path: 'practice.name', message: 'Practice name must be at most 200 characters.' },
    { path: 'people.clp.email', message: 'Community Links Practitioner email is not a valid email address.' },
    { path: 'privacy.retentionDays', message: 'Retention must be a whole number of days between 1 and 365.' },
  ];

  test.each(details)('a refused save shows "$message" beside $path and focuses the summary', async ({ path, message }) => {
    answer({ 'settings.save': { ok: false, error: { kind: 'Invalid', message: 'Some settings need attention. Nothing was saved.', details } } });
    const root = await mount();
    button(root, 'Save', '#practice').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="error-summary"]')).not.toBeNull());
    const summary = root.querySelector<HTMLElement>('[data-testid="error-summary"]');
    expect(summary?.getAttribute('role')).toBe('alert');
    await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary?.textContent).toContain(message);
    const input = byId(`f-${path.replace(/\./g, '-')}`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const error = described.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'));
    expect(error?.textContent).toBe(message);
  });

  test.each([
    ['f-practice-radiusKm', 'abc', 'Search radius must be a number of kilometres between 0.5 and 100.'],
    ['f-practice-postcode', 'not a postcode', 'Practice postcode is not a valid UK postcode.'],
    ['f-people-clp-email', 'nobody', 'Community Links Practitioner email is not a valid email address.'],
  ])('%s = "%s" is refused before anything is sent', async (id, value, message) => {
    answer({});
    const root = await mount();
    type(byId(id), value);
    await settle();
    button(root, 'Save', '#practice').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="error-summary"]')?.textContent).toContain(message));
    expect(calls('settings.save')).toHaveLength(0);
    expect(document.getElementById(`${id}-error`)?.textContent).toBe(message);
  });

  test('a good save sends the whole settings object and says so', async () => {
    answer({ 'settings.save': (p) => ({ ok: true, value: { settings: p.settings, locked: [], warnings: [] } }) });
    const root = await mount();
    type(byId('f-practice-name'), 'Parkhead Health Centre');
    type(byId('f-privacy-retentionDays'), '60');
    await settle();
    button(root, 'Save', '#privacy').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="save-status"]')?.textContent).toBe('Settings saved.'));
    const sent = calls('settings.save')[0] as { settings: { practice: { name: string }; privacy: { retentionDays: number }; destination: unknown } };
    expect(sent.settings.practice.name).toBe('Parkhead Health Centre');
    expect(sent.settings.privacy.retentionDays).toBe(60);
    expect(sent.settings.destination).toEqual({ kind: 'print' });
  });
});

describe('locked settings', () => {
  test.each([
    ['practice.name', 'f-practice-name'],
    ['privacy.retentionDays', 'f-privacy-retentionDays'],
    ['identifierSystems', 'f-identifierSystems-chi'],
  ])('locked %s renders %s disabled with a note', async (path, id) => {
    answer({ 'settings.get': settingsView(() => {}, [path]) });
    await mount();
    const input = byId(id);
    expect(input.disabled).toBe(true);
    expect(document.getElementById(`${id}-locked`)?.textContent).toBe('Set by your health board');
  });

  test('an unlocked field stays editable', async () => {
    answer({ 'settings.get': settingsView(() => {}, ['practice.name']) });
    await mount();
    expect(byId('f-practice-postcode').disabled).toBe(false);
  });
});
