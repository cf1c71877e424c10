/**
 * Benchmarks in real Chromium with the demo build (.output/chrome-mv3-demo)
 * against the demo practice: sidebar latency, popup start, form and send
 * latency, typing long tasks, insights render and a 100k directory import.
 * Skipped (with a row saying so) when Chromium or the build is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { inpageFrame, launchBrowser, startDemo, logPanel, MEDORA_TAILS, openPanel, panelLog, stopServiceWorker, tabIdOf, CHROMIUM, EXTENSION_PATH, type Harness } from '../test/e2e/fixtures';
import { configure, extensionPage } from '../test/e2e/pages/extension';
import type { Page } from 'playwright-core';
import { percentile, median, type BenchRow } from './types';
import { ReferralForm } from '../test/e2e/pages/referral';
import { hsdsPackage, synthetic } from './directory.bench';
import { bareLatencies, bareWake, frameFloorRoute } from './uninstrumented';

const SUITE = 'chromium';
const row = (name: string, value: number, unit: BenchRow['unit'], target?: string, ok?: boolean): BenchRow => ({
  suite: SUITE,
  name,
  value,
  unit,
  ...(target ? { target } : {}),
  ...(ok === undefined ? {} : { ok }),
});

/** In-page mode: time from the page's DOMContentLoaded (the server-rendered banner is there) to the in-page panel showing that patient. */
async function inpageLoadLatency(h: Harness, runs: number, streamMs = 0): Promise<number[]> {
  const samples: number[] = [];
  const page = await h.context.newPage();
  for (let i = 0; i < runs + 2; i++) {
    const id = String((i % 4) + 1);
    await page.goto(`${h.demo.url}/careview/patient/${id}/consultation?run=${i}${streamMs ? `&stream=${streamMs}` : ''}`);
    const frame = await inpageFrame(page);
    await frame.locator('[data-testid="match-state"].matched').waitFor();
    // The frame's own mark (set in the commit that puts the patient in the DOM, PanelApp.tsx), as the bare rows read it.
    // Until the forty-fifth session this read a `__matchedAt` nothing ever set, so it fell back to the clock when
    // Playwright's wait returned: these rows timed Playwright noticing the patient, not the panel showing it.
    const shownAt = await frame.evaluate(() => {
      const mark = performance.getEntriesByName('links:panel-matched')[0];
      return mark ? performance.timeOrigin + mark.startTime : Number.NaN;
    });
    if (!Number.isFinite(shownAt)) throw new Error('the in-page panel showed the patient but left no links:panel-matched mark');
    const loadedAt = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance.timeOrigin + nav.domContentLoadedEventEnd;
    });
    if (process.env.BENCH_TRACE) {
      const t = await frame.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const marks = performance.getEntriesByType('mark').map((m) => `${m.name.slice(6)} ${m.startTime.toFixed(0)}`);
        const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
        return { origin: performance.timeOrigin, nav: `fetch ${nav.fetchStart.toFixed(0)} resp ${nav.responseEnd.toFixed(0)} interactive ${nav.domInteractive.toFixed(0)} dcl ${nav.domContentLoadedEventEnd.toFixed(0)}`, marks, res };
      });
      const pg = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return `page resp ${nav.responseStart.toFixed(0)}-${nav.responseEnd.toFixed(0)} interactive ${nav.domInteractive.toFixed(0)} dcl ${nav.domContentLoadedEventStart.toFixed(0)}; ${performance.getEntriesByType('mark').map((m) => `${m.name.slice(6)} ${m.startTime.toFixed(0)}`).join(', ')}`;
      });
      process.stderr.write(`  ${pg}\n`);
      process.stderr.write(`  inpage ${(shownAt - loadedAt).toFixed(0)} ms: frame origin ${(t.origin - loadedAt).toFixed(0)} from page DCL; ${t.nav}; marks ${t.marks.join(', ')}; shown ${(shownAt - t.origin).toFixed(0)}; ${t.res.join(', ')}\n`);
    }
    if (i >= 2) samples.push(shownAt - loadedAt); // first loads warm the worker and caches
  }
  await page.close();
  return samples;
}

