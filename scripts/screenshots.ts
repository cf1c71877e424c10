// `npm run screenshots`: PNGs of the sidebar on the demo practice (headless
// Chromium with the built extension), written to docs/screenshots/ for the README.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { EXTENSION_PATH, launchBrowser } from '../test/e2e/fixtures';

if (!existsSync(`${EXTENSION_PATH}/manifest.json`)) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
mkdirSync('docs/screenshots', { recursive: true });
const h = await launchBrowser();
try {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.goto(`${h.demo.url}/careview/patient/1/consultation`);
  await page.locator('links-sidebar[data-patient-detected="true"]').waitFor();
  await page.locator('links-sidebar li.card').first().waitFor();
  await page.screenshot({ path: 'docs/screenshots/sidebar-careview.png' });

  await page.goto(`${h.demo.url}/careview/patient/4/consultation`);
  await page.locator('links-sidebar[data-patient-detected="true"]').waitFor();
  await page.locator('#cv-notes').fill('She has rent arrears and an eviction letter. Money is tight.');
  await page.locator('links-sidebar li.prompt[data-need="housing"]').waitFor();
  await page.screenshot({ path: 'docs/screenshots/sidebar-live-prompts.png' });

  await page.locator('links-sidebar').getByRole('button', { name: /Refer to the Community Links Practitioner/ }).click();
  await page.locator('links-sidebar #ref-matters').fill('Keeping her tenancy; help with the arrears');
  await page.screenshot({ path: 'docs/screenshots/sidebar-referral-form.png' });

  await page.goto(`${h.demo.url}/medora/patient/6`);
  await page.locator('links-sidebar[data-patient-detected="true"]').waitFor();
  await page.screenshot({ path: 'docs/screenshots/sidebar-medora.png' });

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.locator('#q').fill('skint');
  await popup.locator('li.card').first().waitFor();
  await popup.screenshot({ path: 'docs/screenshots/popup-skint.png' });
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await h.close();
}
