/**
 * The in-page panel's early link (#17) as the binding and the app use it: the link opened before the app listens is
 * taken once, what it brought never shows a patient the tab has since moved away from, and a link nobody takes is
 * closed rather than left receiving the tab's screens (a review of the twenty-sixth session's change).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionConfig } from '../../../src/messaging/protocol';
import { mockTabPorts, screen, type TabPort } from './tab-ports';
import { useHost } from '../host';

// The background's answer to panel.tab is held until a test gives it (`answerTab`).
let answerTab: (tabId: number) => void = () => undefined;
vi.mock('../../../src/messaging/client', () => ({
  send: vi.fn((type: string) => {
    if (type === 'panel.tab') return new Promise((resolve) => (answerTab = (tabId) => resolve({ ok: true, value: { tabId } })));
    const empty: Record<string, unknown> = { 'patient.suppressions': { ruleIds: [], needs: [] }, 'draft.get': null, 'referral.list': [], 'directory.search': { hits: [], total: 0 } };
    return Promise.resolve({ ok: true, value: type in empty ? empty[type] : { recorded: true } });
  }),
  call: vi.fn(),
}));
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
