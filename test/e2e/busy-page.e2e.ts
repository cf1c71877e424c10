/**
 * Issue #11 soak: a record page animating at 60 fps (a clock redrawn every
 * frame, text and style) no longer starves detection. 500 patient switches;
 * each time the sidebar must show the new patient within 300 ms of its banner
 * going on screen, and must never show the previous patient once the new
 * banner is up (beyond the 50 ms a message between documents may take; the
 * actual worst case is reported).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, logPanel, MEDORA_TAILS, openPanel, panelLog, type Harness } from './fixtures';
import { SidebarPage } from './pages/sidebar';

const SWITCHES = 500;
let h: Harness;
beforeAll(async () => {
  h = await launchBrowser();
});
afterAll(async () => {
  await h?.close();
});

test(`${SWITCHES} switches on a page animating at 60 fps: the new patient every time within 300 ms, never the old one`, async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}/medora/patient/5?rapid=1&busy=1`);
  const panel = await openPanel(h, page);
  const sidebar = new SidebarPage(panel, page);
  await sidebar.waitForPatient();
  await logPanel(panel);
  await page.evaluate(() => void ((window as unknown as { __switchLog: unknown[] }).__switchLog = []));
  const ids = ['5', '6', '7', '8'];
  for (let i = 0; i < SWITCHES; i++) {
    const id = ids[(i + 1) % 4] as string;
    await page.evaluate((to) => (window as unknown as { __medoraShow(id: string): Promise<boolean> }).__medoraShow(to), id);
    // Next switch once this one has reached the sidebar (or after 1 s, which the assertions below then report).
    const want = MEDORA_TAILS[id] as string;
    const end = Date.now() + 1000;
    while (Date.now() < end && !((await sidebar.shown()) ?? '').includes(want)) await page.waitForTimeout(5);
  }
  const switches = (await page.evaluate(() => (window as unknown as { __switchLog: { id: string; at: number }[] }).__switchLog)) as { id: string; at: number }[];
  const shown = await panelLog(panel);
  expect(switches).toHaveLength(SWITCHES);
  const latencies: number[] = [];
  let staleAfterGrace = 0;
  let worstStale = 0;
  switches.forEach((s, i) => {
    const next = switches[i + 1]?.at ?? Infinity;
    const tail = MEDORA_TAILS[s.id];
    const hit = shown.find((e) => e.at >= s.at && e.tail === tail);
    latencies.push(hit ? hit.at - s.at : Infinity);
    // Anything other than this patient or nobody, shown after this banner went up and before the next switch.
    for (let k = 0; k < shown.length; k++) {
      const e = shown[k] as { tail: string | null; at: number };
      if (e.at < s.at || e.at >= next || e.tail === null || e.tail === tail) continue;
      worstStale = Math.max(worstStale, e.at - s.at);
      if (e.at - s.at > 50) staleAfterGrace += 1;
    }
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] as number;
  console.log(`busy page: ${SWITCHES} switches, latency median ${sorted[Math.floor(sorted.length / 2)]} ms, p95 ${p95} ms, max ${sorted.at(-1)} ms; other patient shown after a switch: ${staleAfterGrace} (worst ${worstStale} ms after the banner)`);
  expect(Math.max(...latencies)).toBeLessThanOrEqual(300);
  expect(staleAfterGrace).toBe(0);
  await panel.close();
  await page.close();
}, 600_000);
