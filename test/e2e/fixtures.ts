/**
 * E2E harness: the built extension (.output/chrome-mv3) in Debian's Chromium
 * (never a downloaded browser) against the demo practice on 127.0.0.1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
// @ts-expect-error -- plain ESM JavaScript server (no types), shared with `npm start`
import { startDemoServer } from '../demo/server.mjs';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
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
export async function startDemo(): Promise<DemoServer> {
  return (await startDemoServer({ port: 0, quiet: true })) as DemoServer;
}

/** Launch Chromium with the extension; `userDataDir` may be reused to simulate a browser restart. */
export async function launchBrowser(options: { demo?: DemoServer; userDataDir?: string } = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error('Build the extension first (npx wxt build): .output/chrome-mv3 is missing.');
  }
  const demo = options.demo ?? (await startDemo());
  const ownsDemo = !options.demo;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'links-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`, ...CHROMIUM_FLAGS],
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

/** Kill the background service worker the way Chrome does when idle (the next message restarts it). */
export async function stopServiceWorker(harness: Harness): Promise<void> {
  const page = harness.context.pages()[0] ?? (await harness.context.newPage());
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
