/**
 * For the panel's link tests: `browser.tabs.connect` answered with ports the test drives as the tab's content script
 * would, and the screen messages that script sends.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PATIENT_PORT } from '../../../src/messaging/keys';
import type { ScreenMessage } from '../../../src/messaging/patient-port';

type Listener = (message: unknown) => void;

export interface TabPort {
  /** The tab the panel linked to. */
  tab: number;
  /** A message from the content script. */
  push: Listener;
  /** The content script went away (navigation, closed tab). */
  drop: () => void;
  disconnect: ReturnType<typeof vi.fn>;
}

/** Every port a panel opens from now on, in order. */
export function mockTabPorts(): TabPort[] {
  const ports: TabPort[] = [];
  vi.spyOn(fakeBrowser.tabs, 'connect').mockImplementation(((tab: number) => {
    const onMessage: Listener[] = [];
    const onDisconnect: (() => void)[] = [];
    const port: TabPort = { tab, push: (m) => onMessage.forEach((l) => l(m)), drop: () => onDisconnect.forEach((l) => l()), disconnect: vi.fn() };
    ports.push(port);
    return {
      name: PATIENT_PORT,
      onMessage: { addListener: (l: Listener) => onMessage.push(l) },
      onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
      postMessage: vi.fn(),
      disconnect: port.disconnect,
    };
  }) as never);
  return ports;
}

/** What the content script sends: a patient by name (with a valid CHI), or nobody on screen. */
export const screen = (seq: number, name: string | null): ScreenMessage => ({
  type: 'screen',
  seq,
  url: 'https://record.example/p',
  patient: name ? { name, chi: '1403522103', sex: 'female', problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } } : null,
  state: name ? 'matched' : 'none',
});