/** Side panel: from opening the sidebar page for a record tab to it showing the patient with prompts and the need picker (searchable). */
async function panelOpenLatency(h: Harness, runs: number): Promise<{ ready: number[]; prompts: number[] }> {
  const record = await h.context.newPage();
  await record.goto(`${h.demo.url}/careview/patient/1/consultation`);
  const tabId = await tabIdOf(h, record);
  const ready: number[] = [];
  const prompts: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.locator('#ls-need').waitFor();
    // The prompt engine loads after the sidebar is on screen (src/ui/panel/prompt-engine.ts).
    await panel.waitForFunction(() => performance.getEntriesByName('links:panel-prompts').length > 0);
    const [r, p] = await panel.evaluate(() => ['links:panel-ready', 'links:panel-prompts'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN));
    if (i >= 2) {
      ready.push(r as number);
      prompts.push(p as number);
    }
    await panel.close();
  }
  await record.close();
  return { ready, prompts };
}

/**
 * SPA switches, measured across documents with one clock (Date.now): from the
 * old banner leaving the screen to the panel no longer showing that patient
 * (blank or the next one), and from the new banner going up to the panel
 * showing the new patient.
 */
async function spaSwitchLatency(h: Harness, runs: number): Promise<{ gone: number[]; shown: number[] }> {
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}/medora/patient/5`);
  const panel = await openPanel(h, page);
  await panel.locator('[data-testid="match-state"].matched').waitFor();
  await logPanel(panel);
  await page.evaluate(() => {
    const w = window as unknown as { __switchLog: unknown[]; __goneLog: unknown[] };
    w.__switchLog = [];
    w.__goneLog = [];
  });
  for (let i = 0; i < runs; i++) {
    const id = String(5 + ((i + 1) % 4));
    await page.evaluate((pid) => (window as unknown as { __medoraShow(id: string): Promise<boolean> }).__medoraShow(pid), id);
    await panel.locator(`[data-testid="patient-tail"]:has-text("${MEDORA_TAILS[id]}")`).waitFor();
    await page.waitForTimeout(50);
  }
  const shownLog = (await page.evaluate(() => (window as unknown as { __switchLog: { id: string; at: number }[] }).__switchLog)) as { id: string; at: number }[];
  const goneLog = (await page.evaluate(() => (window as unknown as { __goneLog: { at: number }[] }).__goneLog)) as { at: number }[];
  const log = await panelLog(panel);
  const gone: number[] = [];
  const shown: number[] = [];
  shownLog.forEach((s, k) => {
    const previous = MEDORA_TAILS[k === 0 ? '5' : (shownLog[k - 1] as { id: string }).id];
    const leftAt = (goneLog[k] as { at: number }).at;
    const cleared = log.find((e) => e.at >= leftAt && e.tail !== previous);
    gone.push(cleared ? cleared.at - leftAt : Number.NaN);
    const hit = log.find((e) => e.at >= s.at && e.tail === MEDORA_TAILS[s.id]);
    shown.push(hit ? hit.at - s.at : Number.NaN);
  });
  await panel.close();
  await page.close();
  return { gone, shown };
}

/** Starts recording the page's longest task (the "no task over 50 ms" rows). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest task since watchLongTasks(), in ms (0: none over 50 ms), once the page has had `settleMs` to finish and report. */
async function longestTask(page: Page, settleMs = 200): Promise<number> {
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

/** Longest main-thread task while 200 characters are typed into the notes. */
async function typingLongTask(h: Harness): Promise<number> {
  const page = await h.context.newPage();
  await page.goto(`${h.demo.url}/careview/patient/2/consultation`);
  await tabIdOf(h, page);
  await watchLongTasks(page);
  const text = 'Money is tight since the hours were cut; she is worried about the rent and the gas. '.repeat(3).slice(0, 200);
  await page.locator('#cv-notes').pressSequentially(text, { delay: 10 });
  const longest = await longestTask(page, 500);
  await page.close();
  return longest; // 0 = no task over 50 ms was observed
}

async function popupReady(h: Harness, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await page.locator('#q:focus').waitFor();
    // The app marks the moment the search box is focused and usable (from navigation start).
    samples.push(await page.evaluate(() => performance.getEntriesByName('links:popup-ready')[0]?.startTime ?? Number.NaN));
    await page.close();
  }
  return samples;
}

async function formLatency(h: Harness, runs: number): Promise<{ open: number[]; queued: number[] }> {
  const open: number[] = [];
  const queued: number[] = [];
  for (let i = 0; i < runs; i++) {
    const record = await h.context.newPage();
    await record.goto(`${h.demo.url}/careview/patient/${(i % 4) + 1}/consultation`);
    const page = await openPanel(h, record);
    await page.getByRole('button', { name: /Refer to the Community Links Practitioner|Continue referral draft/ }).waitFor();
    open.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll('button')].find((b) => /Refer to the|Continue referral/.test(b.textContent ?? '')) as HTMLButtonElement;
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (document.querySelector('#ref-matters')) {
                mo.disconnect();
                resolve(performance.now() - t0);
              }
            });
            mo.observe(document.body, { childList: true, subtree: true });
            button.click();
          }),
      ),
    );
    // The required items (issue #15), filled the way the e2e tests fill them.
    await new ReferralForm(page).fill({ need: 'food', whatMatters: 'Bench referral' });
    queued.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const send = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send referral') as HTMLButtonElement;
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (document.querySelector('[data-testid="outbox-row"]')) {
                mo.disconnect();
                resolve(performance.now() - t0);
              }
            });
            mo.observe(document.body, { childList: true, subtree: true });
            send.click();
          }),
      ),
    );
    await page.close();
    await record.close();
  }
  return { open, queued };
}

/** Seed a year of anonymous events straight into the extension's IndexedDB, then time the insights page. */
async function insightsRender(h: Harness, count: number): Promise<number> {
  const seed = await extensionPage(h);
  await seed.evaluate(async (n) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('links-sidebar');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const needs = ['money', 'housing', 'food', 'fuel', 'loneliness', 'caring', 'work', 'mental-wellbeing'];
    const actions = ['shown', 'shown', 'shown', 'accepted', 'dismissed'];
    const start = Date.now() - 364 * 86_400_000;
    await new Promise<void>((resolve, reject) => {
      // The daily roll-up the background keeps (src/db eventCountKey): 100k events, counted by day.
      const tx = db.transaction(['eventCounts'], 'readwrite');
      const counts = new Map<string, Record<string, unknown> & { count: number }>();
      for (let i = 0; i < n; i++) {
        const date = new Date(start + ((i * 7919) % 364) * 86_400_000).toISOString().slice(0, 10);
        const event = { kind: 'prompt', action: actions[i % actions.length] as string, need: needs[i % needs.length] as string, ruleId: 'bench-rule', role: 'gp', date };
        const key = [date, event.kind, event.action, event.need, event.ruleId, '', event.role, ''].join('|');
        const row = counts.get(key);
        if (row) row.count += 1;
        else counts.set(key, { ...event, key, count: 1 });
      }
      const rollup = tx.objectStore('eventCounts');
      for (const row of counts.values()) rollup.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
  await seed.close();
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/insights.html`);
  await page.locator('[data-testid="by-need-table"]').waitFor({ timeout: 60_000 });
  // A year: from the click on "Last 12 months" to the tables for 100k events on screen.
  const started = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: /12 months/ }).click();
  // 100k seeded, plus the few events the earlier steps made.
  await page.getByRole('status').filter({ hasText: /1\d\d,\d\d\d events/ }).waitFor({ timeout: 60_000 });
  const ms = await page.evaluate((t0) => {
    const marks = performance.getEntriesByName('links:insights-rendered');
    return (marks[marks.length - 1]?.startTime ?? Number.NaN) - t0;
  }, started);
  await page.close();
  return ms;
}

