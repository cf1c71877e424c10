/**
 * The practice manager's "Test on this tab" (issue #4) in real Chromium: the
 * options page asks the background, which asks the content script on the
 * record tab to read the page with the adapter being edited, field by field.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import careview from '../../src/adapters/builtin/careview.json';
import { launchBrowser, tabIdOf, type Harness } from './fixtures';
import { extensionPage } from './pages/extension';

let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

test.each([
  ['a working adapter reads every field', {}, 'chi', '1403522103', 0],
  ['a wrong selector is named, with what is missing', { fields: { ...careview.fields, chi: { selector: '.cv-nhs-chi' } } }, 'chi', 'nothing on the page matches ".cv-nhs-chi"', 2],
])('"Test on this tab": %s', async (_label, change, field, expected, failedRows) => {
  const record = await h.context.newPage();
  await record.goto(`${h.demo.url}/careview/patient/1/consultation`);
  // The content script answers on the record tab (what "Test on this tab" needs).
  await tabIdOf(h, record);
  const options = await extensionPage(h);
  await options.getByRole('button', { name: 'Add adapter' }).click();
  const adapter = { ...careview, id: 'practice-careview', name: 'CareView as this practice has it', ...change };
  await options.locator('#f-adapters-0').fill(JSON.stringify(adapter, null, 2));
  await options.getByRole('button', { name: 'Test adapter 1 on this tab' }).click();
  const table = options.getByTestId('adapter-test-table');
  await table.waitFor({ timeout: 15_000 });
  expect(await table.locator(`[data-field="${field}"]`).textContent()).toContain(expected);
  expect(await table.locator('[data-field="address of this page"]').textContent()).toContain('/careview/patient/1/consultation');
  // Without a CHI the adapter cannot name the patient either: that row fails too.
  expect(await table.locator('td.failed').count()).toBe(failedRows);
  expect(await table.locator('td.ok').count()).toBeGreaterThan(8);
  await options.close();
  await record.close();
});
