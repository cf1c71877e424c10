/**
 * The release build's own path to a record page (issue #11, #17): no static content script at all; the practice
 * manager adds the record site in the options page, the background registers the content script for exactly that
 * site (src/services/origins.ts), it survives a browser restart, it stays silent on another port of the same host,
 * and removing the site unregisters it. Every other e2e file loads the demo build, whose manifest declares the
 * content script for loopback statically, so without this file the registered script (what a practice runs) would
 * never be exercised in a browser.
 *
 * One change is made to the release build, in a copy: the record site's host access is listed in `host_permissions`
 * (granted at install) instead of only in `optional_host_permissions`. That stands in for the practice manager's
 * "Allow" in Chromium's permission prompt, which automation cannot answer. The code is the release build's, unchanged.
 * The tests run in order and each starts from the state the one before left (a practice's set-up, step by step).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentScriptAnswers, inpageFrame, launchBrowser, startDemo, type DemoServer, type Harness } from './fixtures';
import { configure, extensionPage } from './pages/extension';
import { SidebarPage } from './pages/sidebar';

const RELEASE = resolve('.output/chrome-mv3');
const RECORD = '/careview/patient/1/consultation';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
}

async function registered(worker: Worker): Promise<Registered[]> {
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Registered[]> } } }).chrome;
    return c.scripting.getRegisteredContentScripts();
  });
}

/** The newest change under the folders the build is made from (a build older than it tests old code; code review). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let copy: string;
let profile: string;
let demo: DemoServer;
let h: Harness;
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  const built = statSync(join(RELEASE, 'manifest.json')).mtimeMs;
  if (built < Math.max(newestSource(resolve('src')), newestSource(resolve('entrypoints')))) {
    throw new Error('.output/chrome-mv3 is older than the source: rebuild it (npx wxt build) before this test');
  }
  copy = mkdtempSync(join(tmpdir(), 'links-release-'));
  cpSync(RELEASE, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: unknown; host_permissions?: string[] };
  // The build under test is a release build: it must declare no content script of its own.
  if (manifest.content_scripts !== undefined) throw new Error('.output/chrome-mv3 declares a static content script: it is not a release build');
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  profile = mkdtempSync(join(tmpdir(), 'links-release-profile-'));
  demo = await startDemo();
  h = await launchBrowser({ demo, extensionPath: copy, userDataDir: profile });
  // The same record on another port of the same host: the match pattern cannot name a port, so the script is injected there too.
  const record = await (await fetch(`${demo.url}${RECORD}`)).text();
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(record);
  });
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  const address = other.address();
  otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${RECORD}`;
});

afterAll(async () => {
  await h?.close();
  await demo?.close();
  other?.closeAllConnections();
  await new Promise((done) => (other ? other.close(done) : done(undefined)));
  if (copy) rmSync(copy, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function recordPage(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

async function shownPatient(page: Page): Promise<string> {
  await page.locator('links-sidebar[data-patient-detected="true"]').waitFor({ timeout: 10_000 });
  const sidebar = new SidebarPage(await inpageFrame(page), page);
  await sidebar.waitForPatient();
  return (await sidebar.patientName.textContent()) ?? '';
}

describe('the release build on a record site', () => {
  test('before any site is configured: nothing registered, nothing on the record page', async () => {
    expect(await registered(await h.serviceWorker())).toEqual([]);
    const page = await recordPage(`${demo.url}${RECORD}`);
    await page.waitForTimeout(1500);
    expect(await page.locator('links-sidebar').count()).toBe(0);
    expect(await contentScriptAnswers(h, page.url())).toBe(false);
    await page.close();
  });

  test('the practice manager adds the site in the options page: the script is registered for that host and reads the record', async () => {
    await configure(h, { sidebar: { mode: 'inpage', idleMinutes: 5 } });
    const site = new URL(demo.url).origin;
    const options = await extensionPage(h);
    await options.getByLabel('Add a site').fill(site);
    await options.getByLabel('Add a site').press('Enter');
    await expect.poll(() => options.locator('[data-testid="origins-table"] tr[data-origin]').first().getAttribute('data-origin')).toBe(site);
    await expect.poll(async () => options.locator(`tr[data-origin="${site}"] td`).nth(1).textContent()).toBe('granted');
    await options.close();
    await expect.poll(async () => (await registered(await h.serviceWorker())).map((r) => ({ id: r.id, matches: r.matches, js: r.js }))).toEqual([
      // The in-page mode: its hint runs first, so the panel's frame loads before the config is read (mode-hint.ts).
      { id: 'links-sidebar-ehr', matches: ['http://127.0.0.1/*'], js: ['inpage-hint.js', 'ehr.js'] },
    ]);
    const page = await recordPage(`${demo.url}${RECORD}`);
    expect(await shownPatient(page)).toContain('2103');
    await page.close();
  });

  test('another port of the same host gets the script injected and it stays silent', async () => {
    const page = await h.context.newPage();
    // The extension's isolated world in the page: proof the script was injected, so its silence is its own doing.
    const cdp = await h.context.newCDPSession(page);
    const worlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string; auxData?: { type?: string } } }) => {
      if (e.context.auxData?.type === 'isolated') worlds.push(e.context.origin);
    });
    await cdp.send('Runtime.enable');
    await page.goto(otherUrl);
    await page.waitForTimeout(1500);
    expect(worlds).toContain(`chrome-extension://${h.extensionId}`);
    await cdp.detach();
    expect(await page.locator('links-sidebar').count()).toBe(0);
    expect(await contentScriptAnswers(h, otherUrl)).toBe(false);
    await page.close();
  });

  test('the registration survives a browser restart', async () => {
    await h.close();
    h = await launchBrowser({ demo, extensionPath: copy, userDataDir: profile });
    await expect.poll(async () => (await registered(await h.serviceWorker())).map((r) => r.id), { timeout: 10_000 }).toEqual(['links-sidebar-ehr']);
    const page = await recordPage(`${demo.url}${RECORD}`);
    expect(await shownPatient(page)).toContain('2103');
    await page.close();
  });

  test('removing the site unregisters the script: the record page gets nothing on its next load', async () => {
    const options = await extensionPage(h);
    await options.getByRole('button', { name: `Remove ${new URL(demo.url).origin}` }).click();
    await expect.poll(() => options.locator('[data-testid="origins-table"] tr[data-origin]').count()).toBe(0);
    await options.close();
    await expect.poll(async () => registered(await h.serviceWorker())).toEqual([]);
    const page = await recordPage(`${demo.url}${RECORD}`);
    await page.waitForTimeout(1500);
    expect(await page.locator('links-sidebar').count()).toBe(0);
    expect(await contentScriptAnswers(h, page.url())).toBe(false);
    await page.close();
  });
});
