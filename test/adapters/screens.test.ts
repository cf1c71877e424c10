// Issue #13: the generic detector on record screens nobody tuned it on.
// The development halves (dev/; dev2/ by a third author; dev3/, the first
// held-out half, retired on 2026-12-02 when one of its screens showed a
// patient-safety defect that had to be read to be fixed) are asserted screen
// by screen at what they reach; the held-out half (heldout2/, by a fourth
// author) is never read by a person working on the detector, so only its
// aggregate is asserted (and printed). Unsafe (another
// person's details shown, or a patient on a "none" screen) must be 0 on both.
// The loading (screens/corpus.ts) and scoring (screens/score.ts) are plain
// TypeScript, for the real-Chromium run with the built extension to reuse;
// screens/happy-dom-screen.ts is what happy-dom needs (frames, shadow roots).
// While tuning, leave the held-out half out: vitest run -t '^(?!.*held-out)'.
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCorpus, type Screen } from './screens/corpus';
import { scoreInHappyDom } from './screens/happy-dom-screen';
import { summaryTable, tally, type Score, type Verdict } from './screens/score';

const NOW = new Date(2026, 5, 1);
const dev = loadCorpus(resolve('test/fixtures/screens/dev'));
const dev2 = loadCorpus(resolve('test/fixtures/screens/dev2'));
const dev3 = loadCorpus(resolve('test/fixtures/screens/dev3'));
const dev4 = loadCorpus(resolve('test/fixtures/screens/dev4'));
const dev5 = loadCorpus(resolve('test/fixtures/screens/dev5'));
const dev6 = loadCorpus(resolve('test/fixtures/screens/dev6'));
const dev7 = loadCorpus(resolve('test/fixtures/screens/dev7'));
/** The seventh author wrote its screens for 15 July 2026 (ages and birthdays are computed for that day). */
const DEV7_NOW = new Date(2026, 6, 15);
const dev8 = loadCorpus(resolve('test/fixtures/screens/dev8'));
/** The eighth author wrote its screens for 2 October 2026. */
const DEV8_NOW = new Date(2026, 9, 2);
const dev9 = loadCorpus(resolve('test/fixtures/screens/dev9'));
/** The ninth author wrote its screens for 6 December 2026. */
const DEV9_NOW = new Date(2026, 11, 6);
const heldout = loadCorpus(resolve('test/fixtures/screens/heldout2'));

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

/** The same for the third author's screens (dev2/), built around other people's details; a screen not listed is still never unsafe. */
const DEV2_REACHED: Record<string, Verdict> = {
  'hl-01': 'pass',
  'hl-02': 'pass',
  'hl-04': 'pass',
  'hl-05': 'pass',
  'hl-06': 'pass',
  'mv-01': 'pass',
  'mv-04': 'pass',
  'mv-05': 'pass',
  'ow-01': 'pass',
  'ow-02': 'pass',
  'ow-03': 'pass',
  'ow-04': 'pass',
  'ow-05': 'partial',
  'ow-06': 'pass',
  'tc-01': 'pass',
  'tc-02': 'partial',
  'tc-03': 'pass',
  'tc-04': 'pass',
  'tc-05': 'pass',
  'tc-06': 'pass',
};

/** The same for dev3 (the first held-out half, retired 2026-12-02). */
const DEV3_REACHED: Record<string, Verdict> = {
  'caledon-chi-dob-mismatch': 'pass',
  'caledon-daybook': 'pass',
  'caledon-frameset-notes': 'pass',
  'caledon-letter-preview': 'pass',
  'caledon-summary-table': 'pass',
  'forthview-abbr-hyphen-carer': 'pass',
  'forthview-consultations-seenby': 'pass',
  'forthview-dl-poa': 'pass',
  'forthview-repeat-request': 'partial',
  'forthview-waiting-room': 'pass',
  'kelpie-infant-mother-link': 'partial',
  'kelpie-nhs-temporary': 'pass',
  'kelpie-shadow-banner': 'partial',
  'kelpie-shadow-notes': 'pass',
  'kelpie-strip-emergency': 'pass',
  'northlight-card-recent-after': 'pass',
  'northlight-compare-records': 'pass',
  'northlight-editor-household': 'pass',
  'northlight-recent-before-carer-chi': 'pass',
  'northlight-search-results': 'pass',
  'thistle-guardian-16': 'pass',
  'thistle-iframe-banner': 'pass',
  'thistle-region-grid-carer-first': 'pass',
  'thistle-sex-mismatch': 'pass',
  'thistle-triage-queue': 'pass',
};

