/**
 * The in-page panel (sidebar.mode "inpage", issue #17) and what a hostile
 * record page can do to it (issue #11): read nothing, click nothing, remove
 * nothing; and a content script that stays silent on a port nobody configured.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentScriptAnswers, inpageFrame, launchBrowser, type Harness } from './fixtures';
import { configure } from './pages/extension';
import { SidebarPage } from './pages/sidebar';

let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
  await configure(h, { sidebar: { mode: 'inpage', idleMinutes: 5 } });
});
afterAll(async () => {
  await h?.close();
});

async function open(path: string) {
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}${path}`);
  await page.locator('links-sidebar[data-patient-detected="true"]').waitFor({ timeout: 10_000 });
  const frame = await inpageFrame(page);
  const sidebar = new SidebarPage(frame, page);
  await sidebar.waitForPatient();
  return { page, frame, sidebar };
}

describe('the in-page panel', () => {
  test('keeps the host element contract and lives in a closed shadow root around an extension frame', async () => {
    const { page, sidebar } = await open('/careview/patient/1/consultation');
    expect(await sidebar.patientName.textContent()).toContain('2103');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('links-sidebar') as HTMLElement;
      const style = getComputedStyle(host);
      return { shadow: host.shadowRoot, iframes: document.querySelectorAll('iframe').length, display: style.display, position: style.position, width: host.getBoundingClientRect().width };
    });
    expect(seen).toEqual({ shadow: null, iframes: 0, display: 'block', position: 'fixed', width: 360 });
    await page.close();
  });

  test('hostile CSS neither hides nor restyles it', async () => {
    const { page, frame, sidebar } = await open('/demo/hostile-css?patient=3');
    const look = await page.evaluate(() => {
      const host = document.querySelector('links-sidebar') as HTMLElement;
      const hs = getComputedStyle(host);
      const r = host.getBoundingClientRect();
      return { display: hs.display, position: hs.position, visibility: hs.visibility, width: r.width, visible: r.height > 0 };
    });
    expect(look).toEqual({ display: 'block', position: 'fixed', visibility: 'visible', width: 360, visible: true });
    // Inside the frame the record's CSS does not apply at all.
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await expect.poll(() => sidebar.postcode.textContent()).toBe('G40 1BX');
    await page.close();
  });

  test('Alt+Shift+P reaches the prompts from the page, arrows move between them, Alt+Shift+L hides and shows', async () => {
    const { page, frame, sidebar } = await open('/careview/patient/1/consultation');
    await sidebar.prompts().nth(1).waitFor();
    await page.locator('#cv-notes').focus();
    await page.keyboard.press('Alt+Shift+P');
    const focusedRule = () => frame.evaluate(() => document.activeElement?.getAttribute('data-rule') ?? null);
    const first = await sidebar.prompts().nth(0).getAttribute('data-rule');
    const second = await sidebar.prompts().nth(1).getAttribute('data-rule');
    await expect.poll(focusedRule).toBe(first);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRule).toBe(second);
    await page.locator('#cv-notes').focus();
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => page.locator('links-sidebar[data-collapsed]').count()).toBe(1);
    await page.waitForTimeout(400);
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => page.locator('links-sidebar[data-collapsed]').count()).toBe(0);
    await page.close();
  });
});

describe('a record page that is still arriving', () => {
  test('the panel frame is mounted (hidden) while the page loads, and the page is read only once it is parsed', async () => {
    const page = await h.context.newPage();
    // The demo sends this screen up to </body> at once and the rest 3 s later (?stream=): longer than the panel's
    // early attempts to link to the tab, so it shows the patient soon after only if it could link while the page loaded.
    await page.goto(`${h.demo.url}/careview/patient/1/consultation?stream=3000`, { waitUntil: 'commit' });
    const samples: { loading: boolean; host: boolean; idle: boolean; detected: boolean }[] = [];
    for (;;) {
      const s = await page.evaluate(() => {
        const host = document.querySelector('links-sidebar');
        return { loading: document.readyState === 'loading', host: host !== null, idle: host?.hasAttribute('data-idle') ?? false, detected: host?.getAttribute('data-patient-detected') === 'true' };
      });
      samples.push(s);
      if (!s.loading) break;
      await page.waitForTimeout(20);
    }
    const whileLoading = samples.filter((s) => s.loading);
    // The banner was on the page all along, but nothing was read from it before the page was parsed.
    expect(whileLoading.length).toBeGreaterThan(10);
    expect(whileLoading.some((s) => s.host && s.idle)).toBe(true);
    expect(whileLoading.filter((s) => s.detected)).toEqual([]);
    const parsedAt = Date.now();
    await page.locator('links-sidebar[data-patient-detected="true"]').waitFor({ timeout: 10_000 });
    const sidebar = new SidebarPage(await inpageFrame(page), page);
    await sidebar.waitForPatient();
    expect(Date.now() - parsedAt).toBeLessThan(1500);
    expect(await sidebar.patientName.textContent()).toContain('2103');
    // Never before <head>: it went in once the page had a <body>, after it.
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).toEqual(['head', 'body', 'links-sidebar']);
    await page.close();
  });
});

describe('a hostile record page', () => {
  test('cannot read the patient, prompts, cards or a draft, nor reach the frame', async () => {
    const { page, frame, sidebar } = await open('/careview/patient/1/consultation');
    await sidebar.prompts().first().waitFor();
    await sidebar.host.getByRole('button', { name: /Refer to the Community Links Practitioner/ }).click();
    await frame.locator('#ref-matters').fill('SECRET DRAFT TEXT about money worries');
    const loot = await page.evaluate(() => {
      const host = document.querySelector('links-sidebar') as HTMLElement & { openOrClosedShadowRoot?: unknown };
      const found: string[] = [];
      const walk = (root: Document | ShadowRoot | Element | null) => {
        if (!root) return;
        found.push((root as Element).textContent ?? '');
        root.querySelectorAll('*').forEach((el) => {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el instanceof HTMLIFrameElement) {
            try {
              found.push(el.contentDocument?.body?.textContent ?? '');
            } catch {
              found.push('');
            }
          }
        });
      };
      walk(document);
      return { text: found.join(' '), shadow: host.shadowRoot === null, frames: window.frames.length };
    });
    expect(loot.shadow).toBe(true);
    expect(loot.text).not.toContain('SECRET DRAFT TEXT');
    expect(loot.text).not.toContain('Conversation prompts');
    // The frame exists for the browser, but the page gets no document from it.
    const frameDocs = await page.evaluate(() => {
      const out: (string | null)[] = [];
      for (let i = 0; i < window.frames.length; i++) {
        try {
          out.push(window.frames[i]?.document?.body?.textContent ?? null);
        } catch {
          out.push(null);
        }
      }
      return out;
    });
    expect(frameDocs.every((d) => d === null)).toBe(true);
    await page.close();
  });

  test('cannot toggle it with synthetic keys or clicks, nor remove it with a forged WXT "started" event', async () => {
    const { page, sidebar } = await open('/medora/patient/5');
    await page.evaluate(async () => {
      // 1. Synthetic Alt+Shift+L and Alt+Shift+P on the document.
      for (const key of ['L', 'P']) document.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, shiftKey: true, bubbles: true }));
      // 2. A synthetic click on anything in our host.
      document.querySelector('links-sidebar')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      // 3. WXT announces each content script start with a postMessage whose type is its private event name; replay it forged.
      const names = new Set<string>();
      window.addEventListener('message', (e) => {
        const type = (e.data as { type?: unknown })?.type;
        if (typeof type === 'string' && type.includes('content-script-started')) names.add(type);
      });
      for (const name of names) document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'ehr', messageId: 'forged' } }));
      // Also the names as WXT builds them for this entrypoint, guessed.
      for (const guess of ['content-scripts/ehr', 'ehr']) {
        const ids = [...document.querySelectorAll('*')].length; // any value: the page does not know the extension id
        document.dispatchEvent(new CustomEvent(`${ids}:${guess}:wxt:content-script-started`, { detail: { contentScriptName: guess, messageId: 'forged' } }));
      }
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await page.locator('links-sidebar[data-collapsed]').count()).toBe(0);
    expect(await page.locator('links-sidebar').count()).toBe(1);
    // Still following the record: a patient switch reaches it.
    await page.locator('.md-list a[data-id="6"]').click();
    await expect.poll(() => sidebar.patientName.textContent()).toContain('5611');
    await page.close();
  });

  test('removing the host element: it comes back with the next change on the page', async () => {
    const { page } = await open('/medora/patient/5');
    await page.evaluate(() => document.querySelector('links-sidebar')?.remove());
    await page.locator('.md-list a[data-id="7"]').click();
    await page.locator('links-sidebar[data-patient-detected="true"]').waitFor({ timeout: 5000 });
    // Put back into the page, the frame loads afresh (Chromium may swap the frame object while the
    // extension page replaces the initial blank document) and links to the tab again.
    const shownNow = async () => new SidebarPage(await inpageFrame(page), page).patientName.textContent().catch(() => null);
    await expect.poll(shownNow, { timeout: 10_000 }).toContain('6303');
    await page.close();
  });
});

describe('the content script on a port nobody configured', () => {
  let other: Server;
  let otherUrl = '';
  beforeAll(async () => {
    const record = await (await fetch(`${h.demo.url}/careview/patient/1/consultation`)).text();
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(record);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/careview/patient/1/consultation`;
  });
  afterAll(async () => {
    // Chromium keeps its connection alive; close() alone would wait for it.
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  });

  test('stays silent: no panel, no answer to the extension', async () => {
    const page: Page = await h.context.newPage();
    await page.goto(otherUrl);
    await page.waitForTimeout(1500);
    expect(await page.locator('links-sidebar').count()).toBe(0);
    const answered = await contentScriptAnswers(h, otherUrl);
    expect(answered).toBe(false);
    await page.close();
  });
});
