/**
 * Standalone mode (issue #17): beside a desktop record the sidebar cannot
 * read. The identifier is checked as typed (with the date of birth and sex a
 * CHI encodes), pasted text is read by the detector's own readers and shown
 * for confirmation before anything else appears, and a typed-in patient goes
 * at once on "New patient" and after the practice's idle time.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SessionConfig } from '../../../src/messaging/protocol';
import { promptsFor } from '../../../src/prompts/prompts-for';
import type { Binding } from '../../../src/ui/panel/binding';
import { PanelApp } from '../../../src/ui/panel/PanelApp';
import { checkTypedId, readStandalone } from '../../../src/ui/panel/standalone-read';
import { useHost } from '../host';

vi.mock('../../../src/messaging/client', () => ({
  send: vi.fn(async (type: string) => {
    const empty: Record<string, unknown> = { 'patient.suppressions': { ruleIds: [], needs: [] }, 'draft.get': null, 'referral.list': [], 'directory.search': { hits: [], total: 0 } };
    return { ok: true, value: type in empty ? empty[type] : { recorded: true } };
  }),
  call: vi.fn(),
}));

const NOW = new Date('2026-06-01T10:00:00Z');

describe('checkTypedId', () => {
  test.each([
    ['1403522103', { ok: true, kind: 'chi', birthDate: '1952-03-14', sex: 'female' }],
    ['140352 2103', { ok: true, kind: 'chi', birthDate: '1952-03-14', sex: 'female' }],
    ['943 476 5919', { ok: true, kind: 'nhs' }],
    ['14035', { ok: false, message: '5 more digits needed.' }],
    ['140352210', { ok: false, message: '1 more digit needed.' }],
    ['1403522104', { ok: false, message: 'This is not a valid CHI or NHS number: check the digits.' }],
    ['14035221033', { ok: false, message: 'That is more than 10 digits.' }],
    ['14O3522103', { ok: false, message: 'A CHI or NHS number has digits only.' }],
  ] as [string, Record<string, unknown>][])('%s', (typed, expected) => {
    const result = checkTypedId(typed, NOW);
    if (expected.ok) {
      expect(result).toMatchObject({ ok: true, id: { kind: expected.kind } });
      if ('birthDate' in expected) expect(result).toMatchObject({ birthDate: expected.birthDate, sex: expected.sex });
    } else expect(result).toEqual(expected);
  });
});

describe('readStandalone', () => {
  const chi = { kind: 'chi' as const, value: '1403522103' };

  test('the number alone: date of birth, age and sex from the CHI; a few words become the notes', () => {
    const read = readStandalone({ id: chi, postcode: 'g31 3jd', situation: "lost job, rent arrears, can't heat the flat" }, NOW);
    expect(read).toMatchObject({ ok: true, patient: { chi: '1403522103', birthDate: '1952-03-14', age: 74, sex: 'female', postcode: 'G31 3JD', source: { adapter: 'standalone' } } });
    if (!read.ok) return;
    const needs = promptsFor(read.patient, { role: 'gp' }).map((p) => p.need);
    expect(needs).toContain('housing');
  });

  test('pasted banner text is read by the detector and shown for confirmation', () => {
    const read = readStandalone({ id: chi, pasted: 'Name: DOCHERTY, Margaret (Mrs)\nDOB: 14-Mar-1952\nSex: Female\nPost Code: G31 3JD' }, NOW);
    expect(read).toMatchObject({ ok: true, patient: { name: expect.stringContaining('DOCHERTY') as string, postcode: 'G31 3JD' } });
    if (read.ok) expect(read.read.join(' ')).toContain('Postcode: G31 3JD');
  });

  // Nothing ties a paste without the typed number to that number: the clinician is told before confirming.
  test.each([
    ['an NHS number and a banner with no number', { kind: 'nhs', value: '9434765919' }, 'Name: James WATT   DOB: 01/01/1923\nSeen today.', 'does not show the NHS number typed'],
    ['a CHI and a banner with no number', { kind: 'chi', value: '1403522103' }, 'Name: DOCHERTY, Margaret (Mrs)\nDOB: 14-Mar-1952', 'does not show the CHI number typed'],
  ] as const)('%s: the read says the details are unchecked', (_name, id, pasted, warning) => {
    const read = readStandalone({ id: { ...id }, pasted }, NOW);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.warning).toContain(warning);
    expect(read.read.join(' ')).not.toContain('Check:');
  });

  test('a paste showing the typed number carries no such warning', () => {
    const read = readStandalone({ id: chi, pasted: 'Name: DOCHERTY, Margaret (Mrs)   CHI: 1403522103\nDOB: 14-Mar-1952' }, NOW);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.warning).toBeUndefined();
    expect(read.read.join(' ')).not.toContain('Check:');
  });

  test('pasted text about another CHI is refused', () => {
    const read = readStandalone({ id: chi, pasted: 'Name: KERR, Agnes\nCHI: 0307582817\nDOB: 03/07/1958' }, NOW);
    expect(read.ok).toBe(false);
  });

  test('a postcode that is not one is refused', () => {
    expect(readStandalone({ id: chi, postcode: 'not a postcode' }, NOW)).toEqual({ ok: false, message: 'That postcode does not look right.' });
  });
});

describe('the standalone panel', () => {
  const config = { role: 'gp', disabledRules: [], customRules: [], genericPrompts: 'off', adapters: [], origins: [], sidebarMode: 'panel', idleMinutes: 1, referrer: { name: 'Dr A', role: 'GP' }, practiceName: '', practice: {}, destinationKind: 'print' } as SessionConfig;
  const noTab: Binding = { host: 'side', follow: (onTab) => (onTab(undefined), () => undefined), abandon: () => undefined };
  let root: HTMLElement;
  useHost((el) => (root = el));
  afterEach(() => {
    vi.useRealTimers();
  });

  // (An input or the paste's textarea: both take a value and an input event.)
  const typeIn = async (selector: string, value: string) =>
    act(() => {
      const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement | HTMLTextAreaElement;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const click = async (text: string) =>
    act(() => {
      [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text))?.click();
    });
  // Read loads the detector on first use (a chunk of its own in the panel): wait for what it read.
  const submitRead = async () => {
    await act(() => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="standalone-read"]')).not.toBeNull(), { timeout: 5_000 });
  };
  const confirmPatient = async () => {
    await typeIn('#ls-id', '1403522103');
    expect(root.querySelector('[data-testid="id-check"]')?.textContent).toContain('Valid CHI: born 1952-03-14, female');
    await submitRead();
    expect(root.querySelector('[data-testid="standalone-read"]')?.textContent).toContain('1403522103');
    // Nothing patient-specific until confirmed.
    expect(root.querySelector('[data-testid="patient-name"]')).toBeNull();
    await click('Yes, this is the patient');
    expect(root.querySelector('[data-testid="patient-tail"]')?.textContent).toContain('2103');
    expect(root.querySelector('[data-testid="match-state"]')?.textContent).toBe('Typed in (not read from a record)');
  };

  test('a paste that does not show the typed number is flagged above what was read', async () => {
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await typeIn('#ls-id', '9434765919');
    await typeIn('#ls-pasted', 'Name: James WATT   DOB: 01/01/1923\nSeen today.');
    await submitRead();
    expect(root.querySelector('[data-testid="standalone-unchecked"]')?.textContent).toContain('does not show the NHS number typed');
    expect(root.querySelector('[data-testid="standalone-read"]')?.textContent).not.toContain('Check:');
  });

  test('names taken out of the pasted notes are said, with the source of the list of names', async () => {
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await typeIn('#ls-id', '1403522103');
    await typeIn('#ls-pasted', 'Name: Jean WATT   DOB: 14/03/1952   CHI: 1403522103\n\nson jamie in barlinnie, rent arrears.');
    await submitRead();
    expect(root.querySelector('[data-testid="standalone-read"]')?.textContent).not.toContain('jamie');
    expect(root.querySelector('[data-testid="standalone-names-out"]')?.textContent).toContain('National Records of Scotland');
  });

  test('no names taken out, no note about them', async () => {
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await typeIn('#ls-id', '1403522103');
    await submitRead();
    expect(root.querySelector('[data-testid="standalone-names-out"]')).toBeNull();
  });

  test('confirm, then New patient clears everything at once', async () => {
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await confirmPatient();
    await click('New patient');
    expect(root.querySelector('[data-testid="patient-tail"]')).toBeNull();
    expect(root.querySelector('#ls-id')).not.toBeNull();
    expect((root.querySelector('#ls-id') as HTMLInputElement).value).toBe('');
  });

  test("the practice's idle time clears a typed-in patient, and says so", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await confirmPatient();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(59_000);
    });
    expect(root.querySelector('[data-testid="patient-tail"]')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(root.querySelector('[data-testid="patient-tail"]')).toBeNull();
    expect(root.textContent).toContain('cleared after a time without use');
  });

  test('the need picker is there at once; prompts follow when the engine has loaded, for the same patient', async () => {
    await act(() => render(<PanelApp binding={noTab} config={config} />, root));
    await typeIn('#ls-id', '1403522103');
    await typeIn('#ls-situation', 'Struggling to pay the gas bill, skipping meals.');
    await submitRead();
    await click('Yes, this is the patient');
    expect(root.querySelector('#ls-need')).not.toBeNull();
    await vi.waitFor(() => expect(root.querySelectorAll('li.prompt').length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(root.querySelector('[data-testid="patient-tail"]')?.textContent).toContain('2103');
    expect(root.textContent).not.toContain('Reading the record for prompts');
  });

  // ADR 0013: pasted notes keep only the words a prompt can read; a practice's own phrase is one of them, so the form has
  // the practice's rules compiled before it reads a paste.
  test("a practice's own phrase in pasted notes reaches its prompt; a name no rule reads does not", async () => {
    const own = { id: 'own-curling', need: 'activity', title: 'Curling club', strength: 3, enabled: true, openers: { gp: 'Would the curling club suit you?' }, when: { notes: { phrases: ['curling club'] } } };
    const withOwn = { ...config, customRules: [own] } as unknown as SessionConfig;
    await act(() => render(<PanelApp binding={noTab} config={withOwn} />, root));
    await typeIn('#ls-id', '1403522103');
    await typeIn('#ls-pasted', 'Name: Jean WATT   DOB: 14/03/1952   CHI: 1403522103\n\nKeen to join the curling club. Daughter olena visits.');
    await submitRead();
    await click('Yes, this is the patient');
    await vi.waitFor(() => expect([...root.querySelectorAll('li.prompt')].map((li) => li.textContent).join(' ')).toContain('curling club'), { timeout: 5_000 });
    expect(root.textContent).not.toContain('olena');
  });
});
