/**
 * WCAG 2.2 AA checks with axe-core in real Chromium: the sidebar (inside its
 * shadow root), the popup, the options page and the insights page; and the
 * keyboard path through the prompts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type Harness } from './fixtures';
import { SidebarPage } from './pages/sidebar';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axe(page: Page, include?: string): Promise<Violation[]> {
  // Evaluated through the debugger protocol: extension pages' CSP forbids inline scripts.
  await page.evaluate(`${axeSource};0`);
  return page.evaluate(async (selector) => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } };
    const context = selector ? { include: [[selector]] } : document;
    const result = await w.axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, include);
}

describe('WCAG 2.2 AA (axe-core)', () => {
  test('the sidebar on a consultation, with prompts, cards and the referral form open', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.demo.url}/careview/patient/1/consultation`);
    const sidebar = new SidebarPage(page);
    await sidebar.waitForPatient();
    await sidebar.cards().first().waitFor();
    expect(await axe(page, 'links-sidebar')).toEqual([]);
    await sidebar.host.getByRole('button', { name: /Refer to the Community Links Practitioner/ }).click();
    await sidebar.host.locator('#ref-matters').waitFor();
    expect(await axe(page, 'links-sidebar')).toEqual([]);
    await page.close();
  });

  test.each([['popup.html'], ['options.html'], ['insights.html']])('%s', async (file) => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/${file}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  test('Alt+Shift+P reaches the prompts from the page, arrows move between them, Alt+Shift+L hides and shows', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.demo.url}/careview/patient/1/consultation`);
    const sidebar = new SidebarPage(page);
    await sidebar.waitForPatient();
    await sidebar.prompts().nth(1).waitFor();
    await page.locator('#cv-notes').focus();
    await page.keyboard.press('Alt+Shift+P');
    const focusedRule = () => page.evaluate(() => document.querySelector('links-sidebar')?.shadowRoot?.activeElement?.getAttribute('data-rule') ?? null);
    const first = await sidebar.prompts().nth(0).getAttribute('data-rule');
    const second = await sidebar.prompts().nth(1).getAttribute('data-rule');
    expect(await focusedRule()).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRule()).toBe(second);
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => page.locator('links-sidebar[data-collapsed]').count()).toBe(1);
    expect(await sidebar.prompts().count()).toBe(0);
    await page.waitForTimeout(400);
    await page.keyboard.press('Alt+Shift+L');
    await sidebar.prompts().first().waitFor();
    await page.close();
  });
});
