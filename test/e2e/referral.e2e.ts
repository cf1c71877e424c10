/**
 * One-click CLP referral (issue #7): delivered exactly once whatever the
 * network or the service worker does, drafts never lost and never shown for
 * another patient.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchBrowser, openPanel, stopServiceWorker, type Harness } from './fixtures';
import { configure, extensionPage, message } from './pages/extension';
import { ReferralForm } from './pages/referral';
import { SidebarPage } from './pages/sidebar';

let h: Harness;

interface InboxItem {
  referralId: string;
  receivedCount: number;
  status: string;
  patientId: string;
  contact: { phone: string };
  outcome: string;
}

const inbox = async (): Promise<InboxItem[]> => (await fetch(`${h.demo.url}/inbox/api/referrals`)).json() as Promise<InboxItem[]>;
const control = (body: Record<string, unknown>) =>
  fetch(`${h.demo.url}/inbox/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  h = await launchBrowser();
  await configure(h, {
    destination: { kind: 'fhir', baseUrl: `${h.demo.url}/fhir` },
    people: { clp: { name: 'Morag Links' }, referrers: [{ name: 'Dr A. Murray', role: 'gp' }], currentReferrer: 'Dr A. Murray' },
  });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await fetch(`${h.demo.url}/inbox/reset`, { method: 'POST' });
  await control({ mode: 'up' });
});

/** A record page and the sidebar page following it; `page.close()` closes both. */
async function patientPage(path: string) {
  const record = await h.context.newPage();
  await record.goto(`${h.demo.url}${path}`);
  const panel = await openPanel(h, record);
  const sidebar = new SidebarPage(panel, record);
  await sidebar.waitForPatient();
  const closeRecord = record.close.bind(record);
  const page = Object.assign(record, {
    close: async () => {
      await panel.close();
      await closeRecord();
    },
  });
  return { page, panel, sidebar, form: new ReferralForm(panel) };
}

/** What the "Send queued now" button in the options page does. */
async function flush(): Promise<void> {
  const page = await extensionPage(h);
  await message(page, 'referral.flush');
  await page.close();
}

describe('the referral button', () => {
  test('is pinned to the bottom of the sidebar: prompts and cards arriving above never move it', async () => {
    const record = await h.context.newPage();
    await record.goto(`${h.demo.url}/careview/patient/1/consultation`);
    const page = await openPanel(h, record);
    const form = new ReferralForm(page);
    // As early as it exists: before the prompts and the cards have arrived.
    await form.openButton.waitFor();
    const before = await form.openButton.boundingBox();
    const sidebar = new SidebarPage(page, record);
    await sidebar.prompts().first().waitFor();
    await sidebar.cards().first().waitFor();
    const after = await form.openButton.boundingBox();
    expect(after).toEqual(before);
    // At the bottom of the window (900 px high), in view without scrolling.
    expect((after?.y ?? 0) + (after?.height ?? 0)).toBeGreaterThan(840);
    expect((after?.y ?? 0) + (after?.height ?? 0)).toBeLessThanOrEqual(900);
    await page.close();
    await record.close();
  });
});

