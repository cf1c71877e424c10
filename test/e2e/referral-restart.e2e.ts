/**
 * Issues #11 and #15 in real Chromium with the built extension:
 * - a referral to the board's secured FHIR endpoint (/secure/fhir): the
 *   extension gets a token from the demo OAuth server (client credentials,
 *   the secret saved in the extension's database, where no content script
 *   can read it, not in its extension storage) and the CLP receives
 *   the referral once;
 * - the browser closed while referrals are queued (the CLP server down): on
 *   the next start of the same profile they are delivered, each exactly once.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openPanel, startDemo, stopServiceWorker, type DemoServer, type Harness } from './fixtures';
import { configure, extensionPage, message } from './pages/extension';
import { ReferralForm } from './pages/referral';
import { SidebarPage } from './pages/sidebar';

interface InboxItem {
  referralId: string;
  receivedCount: number;
}

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

const inbox = async (): Promise<InboxItem[]> => (await fetch(`${demo.url}/inbox/api/referrals`)).json() as Promise<InboxItem[]>;
const control = (body: Record<string, unknown>) =>
  fetch(`${demo.url}/inbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function refer(h: Harness, path: string, need: string): Promise<ReferralForm> {
  const record = await h.context.newPage();
  await record.goto(`${demo.url}${path}`);
  const panel = await openPanel(h, record);
  await new SidebarPage(panel, record).waitForPatient();
  const form = new ReferralForm(panel);
  await form.open();
  await form.fill({ need });
  await form.send();
  return form;
}

test('a referral to the secured endpoint: a token from the OAuth server, delivered once', async () => {
  await fetch(`${demo.url}/inbox/reset`, { method: 'POST' });
  await control({ mode: 'up' });
  const h = await launchBrowser({ demo });
  try {
    await configure(h, {
      destination: { kind: 'fhir', baseUrl: `${demo.url}/secure/fhir`, auth: { kind: 'client-credentials', tokenUrl: demo.oauth.tokenUrl, clientId: 'links-demo' } },
      people: { clp: { name: 'Morag Links' }, referrers: [{ name: 'Dr A. Murray', role: 'gp' }], currentReferrer: 'Dr A. Murray' },
    });
    const options = await extensionPage(h);
    const saved = await message<{ secrets: Record<string, string> }>(options, 'referral.setSecret', { clientSecret: 'demo-secret' });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect(saved.value?.secrets.clientSecret).toBe('saved');
    const tested = await message(options, 'referral.testAuth');
    expect(tested.ok, JSON.stringify(tested)).toBe(true);
    // Neither the secret nor the token it bought is in extension storage, which the record page's content script can read.
    const storageText = await options.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null)));
    expect(storageText).not.toContain('demo-secret');
    expect(storageText).not.toContain('referralAuth');
    await options.close();

    const form = await refer(h, '/careview/patient/1/consultation', 'money');
    await expect.poll(async () => (await inbox()).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect((await inbox())[0]?.receivedCount).toBe(1);
  } finally {
    await h.close();
  }
});

test('browser closed with referrals queued: delivered once each when it starts again', async () => {
  await fetch(`${demo.url}/inbox/reset`, { method: 'POST' });
  await control({ mode: 'down' });
  const first = await launchBrowser({ demo });
  const profile = first.userDataDir;
  try {
    await configure(first, {
      destination: { kind: 'fhir', baseUrl: `${demo.url}/fhir` },
      people: { clp: { name: 'Morag Links' }, referrers: [{ name: 'Dr A. Murray', role: 'gp' }], currentReferrer: 'Dr A. Murray' },
    });
    for (const [path, need] of [
      ['/careview/patient/3/consultation', 'loneliness'],
      ['/careview/patient/4/consultation', 'work'],
    ] as const) {
      const form = await refer(first, path, need);
      await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('queued');
    }
  } finally {
    // The same profile is started again below: close the browser but keep its folder.
    await first.context.close();
  }
  expect(await inbox()).toHaveLength(0);

  await control({ mode: 'up' });
  const second = await launchBrowser({ demo, userDataDir: profile });
  try {
    // The worker re-sends what is queued when it starts (and on its retry alarm); "Send queued now" is not pressed.
    await expect.poll(async () => (await inbox()).length, { timeout: 30_000 }).toBe(2);
    const page = await extensionPage(second);
    await message(page, 'referral.flush');
    await page.waitForTimeout(1000);
    const items = await inbox();
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.receivedCount)).toEqual([1, 1]);
    await page.close();
  } finally {
    await second.close();
    rmSync(profile, { recursive: true, force: true });
  }
}, 120_000);

test("an older install's secret in extension storage is moved into the database at the worker's next start", async () => {
  const h = await launchBrowser({ demo });
  try {
    const options = await extensionPage(h);
    // What an older version left behind: the secret in storage.local, which the record page's content script can read.
    await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
      await chrome.storage.local.set({ 'referralAuth.secrets': { bearerToken: 'left-by-an-older-version' } });
    });
    await stopServiceWorker(h);
    // Any message starts the worker again; the move runs at its start. (The first settings read after a browser
    // starts waits about 3 s for Chromium's policy store: storage.managed.get.)
    const status = await message<{ secrets: Record<string, string> }>(options, 'referral.authStatus');
    expect(status.ok, JSON.stringify(status)).toBe(true);
    expect(status.value?.secrets.bearerToken).toBe('saved');
    await expect
      .poll(() => options.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null))))
      .not.toContain('left-by-an-older-version');
    await options.close();
  } finally {
    await h.close();
  }
});
