import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { answer, button, byId, calls, chooseFile, mount, sendMock, settingsView, settle, type } from './harness';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));

beforeEach(() => sendMock.mockReset());
afterEach(() => render(null, document.body.firstElementChild ?? document.body));

describe('settings import', () => {
  test('the preview lists every change, and Apply imports the same text', async () => {
    const changes = [
      { path: 'practice.name', from: '', to: 'Dennistoun Practice' },
      { path: 'privacy.retentionDays', from: 30, to: 90 },
      { path: 'destination', from: { kind: 'print' }, to: { kind: 'email', to: 'clp@nhs.scot' } },
    ];
    answer({
      'settings.importPreview': { ok: true, value: { changes } },
      'settings.import': settingsView((s) => void (s.practice.name = 'Dennistoun Practice')),
    });
    const root = await mount();
    chooseFile(byId('settings-file'), '{"format":"links-sidebar-settings"}');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="import-preview"]')).not.toBeNull());
    const rows = [...root.querySelectorAll('[data-testid="import-preview"] tbody tr')];
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['practice.name', '(empty)', 'Dennistoun Practice'],
      ['privacy.retentionDays', '30', '90'],
      ['destination', '{"kind":"print"}', '{"kind":"email","to":"clp@nhs.scot"}'],
    ]);
    expect(calls('settings.import')).toHaveLength(0);
    button(root, 'Apply imported settings').click();
    await vi.waitFor(() => expect(byId('f-practice-name').value).toBe('Dennistoun Practice'));
    expect(calls('settings.import')).toEqual([{ text: '{"format":"links-sidebar-settings"}' }]);
  });

  test.each([
    'This is not a Links Sidebar settings file. Choose a file exported from the Links Sidebar options page.',
    'This file could not be read: it is not a valid settings file (the JSON is damaged or incomplete).',
  ])('a refused file shows the reason: %s', async (reason) => {
    answer({ 'settings.importPreview': { ok: false, error: { kind: 'Invalid', message: reason } } });
    const root = await mount();
    chooseFile(byId('settings-file'), 'nonsense');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-problem"]')?.textContent).toBe(reason));
    expect(root.querySelector('[data-testid="import-preview"]')).toBeNull();
  });
});

describe('clinical-record sites', () => {
  test('adding a site asks permission first, then saves, then syncs', async () => {
    const order: string[] = [];
    answer({ 'settings.save': (p) => (order.push('save'), { ok: true, value: { settings: p.settings, locked: [], warnings: [] } }) });
    const permissions = { request: vi.fn(async () => (order.push('request'), true)), contains: async () => true };
    const root = await mount(permissions);
    type(byId('f-origins'), 'https://ehr.example.scot/');
    await settle();
    button(root, 'Add site').click();
    await vi.waitFor(() => expect(calls('origins.sync')).toHaveLength(1));
    expect(order).toEqual(['request', 'save']);
    expect(permissions.request).toHaveBeenCalledWith('https://ehr.example.scot');
    expect((calls('settings.save')[0] as { settings: { origins: string[] } }).settings.origins).toEqual(['https://ehr.example.scot']);
    await vi.waitFor(() => expect(root.querySelector('[data-origin="https://ehr.example.scot"]')?.textContent).toContain('granted'));
  });

  test.each(['ehr.example.scot', 'http://ehr.example.scot', 'https://ehr.example.scot/consult/1', 'https://*.example.scot'])(
    '"%s" is refused without asking the browser',
    async (text) => {
      answer({});
      const request = vi.fn(async () => true);
      const root = await mount({ request, contains: async () => true });
      type(byId('f-origins'), text);
      await settle();
      expect(byId('f-origins').value).toBe(text);
      button(root, 'Add site').click();
      await vi.waitFor(() => expect(document.getElementById('f-origins-error')?.textContent).toContain('https://ehr.example.scot'));
      expect(request).not.toHaveBeenCalled();
      expect(calls('settings.save')).toHaveLength(0);
    },
  );
});

