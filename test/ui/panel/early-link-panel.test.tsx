/**
 * The in-page panel's early link (#17) as the binding and the app use it: the link opened before the app listens is
 * taken once, what it brought never shows a patient the tab has since moved away from, and a link nobody takes is
 * closed rather than left receiving the tab's screens (a review of the twenty-sixth session's change).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionConfig } from '../../../src/messaging/protocol';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mockTabPorts, screen, type TabPort } from './tab-ports';
import { useHost } from '../host';

// The background's answer to panel.tab is held until a test gives it (`answerTab`); given before the panel asks (the
// panel first asks the browser, then the background), it is the answer the ask gets.
let answerOf: ((tabId: number) => void) | undefined;
let answered: number | undefined;
const answerTab = (tabId: number): void => {
  if (answerOf) answerOf(tabId);
  else answered = tabId;
  answerOf = undefined;
};
vi.mock('../../../src/messaging/client', () => ({
  send: vi.fn((type: string) => {
    if (type === 'panel.tab')
      return new Promise((resolve) => {
        const reply = (tabId: number) => resolve({ ok: true, value: { tabId } });
        if (answered === undefined) answerOf = reply;
        else reply(answered);
        answered = undefined;
      });
    const empty: Record<string, unknown> = { 'patient.suppressions': { ruleIds: [], needs: [] }, 'draft.get': null, 'referral.list': [], 'directory.search': { hits: [], total: 0 } };
    return Promise.resolve({ ok: true, value: type in empty ? empty[type] : { recorded: true } });
  }),
  call: vi.fn(),
}));
const { send } = await import('../../../src/messaging/client');
const { bindingFromLocation } = await import('../../../src/ui/panel/binding');
const { PanelApp } = await import('../../../src/ui/panel/PanelApp');
const { ErrorBoundary } = await import('../../../src/ui/shared/ErrorBoundary');

let ports: TabPort[] = [];
const config = {
  role: 'gp', disabledRules: [], customRules: [], genericPrompts: 'off', adapters: [], origins: [], sidebarMode: 'inpage', idleMinutes: 5,
  referrer: { name: 'Dr A', role: 'GP' }, practiceName: '', practice: {},
} as unknown as SessionConfig;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let root: HTMLElement;
const text = () => root.textContent ?? '';

// What the sidebar loads on demand once a patient is shown (the prompt engine, the cards, the referral form), loaded
// first: a test that ended while one was still loading made the import outlive the test environment.
beforeAll(async () => {
  await Promise.all([import('../../../src/prompts/engine'), import('../../../src/ui/shared/ResourceList'), import('../../../src/ui/shared/ReferralForm')]);
});

beforeEach(() => {
  ports = mockTabPorts();
  // The browser names no tab here unless a test says so: the background's answer (answerTab) decides.
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
  vi.mocked(send).mockClear();
  answerOf = undefined;
  answered = undefined;
});
useHost((el) => (root = el));

describe('the in-page binding', () => {
  test('links to the tab as soon as it is named, and the first follow() takes that link once', async () => {
    const binding = bindingFromLocation('?host=inpage');
    const first = vi.fn();
    const second = vi.fn();
    binding.follow(first);
    binding.follow(second);
    answerTab(5);
    await flush();
    expect(ports.map((p) => p.tab)).toEqual([5]);
    expect(first).toHaveBeenCalledWith(5, expect.objectContaining({ link: expect.any(Object) }));
    expect(second).toHaveBeenCalledWith(5, undefined);
  });

  test('a follow() stopped before the tab is named closes the link it never took', async () => {
    const binding = bindingFromLocation('?host=inpage');
    const onTab = vi.fn();
    const stop = binding.follow(onTab);
    stop();
    answerTab(5);
    await flush();
    expect(onTab).not.toHaveBeenCalled();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.disconnect).toHaveBeenCalled();
  });

  test('abandon() (settings could not load) closes the untaken link', async () => {
    const binding = bindingFromLocation('?host=inpage');
    binding.abandon();
    answerTab(5);
    await flush();
    expect(ports[0]?.disconnect).toHaveBeenCalled();
  });
});

describe('which tab the in-page frame is in', () => {
  const tabOf = (id: number) => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false }) as never;

  test('the browser names it: linked to that tab without a message to the background (a stopped worker is not woken)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(tabOf(7));
    const binding = bindingFromLocation('?host=inpage');
    const onTab = vi.fn();
    binding.follow(onTab);
    await flush();
    expect(ports.map((p) => p.tab)).toEqual([7]);
    expect(onTab).toHaveBeenCalledWith(7, expect.objectContaining({ link: expect.any(Object) }));
    expect(vi.mocked(send).mock.calls.map(([type]) => type)).not.toContain('panel.tab');
  });

  test.each([
    ['gives no tab', () => Promise.resolve(undefined)],
    ['gives a tab without an id', () => Promise.resolve({ index: 0 })],
    ['throws', () => Promise.reject(new Error('not offered'))],
  ])('the browser %s: the background is asked, and its answer is the tab linked', async (_what, answer) => {
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation(answer as never);
    const binding = bindingFromLocation('?host=inpage');
    const onTab = vi.fn();
    binding.follow(onTab);
    await flush();
    expect(ports).toHaveLength(0);
    expect(vi.mocked(send).mock.calls.map(([type]) => type)).toEqual(['panel.tab']);
    answerTab(4);
    await flush();
    expect(ports.map((p) => p.tab)).toEqual([4]);
    expect(onTab).toHaveBeenCalledWith(4, expect.objectContaining({ link: expect.any(Object) }));
  });
});

describe('the panel taking over the early link', () => {
  test('a screen then a lost link before the app listens: the stale patient is never shown; the relink shows the new one', async () => {
    const binding = bindingFromLocation('?host=inpage');
    answerTab(9);
    await flush();
    ports[0]?.push(screen(1, 'Ann Example'));
    ports[0]?.drop();
    await act(async () => {
      render(<PanelApp binding={binding} config={config} />, root);
      await flush();
    });
    expect(text()).not.toContain('Ann');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(ports.map((p) => p.tab)).toEqual([9, 9]);
    await act(async () => {
      ports[1]?.push(screen(1, 'Bob Example'));
      await flush();
    });
    expect(text()).toContain('Bob');
    expect(text()).not.toContain('Ann');
  });

  test('the buffered patient shows, a newer screen replaces it, and unmounting closes the early link', async () => {
    const binding = bindingFromLocation('?host=inpage');
    answerTab(9);
    await flush();
    ports[0]?.push(screen(1, 'Ann Example'));
    await act(async () => {
      render(<PanelApp binding={binding} config={config} />, root);
      await flush();
    });
    expect(text()).toContain('Ann');
    await act(async () => {
      ports[0]?.push(screen(2, null));
      ports[0]?.push(screen(3, 'Bob Example'));
      await flush();
    });
    expect(text()).toContain('Bob');
    expect(text()).not.toContain('Ann');
    await act(async () => render(null, root));
    expect(ports[0]?.disconnect).toHaveBeenCalled();
    expect(ports).toHaveLength(1);
  });

  test('an app that fails before it follows its tab: the error boundary closes the untaken link', async () => {
    const binding = bindingFromLocation('?host=inpage');
    const Broken = (): null => {
      throw new Error('render failed');
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => {
      render(
        <ErrorBoundary where="sidebar" onError={() => binding.abandon()}>
          <Broken />
        </ErrorBoundary>,
        root,
      );
      await flush();
    });
    answerTab(9);
    await flush();
    expect(text()).toContain('stopped working');
    expect(ports).toHaveLength(1);
    expect(ports[0]?.disconnect).toHaveBeenCalled();
  });
});
