/**
 * Page-load latencies in a browser nobody is driving (issue #17).
 *
 * Playwright attaches to every new document before it runs (its init scripts,
 * its utility world, and for a frame in another process, a debugger pause
 * until it has set the frame up). On a page load that set-up is part of the
 * measured time: on this machine it added about 50 ms to the in-page panel and
 * 60 ms to the side panel page, the same build measured both ways. These rows
 * use Chromium's DevTools protocol directly instead: targets are created with
 * nothing attached, and only 1.5 s later, after the page has loaded, does the
 * bench attach and read the page's own performance marks (`links:panel-ready`,
 * `links:panel-matched`) and navigation timing. What is measured is what a
 * clinician's browser does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM, CHROMIUM_FLAGS, EXTENSION_PATH } from '../test/e2e/fixtures';

interface Reply {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Chromium with the demo build, driven over a bare DevTools connection. */
export interface BareBrowser {
  extensionId: string;
  /** A new tab on `url`, with nothing attached to it. */
  open(url: string): Promise<string>;
  /** Navigates a tab (a DevTools session that is attached to it only for this command). */
  navigate(targetId: string, url: string): Promise<void>;
  /** Evaluates an expression in a target, attaching only for the call; the value comes back as JSON. */
  evaluate<T>(targetId: string, expression: string): Promise<T>;
  /** The targets of a type (page, iframe, service_worker) whose address contains `part`. */
  targets(type: string, part: string): Promise<string[]>;
  closeTab(targetId: string): Promise<void>;
  /** Stops the extension's service worker the way Chrome does when it is idle (through a page's session, never the worker's). */
  stopWorkers(pageTargetId: string): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchBare(): Promise<BareBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'links-bare-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, `--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`, ...CHROMIUM_FLAGS, 'about:blank'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
    // Chromium's helper processes may still be writing for a moment after the browser process has gone (2 s of
    // retries was not always enough on this 2-core machine, and the throw lost a whole browser bench's figures):
    // a profile left in the temp folder is reported, not fatal.
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 40, retryDelay: 250 });
    } catch (error) {
      process.stderr.write(`bench: could not remove ${userDataDir}: ${String(error)}\n`);
    }
  };
  try {
    return await connect(child, userDataDir, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function connect(child: ChildProcess, userDataDir: string, stop: () => Promise<void>): Promise<BareBrowser> {
  // With port 0 Chromium picks a free port and writes it to DevToolsActivePort.
  const portFile = join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !(existsSync(portFile) && readFileSync(portFile, 'utf8').includes('\n/devtools/')); i++) await sleep(100);
  if (child.exitCode !== null) throw new Error(`Chromium exited at start (${child.exitCode})`);
  const [port, path] = readFileSync(portFile, 'utf8').split('\n');
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (r: Reply) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Reply;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  // A browser that went away fails every call still waiting, rather than hanging the bench.
  ws.on('close', () => {
    for (const [id, answer] of waiting) answer({ id, error: { message: 'the browser connection closed' } });
    waiting.clear();
  });
  const send = async (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    const id = nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result ?? {};
  };
  const withSession = async <T>(targetId: string, fn: (sessionId: string) => Promise<T>): Promise<T> => {
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    try {
      return await fn(sessionId);
    } finally {
      await send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  };
  const targets = async (type: string, part: string): Promise<string[]> => {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === type && t.url.includes(part)).map((t) => t.targetId);
  };
  let worker: string | undefined;
  for (let i = 0; i < 100 && !worker; i++) {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))?.url;
    if (!worker) await sleep(100);
  }
  if (!worker) throw new Error('the extension service worker did not start');
  return {
    extensionId: new URL(worker).host,
    async open(url) {
      return ((await send('Target.createTarget', { url })) as { targetId: string }).targetId;
    },
    navigate: (targetId, url) => withSession(targetId, async (s) => void (await send('Page.navigate', { url }, s))),
    evaluate: (targetId, expression) =>
      withSession(targetId, async (s) => {
        const r = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, s)) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
        if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
        return JSON.parse(String(r.result.value)) as never;
      }),
    targets,
    async closeTab(targetId) {
      await send('Target.closeTarget', { targetId });
    },
    stopWorkers: (pageTargetId) =>
      withSession(pageTargetId, async (s) => {
        await send('ServiceWorker.enable', {}, s);
        await send('ServiceWorker.stopAllWorkers', {}, s);
      }),
    async close() {
      ws.close();
      await stop();
    },
  };
}