describe('JSON the practice writes', () => {
  test.each([
    ['f-adapters-0', '{ "id": "x"', 'This is not valid JSON'],
    ['f-adapters-0', '{ "id": "Bad Id" }', 'id: must be lower-case letters, digits and dashes'],
    ['f-rules-custom', '[{ "id": "my-rule" }]', 'Rule 1 (my-rule)'],
    ['f-rules-custom', '{}', 'the rules must be a list'],
  ])('%s: "%s" is refused with its reason and blocks Save', async (id, text, reason) => {
    answer({});
    const root = await mount();
    if (id === 'f-adapters-0') button(root, 'Add adapter').click();
    await settle();
    type(byId<HTMLTextAreaElement>(id), text);
    await vi.waitFor(() => expect(document.getElementById(`${id}-error`)?.textContent).toContain(reason));
    button(root, 'Save', '#practice').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="error-summary"]')?.textContent).toContain(reason));
    expect(calls('settings.save')).toHaveLength(0);
  });

  test('a rule can be switched off', async () => {
    answer({ 'settings.save': (p) => ({ ok: true, value: { settings: p.settings, locked: [], warnings: [] } }) });
    const root = await mount();
    const box = byId('rule-food-words');
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    button(root, 'Save', '#rules').click();
    await vi.waitFor(() => expect(calls('settings.save')).toHaveLength(1));
    expect((calls('settings.save')[0] as { settings: { rules: { disabled: string[] } } }).settings.rules.disabled).toEqual(['food-words']);
  });

  test('Test on this tab shows what each field found', async () => {
    answer({
      'adapter.test': {
        ok: true,
        value: {
          url: 'https://ehr.example.scot/consult',
          rows: [
            { field: 'name', selector: '.patient-name', raw: 'SMITH, Jane', value: 'Jane Smith', ok: true },
            { field: 'chi', selector: '.patient-chi', ok: false, problem: 'Nothing on the page matches this selector.' },
          ],
        },
      },
    });
    const root = await mount();
    button(root, 'Add adapter').click();
    await settle();
    button(root, 'Test adapter 1 on this tab').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="adapter-test-table"]')).not.toBeNull());
    expect(root.querySelector('[data-field="name"]')?.textContent).toContain('Jane Smith');
    expect(root.querySelector('[data-field="chi"]')?.textContent).toContain('Nothing on the page matches');
    expect((calls('adapter.test')[0] as { adapter: { id: string } }).adapter.id).toBe('my-system');
  });
});

describe('directory file import', () => {
  test('shows the count and each rejected entry', async () => {
    answer({
      'upload.chunk': (p) => ({ ok: true, value: { received: (p.text as string).length } }),
      'directory.import': { ok: true, value: { count: 41, rejected: [{ index: 3, reason: 'It has no name.' }] } },
    });
    const root = await mount();
    chooseFile(byId('dir-file'), '[]');
    type(byId('dir-label'), 'East End');
    await settle();
    button(root, 'Import directory file').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="import-result"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="import-result"]')?.textContent).toContain('41 resources imported');
    expect(root.querySelector('[data-testid="import-rejected"]')?.textContent).toBe('Entry 4: It has no name.');
    // The file goes to the background in pieces (a large one must not freeze the page), then is imported by id.
    const [piece] = calls('upload.chunk') as { uploadId: string; index: number; text: string }[];
    expect(piece).toMatchObject({ index: 0, text: '[]' });
    expect(calls('directory.import')).toEqual([{ uploadId: piece?.uploadId, label: 'East End' }]);
    expect(button(root, 'Import directory file').disabled).toBe(false);
  });

  test('a whole-file problem is an alert and says the old directory stays', async () => {
    answer({
      'upload.chunk': { ok: true, value: { received: 7 } },
      'directory.import': { ok: true, value: { count: 0, rejected: [{ index: -1, reason: 'This file is not JSON or CSV.' }] } },
    });
    const root = await mount();
    chooseFile(byId('dir-file'), 'garbage');
    button(root, 'Import directory file').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="import-failure"]')).not.toBeNull());
    const alert = root.querySelector('[data-testid="import-failure"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('This file is not JSON or CSV.');
    expect(alert?.textContent).toContain('unchanged');
  });
});