describe('delivery', () => {
  test('a referral reaches the CLP inbox once and the sidebar shows it sent, with the code for the record', async () => {
    const { page, form } = await patientPage('/careview/patient/1/consultation');
    await form.open();
    await form.fill();
    await form.send();
    await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(1);
    const [item] = await inbox();
    expect(item?.receivedCount).toBe(1);
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    await expect(form.host.getByText('871731000000106').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  test('closed loop: the CLP accepts in the inbox and the sidebar shows it when the patient is opened again', async () => {
    const { page, form } = await patientPage('/careview/patient/1/consultation');
    await form.open();
    await form.fill({ need: 'loneliness' });
    await form.send();
    await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    const [item] = await inbox();
    await fetch(`${h.demo.url}/inbox/referral/${item?.referralId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'accepted' }),
    });
    await page.reload();
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');
    expect(await form.rows().first().textContent()).toContain('Accepted by the CLP');
    await page.close();
  });

  test('the same person referred twice with a new phone number: the CLP sees the new number (issue #15)', async () => {
    const { page, form } = await patientPage('/careview/patient/2/consultation');
    await form.open();
    expect(await form.phone.inputValue()).toBe('07700 900412');
    await form.fill({ need: 'money' });
    await form.send();
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    await form.open();
    await form.fill({ need: 'fuel', phone: '07700 900456' });
    await form.send();
    await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(2);
    const items = await inbox();
    expect(items.map((i) => i.contact.phone)).toEqual(['07700 900412', '07700 900456']);
    expect(new Set(items.map((i) => i.patientId)).size).toBe(1);
    expect(items.map((i) => i.receivedCount)).toEqual([1, 1]);
    await page.close();
  });

  test('the form will not send without consent, and says why beside the field', async () => {
    const { page, form } = await patientPage('/careview/patient/2/consultation');
    await form.open();
    await form.fill({ consent: false });
    await form.send();
    await expect.poll(() => form.host.locator('#err-consent').textContent()).toContain('must agree');
    expect(await inbox()).toHaveLength(0);
    await page.close();
  });

  test('endpoint down, then up: delivered exactly once', async () => {
    await control({ mode: 'down' });
    const { page, form } = await patientPage('/careview/patient/3/consultation');
    await form.open();
    await form.fill({ need: 'loneliness' });
    await form.send();
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('queued');
    await expect.poll(() => form.rows().first().textContent(), { timeout: 10_000 }).toContain('could not be reached');
    await control({ mode: 'up' });
    await flush();
    await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(1);
    await flush();
    await page.waitForTimeout(500);
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]?.receivedCount).toBe(1);
    await page.close();
  });

  test('500 twice then 201: delivered once', async () => {
    await control({ mode: 'fail', status: 500, times: 2 });
    const { page, form } = await patientPage('/careview/patient/4/consultation');
    await form.open();
    await form.fill({ need: 'work' });
    await form.send();
    await expect.poll(() => form.rows().first().textContent(), { timeout: 10_000 }).toMatch(/500|server/i);
    await flush();
    await flush();
    await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    expect((await inbox())[0]?.receivedCount).toBe(1);
    await page.close();
  });

  test('422: failed with the server message, shown to the clinician', async () => {
    await control({ mode: 'fail', status: 422, message: 'Postcode is outside our area' });
    const { page, form } = await patientPage('/medora/patient/7');
    await form.open();
    await form.fill({ need: 'housing' });
    await form.send();
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await form.rows().first().textContent()).toContain('Postcode is outside our area');
    expect(await inbox()).toHaveLength(0);
    await page.close();
  });

  test('service worker stopped mid-send: delivered once after it restarts', async () => {
    await control({ mode: 'up', delayMs: 3000 });
    const { page, form } = await patientPage('/medora/patient/8');
    await form.open();
    await form.fill({ need: 'substances' });
    await form.send();
    await page.waitForTimeout(700); // the POST is now in flight, held by the inbox
    await stopServiceWorker(h);
    await control({ mode: 'up' });
    // The sidebar's next status check wakes the worker, which re-sends the interrupted referral.
    await expect.poll(async () => (await inbox()).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => form.rows().first().getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    await page.waitForTimeout(1000);
    expect(await inbox()).toHaveLength(1);
    await page.close();
  });
});

describe('drafts', () => {
  test('tab closed mid-form: the draft is restored on return', async () => {
    const first = await patientPage('/careview/patient/2/consultation');
    await first.form.open();
    await first.form.whatMatters.fill('Wants help with the PIP form');
    await first.page.waitForTimeout(800); // saved as she types (debounced)
    await first.page.close();
    const again = await patientPage('/careview/patient/2/consultation');
    await expect.poll(() => again.form.openButton.textContent()).toContain('Continue referral draft');
    await again.form.open();
    expect(await again.form.whatMatters.inputValue()).toBe('Wants help with the PIP form');
    await again.page.close();
  });

  test("patient A's draft never appears for patient B", async () => {
    const a = await patientPage('/careview/patient/3/consultation');
    await a.form.open();
    await a.form.whatMatters.fill('Draft for Agnes only');
    await a.page.waitForTimeout(800);
    await a.page.goto(`${h.demo.url}/careview/patient/1/consultation`);
    await a.sidebar.waitForPatient();
    await expect.poll(() => a.sidebar.patientName.textContent()).toContain('2103');
    await a.form.open();
    expect(await a.form.whatMatters.inputValue()).toBe('');
    expect(await a.form.host.textContent()).not.toContain('Draft for Agnes only');
    await a.page.close();
  });

  test('a patient switch in the SPA with the form open closes it, warns, and carries nothing over', async () => {
    const { page, form, sidebar } = await patientPage('/medora/patient/5');
    await form.open();
    await form.whatMatters.fill('Only for Siobhan');
    await page.locator('.md-list a[data-id="6"]').click();
    await expect.poll(() => sidebar.patientName.textContent()).toContain('5611');
    await expect.poll(() => form.host.getByRole('alert').first().textContent()).toContain('patient on screen changed');
    expect(await form.whatMatters.count()).toBe(0);
    await form.open();
    expect(await form.whatMatters.inputValue()).toBe('');
    await page.close();
  });
});
