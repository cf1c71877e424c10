/**
 * The walking skeleton and patient-switch safety, in real Chromium with the
 * built extension against the demo practice (issues #3 and #4).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type Harness } from './fixtures';
import { SidebarPage } from './pages/sidebar';

let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

async function open(path: string) {
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}${path}`);
  return { page, sidebar: new SidebarPage(page) };
}

describe('consultation pages', () => {
  test('CareView consultation shows the patient summary, prompts with reasons, and cards', async () => {
    const { page, sidebar } = await open('/careview/patient/1/consultation');
    await sidebar.waitForPatient();
    await expect.poll(() => sidebar.age.textContent()).toMatch(/^\d+ years$/);
    expect(await sidebar.postcode.textContent()).toBe('G31 3JD');
    expect(await sidebar.patientName.textContent()).toContain('2103');
    await sidebar.prompts().first().waitFor();
    const count = await sidebar.prompts().count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    expect(await sidebar.prompts().first().locator('.why li').count()).toBeGreaterThan(0);
    await sidebar.cards().first().waitFor();
    expect(await sidebar.cards().count()).toBeGreaterThan(0);
    await page.close();
  });

  test('an unknown record system is read by the generic detector', async () => {
    const { page, sidebar } = await open('/demo/unknown-system?patient=6');
    await sidebar.waitForPatient();
    expect(await sidebar.patientName.textContent()).toContain('5611');
    await page.close();
  });
});

describe('pages that are not a single identified patient', () => {
  test.each([
    ['the practice index', '/'],
    ['the appointment list', '/careview/appointments'],
    ['a consultation with no identifier', '/demo/half-consultation?patient=1'],
    ['a CHI with a wrong check digit', '/demo/bad-chi?patient=2'],
    ['the Medora list with nobody open', '/medora/'],
  ])('%s gets no sidebar', async (_name, path) => {
    const { page } = await open(path);
    // Give the content script time to run and decide (it mounts within ~100 ms when it does).
    await page.waitForTimeout(1200);
    expect(await page.locator('links-sidebar').count()).toBe(0);
    await page.close();
  });
});

describe('hostile host pages', () => {
  test('hostile CSS neither hides nor restyles the sidebar', async () => {
    const { page, sidebar } = await open('/demo/hostile-css?patient=3');
    await sidebar.waitForPatient();
    const look = await page.evaluate(() => {
      const host = document.querySelector('links-sidebar') as HTMLElement;
      const panel = host.shadowRoot?.querySelector('.panel') as HTMLElement;
      const hs = getComputedStyle(host);
      const ps = getComputedStyle(panel);
      const r = panel.getBoundingClientRect();
      return { hostDisplay: hs.display, hostPosition: hs.position, width: r.width, bg: ps.backgroundColor, font: ps.fontSize, visible: r.height > 0 };
    });
    expect(look).toEqual({ hostDisplay: 'block', hostPosition: 'fixed', width: 360, bg: 'rgb(255, 255, 255)', font: '15px', visible: true });
    await expect.poll(() => sidebar.postcode.textContent()).toBe('G40 1BX');
    await page.close();
  });

  test('overridden Array methods and a global named browser do not break detection', async () => {
    const { page, sidebar } = await open('/demo/hostile-script?patient=4');
    await sidebar.waitForPatient();
    expect(await sidebar.patientName.textContent()).toContain('4218');
    await page.close();
  });
});

describe('single-page app patient switches', () => {
  const tailOnPage = () =>
    `(() => {
      const chi = document.querySelector('dd[data-field="chi"]');
      const host = document.querySelector('links-sidebar');
      const shown = host && host.getAttribute('data-patient-detected') === 'true'
        ? (host.shadowRoot.querySelector('[data-testid="patient-name"]') || { textContent: '' }).textContent
        : null;
      return { page: chi ? chi.textContent.replace(/\\D/g, '').slice(-4) : null, sidebar: shown };
    })()`;

  test('a switch resets the sidebar to the new patient', async () => {
    const { page, sidebar } = await open('/medora/patient/5');
    await sidebar.waitForPatient();
    expect(await sidebar.patientName.textContent()).toContain('4926');
    await page.locator('.md-list a[data-id="6"]').click();
    await expect.poll(() => sidebar.patientName.textContent()).toContain('5611');
    expect(await sidebar.postcode.textContent()).toBe('G21 1TR');
    await page.close();
  });

  test('a record no adapter knows, re-rendering another patient in place: the generic detector follows at once', async () => {
    const { page, sidebar } = await open('/demo/unknown-system?patient=1');
    await sidebar.waitForPatient();
    expect(await sidebar.patientName.textContent()).toContain('2103');
    const other = await (await fetch(`${h.demo.url}/demo/unknown-system?patient=6`)).text();
    // Swap the page body the way a single-page app does, then look once the mutation callbacks have run.
    const seen = (await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.body.innerHTML = next.body.innerHTML;
      return new Promise((resolve) =>
        queueMicrotask(() => {
          const host = document.querySelector('links-sidebar');
          const detected = host?.getAttribute('data-patient-detected') === 'true';
          resolve(detected ? (host?.shadowRoot?.querySelector('[data-testid="patient-name"]')?.textContent ?? '') : null);
        }),
      );
    }, other)) as string | null;
    // Straight after the swap: either no patient yet, or the new one; never the old one.
    expect(seen === null || !seen.includes('2103'), `shown straight after the swap: ${seen}`).toBe(true);
    await expect.poll(() => sidebar.patientName.textContent()).toContain('5611');
    // Typing in the new notes box (a re-read from the cached page walk) keeps the new patient.
    await page.locator('#ps-hx').fill('Worried about the gas bill');
    await page.waitForTimeout(300);
    expect(await sidebar.patientName.textContent()).toContain('5611');
    await page.close();
  });

  test('100 quick switches never show a different patient from the banner at any sampled moment', async () => {
    const { page, sidebar } = await open('/medora/patient/5?rapid=1');
    await sidebar.waitForPatient();
    let samples = 0;
    let shownPatient = 0;
    for (let i = 0; i < 100; i++) {
      await page.evaluate((id) => (window as unknown as { __medoraShow(id: string): Promise<boolean> }).__medoraShow(id), String(5 + (i % 4)));
      // Sample several times per switch, at different moments of the load/detect cycle.
      for (let s = 0; s < 3; s++) {
        const seen = (await page.evaluate(tailOnPage())) as { page: string | null; sidebar: string | null };
        samples += 1;
        if (seen.sidebar !== null) {
          shownPatient += 1;
          expect(seen.page, `sample ${samples}`).not.toBeNull();
          expect(seen.sidebar, `sample ${samples}`).toContain(seen.page as string);
        }
        if (s === 1) await page.waitForTimeout(i % 7);
      }
    }
    // Settled at the end: the last patient shown.
    await expect.poll(() => sidebar.patientName.textContent()).toContain('7016');
    expect(samples).toBe(300);
    expect(shownPatient).toBeGreaterThan(0);
    await page.close();
  });
});