const PLACES = ['Glasgow East', 'Dennistoun', 'Parkhead', 'Shettleston', 'Tollcross', 'Bridgeton', 'Carntyne', 'Easterhouse'];
const KINDS = ['Community Food Larder', 'Money Advice Project', 'Carers Centre Drop-in', 'Walking for Health Group', 'Befriending Service', 'Tenancy Support Team', 'Recovery Cafe', 'Digital Skills Class'];

/** A UUID-shaped id from a number (ALISS and Open Referral ids are UUIDs). */
const uuidOf = (i: number): string => {
  const h = (k: number): string => ((Math.imul(i + 1, 0x9e3779b1 + k * 0x85ebca6b) >>> 0).toString(16).padStart(8, '0'));
  return `${h(1)}-${h(2).slice(0, 4)}-4${h(3).slice(0, 3)}-a${h(4).slice(0, 3)}-${h(5)}${h(6).slice(0, 4)}`;
};

/**
 * The wake benches' directory. Ids and names have the length real ones have (a UUID; a name of about 35
 * characters): they are stored in the snapshot, so short made-up ones made the wake look cheaper than it is.
 */
export function syntheticCsv(n: number): string {
  const lines = ['id,name,organisation,description,needs,postcode,lat,lon,phone,website,updated'];
  for (let i = 0; i < n; i++) {
    const lat = (55.8 + ((i * 37) % 1000) / 10_000).toFixed(4);
    const lon = (-4.3 + ((i * 53) % 1000) / 5_000).toFixed(4);
    const name = `${PLACES[i % PLACES.length] as string} ${KINDS[(i >> 3) % KINDS.length] as string} ${i}`;
    lines.push(`${uuidOf(i)},${name},Org ${i % 500},Help with everyday things number ${i},${['money', 'food', 'housing', 'loneliness'][i % 4]},G31 4QT,${lat},${lon},0141 000 ${String(i % 10_000).padStart(4, '0')},https://example.org/s/${i},2026-01-01`);
  }
  return lines.join('\n');
}

