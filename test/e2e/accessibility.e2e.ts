/**
 * WCAG 2.2 AA checks with axe-core in real Chromium: the sidebar page (as the
 * side panel shows it, and its standalone entry), the popup, the options page
 * and the insights page. (The in-page panel's keyboard path is in inpage.e2e.ts.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPanel, type Harness } from './fixtures';
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
    const panel = await openPanel(h, page);
    const sidebar = new SidebarPage(panel, page);
    await sidebar.waitForPatient();
    await sidebar.cards().first().waitFor();
    expect(await axe(panel)).toEqual([]);
    await sidebar.host.getByRole('button', { name: /Refer to the Community Links Practitioner/ }).click();
    await sidebar.host.locator('#ref-matters').waitFor();
    expect(await axe(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });

  test('the standalone entry beside a record the sidebar cannot read', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.demo.url}/careview/appointments`);
    const panel = await openPanel(h, page);
    await panel.locator('#ls-id').fill('1403522103');
    await panel.getByTestId('id-check').filter({ hasText: 'Valid CHI' }).waitFor();
    expect(await axe(panel)).toEqual([]);
    await panel.close();
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
