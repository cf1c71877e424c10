/**
 * Practice insights (issue #8): the counts on the page match the events the
 * test created through the real UI, and the CSV export has the same numbers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openPanel, type Harness } from './fixtures';
import { SidebarPage } from './pages/sidebar';

let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

test('insights counts match the events created, and the CSV export has the same numbers', async () => {
  // 1. A consultation: every prompt shown is counted once; one is dismissed; one slip printed.
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}/careview/patient/1/consultation`);
  const panel = await openPanel(h, page);
  const sidebar = new SidebarPage(panel, page);
  await sidebar.waitForPatient();
  await sidebar.prompts().first().waitFor();
  await page.waitForTimeout(500);
  const shownNeeds = await sidebar.prompts().evaluateAll((els) => els.map((e) => e.getAttribute('data-need') as string));
  const dismissedNeed = shownNeeds[0] as string;
  await sidebar.prompt(dismissedNeed).getByRole('button', { name: 'Dismiss' }).click();
  await sidebar.host.getByRole('button', { name: 'Dismiss for this patient' }).click();
  await expect.poll(() => sidebar.prompt(dismissedNeed).count()).toBe(0);
  const newlyShown = await sidebar.prompts().evaluateAll((els) => els.map((e) => e.getAttribute('data-need') as string));
  await sidebar.host.locator('#ls-need').selectOption('food');
  const slipOpened = h.context.waitForEvent('page');
  await sidebar.cards().first().getByRole('button', { name: 'Print slip' }).click();
  const slip = await slipOpened;
  await slip.locator('h1').waitFor();
  await slip.close();
  await panel.close();
  await page.close();

  // 2. A receptionist search that finds nothing: a gap in G40.
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.locator('#pc').fill('G40 1BX');
  await popup.locator('#q').fill('zqxvw qjxzkp');
  await popup.getByText('No services found').waitFor();
  await popup.close();

  // 3. The insights page.
  const insights = await h.context.newPage();
  await insights.goto(`chrome-extension://${h.extensionId}/insights.html`);
  await insights.getByTestId('by-need-table').waitFor();
  const cell = async (table: string, attrs: string) =>
    Number(((await insights.getByTestId(table).locator(attrs).textContent()) ?? '').replace(/,/g, ''));

  const expectedShown = new Map<string, number>();
  for (const need of [...shownNeeds, ...newlyShown]) expectedShown.set(need, 1);
  for (const [need, count] of expectedShown) {
    expect(await cell('by-need-table', `[data-need="${need}"][data-metric="promptsShown"]`), need).toBe(count);
  }
  expect(await cell('by-need-table', '[data-need="total"][data-metric="promptsShown"]')).toBe(expectedShown.size);
  expect(await cell('by-need-table', `[data-need="${dismissedNeed}"][data-metric="promptsDismissed"]`)).toBe(1);
  expect(await cell('by-need-table', '[data-need="food"][data-metric="signposted"]')).toBe(1);
  expect(await cell('gaps-district-table', '[data-district="G40"][data-metric="noResult"]')).toBe(1);

  // 4. CSV export: the same numbers.
  const download = insights.waitForEvent('download');
  await insights.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  const rows = csv.split(/\r?\n/).map((line) => line.split(','));
  const header = rows.find((r) => r.includes('Prompts shown')) as string[];
  const shownCol = header.indexOf('Prompts shown');
  const dismissedCol = header.indexOf('Prompts dismissed');
  for (const [need, count] of expectedShown) {
    const label = await insights.getByTestId('by-need-table').locator(`[data-need="${need}"][data-metric="promptsShown"]`).locator('xpath=..').locator('th').textContent();
    const row = rows.find((r) => r[0] === label || r[0] === `"${label}"`);
    expect(row, `CSV row for ${label}`).toBeDefined();
    expect(Number(row?.[shownCol])).toBe(count);
    if (need === dismissedNeed) expect(Number(row?.[dismissedCol])).toBe(1);
  }
  expect(csv).toMatch(/G40,1,1/);
  await insights.close();
});