async function directoryImport(h: Harness, n: number): Promise<{ seconds: number; longestPageTask: number; count: number }> {
  const page = await extensionPage(h);
  // The file's text reaches the page first (as file.text() would give it), outside the measured part.
  await page.evaluate((text) => void ((window as unknown as { __text: string }).__text = text), syntheticCsv(n));
  await watchLongTasks(page);
  const t0 = Date.now();
  // What the options page does (src/messaging/upload.ts): pieces of 512 Ki characters, each awaited, then the import by id.
  const reply = (await page.evaluate(
    async ([size, label]) => {
      const w = window as unknown as { __text: string };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } } }).chrome.runtime;
      const uploadId = crypto.randomUUID();
      const text = w.__text;
      for (let index = 0, start = 0; start < text.length; index++, start += size) {
        const r = await runtime.sendMessage({ channel: 'links-sidebar', type: 'upload.chunk', payload: { uploadId, index, text: text.slice(start, start + size) } });
        if (!r.ok) return r;
      }
      return runtime.sendMessage({ channel: 'links-sidebar', type: 'directory.import', payload: { uploadId, format: 'csv', label } });
    },
    [512 * 1024, `Bench ${n}`] as const,
  )) as { ok: boolean; value?: { count: number; timings?: { parseMs: number; storeMs: number } }; error?: unknown };
  process.stderr.write(`import timings: ${JSON.stringify(reply.value?.timings ?? reply.error)}\n`);
  const seconds = (Date.now() - t0) / 1000;
  const longestPageTask = await longestTask(page);
  await page.close();
  return { seconds, longestPageTask, count: reply.value?.count ?? 0 };
}

/**
 * Issue #16 in the browser: a 20k-service HSDS tabular package sent the way the
 * options page sends a package folder (each file's text in 512 Ki pieces, then
 * directory.importPackage), joined and stored by the worker. Reports the whole
 * time, the worker's own parse + join time (its `timings`), and the longest
 * task on the options page meanwhile.
 */
async function packageImport(h: Harness, n: number): Promise<{ seconds: number; parseMs: number; longestPageTask: number; count: number }> {
  const page = await extensionPage(h);
  const files = hsdsPackage(synthetic(n, 98)).map((f) => ({ name: f.name, text: f.text ?? '' }));
  await page.evaluate((given) => void ((window as unknown as { __files: typeof given }).__files = given), files);
  await watchLongTasks(page);
  const t0 = Date.now();
  const reply = (await page.evaluate(
    async ([size, label]) => {
      const w = window as unknown as { __files: { name: string; text: string }[] };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } } }).chrome.runtime;
      const sent: { name: string; uploadId: string; encoding: 'text' }[] = [];
      for (const file of w.__files) {
        const uploadId = crypto.randomUUID();
        for (let index = 0, start = 0; start < file.text.length; index++, start += size) {
          const r = await runtime.sendMessage({ channel: 'links-sidebar', type: 'upload.chunk', payload: { uploadId, index, text: file.text.slice(start, start + size) } });
          if (!r.ok) return r;
        }
        sent.push({ name: file.name, uploadId, encoding: 'text' });
      }
      return runtime.sendMessage({ channel: 'links-sidebar', type: 'directory.importPackage', payload: { files: sent, label } });
    },
    [512 * 1024, `Bench package ${n}`] as const,
  )) as { ok: boolean; value?: { count: number; timings?: { parseMs: number; storeMs: number } }; error?: unknown };
  process.stderr.write(`package import timings: ${JSON.stringify(reply.value?.timings ?? reply.error)}\n`);
  const seconds = (Date.now() - t0) / 1000;
  const longestPageTask = await longestTask(page);
  await page.close();
  return { seconds, parseMs: reply.value?.timings?.parseMs ?? Number.NaN, longestPageTask, count: reply.value?.count ?? 0 };
}

