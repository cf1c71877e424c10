/**
 * Firefox harness: Debian's Firefox ESR with the Firefox build installed as a
 * temporary add-on over WebDriver BiDi (puppeteer-core), against its own demo
 * practice on 127.0.0.1. The add-on's internal UUID is fixed by a preference
 * so its pages have a known address. BiDi may not navigate a tab to a
 * moz-extension:// page, so the harness lets the extension open one itself
 * (a card's "Print slip" opens slip.html) and moves that page around from inside.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo, type DemoServer } from './fixtures';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve('.output/firefox-mv2-demo');
const ADDON_ID = 'links-sidebar@links.scot.example';
const ADDON_UUID = '6a1f3c2e-5b7d-4e8a-9c0f-2d4b6e8a1c3f';

export interface FirefoxHarness {
  browser: Browser;
  demo: DemoServer;
  /** moz-extension://<uuid> */
  extensionUrl: string;
  /** An extension page at `path` (e.g. '/popup.html'), opened by the extension itself. */
  extensionPage(path: string): Promise<Page>;
  /** Merge `patch` (top-level sections replaced) into the saved settings, through the extension's own messaging. */
  configure(patch: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const demo = await startDemo();
  const profile = mkdtempSync(join(tmpdir(), 'links-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // permissions.request() still needs a real click; this only answers the prompt "Allow", as a user would.
      'extensions.webextOptionalPermissionPrompts': false,
      // No outside network here: nothing may try to reach it.
      'app.update.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const extensionUrl = `moz-extension://${ADDON_UUID}`;
  /** Evaluate in a page until `check` holds (BiDi reports moz-extension pages as about:blank, so ask the page itself). */
  const pageSays = async (page: Page, check: string, timeoutMs = 15_000): Promise<void> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const ok = await page.evaluate(check).catch(() => false);
      if (ok === true) return;
      if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /**
   * An extension page in a tab. BiDi may not navigate to moz-extension: pages,
   * but a page may navigate itself: a demo page goes to the sidebar page (a
   * web-accessible resource, for the in-page panel), which then goes to `path`.
   */
  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/`);
    await page.evaluate((to) => void (location.href = to), `${extensionUrl}/sidepanel.html?tab=-1`);
    await pageSays(page, `location.href.startsWith(${JSON.stringify(extensionUrl)}) && document.readyState === 'complete'`);
    await page.evaluate((to) => void (location.href = to), path);
    await pageSays(page, `location.pathname === ${JSON.stringify(path.split('?')[0])} && document.readyState === 'complete' && !!document.querySelector('#app')?.firstElementChild`);
    return page;
  };
  const message = async (type: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> => {
    const page = await extensionPage('/options.html');
    try {
      return (await page.evaluate(
        (t, p) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ channel: 'links-sidebar', type: t, payload: p }),
        type,
        payload,
      )) as { ok: boolean; value?: unknown; error?: unknown };
    } finally {
      await page.close();
    }
  };
  return {
    browser,
    demo,
    extensionUrl,
    extensionPage,
    configure: async (patch) => {
      const current = await message('settings.get', {});
      if (!current.ok) throw new Error(`settings.get failed: ${JSON.stringify(current.error)}`);
      const settings = (current.value as { settings: Record<string, unknown> }).settings;
      const saved = await message('settings.save', { settings: { ...settings, ...patch } });
      if (!saved.ok) throw new Error(`settings.save failed: ${JSON.stringify(saved.error)}`);
    },
    close: async () => {
      await browser.close();
      await demo.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