/** Stops the extension's service worker through a page's session, and resolves once its target is gone (2 s at most). */
async function stopWorkerAndWait(b: BareBrowser, pageTargetId: string): Promise<void> {
  await b.stopWorkers(pageTargetId);
  for (let wait = 0; (await b.targets('service_worker', b.extensionId)).length > 0; wait++) {
    if (wait >= 40) throw new Error('the extension service worker did not stop');
    await sleep(50);
  }
}

/** A run that timed out or read the wrong page is a failed bench, never a fast sample. */
function assertSamples(what: string, samples: number[]): void {
  const bad = samples.filter((v) => !Number.isFinite(v) || v < 0);
  if (bad.length > 0) throw new Error(`${what}: ${bad.length} of ${samples.length} runs gave no valid figure (${bad.join(', ')})`);
}

/** Sends one protocol message from an extension page (the options page's own way). */
const messageFrom = (type: string, payload: unknown): string =>
  `chrome.runtime.sendMessage({ channel: 'links-sidebar', type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} }).then((r) => JSON.stringify(r))`;

async function configure(b: BareBrowser, page: string, patch: Record<string, unknown>): Promise<void> {
  const current = await b.evaluate<{ ok: boolean; value: { settings: Record<string, unknown> } }>(page, messageFrom('settings.get', {}));
  const saved = await b.evaluate<{ ok: boolean }>(page, messageFrom('settings.save', { settings: { ...current.value.settings, ...patch } }));
  if (!saved.ok) throw new Error('settings.save failed');
}

/** The extension's id for the record tab (asked of each tab's content script, as the e2e fixture does). */
async function tabIdOf(b: BareBrowser, page: string, url: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = await b.evaluate<number>(
      page,
      `(async () => { for (const t of await chrome.tabs.query({})) { try { const r = await chrome.tabs.sendMessage(t.id, { channel: 'links-sidebar/tab', type: 'tab.where', payload: {} }); if (r && r.ok && r.value.url === ${JSON.stringify(url)}) return JSON.stringify(t.id); } catch {} } return '-1'; })()`,
    );
    if (id >= 0) return id;
    await sleep(100);
  }
  throw new Error(`no record tab at ${url}`);
}

/** The smallest file the build lets a page frame (a chunk: web-accessible), for the frame floor. */
function floorFile(): string {
  const files = readdirSync(join(EXTENSION_PATH, 'chunks')).filter((f) => f.endsWith('.js'));
  const smallest = files.sort((a, b) => statSync(join(EXTENSION_PATH, 'chunks', a)).size - statSync(join(EXTENSION_PATH, 'chunks', b)).size)[0];
  if (!smallest) throw new Error(`no chunk in ${EXTENSION_PATH}/chunks`);
  return `chunks/${smallest}`;
}

/**
 * The demo server's extra page for the frame floor (`startDemo(frameFloorRoute)`): a plain page that adds an iframe
 * on `src` at its DOMContentLoaded.
 */