/**
 * Issue #11: the index snapshot is written in the background after an import
 * (off the import's own time). Waits for its row, read from an extension page
 * (the same origin as the worker's database); returns the seconds it took.
 */
async function snapshotStored(h: Harness, timeoutMs: number): Promise<number> {
  const page = await extensionPage(h);
  const t0 = Date.now();
  const stored = await page.evaluate(async (limit) => {
    const started = Date.now();
    // Current when the stored snapshot was built from the directory as it is now (the generation in kv).
    const current = (): Promise<boolean> =>
      new Promise((resolve) => {
        const open = indexedDB.open('links-sidebar');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('indexSnapshot')) {
            db.close();
            resolve(false);
            return;
          }
          const tx = db.transaction(['indexSnapshot', 'kv']);
          const snap = tx.objectStore('indexSnapshot').get('directory');
          const gen = tx.objectStore('kv').get('directoryGeneration');
          tx.oncomplete = () => {
            db.close();
            const built = (snap.result as { snapshot?: { generation?: string } } | undefined)?.snapshot?.generation;
            resolve(built !== undefined && built === (gen.result as { value?: string } | undefined)?.value);
          };
          tx.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      });
    while (Date.now() - started < limit) {
      if (await current()) return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  }, timeoutMs);
  await page.close();
  return stored ? (Date.now() - t0) / 1000 : Number.NaN;
}

/**
 * The practice's curation, as a practice has it (the wake rows above run on a directory with none): 15 services
 * recommended and 5 hidden, chosen from a search, set through the options page's own message.
 */
async function curateSome(h: Harness): Promise<number> {
  const page = await extensionPage(h);
  const done = await page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { hits: { resource: { id: string } }[] } }> } } }).chrome.runtime;
    const send = (type: string, payload: unknown) => runtime.sendMessage({ channel: 'links-sidebar', type, payload });
    const found = await send('directory.search', { text: 'number', postcode: 'G31 4QT', limit: 20, origin: 'sidebar' });
    const ids = (found.value?.hits ?? []).map((hit) => hit.resource.id);
    let ok = 0;
    for (const [k, id] of ids.entries()) if ((await send('directory.curate', { resourceId: id, curation: k < 15 ? { recommended: true } : { hidden: true } })).ok) ok++;
    return ok;
  });
  await page.close();
  return done;
}

/**
 * Issue #11: after the service worker is stopped, how long the first search
 * takes with 100k services stored: the sidebar's cards (need + distance) and a
 * typed text search, each on a fresh worker; and, as the floor under both, a
 * settings reply from a fresh worker (worker start and one small read).
 */
async function wakeLatency(h: Harness, runs: number): Promise<{ cards: number[]; text: number[]; baseline: number[] }> {
  const cards: number[] = [];
  const text: number[] = [];
  const baseline: number[] = [];
  const timed = async (payload: Record<string, unknown>, type = 'directory.search'): Promise<number> => {
    // The options page sends its own requests as it loads (directory status, the curation list over
    // every stored service, the outbox): let them finish, then stop the worker, so the row times a
    // wake and one request, not a wake shared with a page's start-up.
    const page = await extensionPage(h);
    await page.waitForLoadState('networkidle');
    await new Promise((r) => setTimeout(r, 500));
    await stopServiceWorker(h);
    const ms = await page.evaluate(async (p) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { hits: unknown[] } }> } } }).chrome.runtime;
      const t0 = performance.now();
      const r = await runtime.sendMessage({ channel: 'links-sidebar', type: p.type, payload: p.payload });
      if (!r.ok || (p.type === 'directory.search' && (r.value?.hits.length ?? 0) === 0)) return Number.NaN;
      return performance.now() - t0;
    }, { type, payload });
    await page.close();
    // Where the time went inside the woken worker (ms since it started): marks in handlers.ts and index-cache.ts.
    const worker = h.context.serviceWorkers().at(-1);
    const marks = await worker
      ?.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('links:snapshot') || m.name.startsWith('links:search') || m.name.startsWith('links:worker')).map((m) => `${m.name.slice(6)} ${m.startTime.toFixed(0)}`).join(', '))
      .catch(() => 'unavailable');
    process.stderr.write(`  ${type === 'directory.search' ? (payload.text ? 'text' : 'cards') : type} ${ms.toFixed(0)} ms; worker marks: ${marks ?? 'no worker'}\n`);
    return ms;
  };
  for (let i = 0; i < runs; i++) {
    cards.push(await timed({ needs: ['food'], postcode: 'G31 4QT', limit: 5, origin: 'sidebar' }));
    text.push(await timed({ text: 'everyday things', postcode: 'G31 4QT', limit: 8, origin: 'popup' }));
    baseline.push(await timed({}, 'settings.get'));
  }
  process.stderr.write(`wake runs (ms): cards ${cards.map((v) => v.toFixed(0)).join(', ')}; text ${text.map((v) => v.toFixed(0)).join(', ')}; settings (baseline) ${baseline.map((v) => v.toFixed(0)).join(', ')}\n`);
  return { cards, text, baseline };
}

