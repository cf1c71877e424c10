/**
 * Issue #13: the record-screen corpus in real Chromium with the built
 * extension. Each screen is served on the demo origin (where the demo build's
 * content script runs) under the path its author gave it, so an identifier in
 * the address bar is there as on the real system; frames are served beside it.
 * What the content script pushes to a panel (the same port the side panel
 * uses) is scored with the same rules as the happy-dom run
 * (test/adapters/screens/score.ts).
 *
 * Development screens are asserted one by one: never unsafe, and the same
 * verdict as in happy-dom (a real browser must not read a screen differently
 * from the unit tests). The held-out half is asserted in aggregate only.
 */
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import { PATIENT_PORT } from '../../src/messaging/keys';
import { loadCorpus, type Screen } from '../adapters/screens/corpus';
import { scoreInHappyDom } from '../adapters/screens/happy-dom-screen';
import { scoreScreen, summaryTable, tally, type Score } from '../adapters/screens/score';
import { launchBrowser, startDemo, tabIdOf, type DemoServer, type Harness } from './fixtures';

/**
 * The content script reads with the browser's own clock (a page's virtual time races ahead by
 * days, so it cannot stand in), so happy-dom is run at the same moment. The corpus shows ages as
 * on 2026-06-01: on a screen whose patient has had a birthday since, the age shown contradicts
 * the date of birth and both runs decline it, as the cross-check should; ages are not scored.
 */
const TODAY = new Date();
const HALVES = {
  dev: loadCorpus(resolve('test/fixtures/screens/dev')),
  dev2: loadCorpus(resolve('test/fixtures/screens/dev2')),
  // The sixth author's screens (eighteenth session): a portal, a single-page app with declarative shadow DOM, an old
  // JSP system with a frameset and iframes, a tablet app with accordions.
  dev6: loadCorpus(resolve('test/fixtures/screens/dev6')),
  // The seventh author's (nineteenth session): a clinical portal with iframes, a React-style app with shadow DOM, ASP.NET
  // WebForms with frames, out-of-hours and pharmacy cases where the caller is not the patient. Written for 15 July 2026.
  dev7: loadCorpus(resolve('test/fixtures/screens/dev7')),
  // The eighth author's (twentieth session): web components, district nursing schedules and person cards, a results
  // viewer with iframes, a shared care record with representatives in the patient's markup. Written for 2 October 2026.
  dev8: loadCorpus(resolve('test/fixtures/screens/dev8')),
  heldout: loadCorpus(resolve('test/fixtures/screens/heldout2')),
};
type Half = keyof typeof HALVES;

/** `/corpus/<half>/<id>` + the path of the screen's own address. */
const pathOf = (half: Half, screen: Screen): string => {
  const own = new URL(screen.expect.url);
  return `/corpus/${half}/${screen.id}${own.pathname}${own.search}`;
};

function serveCorpus(_req: unknown, res: ServerResponse, url: URL): boolean {
  const m = /^\/corpus\/(dev2?|dev6|dev7|dev8|heldout)\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!m) return false;
  const screen = HALVES[m[1] as Half].find((s) => s.id === m[2]);
  if (!screen) return false;
  const last = (m[3] ?? '').split('/').pop() ?? '';
  const body = screen.frames[last] ?? screen.html;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