describe('directory file import, when the extension cannot take the file', () => {
  test('a failed upload says nothing was imported and the old directory stays', async () => {
    answer({ 'upload.chunk': { ok: false, error: { kind: 'Internal', message: 'The extension could not be reached (restarting).' } } });
    const root = await mount();
    chooseFile(byId('dir-file'), '[]');
    button(root, 'Import directory file').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="import-failure"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="import-failure"]')?.textContent).toBe(
      'Nothing was imported: The extension could not be reached (restarting). The directory you had before is unchanged.',
    );
    expect(calls('directory.import')).toHaveLength(0);
  });
});

describe('referral destination', () => {
  test.each([
    [{ ok: true, message: 'The CLP service answered 201 Created.' }, 'Test worked: The CLP service answered 201 Created.'],
    [{ ok: false, message: 'The webhook refused the referral (403).' }, 'Test failed: The webhook refused the referral (403).'],
  ])('the test referral result %o is shown', async (value, text) => {
    answer({ 'referral.test': { ok: true, value } });
    const root = await mount();
    button(root, 'Send test referral').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="referral-test-result"]')?.textContent).toBe(text));
  });

  test('reset asks first, then resets', async () => {
    answer({ 'settings.reset': settingsView() });
    const root = await mount();
    button(root, 'Reset to defaults…').click();
    await settle();
    expect(calls('settings.reset')).toHaveLength(0);
    button(root, 'Yes, reset everything').click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="save-status"]')?.textContent).toBe('Settings reset to the defaults.'));
    expect(calls('settings.reset')).toHaveLength(1);
  });
});

describe('network access for the referral destination', () => {
  /** A browser that has allowed nothing yet, and allows what it is asked for. */
  function askingBrowser() {
    const allowed = new Set<string>();
    const order: string[] = [];
    const permissions = {
      contains: async (o: string) => allowed.has(o),
      request: async (o: string) => (order.push(`request ${o}`), allowed.add(o), true),
      requestAll: async (list: string[]) => (order.push(`request ${list.join(' ')}`), list.forEach((o) => allowed.add(o)), true),
    };
    return { permissions, order, allowed };
  }
  const fhir = settingsView((s) => void (s.destination = { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir/R4' }));

  test('shows the destination site as not allowed yet, and "Allow access" asks for it', async () => {
    answer({ 'settings.get': fhir });
    const { permissions, order } = askingBrowser();
    const root = await mount(permissions);
    const box = () => root.querySelector('#referral [data-testid="network-access"]') as HTMLElement;
    await vi.waitFor(() => expect(box().textContent).toContain('https://clp.example.scot: not allowed yet'));
    button(box(), 'Allow access').click();
    await vi.waitFor(() => expect(box().textContent).toContain('https://clp.example.scot: allowed'));
    expect(order).toEqual(['request https://clp.example.scot']);
    expect(box().querySelector('button')).toBeNull();
  });

  test("Save in the referral section asks for the destination's site before saving", async () => {
    const { permissions, order } = askingBrowser();
    answer({ 'settings.save': (p) => (order.push('save'), { ok: true, value: { settings: p.settings, locked: [], warnings: [] } }) });
    const root = await mount(permissions);
    (root.querySelector('input[name="dest-kind"][value="webhook"]') as HTMLInputElement).click();
    await settle();
    type(byId('f-destination-url'), 'https://hooks.example.scot/links');
    await settle();
    button(root, 'Save', '#referral').click();
    await vi.waitFor(() => expect(order).toContain('save'));
    expect(order).toEqual(['request https://hooks.example.scot', 'save']);
  });

  test('print or email needs no site, so nothing is shown or asked', async () => {
    const { permissions, order } = askingBrowser();
    answer({});
    const root = await mount(permissions);
    expect(root.querySelector('#referral [data-testid="network-access"]')).toBeNull();
    button(root, 'Save', '#referral').click();
    await vi.waitFor(() => expect(calls('settings.save')).toHaveLength(1));
    expect(order).toEqual([]);
  });
});
