/**
 * The in-page panel links to its tab before its app listens (#17, screen-link.ts earlyLink): whatever arrives
 * meanwhile must reach the app exactly as a link opened later would have delivered it, and never an older screen
 * after a newer one.
 */
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ScreenMessage } from '../../../src/messaging/patient-port';
import { earlyLink, type ScreenLinkEvents } from '../../../src/ui/panel/screen-link';

type Listener = (message: unknown) => void;

/** A port the test drives as the tab's content script would. */
function fakePort() {
  const onMessage: Listener[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name: 'links-patient',
    onMessage: { addListener: (l: Listener) => onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
    postMessage: vi.fn(),
    disconnect: vi.fn(),
  };
  vi.spyOn(fakeBrowser.tabs, 'connect').mockReturnValue(port as never);
  return { port, push: (m: unknown) => onMessage.forEach((l) => l(m)), drop: () => onDisconnect.forEach((l) => l()) };
}

const screen = (seq: number, name: string | null): ScreenMessage => ({
  type: 'screen',
  seq,
  url: 'https://record.example/p',
  patient: name ? { name, chi: '1403522103', sex: 'female', problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } } : null,
  state: name ? 'matched' : 'none',
});

function recorder() {
  const seen: string[] = [];
  const events: ScreenLinkEvents = {
    onScreen: (s) => seen.push(`screen ${s.seq} ${s.patient?.name ?? '-'}`),
    onFocusPrompts: () => seen.push('focus'),
    onLost: () => seen.push('lost'),
  };
  return { seen, events };
}

describe('earlyLink', () => {
  test('what came before the app listened is handed over: the latest screen only, then what follows live', () => {
    const tab = fakePort();
    const early = earlyLink(7);
    expect(fakeBrowser.tabs.connect).toHaveBeenCalledWith(7, { name: 'links-patient' });
    tab.push(screen(1, 'Ann Example'));
    tab.push(screen(3, 'Bob Example'));
    tab.push(screen(2, 'Ann Example')); // older than what was already there: dropped, as by a link opened later
    tab.push({ type: 'screen', seq: 4, url: 'x', patient: { name: 5 }, state: 'matched' }); // fails the schema
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual(['screen 3 Bob Example']);
    tab.push(screen(5, null));
    tab.push({ type: 'focus-prompts' });
    expect(seen).toEqual(['screen 3 Bob Example', 'screen 5 -', 'focus']);
  });

  test('a link lost before the app listened is reported after the screen it had, so the app ends on "lost"', () => {
    const tab = fakePort();
    const early = earlyLink(3);
    tab.push(screen(1, 'Ann Example'));
    tab.drop();
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual(['screen 1 Ann Example', 'lost']);
  });

  test('nothing arrived: the app is told nothing until the tab speaks; closing disconnects the port', () => {
    const tab = fakePort();
    const early = earlyLink(3);
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual([]);
    early.link.close();
    expect(tab.port.disconnect).toHaveBeenCalled();
    tab.push(screen(1, 'Ann Example'));
    expect(seen).toEqual([]);
  });
});