/**
 * Issue #11, as a receptionist meets it: the worker has stopped (an idle
 * spell), the popup is opened and "everyday things" typed at once (40 ms a
 * key, about 600 ms in all). Timed from the last key to the cards on screen;
 * that includes the popup's 120 ms typing pause before it searches. The popup
 * asks the worker to load the index (directory.warm) once it is on screen,
 * so the reading happens while the words are typed.
 */
async function popupSearchAfterWake(h: Harness, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const idle = await extensionPage(h);
    await idle.waitForLoadState('networkidle');
    await new Promise((r) => setTimeout(r, 500));
    await stopServiceWorker(h);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.locator('#q:focus').waitFor();
    await popup.keyboard.type('everyday things', { delay: 40 });
    const t0 = Date.now();
    await popup.locator('li.card').first().waitFor({ timeout: 10_000 });
    samples.push(Date.now() - t0);
    await popup.close();
    await idle.close();
  }
  process.stderr.write(`popup search after a wake (ms from the last key): ${samples.map((v) => v.toFixed(0)).join(', ')}\n`);
  return samples;
}

export default async function browserBench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM) || !existsSync(`${EXTENSION_PATH}/manifest.json`)) {
    return [row('skipped: Chromium or .output/chrome-mv3-demo missing (run npx wxt build --mode demo)', Number.NaN, 'ms')];
  }
  const rows: BenchRow[] = [];
  const content = readFileSync(`${EXTENSION_PATH}/ehr.js`);
  const gz = gzipSync(content, { level: 9 }).length / 1024;
  rows.push(row('content script size (gzip)', gz, 'KB', '< 20 KB', gz < 20));

  // First, in a browser nobody drives (bench/uninstrumented.ts): the page-load rows of #17 as a clinician's browser does them.
  if (process.env.BROWSER_BENCH !== 'directory') {
    const demo = await startDemo(frameFloorRoute);
    try {
      const bare = await bareLatencies(demo.url, 20);
      rows.push(row('side panel open to searchable, browser not driven by Playwright, p95 of 20', percentile(bare.panelReady, 95), 'ms', '< 150 ms', percentile(bare.panelReady, 95) < 150));
      rows.push(row('side panel open to searchable, browser not driven by Playwright, median', median(bare.panelReady), 'ms'));
      rows.push(row('in-page sidebar after page load, browser not driven by Playwright, p95 of 20', percentile(bare.inpage, 95), 'ms', '< 100 ms', percentile(bare.inpage, 95) < 100));
      rows.push(row('in-page sidebar after page load, browser not driven by Playwright, median', median(bare.inpage), 'ms'));
      rows.push(row('in-page sidebar after page load, worker stopped before each load (idle 30 s), not driven by Playwright, p95 of 20', percentile(bare.inpageCold, 95), 'ms'));
      rows.push(row('in-page sidebar after page load, worker stopped before each load, median', median(bare.inpageCold), 'ms'));
      rows.push(row('floor: an extension frame with nothing in it, added at DOMContentLoaded, to interactive, p95 of 20', percentile(bare.frameFloor, 95), 'ms'));
      rows.push(row('floor: an extension frame with nothing in it, to interactive, median', median(bare.frameFloor), 'ms'));
      process.stderr.write(`bare browser (ms): panel ready ${bare.panelReady.map((v) => v.toFixed(0)).join(', ')}; in-page ${bare.inpage.map((v) => v.toFixed(0)).join(', ')}; in-page, worker stopped ${bare.inpageCold.map((v) => v.toFixed(0)).join(', ')}; empty frame ${bare.frameFloor.map((v) => v.toFixed(0)).join(', ')}\n`);
    } finally {
      await demo.close();
    }
  }

  if (process.env.BROWSER_BENCH !== 'interaction' && process.env.BROWSER_BENCH !== 'panel') {
    const bare = await bareWake(syntheticCsv(100_000), 10);
    rows.push(row(`text search after a worker wake, ${bare.count} services, browser not driven by Playwright, p95 of 10`, percentile(bare.text, 95), 'ms', '< 100 ms', bare.count === 100_000 && percentile(bare.text, 95) < 100));
    rows.push(row(`text search after a worker wake, ${bare.count} services, browser not driven by Playwright, median`, median(bare.text), 'ms'));
    rows.push(row(`cards after a worker wake, ${bare.count} services, browser not driven by Playwright, p95 of 10`, percentile(bare.cards, 95), 'ms', '< 300 ms', bare.count === 100_000 && percentile(bare.cards, 95) < 300));
    rows.push(row('settings reply after a worker wake (worker start alone), browser not driven by Playwright, median', median(bare.baseline), 'ms'));
    process.stderr.write(`bare wake (ms): cards ${bare.cards.map((v) => v.toFixed(0)).join(', ')}; text ${bare.text.map((v) => v.toFixed(0)).join(', ')}; settings ${bare.baseline.map((v) => v.toFixed(0)).join(', ')}\n`);
  }

  const h = await launchBrowser();
  try {
    // tsx keeps function names with an `__name` helper that does not exist inside the page.
    await h.context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    // In every sidebar page (side panel or in-page frame): the moment it first shows a matched patient.
    await h.context.addInitScript(() => {
      if (!location.pathname.endsWith('/sidepanel.html')) return;
      const w = window as unknown as { __matchedAt?: number };
      new MutationObserver((_r, observer) => {
        if (document.querySelector('[data-testid="match-state"].matched')) {
          w.__matchedAt ??= Date.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await configure(h, { people: { clp: { name: 'CLP' }, referrers: [{ name: 'Bench GP', role: 'gp' }], currentReferrer: 'Bench GP' } });
    // BROWSER_BENCH=directory runs only the 100k import and the wake rows (issue #11);
    // BROWSER_BENCH=interaction only the sidebar, popup and form rows.
    if (process.env.BROWSER_BENCH !== 'directory') await interactionRows(h, rows);
    if (process.env.BROWSER_BENCH === 'interaction' || process.env.BROWSER_BENCH === 'panel') return rows;
    const imported = await directoryImport(h, 100_000);
    rows.push(row(`directory import into IndexedDB (${imported.count} services)`, imported.seconds, 's', '< 15 s', imported.seconds < 15 && imported.count === 100_000));
    rows.push(row('longest task on the options page during import', imported.longestPageTask, 'ms', 'no task > 50 ms', imported.longestPageTask <= 50));
    const stored = await snapshotStored(h, 120_000);
    rows.push(row('index snapshot stored after the import returned (background)', stored, 's'));
    const wake = await wakeLatency(h, 5);
    rows.push(row('cards after a worker wake, 100k services, Playwright-driven, p95 of 5', percentile(wake.cards, 95), 'ms', '< 300 ms', percentile(wake.cards, 95) < 300));
    rows.push(row('cards after a worker wake, 100k services, median', median(wake.cards), 'ms'));
    rows.push(row('text search after a worker wake, 100k services, Playwright-driven, p95 of 5', percentile(wake.text, 95), 'ms', '< 100 ms', percentile(wake.text, 95) < 100));
    rows.push(row('text search after a worker wake, 100k services, median', median(wake.text), 'ms'));
    rows.push(row('settings reply after a worker wake (worker start alone), median', median(wake.baseline), 'ms'));
    const curated = await curateSome(h);
    const wakeCurated = await wakeLatency(h, 5);
    rows.push(row(`cards after a worker wake, 100k services, ${curated} curated, p95 of 5`, percentile(wakeCurated.cards, 95), 'ms', '< 300 ms', curated === 20 && percentile(wakeCurated.cards, 95) < 300));
    rows.push(row(`text search after a worker wake, 100k services, ${curated} curated, p95 of 5`, percentile(wakeCurated.text, 95), 'ms', '< 100 ms', curated === 20 && percentile(wakeCurated.text, 95) < 100));
    rows.push(row(`text search after a worker wake, 100k services, ${curated} curated, median`, median(wakeCurated.text), 'ms'));
    const typed = await popupSearchAfterWake(h, 5);
    rows.push(row('popup opened on a stopped worker, words typed at once: last key to cards (incl. the 120 ms typing pause), p95 of 5', percentile(typed, 95), 'ms'));
    rows.push(row('popup opened on a stopped worker, words typed at once: last key to cards, median', median(typed), 'ms'));
    // After the wake rows, so they read a directory of 100k services only. BROWSER_BENCH_PACKAGE=0 leaves it out.
    if (process.env.BROWSER_BENCH_PACKAGE !== '0') {
      const pkg = await packageImport(h, 20_000);
      rows.push(row(`HSDS package import in the worker: parse + join (${pkg.count} services)`, pkg.count / (pkg.parseMs / 1000), 'items/s', '>= 20000 items/s', pkg.count === 20_000 && pkg.count / (pkg.parseMs / 1000) >= 20_000));
      rows.push(row('HSDS package import, upload + parse + join + store, whole', pkg.seconds, 's'));
      rows.push(row('longest task on the options page during the package import', pkg.longestPageTask, 'ms', 'no task > 50 ms', pkg.longestPageTask <= 50));
    }
  } finally {
    await h.close();
  }
  return rows;
}

/** Everything but the directory: panel, switches, in-page, typing, popup, form, insights. */
async function interactionRows(h: Harness, rows: BenchRow[]): Promise<void> {
  {
    const open = await panelOpenLatency(h, 20);
    rows.push(row('side panel open to searchable, Playwright-driven (its set-up of each new page included), p95 of 20', percentile(open.ready, 95), 'ms', '< 150 ms', percentile(open.ready, 95) < 150));
    rows.push(row('side panel open to searchable, median', median(open.ready), 'ms'));
    rows.push(row('side panel open to prompts shown, median', median(open.prompts), 'ms'));
    const spa = await spaSwitchLatency(h, 40);
    rows.push(row('banner change to panel blank or new patient, p95 of 40', percentile(spa.gone, 95), 'ms', '< 50 ms', percentile(spa.gone, 95) < 50));
    rows.push(row('new banner to panel showing the new patient, p95 of 40', percentile(spa.shown, 95), 'ms', '< 100 ms', percentile(spa.shown, 95) < 100));
    rows.push(row('new banner to panel showing the new patient, median', median(spa.shown), 'ms'));
    await configure(h, { sidebar: { mode: 'inpage', idleMinutes: 5 } });
    const load = await inpageLoadLatency(h, 20);
    rows.push(row('in-page sidebar after page load, Playwright-driven (its set-up of each new frame included), p95 of 20', percentile(load, 95), 'ms', '< 100 ms', percentile(load, 95) < 100));
    rows.push(row('in-page sidebar after page load, median', median(load), 'ms'));
    // The same on a record page whose end arrives 250 ms after its start (the demo's ?stream=): the panel's page loads while the record does.
    const streamed = await inpageLoadLatency(h, 20, 250);
    rows.push(row('in-page sidebar after page load, record page streamed over 250 ms, p95 of 20', percentile(streamed, 95), 'ms', '< 100 ms', percentile(streamed, 95) < 100));
    rows.push(row('in-page sidebar after page load, record page streamed over 250 ms, median', median(streamed), 'ms'));
    await configure(h, { sidebar: { mode: 'panel', idleMinutes: 5 } });
    // BROWSER_BENCH=panel: only the panel and in-page rows above (#17), e.g. with BENCH_TRACE for where the time goes.
    if (process.env.BROWSER_BENCH === 'panel') return;
    const longest = await typingLongTask(h);
    rows.push(row('longest task while typing 200 chars', longest, 'ms', 'no task > 50 ms', longest <= 50));
    const popup = await popupReady(h, 10);
    rows.push(row('popup searchable after open, p95 of 10', percentile(popup, 95), 'ms', '< 150 ms', percentile(popup, 95) < 150));
    rows.push(row('popup searchable after open, median', median(popup), 'ms'));
    const form = await formLatency(h, 8);
    rows.push(row('click to filled referral form, p95 of 8', percentile(form.open, 95), 'ms', '< 100 ms', percentile(form.open, 95) < 100));
    rows.push(row('click to filled referral form, median', median(form.open), 'ms'));
    console.error(`form open samples (ms): ${form.open.map((x) => x.toFixed(1)).join(', ')}`);
    rows.push(row('Send to "queued" on screen, p95 of 8', percentile(form.queued, 95), 'ms', '< 50 ms', percentile(form.queued, 95) < 50));
    rows.push(row('Send to "queued" on screen, median', median(form.queued), 'ms'));
    const insights = await insightsRender(h, 100_000);
    rows.push(row('insights, a year of 100k events, click to tables', insights, 'ms', '< 500 ms', insights < 500));
  }
}
