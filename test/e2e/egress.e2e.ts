/**
 * Issue #11, "egress is proven in CI": Chromium records every request it
 * makes (its own net log, written by the browser process, so the service
 * worker, extension pages, content scripts and Chromium itself are all in it)
 * during a whole demo session: record pages and their sidebar, single-page
 * app switches, the popup, the options page with a directory import, and
 * three referrals delivered to the configured destination. Any origin other
 * than the demo practice (the records, its directory and its CLP service) or
 * the extension itself fails the test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { launchBrowser, openPanel } from './fixtures';
import { configure } from './pages/extension';
import { ReferralForm } from './pages/referral';
import { SidebarPage } from './pages/sidebar';

test('a full demo session makes no request to any origin but the configured ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const h = await launchBrowser({ args: [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default'] });
  let referrals = 0;
  try {
    await configure(h, {
      destination: { kind: 'fhir', baseUrl: `${h.demo.url}/fhir` },
      people: { clp: { name: 'Morag Links' }, referrers: [{ name: 'Dr A. Murray', role: 'gp' }], currentReferrer: 'Dr A. Murray' },
      practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 496 0000', radiusKm: 5 },
    });
    // Record pages with the sidebar beside them, and three referrals.
    for (const path of ['/careview/patient/1/consultation', '/careview/patient/2/consultation', '/medora/patient/5']) {
      const record = await h.context.newPage();
      await record.goto(`${h.demo.url}${path}`);
      const panel = await openPanel(h, record);
      const sidebar = new SidebarPage(panel, record);
      await sidebar.waitForPatient();
      await sidebar.cards().first().waitFor();
      const form = new ReferralForm(panel);
      await form.open();
      await form.fill();
      await form.send();
      await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
      referrals += 1;
      if (path.startsWith('/medora')) {
        // Single-page app switches.
        for (const id of ['6', '7', '8']) {
          await record.locator(`.md-list a[data-id="${id}"]`).click();
          await sidebar.waitForPatient();
        }
      }
      await panel.close();
      await record.close();
    }
    // The receptionist's popup.
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.locator('#q').fill('food bank');
    await popup.locator('li.card').first().waitFor();
    await popup.close();
    // The options page, with a directory file imported.
    const csv = join(dir, 'list.csv');
    writeFileSync(csv, 'name,description,needs,postcode\nEgress Test Pantry,Food pantry,food,G31 4QT\n');
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('#dir-file').setInputFiles(csv);
    await options.locator('#dir-label').fill('Egress list');
    await options.getByRole('button', { name: 'Import directory file' }).click();
    await expect.poll(() => options.getByTestId('import-result').textContent(), { timeout: 10_000 }).toMatch(/resources imported/);
    await options.close();
  } finally {
    // The net log is complete once the browser has closed.
    await h.close();
  }
  expect(referrals).toBe(3);
  const requests = readNetLog(netlog);
  const demo = `http://127.0.0.1:${process.env.DEMO_PORT ?? 4173}`;
  // What the product did: requests started by the extension (its worker and pages) or by the record pages it runs in.
  const product = requests.filter((r) => r.initiator?.startsWith('chrome-extension://') || r.initiator === demo);
  // What Chromium did on its own (updates, sign-in, autofill form signatures): started by the browser, not a page.
  const browserOwn = requests.filter((r) => !product.includes(r) && (r.initiator === undefined || r.initiator === 'not an origin'));
  const productOrigins = new Set(product.map((r) => r.origin));
  console.log(`egress: ${requests.length} requests; by the extension and record pages: ${product.length} to ${[...productOrigins].join(', ')}; Chromium's own services: ${[...new Set(browserOwn.map((r) => r.origin))].join(', ') || 'none'}`);
  expect(product.filter((r) => r.initiator?.startsWith('chrome-extension://')).length).toBeGreaterThan(10);
  expect([...productOrigins]).toEqual([demo]);
  // Every request is one or the other: nothing else reached the network.
  expect(requests.filter((r) => !product.includes(r) && !browserOwn.includes(r) && r.origin !== demo)).toEqual([]);
  // Chromium's own calls go only to its vendor's services, which docs/deployment.md tells IT to turn off by policy.
  for (const r of browserOwn.filter((x) => x.origin !== demo)) expect(r.origin, r.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.(googleapis|google|gstatic)\.com$/);
}, 240_000);

interface NetRequest {
  url: string;
  origin: string;
  initiator?: string;
}

/** Every URL request in a Chromium net log, with who started it (`initiator`), ignoring data: and blob: URLs. */
function readNetLog(file: string): NetRequest[] {
  const text = readFileSync(file, 'utf8').trim();
  // A log cut short by the browser closing may lack its closing brackets.
  const json = JSON.parse(text.endsWith('}') ? text : `${text.replace(/,\s*$/, '')}]}`) as { events: { source: { id: number }; params?: { url?: string; initiator?: string } }[] };
  const bySource = new Map<number, NetRequest>();
  for (const event of json.events) {
    const { url, initiator } = event.params ?? {};
    const known = bySource.get(event.source.id);
    if (typeof url === 'string' && !known && /^https?:/.test(url)) bySource.set(event.source.id, { url, origin: new URL(url).origin });
    const entry = bySource.get(event.source.id);
    if (entry && typeof initiator === 'string') entry.initiator = initiator;
  }
  return [...bySource.values()];
}