export const frameFloorRoute = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
  if (req.method !== 'GET' || url.pathname !== '/bench/frame-floor') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame floor</title></head><body><p>An extension frame with nothing in it.</p>` +
      `<script>document.addEventListener('DOMContentLoaded', () => { const f = document.createElement('iframe'); f.src = ${JSON.stringify(url.searchParams.get('src') ?? 'about:blank')}; document.body.append(f); });</script></body></html>`,
  );
  return true;
};

/** Where a document's mark sits on the wall clock (ms), or NaN when it has none. */
const markAt = (name: string): string =>
  `JSON.stringify((() => { const m = performance.getEntriesByName(${JSON.stringify(name)})[0]; return m ? performance.timeOrigin + m.startTime : NaN; })())`;

/**
 * Side panel page opened for a record tab (as the Playwright row: in a tab, `?tab=`), to searchable
 * (`links:panel-ready`, ms from the page's navigation start); and in-page mode, from the record page's
 * DOMContentLoaded to the in-page panel showing that patient (`links:panel-matched`, set when the patient's
 * banner is committed to the DOM). `runs` samples each, after two warm-up loads.
 */
export async function bareLatencies(demoUrl: string, runs: number): Promise<{ panelReady: number[]; inpage: number[]; inpageCold: number[]; frameFloor: number[] }> {
  const b = await launchBare();
  try {
    const control = await b.open(`chrome-extension://${b.extensionId}/popup.html`);
    await sleep(1000);
    await configure(b, control, { people: { clp: { name: 'CLP' }, referrers: [{ name: 'Bench GP', role: 'gp' }], currentReferrer: 'Bench GP' } });
    // A first start seeds the demo directory and stores its index in the background: a search waits for that, and
    // the pause after it lets the snapshot be written, so the rows time a browser in use, not one still installing.
    await b.evaluate(control, messageFrom('directory.search', { needs: ['food'], limit: 1, origin: 'sidebar' }));
    await sleep(3000);
    const recordUrl = `${demoUrl}/careview/patient/1/consultation`;
    const record = await b.open(recordUrl);
    await sleep(1000);
    const tabId = await tabIdOf(b, control, recordUrl);

    // Nothing is attached while a page loads: the bench waits, then reads the marks the page left (retrying only if
    // the mark is not there yet).
    const readLater = async <T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
      await sleep(1500);
      let value = await read();
      for (let retry = 0; retry < 20 && !done(value); retry++) {
        await sleep(250);
        value = await read();
      }
      return value;
    };
    const panelReady: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const panel = await b.open(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
      const ready = await readLater(
        () => b.evaluate<number>(panel, `JSON.stringify(performance.getEntriesByName('links:panel-ready')[0]?.startTime ?? NaN)`).catch(() => Number.NaN),
        Number.isFinite,
      );
      // Where the time went (ms from navigation start): the page's script running, the settings reply, the first render.
      const phases = await b
        .evaluate<string>(panel, `JSON.stringify(['links:panel-script', 'links:panel-config', 'links:panel-tab', 'links:panel-screen', 'links:panel-ready'].map((n) => (performance.getEntriesByName(n)[0]?.startTime ?? NaN).toFixed(0)).join(' / '))`)
        .catch(() => 'unavailable');
      process.stderr.write(`  side panel: script / settings / tab / screen / searchable ${phases} ms\n`);
      await b.closeTab(panel);
      if (i >= 2) panelReady.push(ready);
      await sleep(200);
    }
    await b.closeTab(record);

    await configure(b, control, { sidebar: { mode: 'inpage', idleMinutes: 5 } });
    const tab = await b.open('about:blank');
    /** Wall-clock DOMContentLoaded of `url` in the tab, once it has loaded. */
    const loadedAt = (url: string) =>
      readLater(
        () =>
          b
            .evaluate<number>(tab, `JSON.stringify((() => { const n = performance.getEntriesByType('navigation')[0]; return location.href === ${JSON.stringify(url)} && n && n.domContentLoadedEventEnd > 0 ? performance.timeOrigin + n.domContentLoadedEventEnd : NaN; })())`)
            .catch(() => Number.NaN),
        Number.isFinite,
      );
    /** `runs` record loads (after two warm-up loads); `before` runs ahead of each. */
    const inpageLoads = async (before: () => Promise<void>): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const url = `${demoUrl}/careview/patient/${(i % 4) + 1}/consultation?run=${i}`;
        await before();
        await b.navigate(tab, url);
        const loaded = await loadedAt(url);
        // A frame of the page before may linger a moment as a target: only a mark after this page's load counts.
        const shown = await readLater(async () => {
          let at = Number.NaN;
          for (const frame of await b.targets('iframe', '/sidepanel.html')) {
            const mark = await b.evaluate<number>(frame, markAt('links:panel-matched')).catch(() => Number.NaN);
            if (mark >= loaded) at = mark;
          }
          return at;
        }, Number.isFinite);
        if (i >= 2) samples.push(shown - loaded);
      }
      return samples;
    };
    const inpage = await inpageLoads(async () => undefined);
    // The same with the service worker stopped before each load: its state once the browser has been idle 30 s
    // (a GP between two patients). Nothing on the way to the patient's banner needs the worker (#17).
    const inpageCold = await inpageLoads(async () => {
      await stopWorkerAndWait(b, control);
      await sleep(300);
    });
    await configure(b, control, { sidebar: { mode: 'panel', idleMinutes: 5 } });
    // The floor under the in-page rows: how long this browser takes to bring up an extension frame with nothing of
    // ours in it (a small packaged file, shown as text), added to a page at its DOMContentLoaded, to that frame's
    // document being interactive. No sidebar code runs in it, and no in-page panel of ours is on the page (panel mode).
    const frameFloor: number[] = [];
    const floorSrc = encodeURIComponent(`chrome-extension://${b.extensionId}/${floorFile()}`);
    for (let i = 0; i < runs + 2; i++) {
      const url = `${demoUrl}/bench/frame-floor?run=${i}&src=${floorSrc}`;
      await b.navigate(tab, url);
      const loaded = await loadedAt(url);
      const interactive = await readLater(async () => {
        let at = Number.NaN;
        for (const frame of await b.targets('iframe', b.extensionId)) {
          const t = await b
            .evaluate<number>(frame, `JSON.stringify((() => { const n = performance.getEntriesByType('navigation')[0]; return n && n.domInteractive > 0 ? performance.timeOrigin + n.domInteractive : NaN; })())`)
            .catch(() => Number.NaN);
          if (t >= loaded) at = t;
        }
        return at;
      }, Number.isFinite);
      if (i >= 2) frameFloor.push(interactive - loaded);
    }
    assertSamples('side panel ready', panelReady);
    assertSamples('in-page panel after load', inpage);
    assertSamples('in-page panel after load, worker stopped', inpageCold);
    assertSamples('empty extension frame after load', frameFloor);
    return { panelReady, inpage, inpageCold, frameFloor };
  } finally {
    await b.close();
  }
}

