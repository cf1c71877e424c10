/**
 * The directory in real Chromium (issues #5 and #8): a file imported through
 * the options page shows as cards in the sidebar, and the receptionist's
 * popup finds services by the words callers use.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPanel, type Harness } from './fixtures';
import { SidebarPage } from './pages/sidebar';

let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

describe('import through the options page', () => {
  test('an imported CSV service appears as a card in the sidebar; a broken file changes nothing', async () => {
    const centroids = JSON.parse(readFileSync('public/data/outcode-centroids.json', 'utf8')) as Record<string, [number, number]>;
    const [lat, lon] = centroids.G33 as [number, number];
    const dir = mkdtempSync(join(tmpdir(), 'links-import-'));
    const csv = join(dir, 'practice-list.csv');
    writeFileSync(
      csv,
      [
        'name,organisation,description,needs,postcode,lat,lon,phone,website,access,updated',
        `Riddrie Pantry Test Service,Riddrie Church,"<b>Low-cost</b> food pantry, open to all",food,G33 2HN,${lat},${lon},0141 496 0101,https://example.org/pantry,drop-in,2026-10-01`,
        ",,missing its name,food,G33 2HN,,,,,,",
      ].join('\n'),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"contents": [ {"id": "1", "name": "Cut off');

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('#dir-file').setInputFiles(csv);
    await options.locator('#dir-label').fill('Practice list');
    await options.getByRole('button', { name: 'Import directory file' }).click();
    await expect.poll(() => options.getByTestId('import-result').textContent(), { timeout: 10_000 }).toMatch(/^1 resources imported/);
    expect(await options.getByTestId('import-result').textContent()).toMatch(/left out/);

    await options.locator('#dir-file').setInputFiles(broken);
    await options.getByRole('button', { name: 'Import directory file' }).click();
    await expect.poll(() => options.getByTestId('import-failure').textContent(), { timeout: 10_000 }).toMatch(/unchanged/);
    await options.close();

    const page = await h.context.newPage();
    await page.goto(`${h.demo.url}/careview/patient/4/consultation`);
    const panel = await openPanel(h, page);
    const sidebar = new SidebarPage(panel, page);
    await sidebar.waitForPatient();
    await sidebar.host.locator('#ls-need').selectOption('food');
    const card = sidebar.host.locator('li.card', { hasText: 'Riddrie Pantry Test Service' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain('Low-cost food pantry'); // markup reduced to text
    expect(await card.textContent()).toContain('Drop-in');
    await panel.close();
    await page.close();
  });
});

describe('receptionist popup', () => {
  test.each([
    ['skint', 'money'],
    ['foodbank', 'food'],
    ["can't pay the gas", 'fuel'],
  ])('"%s" finds a seeded %s service as you type', async (words, need) => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.locator('#q:focus').waitFor();
    await popup.keyboard.type(words, { delay: 20 });
    const cards = popup.locator('li.card');
    await cards.first().waitFor({ timeout: 5000 });
    // Cards carry their needs; the first must serve the need the words mean.
    const labels = { money: 'Money, benefits and debt', food: 'Food', fuel: 'Fuel and energy' } as const;
    expect(await cards.first().locator('.meta').first().textContent()).toContain(labels[need as keyof typeof labels]);
    await popup.close();
  });
});
