// `npm run screenshots`: PNGs for the README, from the demo build in headless
// Chromium against the demo practice, written to docs/screenshots/.
// - sidebar-careview.png: the browser's side panel beside the record. A headless
//   browser cannot capture its own side panel, so the record tab and the
//   sidebar page pinned to that tab (what the side panel shows) are captured
//   apart and laid side by side in a page of their own, then captured again.
// - sidebar-live-prompts.png, sidebar-referral-form.png: the in-page mode (the
//   same sidebar page in a frame on the record), prompts following the notes.
// - standalone.png: beside a desktop record it cannot read, a typed-in patient.
// - popup-skint.png: the receptionist's popup search.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EXTENSION_PATH, inpageFrame, launchBrowser, openPanel } from '../test/e2e/fixtures';
import { configure } from '../test/e2e/pages/extension';

if (!existsSync(`${EXTENSION_PATH}/manifest.json`)) execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
mkdirSync('docs/screenshots', { recursive: true });
const OUT = 'docs/screenshots';
const png = async (page: Page): Promise<string> => (await page.screenshot()).toString('base64');

const h = await launchBrowser();
try {
  await h.context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await configure(h, { people: { clp: { name: 'Kelvinbrae CLP' }, referrers: [{ name: 'Dr A Moncur', role: 'gp' }], currentReferrer: 'Dr A Moncur' } });

  // The side panel beside the record.
  await configure(h, { sidebar: { mode: 'panel', idleMinutes: 5 } });
  const record = await h.context.newPage();
  await record.setViewportSize({ width: 900, height: 860 });
  await record.goto(`${h.demo.url}/careview/patient/1/consultation`);
  const panel = await openPanel(h, record);
  await panel.setViewportSize({ width: 380, height: 860 });
  await panel.locator('li.prompt').first().waitFor();
  await panel.locator('li.card').first().waitFor();
  const [left, right] = [await png(record), await png(panel)];
  const composed = await h.context.newPage();
  await composed.setViewportSize({ width: 1284, height: 860 });
  await composed.setContent(
    `<body style="margin:0;display:flex;gap:4px;background:#5f6368"><img src="data:image/png;base64,${left}" width="900" height="860"><img src="data:image/png;base64,${right}" width="380" height="860"></body>`,
  );
  await composed.screenshot({ path: `${OUT}/sidebar-careview.png` });
  await composed.close();

  // Standalone: the sidebar page with no record tab, a patient typed in.
  const standalone = await h.context.newPage();
  await standalone.setViewportSize({ width: 380, height: 860 });
  await standalone.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  await standalone.locator('#ls-id').fill('1403522103');
  await standalone.locator('#ls-postcode').fill('G31 4QT');
  await standalone.locator('#ls-situation').fill('rent arrears, eviction letter, skipping meals');
  await standalone.locator('#ls-id').press('Enter');
  await standalone.getByRole('button', { name: 'Yes, this is the patient' }).click();
  await standalone.locator('li.prompt').first().waitFor();
  await standalone.screenshot({ path: `${OUT}/standalone.png` });
  await standalone.close();
  await panel.close();
  await record.close();

  // In-page mode: prompts follow the notes as they are typed; the referral form.
  await configure(h, { sidebar: { mode: 'inpage', idleMinutes: 5 } });
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${h.demo.url}/careview/patient/1/consultation`);
  const frame = await inpageFrame(page);
  await frame.locator('[data-testid="match-state"].matched').waitFor();
  await page.locator('#cv-notes').fill('She has rent arrears and an eviction letter. Money is tight.');
  await frame.locator('li.prompt[data-need="housing"]').waitFor();
  await page.screenshot({ path: `${OUT}/sidebar-live-prompts.png` });
  await frame.getByRole('button', { name: /Refer to the Community Links Practitioner/ }).click();
  await frame.locator('#ref-matters').fill('Keeping her tenancy; help with the arrears');
  await page.screenshot({ path: `${OUT}/sidebar-referral-form.png` });
  await page.close();

  // The receptionist's popup search.
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.locator('#q').fill('skint');
  await popup.locator('li.card').first().waitFor();
  await popup.screenshot({ path: `${OUT}/popup-skint.png` });
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await h.close();
}