/**
 * Issue #11 in a browser nobody drives: `csv` imported (the options page's way: 512 Ki pieces, then the import),
 * the index snapshot left to be stored, then for each run the worker stopped and one request timed from an
 * extension page: the sidebar's cards (need + distance), a typed text search, and a settings reply (the worker's
 * start alone). Playwright attaches to each new worker before it runs; here nothing does.
 */
export async function bareWake(csv: string, runs: number): Promise<{ count: number; cards: number[]; text: number[]; baseline: number[] }> {
  const b = await launchBare();
  try {
    const page = await b.open(`chrome-extension://${b.extensionId}/popup.html`);
    await sleep(1000);
    const uploadId = `bench-${Date.now()}`;
    const size = 512 * 1024;
    for (let index = 0, start = 0; start < csv.length; index++, start += size) {
      const sent = await b.evaluate<{ ok: boolean }>(page, messageFrom('upload.chunk', { uploadId, index, text: csv.slice(start, start + size) }));
      if (!sent.ok) throw new Error('upload.chunk failed');
    }
    const imported = await b.evaluate<{ ok: boolean; value?: { count: number } }>(page, messageFrom('directory.import', { uploadId, format: 'csv', label: 'Bench (bare)' }));
    if (!imported.ok) throw new Error('directory.import failed');
    // The snapshot is stored in the background after the import (about 2.5 s at 100k in the Playwright rows).
    await sleep(8000);
    const timed = async (type: string, payload: unknown): Promise<number> => {
      // Timed only once the worker is really gone (an alarm could start it again at once).
      await stopWorkerAndWait(b, page);
      await sleep(400);
      if ((await b.targets('service_worker', b.extensionId)).length > 0) throw new Error('the extension service worker started again before the request');
      return b.evaluate<number>(
        page,
        `(async () => { const t0 = performance.now(); const r = await chrome.runtime.sendMessage({ channel: 'links-sidebar', type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} }); const ok = r && r.ok && (${JSON.stringify(type)} !== 'directory.search' || r.value.hits.length > 0); return JSON.stringify(ok ? performance.now() - t0 : NaN); })()`,
      );
    };
    const cards: number[] = [];
    const text: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      cards.push(await timed('directory.search', { needs: ['food'], postcode: 'G31 4QT', limit: 5, origin: 'sidebar' }));
      text.push(await timed('directory.search', { text: 'everyday things', postcode: 'G31 4QT', limit: 8, origin: 'popup' }));
      baseline.push(await timed('settings.get', {}));
    }
    assertSamples('cards after a wake', cards);
    assertSamples('text search after a wake', text);
    assertSamples('settings after a wake', baseline);
    return { count: imported.value?.count ?? 0, cards, text, baseline };
  } finally {
    await b.close();
  }
}