/**
 * The fourth author's screens (dev4/, seventeenth session): ordinary screens in many markups, a few with another
 * person, a few with nobody open. First contact: 5 pass, 17 partial, 2 declined, 0 unsafe; after the round they
 * started, as below.
 */
const DEV4_REACHED: Record<string, Verdict> = {
  'bh-01': 'partial',
  'bh-02': 'partial',
  'bh-03': 'partial',
  'bh-04': 'partial',
  'bh-05': 'partial',
  'bh-06': 'pass',
  'cc-01': 'pass',
  'cc-02': 'pass',
  'cc-03': 'partial',
  'cc-04': 'partial',
  'cc-05': 'declined',
  'cc-06': 'pass',
  'le-01': 'pass',
  'le-02': 'partial',
  'le-03': 'pass',
  'le-04': 'partial',
  'le-05': 'partial',
  'le-06': 'partial',
  'wh-01': 'partial',
  'wh-02': 'pass',
  'wh-03': 'pass',
  'wh-04': 'pass',
  'wh-05': 'partial',
  'wh-06': 'pass',
};

/**
 * The fifth author's screens (dev5/, the same session, written after the dev4 round): an old WebForms system, a
 * single-page app, a regional portal's documents, a GP consultation screen. First contact: 3 pass, 20 partial,
 * 1 declined, 0 unsafe; after the round they started, as below.
 */
const DEV5_REACHED: Record<string, Verdict> = {
  'bf-01': 'pass',
  'bf-02': 'pass',
  'bf-03': 'partial',
  'bf-04': 'pass',
  'bf-05': 'pass',
  'bf-06': 'partial',
  'cv-01': 'partial',
  'cv-02': 'partial',
  'cv-03': 'pass',
  'cv-04': 'partial',
  'cv-05': 'partial',
  'cv-06': 'pass',
  'lp-01': 'partial',
  'lp-02': 'partial',
  'lp-03': 'partial',
  'lp-04': 'partial',
  'lp-05': 'partial',
  'lp-06': 'pass',
  'tg-01': 'partial',
  'tg-02': 'partial',
  'tg-03': 'declined',
  'tg-04': 'partial',
  'tg-05': 'partial',
  'tg-06': 'pass',
};

/**
 * The sixth author's screens (dev6/, eighteenth session): a hospital clinical portal, a single-page GP app, an old JSP
 * system with frames, a tablet home-visit app. First contact: 11 pass, 12 partial, 1 declined, 0 unsafe (5 of its 18
 * patient screens read whole); after the round they started, 16 / 7 / 1 / 0, as below.
 */
const DEV6_REACHED: Record<string, Verdict> = {
  'cp-01': 'pass',
  'cp-02': 'partial',
  'cp-03': 'pass',
  'cp-04': 'pass',
  'cp-05': 'pass',
  'cp-06': 'pass',
  'hv-01': 'pass',
  'hv-02': 'partial',
  'hv-03': 'partial',
  'hv-04': 'partial',
  'hv-05': 'pass',
  'hv-06': 'pass',
  'js-01': 'declined',
  'js-02': 'pass',
  'js-03': 'pass',
  'js-04': 'partial',
  'js-05': 'pass',
  'js-06': 'pass',
  'sp-01': 'pass',
  'sp-02': 'partial',
  'sp-03': 'partial',
  'sp-04': 'pass',
  'sp-05': 'pass',
  'sp-06': 'pass',
};

