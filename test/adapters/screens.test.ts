// Issue #13: the generic detector on record screens nobody tuned it on.
// The development half (dev/) is asserted screen by screen at what it reaches;
// the held-out half (heldout/) is never read by a person working on the
// detector, so only its aggregate is asserted (and printed). Unsafe (another
// person's details shown, or a patient on a "none" screen) must be 0 on both.
// The loading (screens/corpus.ts) and scoring (screens/score.ts) are plain
// TypeScript, for the real-Chromium run with the built extension to reuse;
// screens/happy-dom-screen.ts is what happy-dom needs (frames, shadow roots).
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { detectPatient } from '../../src/adapters/detect';
import { loadCorpus, type Screen } from './screens/corpus';
import { openScreen } from './screens/happy-dom-screen';
import { scoreScreen, summaryTable, tally, type Score, type Verdict } from './screens/score';

const NOW = new Date(2026, 5, 1);
const dev = loadCorpus(resolve('test/fixtures/screens/dev'));
const heldout = loadCorpus(resolve('test/fixtures/screens/heldout'));

/** What each development screen reaches today (a "none" screen passes by declining); raise a row when it improves, never lower one. */
const DEV_REACHED: Record<string, Verdict> = {
  'ar-01-frameset-notes': 'pass',
  'ar-02-banner-frame': 'pass',
  'ar-03-referral-letter': 'pass',
  'ar-04-recent-lpa': 'pass',
  'ar-05-repeat-queue': 'pass',
  'ch-01-timeline-carer-first': 'pass',
  'ch-02-carer-with-chi': 'pass',
  'ch-03-search-results': 'pass',
  'ch-04-sex-mismatch': 'pass',
  'ch-05-medications-poa': 'pass',
  'ch-06-embedded-notes': 'pass',
  'hb-01-consultation': 'pass',
  'hb-02-summary-recent-first': 'pass',
  'hb-03-daybook': 'pass',
  'hb-04-chi-dob-mismatch': 'pass',
  'hb-05-letter': 'pass',
  'ke-01-summary-dl': 'pass',
  'ke-02-consultation-nok': 'pass',
  'ke-03-household': 'pass',
  'ke-04-child-guardians': 'pass',
  'ke-05-address-withheld': 'pass',
  'lo-01-consult-editor': 'pass',
  'lo-02-shadow-banner': 'pass',
  'lo-03-waiting-room': 'pass',
  'lo-04-region-emergency-contacts': 'pass',
  'lo-05-merge-duplicates': 'pass',
};

/** Held-out floors at what the detector reached when they were set; never loosen. */
const HELDOUT_FLOOR = { pass: 14, passOrPartial: 24 };

async function run(screen: Screen): Promise<Score> {
  const page = await openScreen(screen);
  try {
    return scoreScreen(screen.expect, detectPatient(page.doc, page.url, undefined, NOW));
  } finally {
    await page.window.happyDOM.close();
  }
}

const results: { dev: Score[]; heldout: Score[] } = { dev: [], heldout: [] };

afterAll(() => {
  const table = summaryTable([
    ['dev', tally(results.dev)],
    ['held-out', tally(results.heldout)],
  ]);
  console.log(`Record-screen corpus, happy-dom (#13)\n${table}`);
});

describe('record-screen corpus, development half', () => {
  test('has screens', () => expect(dev.length).toBeGreaterThanOrEqual(20));
  test.each(dev.map((s) => [s.id, s] as const))('%s', async (_id, screen) => {
    const score = await run(screen);
    results.dev.push(score);
    // SCREENS_VERBOSE=1 prints what each development screen got wrong (never the held-out half).
    if (process.env.SCREENS_VERBOSE) console.log(`${screen.id}: ${score.verdict} ${score.problems.join('; ')}`);
    expect(score.verdict, score.problems.join('; ')).not.toBe('unsafe');
    const reached = DEV_REACHED[screen.id];
    if (reached === 'pass') expect(score.verdict, score.problems.join('; ')).toBe('pass');
    if (reached === 'partial') expect(['pass', 'partial']).toContain(score.verdict);
  });
});

describe('record-screen corpus, held-out half (aggregate only)', () => {
  test('never unsafe, and at least the recorded floors', async () => {
    expect(heldout.length).toBeGreaterThanOrEqual(20);
    for (const screen of heldout) {
      const score = await run(screen);
      results.heldout.push(score);
      // Only for a reviewer allowed to read the held-out half (never while tuning the detector).
      if (process.env.SCREENS_HELDOUT_DETAIL) console.log(`held-out ${screen.id}: ${score.verdict} ${score.problems.join('; ')}`);
    }
    const t = tally(results.heldout);
    // Counts only: no held-out screen, field or value is named in any message.
    expect(t.unsafe, 'held-out screens with another person shown').toBe(0);
    expect(t.pass).toBeGreaterThanOrEqual(HELDOUT_FLOOR.pass);
    expect(t.pass + t.partial).toBeGreaterThanOrEqual(HELDOUT_FLOOR.passOrPartial);
  }, 60_000);
});