/** What the tab's content script says is on screen once it has settled (no change for 700 ms). */
async function screenContext(h: Harness, tabId: number): Promise<{ state: string; patient: PatientContext | null }> {
  const worker = await h.serviceWorker();
  return worker.evaluate(
    async ({ tabId, name }) => {
      const c = (globalThis as unknown as { chrome: { tabs: { connect(id: number, o: { name: string }): ChromePort } } }).chrome;
      interface ChromePort {
        onMessage: { addListener(f: (m: { type: string; state: string; patient: unknown }) => void): void };
        disconnect(): void;
      }
      return new Promise<{ state: string; patient: PatientContext | null }>((done) => {
        const port = c.tabs.connect(tabId, { name });
        let last = { state: 'none', patient: null as PatientContext | null };
        // The reading settles once no new one has come for 1.5 s, and the first is waited for up to 4 s: frames load
        // after the page, and the watcher walks a loaded frame afresh 300 ms and 1.2 s later (watch.ts FRAME_SETTLE_MS),
        // so a shorter quiet window could score a frameset before its last reading.
        let timer = setTimeout(finish, 4_000);
        function finish() {
          port.disconnect();
          done(last);
        }
        port.onMessage.addListener((m) => {
          if (m.type !== 'screen') return;
          last = { state: m.state, patient: m.patient as PatientContext | null };
          clearTimeout(timer);
          timer = setTimeout(finish, 1_500);
        });
      });
    },
    { tabId, name: PATIENT_PORT },
  );
}

const inHappyDom = (screen: Screen): Promise<Score> => scoreInHappyDom(screen, TODAY);

let h: Harness;
let demo: DemoServer;
const results: Record<Half, Score[]> = { dev: [], dev2: [], dev6: [], dev7: [], dev8: [], heldout: [] };

beforeAll(async () => {
  demo = await startDemo(serveCorpus);
  h = await launchBrowser({ demo });
}, 60_000);
afterAll(async () => {
  console.log(`Record-screen corpus, Chromium with the built extension (#13)\n${summaryTable((Object.keys(results) as Half[]).map((k) => [k, tally(results[k])]))}`);
  await h?.close();
  await demo?.close();
});

/** Ages in the corpus are as on 2026-06-01; they are scored in the happy-dom run (test/adapters/screens.test.ts) only. */
const withoutAge = (screen: Screen): Screen => ({ ...screen, expect: { ...screen.expect, age: undefined } });

async function inChromium(half: Half, screen: Screen): Promise<Score> {
  const page = await h.context.newPage();
  try {
    await page.goto(`${demo.url}${pathOf(half, screen)}`);
    const tabId = await tabIdOf(h, page);
    // The page is asked once. dev6 js-01 (a frameset) used to be read partial in about one load in four however long the
    // test waited: its main frame was read as soon as it had loaded, before layout settled, and nothing prompted another
    // read; the watcher now walks a loaded frame afresh a little later (src/adapters/watch.ts FRAME_SETTLE_MS), and
    // 25 loads in a row read it whole.
    const seen = await screenContext(h, tabId);
    return scoreScreen(withoutAge(screen).expect, seen.state === 'matched' ? seen.patient : null);
  } finally {
    await page.close();
  }
}

for (const half of ['dev', 'dev2', 'dev6', 'dev7', 'dev8'] as const) {
  describe(`record-screen corpus in Chromium, ${half}`, () => {
    test.each(HALVES[half].map((s) => [s.id, s] as const))('%s: never unsafe, read as in happy-dom', async (_id, screen) => {
      const score = await inChromium(half, screen);
      results[half].push(score);
      expect(score.verdict, score.problems.join('; ')).not.toBe('unsafe');
      const unit = await inHappyDom(withoutAge(screen));
      // happy-dom loads no <frameset> (dev6 js-01 declines there); Chromium reads its frames, so on such a screen it must
      // read the patient whole rather than match the unit run.
      if (/<frameset/i.test(screen.html) && unit.verdict === 'declined') expect(score.verdict, score.problems.join('; ')).toBe('pass');
      else expect(score.verdict, `Chromium: ${score.problems.join('; ')} | happy-dom: ${unit.problems.join('; ')}`).toBe(unit.verdict);
    });
  });
}

describe('record-screen corpus in Chromium, held-out half (aggregate only)', () => {
  test('never unsafe', async () => {
    expect(HALVES.heldout.length).toBeGreaterThanOrEqual(20);
    for (const screen of HALVES.heldout) results.heldout.push(await inChromium('heldout', screen));
    // Counts only: no held-out screen, field or value is named in any message.
    expect(tally(results.heldout).unsafe, 'held-out screens with another person shown').toBe(0);
  }, 240_000);
});