/**
 * The seventh author's screens (dev7/, nineteenth session): a health-board clinical portal, a React-style GP app, an
 * ASP.NET WebForms system, out-of-hours and pharmacy case screens where the caller is not the patient. First contact:
 * 10 pass, 13 partial, 1 declined, 0 unsafe; after the round they started, as below.
 */
const DEV7_REACHED: Record<string, Verdict> = {
  'ac-01': 'partial',
  'ac-02': 'pass',
  'ac-03': 'pass',
  'ac-04': 'partial',
  'ac-05': 'partial',
  'ac-06': 'partial',
  'bw-01': 'partial',
  'bw-02': 'pass',
  'bw-03': 'pass',
  'bw-04': 'pass',
  'bw-05': 'pass',
  'bw-06': 'pass',
  'cp-01': 'partial',
  'cp-02': 'pass',
  'cp-03': 'pass',
  'cp-04': 'partial',
  'cp-05': 'pass',
  'cp-06': 'partial',
  'tv-01': 'pass',
  'tv-02': 'partial',
  'tv-03': 'pass',
  'tv-04': 'partial',
  'tv-05': 'pass',
  'tv-06': 'pass',
};

/**
 * The eighth author's screens (dev8/, twentieth session): a GP record of web components and shadow roots, a district
 * nursing app (visit schedules, identical person cards), a health-board results and letters viewer with iframes, and a
 * shared care record (pharmacy, dental, optometry, social care) with representatives in the patient's markup. First
 * contact: 10 pass, 10 partial, 3 declined, 1 unsafe (lr-04: the previous patient's name, kept in a display:none
 * block above the banner, read as the patient's); after the round, and a hostile review that withdrew most of it (21
 * of its 57 screens unsafe as first written), as below: 10 pass, 11 partial, 3 declined, 0 unsafe. The three declined
 * screens (identical person cards, a visit schedule) are the safe reading.
 */
const DEV8_REACHED: Record<string, Verdict> = {
  'cc-01': 'declined',
  'cc-02': 'pass',
  'cc-03': 'declined',
  'cc-04': 'partial',
  'cc-05': 'pass',
  'cc-06': 'pass',
  'ks-01': 'partial',
  'ks-02': 'partial',
  'ks-03': 'declined',
  'ks-04': 'partial',
  'ks-05': 'pass',
  'ks-06': 'pass',
  'lr-01': 'partial',
  'lr-02': 'partial',
  'lr-03': 'partial',
  'lr-04': 'partial',
  'lr-05': 'pass',
  'lr-06': 'pass',
  'tc-01': 'pass',
  'tc-02': 'pass',
  'tc-03': 'partial',
  'tc-04': 'partial',
  'tc-05': 'pass',
  'tc-06': 'pass',
};

/**
 * The ninth author's screens (dev9/, thirty-second session): a hospital clinical portal (KIS with carers and attorneys,
 * a child with parents in the banner's markup), an out-of-hours case manager (callers beside the patient, a queue of
 * cases), a GP record of web components with nested shadow roots and slots, and a care-home and community record in
 * old table layouts with iframes. First contact: 10 pass, 6 partial, 7 declined, 1 unsafe (hc-06: a half-refreshed
 * page whose breadcrumb and details panel show the same resident under two CHIs and dates of birth; the panel was
 * read). After the round (the banner's name beside another number on the page declines it): 11 pass, 6 partial,
 * 7 declined, 0 unsafe. The declined screens (a caller or a child's parents in the patient's markup, a care-home
 * list) are the safe reading.
 */
