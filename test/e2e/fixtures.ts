/**
 * E2E harness: the demo build of the extension (`wxt build --mode demo`,
 * .output/chrome-mv3-demo) in Debian's Chromium (never a downloaded browser)
 * against the demo practice on 127.0.0.1:DEMO_PORT (the port the demo build
 * was made for: its content script acts on no other).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import type { IncomingMessage, ServerResponse } from 'node:http';
// @ts-expect-error -- plain ESM JavaScript server (no types), shared with `npm start`
import { startDemoServer } from '../demo/server.mjs';

export const EXTENSION_PATH = resolve('.output/chrome-mv3-demo');
/** The demo build acts only on this port (wxt.config.ts, src/content/origins.ts). */
export const DEMO_PORT = Number(process.env.DEMO_PORT ?? 4173);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags this machine needs: no outside network, so no background connections. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export interface DemoServer {
  url: string;
  port: number;
  inbox: { reset(): void };
  /** The demo health board's OAuth server (issue #15), for the secured endpoint /secure/fhir. */
  oauth: { url: string; tokenUrl: string; jwksUrl: string; registerClient(id: string, client: object): void };
  close(): Promise<void>;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  demo: DemoServer;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** The demo practice, its CLP service and OAuth server. Plain Node: the FHIR engine needs no --experimental-websocket. */
/** `extra` answers requests first (a test serving its own pages on the demo origin); true when it handled one. */
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

export async function startDemo(extra?: ExtraRoute): Promise<DemoServer> {
  return (await startDemoServer({ port: DEMO_PORT, quiet: true, ...(extra ? { extra } : {}) })) as DemoServer;
}

/** Launch Chromium with the extension; `userDataDir` may be reused to simulate a browser restart. */
/** `extensionPath`: another build to load (release.e2e.ts loads the release build); the demo build by default. */
export async function launchBrowser(options: { demo?: DemoServer; userDataDir?: string; args?: string[]; extensionPath?: string } = {}): Promise<Harness> {
  const extension = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`Build the extension first (npx wxt build --mode demo, or npx wxt build for the release build): ${extension} is missing.`);
  }
  const demo = options.demo ?? (await startDemo());
  const ownsDemo = !options.demo;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'links-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_FLAGS, ...(options.args ?? [])],
  });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    demo,
    userDataDir,
    serviceWorker,
    close: async () => {
      await context.close();
      if (ownsDemo) await demo.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface WorkerVersion {
  versionId: string;
  registrationId: string;
  status: 'new' | 'installing' | 'installed' | 'activating' | 'activated' | 'redundant';
}

/**
 * Kill the background service worker the way Chrome does when idle (the next message restarts it).
 *
 * Only once the extension's worker is activated: a fresh profile is still installing it for a few hundred
 * milliseconds after launch, and a worker stopped during its install fails to install ("ServiceWorker failed
 * to install: Operation has failed"), after which the extension has no worker until the browser restarts. Chrome
 * never stops an installing worker for idleness, so a stop there is not the accident the tests mean to model
 * (that was the cause of a rare CI failure: every message then met "Receiving end does not exist").
 */
export async function stopServiceWorker(harness: Harness): Promise<void> {
  const page = harness.context.pages()[0] ?? (await harness.context.newPage());
  const cdp = await harness.context.newCDPSession(page);
  const scope = `chrome-extension://${harness.extensionId}/`;
  const registrations = new Map<string, string>();
  const versions = new Map<string, WorkerVersion>();
  let settled: () => void = () => undefined;
  const activated = new Promise<void>((resolve) => (settled = resolve));
  const check = () => {
    const ours = [...versions.values()].filter((v) => registrations.get(v.registrationId) === scope);
    if (ours.some((v) => v.status === 'activated') && ours.every((v) => v.status === 'activated' || v.status === 'redundant')) settled();
  };
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
    for (const r of e.registrations) registrations.set(r.registrationId, r.scopeURL);
    check();
  });
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: WorkerVersion[] }) => {
    for (const v of e.versions) versions.set(v.versionId, v);
    check();
  });
  // Enabling the domain reports the current registrations and versions, then every change.
  await cdp.send('ServiceWorker.enable');
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      activated,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the extension's service worker was not activated within 20 s: ${JSON.stringify([...versions.values()])}`)), 20_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * The extension's id for a record tab: each tab's content script is asked
 * where it is (tab addresses are hidden from the extension without the
 * "tabs" permission), through the real tab protocol.
 */
export async function tabIdOf(harness: Harness, page: Page): Promise<number> {
  const url = page.url();
  const worker = await harness.serviceWorker();
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = await worker.evaluate(async (want: string) => {
      const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      for (const tab of await c.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = (await c.tabs.sendMessage(tab.id, { channel: 'links-sidebar/tab', type: 'tab.where', payload: {} })) as { ok?: boolean; value?: { url?: string } } | undefined;
          if (reply?.ok && reply.value?.url === want) return tab.id;
        } catch {
          // Not a record tab.
        }
      }
      return undefined;
    }, url);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No content script answered for ${url}`);
}

/** Whether any tab's content script answers the extension for `url` (a script that stays silent answers nothing). */
export async function contentScriptAnswers(harness: Harness, url: string): Promise<boolean> {
  const worker = await harness.serviceWorker();
  return worker.evaluate(async (want: string) => {
    const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    for (const tab of await c.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const reply = (await c.tabs.sendMessage(tab.id, { channel: 'links-sidebar/tab', type: 'tab.where', payload: {} })) as { value?: { url?: string } } | undefined;
        if (reply?.value?.url === want) return true;
      } catch {
        // No content script listening in that tab.
      }
    }
    return false;
  }, url);
}

interface ChromeLike {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
}

/** The sidebar page, pinned to one record tab: what the side panel shows for that tab. */
export async function openPanel(harness: Harness, record: Page, query = ''): Promise<Page> {
  const tabId = await tabIdOf(harness, record);
  const panel = await harness.context.newPage();
  await panel.goto(`chrome-extension://${harness.extensionId}/sidepanel.html?tab=${tabId}${query}`);
  return panel;
}

/** The in-page panel's frame (an extension page inside a closed shadow root) on a record page. */
export async function inpageFrame(record: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A removed host's frame can linger in the list for a moment, detached: never that one.
    const frame = record.frames().find((f) => f.url().includes('/sidepanel.html') && !f.isDetached());
    if (frame) return frame;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The in-page panel did not appear.');
}

/** Demo patients on the Medora screens, by id: the last four digits of their CHI. */
export const MEDORA_TAILS: Record<string, string> = { '5': '4926', '6': '5611', '7': '6303', '8': '7016' };

/**
 * Starts a log, inside the sidebar page, of every change of the identifier it
 * shows (`null` when it shows nobody), stamped with Date.now(): the record page
 * logs when each banner went on screen with the same clock.
 */
export async function logPanel(panel: Page | Frame): Promise<void> {
  await panel.evaluate(() => {
    const w = window as unknown as { __panelLog: { tail: string | null; at: number }[] };
    w.__panelLog = [];
    let last: string | null | undefined;
    const read = () => {
      const el = document.querySelector('[data-testid="patient-tail"]');
      const tail = el ? ((el.textContent ?? '').match(/(\d{4})\)/)?.[1] ?? null) : null;
      if (tail !== last) {
        last = tail;
        w.__panelLog.push({ tail, at: Date.now() });
      }
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function panelLog(panel: Page | Frame): Promise<{ tail: string | null; at: number }[]> {
  return panel.evaluate(() => (window as unknown as { __panelLog: { tail: string | null; at: number }[] }).__panelLog);
}
