/**
 * The content script's start on a record page that is still loading (it runs at document_start, issue #17):
 * panels can link at once and are told the record is loading; a second injection while the page loads leaves
 * one in-page host, not two; and the page is read only once it has been parsed.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { hintInpage, MODE_HINT } from '../../src/content/mode-hint';
import { startContentScript } from '../../src/content/start';
import { SESSION_CONFIG_KEY, PATIENT_PORT } from '../../src/messaging/keys';

type Listener = (port: FakePort) => void;
interface FakePort {
  name: string;
  sender: { id: string };
  sent: unknown[];
  postMessage(m: unknown): void;
  onDisconnect: { addListener(f: () => void): void };
  onMessage: { addListener(f: (m: unknown) => void): void };
  disconnect(): void;
}

let readyState: DocumentReadyState = 'loading';
let connects: Listener[] = [];
const port = (): FakePort => ({
  name: PATIENT_PORT,
  sender: { id: 'ext' },
  sent: [],
  postMessage(m) {
    this.sent.push(m);
  },
  onDisconnect: { addListener() {} },
  onMessage: { addListener() {} },
  disconnect() {},
});

beforeEach(() => {
  readyState = 'loading';
  connects = [];
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
  document.documentElement.innerHTML = '<head></head><body><div id="banner">Jane Doe CHI 210385 1234</div></body>';
  const events = { addListener() {}, removeListener() {} };
  (globalThis as { browser?: unknown }).browser = {
    runtime: {
      id: 'ext',
      getURL: (p: string) => `chrome-extension://ext${p}`,
      sendMessage: async () => undefined,
      onMessage: events,
      onConnect: { addListener: (f: Listener) => connects.push(f), removeListener: (f: Listener) => (connects = connects.filter((g) => g !== f)) },
    },
    storage: { local: { get: async () => ({ [SESSION_CONFIG_KEY]: { origins: [location.origin], adapters: [], sidebarMode: 'inpage' } }) } },
  };
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  delete (globalThis as { browser?: unknown }).browser;
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 20));
const parse = () => {
  readyState = 'interactive';
  document.dispatchEvent(new Event('DOMContentLoaded'));
};

test('while the page loads, a panel can link and is told the record is loading; nothing is read before it is parsed', async () => {
  const started = startContentScript();
  await settle();
  expect(connects).toHaveLength(1);
  const p = port();
  connects[0]?.(p);
  expect(p.sent).toEqual([expect.objectContaining({ type: 'screen', seq: 0, state: 'none', patient: null, reason: 'The record is still loading.' })]);
  // The in-page host is mounted, hidden, and says no patient.
  const host = document.querySelector('links-sidebar');
  expect(host?.hasAttribute('data-idle')).toBe(true);
  expect(host?.hasAttribute('data-patient-detected')).toBe(false);
  parse();
  await started;
  await settle();
  // The first reading, at DOMContentLoaded, always tells the panel what is there.
  expect(p.sent.length).toBeGreaterThan(1);
  expect((p.sent.at(-1) as { seq: number; reason?: string }).seq).toBeGreaterThan(0);
  expect((p.sent.at(-1) as { reason?: string }).reason).not.toBe('The record is still loading.');
});

test('a second injection while the page loads stops the first: one host, one listener', async () => {
  const first = startContentScript();
  await settle();
  expect(document.querySelectorAll('links-sidebar')).toHaveLength(1);
  const second = startContentScript();
  await first;
  await settle();
  parse();
  await second;
  await settle();
  expect(document.querySelectorAll('links-sidebar')).toHaveLength(1);
  expect(connects).toHaveLength(1);
});

describe('the in-page mode hint (registered before the script while the practice uses the in-page panel)', () => {
  /** Extension storage that answers only when told to, as it does 20 to 35 ms later in a browser. */
  const slowConfig = (config: Record<string, unknown>) => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((r) => (answer = r));
    (globalThis as unknown as { browser: { storage: unknown } }).browser.storage = {
      local: { get: async () => (await answered, { [SESSION_CONFIG_KEY]: config }) },
    };
    return answer;
  };
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[MODE_HINT];
  });

  test.each([
    ['hinted, and the config agrees', true, { origins: [location.origin], adapters: [], sidebarMode: 'inpage' }, 1],
    ['hinted, but the practice has since chosen the side panel', true, { origins: [location.origin], adapters: [], sidebarMode: 'panel' }, 0],
    ['hinted, on a port of the host nobody configured', true, { origins: ['https://elsewhere.example'], adapters: [], sidebarMode: 'inpage' }, 0],
    ['not hinted', false, { origins: [location.origin], adapters: [], sidebarMode: 'inpage' }, 1],
  ])('%s', async (_name, hinted, config, hostsAfter) => {
    if (hinted) hintInpage();
    const answer = slowConfig(config);
    const started = startContentScript();
    await settle();
    // Before the config is read, the frame is loading (hidden) only where the hint said so.
    const early = document.querySelector('links-sidebar');
    expect(early !== null).toBe(hinted);
    if (early) expect(early.hasAttribute('data-idle')).toBe(true);
    answer();
    await settle();
    parse();
    await started;
    await settle();
    const hosts = document.querySelectorAll('links-sidebar');
    expect(hosts).toHaveLength(hostsAfter);
    // The early host is the one kept, not a second frame loading afresh.
    if (early && hostsAfter === 1) expect(hosts[0]).toBe(early);
    // A panel can link only where the config allows this origin.
    expect(connects).toHaveLength(config.origins.includes(location.origin) ? 1 : 0);
  });

  test.each([
    ['allowed: served once the config is read', { origins: [location.origin], adapters: [], sidebarMode: 'inpage' }, true],
    ['a port nobody configured: disconnected, told nothing', { origins: ['https://elsewhere.example'], adapters: [], sidebarMode: 'inpage' }, false],
  ])('a panel that links while the config is read is held (%s)', async (_name, config, served) => {
    hintInpage();
    const answer = slowConfig(config);
    const started = startContentScript();
    await settle();
    // The hinted frame links before the config is known: held, told nothing yet.
    expect(connects).toHaveLength(1);
    let disconnected = false;
    const p = { ...port(), disconnect: () => void (disconnected = true) };
    connects[0]?.(p);
    expect(p.sent).toEqual([]);
    answer();
    await settle();
    expect(disconnected).toBe(!served);
    expect(p.sent).toEqual(served ? [expect.objectContaining({ type: 'screen', seq: 0, patient: null, reason: 'The record is still loading.' })] : []);
    parse();
    await started;
    await settle();
    if (served) expect((p.sent.at(-1) as { seq: number }).seq).toBeGreaterThan(0);
    else expect(p.sent).toEqual([]);
  });

  test.each([
    ['the practice has since chosen the side panel', { origins: [location.origin], adapters: [], sidebarMode: 'panel' }],
    ['a port of the host nobody configured', { origins: ['https://elsewhere.example'], adapters: [], sidebarMode: 'inpage' }],
  ])('hinted, the config read before the record has a <body> (%s): no frame when the <body> comes', async (_name, config) => {
    hintInpage();
    document.body.remove();
    const answer = slowConfig(config);
    const started = startContentScript();
    await settle();
    expect(document.querySelector('links-sidebar')).toBeNull();
    answer();
    await settle();
    // The record's <head> was slow: its <body> arrives after the config said no.
    document.documentElement.append(document.createElement('body'));
    await settle();
    parse();
    await started;
    await settle();
    expect(document.querySelectorAll('links-sidebar')).toHaveLength(0);
    expect(connects).toHaveLength(config.origins.includes(location.origin) ? 1 : 0);
  });
});