const DEV9_REACHED: Record<string, Verdict> = {
  'cc-01': 'pass',
  'cc-02': 'partial',
  'cc-03': 'partial',
  'cc-04': 'partial',
  'cc-05': 'pass',
  'cc-06': 'pass',
  'hc-01': 'declined',
  'hc-02': 'declined',
  'hc-03': 'partial',
  'hc-04': 'declined',
  'hc-05': 'pass',
  'hc-06': 'pass',
  'oc-01': 'declined',
  'oc-02': 'partial',
  'oc-03': 'declined',
  'oc-04': 'declined',
  'oc-05': 'pass',
  'oc-06': 'pass',
  'tg-01': 'pass',
  'tg-02': 'declined',
  'tg-03': 'pass',
  'tg-04': 'partial',
  'tg-05': 'pass',
  'tg-06': 'pass',
};

/**
 * Held-out floors (heldout2/) at what the detector reached on its first measurement
 * (2026-12-02: 7 pass, 15 partial, 2 declined, 0 unsafe of 24); never loosen.
 */
// Raised to 9 pass on 2026-12-04, measured after the dev4 round (never read).
const HELDOUT_FLOOR = { pass: 9, passOrPartial: 22 };

const run = (screen: Screen, now = NOW): Promise<Score> => scoreInHappyDom(screen, now);

const results: { dev: Score[]; dev2: Score[]; dev3: Score[]; dev4: Score[]; dev5: Score[]; dev6: Score[]; dev7: Score[]; dev8: Score[]; dev9: Score[]; heldout: Score[] } = { dev: [], dev2: [], dev3: [], dev4: [], dev5: [], dev6: [], dev7: [], dev8: [], dev9: [], heldout: [] };

afterAll(() => {
  const table = summaryTable([
    ['dev', tally(results.dev)],
    ['dev2', tally(results.dev2)],
    ['dev3', tally(results.dev3)],
    ['dev4', tally(results.dev4)],
    ['dev5', tally(results.dev5)],
    ['dev6', tally(results.dev6)],
    ['dev7', tally(results.dev7)],
    ['dev8', tally(results.dev8)],
    ['dev9', tally(results.dev9)],
    ['held-out', tally(results.heldout)],
  ]);
  console.log(`Record-screen corpus, happy-dom (#13)\n${table}`);
});

function developmentHalf(name: string, screens: Screen[], reachedBy: Record<string, Verdict>, scores: Score[], now = NOW): void {
  describe(`record-screen corpus, ${name}`, () => {
    test('has screens', () => expect(screens.length).toBeGreaterThanOrEqual(20));
    test.each(screens.map((s) => [s.id, s] as const))('%s', async (_id, screen) => {
      const score = await run(screen, now);
      scores.push(score);
      // SCREENS_VERBOSE=1 prints what each development screen got wrong (never the held-out half).
      if (process.env.SCREENS_VERBOSE) console.log(`${screen.id}: ${score.verdict} ${score.problems.join('; ')}`);
      expect(score.verdict, score.problems.join('; ')).not.toBe('unsafe');
      const reached = reachedBy[screen.id];
      if (reached === 'pass') expect(score.verdict, score.problems.join('; ')).toBe('pass');
      if (reached === 'partial') expect(['pass', 'partial']).toContain(score.verdict);
    });
  });
}

developmentHalf('development half', dev, DEV_REACHED, results.dev);
developmentHalf('development half 2 (dev2)', dev2, DEV2_REACHED, results.dev2);
developmentHalf('development half 3 (dev3, the retired held-out half)', dev3, DEV3_REACHED, results.dev3);
developmentHalf('development half 4 (dev4)', dev4, DEV4_REACHED, results.dev4);
developmentHalf('development half 5 (dev5)', dev5, DEV5_REACHED, results.dev5);
developmentHalf('development half 6 (dev6)', dev6, DEV6_REACHED, results.dev6);
developmentHalf('development half 7 (dev7)', dev7, DEV7_REACHED, results.dev7, DEV7_NOW);
developmentHalf('development half 8 (dev8)', dev8, DEV8_REACHED, results.dev8, DEV8_NOW);
developmentHalf('development half 9 (dev9)', dev9, DEV9_REACHED, results.dev9, DEV9_NOW);

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
