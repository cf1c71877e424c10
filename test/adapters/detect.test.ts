import { afterEach, describe, expect, test } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../src/adapters/builtin/index';
import { detectPatient } from '../../src/adapters/detect';
import type { SiteAdapter } from '../../src/adapters/schema';
import { ehr, loadDemo, patientById } from './demo-pages';

const NOW = new Date(2026, 10, 25);
const careviewIds = ['1', '2', '3', '4'];
const medoraIds = ['5', '6', '7', '8'];
const allIds = [...careviewIds, ...medoraIds];

/** Every single-patient demo screen, with the adapter expected to read it when adapters are on. */
const consultationScreens: [string, string, string][] = [
  ...careviewIds.map((id) => [`/careview/patient/${id}/consultation`, id, 'careview'] as [string, string, string]),
  ...medoraIds.map((id) => [`/medora/patient/${id}`, id, 'medora'] as [string, string, string]),
  ...allIds.map((id) => [`/demo/hostile-css?patient=${id}`, id, 'careview'] as [string, string, string]),
  ...allIds.map((id) => [`/demo/hostile-script?patient=${id}`, id, 'careview'] as [string, string, string]),
  ...allIds.map((id) => [`/demo/unknown-system?patient=${id}`, id, 'generic'] as [string, string, string]),
];

function expectPatient(path: string, id: string, adapters: SiteAdapter[], source: string): void {
  const page = loadDemo(path);
  const ctx = detectPatient(page.doc, page.url, adapters, NOW);
  const p = patientById(id);
  expect(ctx).not.toBeNull();
  if (!ctx) return;
  expect(ctx.source.adapter).toBe(source);
  expect(ctx.chi).toBe(p.chi);
  expect(ctx.birthDate).toBe(p.birthDate);
  expect(ctx.sex).toBe(p.sex);
  expect(ctx.postcode).toBe(p.postcode);
  expect(ctx.name?.toUpperCase()).toContain(p.family.toUpperCase());
  expect(ctx.problems).toEqual(p.problems);
  expect(ctx.medicationCount ?? 0).toBe(p.medications.length);
  expect(ctx.notes).toBe(p.notes);
  expect(ctx.pageKind).toBe('consultation');
  expect(ctx.source.confidence).toBeGreaterThan(0.5);
  expect(ctx.source.confidence).toBeLessThanOrEqual(1);
}

describe('detectPatient on the demo consultation screens', () => {
  test.each(consultationScreens)('with built-in adapters: %s is patient %s (via %s)', (path, id, source) => {
    expectPatient(path, id, BUILTIN_ADAPTERS, source);
  });
  test.each(consultationScreens)('generic detector only: %s is patient %s', (path, id) => {
    expectPatient(path, id, [], 'generic');
  });
});

describe('pages that must never show a patient', () => {
  test.each([
    ['/careview/appointments', 'appointment book with every CHI'],
    ['/careview/', 'home page'],
    ['/careview/patient/1/consultation?half=1', 'consultation without identifier'],
    ['/demo/half-consultation?patient=6', 'consultation without identifier'],
    ['/demo/bad-chi?patient=1', 'CHI with a wrong check digit'],
    ['/demo/bad-chi?patient=7', 'CHI with a wrong check digit'],
    ['/medora/', 'SPA with no patient selected'],
  ])('%s (%s)', (path) => {
    const page = loadDemo(path);
    expect(detectPatient(page.doc, page.url, BUILTIN_ADAPTERS, NOW)).toBeNull();
    expect(detectPatient(page.doc, page.url, [], NOW)).toBeNull();
  });
});

describe('hostile page script', () => {
  const saved = {
    map: Array.prototype.map,
    filter: Array.prototype.filter,
    forEach: Array.prototype.forEach,
    includes: Array.prototype.includes,
    parse: JSON.parse,
  };
  const g = globalThis as unknown as Record<string, unknown>;
  const savedBrowser = g.browser;
  const savedChrome = g.chrome;
  const restore = (): void => {
    Array.prototype.map = saved.map;
    Array.prototype.filter = saved.filter;
    Array.prototype.forEach = saved.forEach;
    Array.prototype.includes = saved.includes;
    JSON.parse = saved.parse;
    g.browser = savedBrowser;
    g.chrome = savedChrome;
  };
  afterEach(restore);

  test('Array/JSON overrides in our own realm and a fake `browser` global do not break the generic detector', () => {
    const page = loadDemo('/demo/hostile-script?patient=2');
    // The same script the demo page ships, run against this realm's globals (worse than a
    // real page can do: in a browser the content script's isolated world keeps its own intrinsics).
    new Function('window', ehr.HOSTILE_SCRIPT)(globalThis);
    const overridden = [1, 2].map((x) => x).length === 0;
    const ctx = detectPatient(page.doc, page.url, [], NOW);
    const withAdapters = detectPatient(page.doc, page.url, BUILTIN_ADAPTERS, NOW);
    restore();
    expect(overridden).toBe(true);
    expect(ctx && { chi: ctx.chi, sex: ctx.sex, birthDate: ctx.birthDate, problems: ctx.problems, meds: ctx.medicationCount, notes: ctx.notes }).toEqual({
      chi: '0307582817',
      sex: 'male',
      birthDate: '1958-07-03',
      problems: patientById('2').problems,
      meds: 2,
      notes: patientById('2').notes,
    });
    // happy-dom's own selector engine runs in this realm and is confused by the overrides;
    // a browser's native querySelectorAll is not. The identifier must still be right.
    expect(withAdapters?.chi).toBe('0307582817');
  });

  test('the page running its hostile script in its own realm does not affect detection', async () => {
    const page = loadDemo('/demo/hostile-script?patient=3', true);
    await page.window.happyDOM.waitUntilComplete();
    const pageGlobals = page.window as unknown as { browser?: unknown; Array: ArrayConstructor };
    expect(pageGlobals.browser).toBeDefined();
    expect([1].map((x) => x)).toEqual([1]);
    for (const adapters of [BUILTIN_ADAPTERS, []]) {
      const ctx = detectPatient(page.doc, page.url, adapters, NOW);
      expect(ctx?.chi).toBe(patientById('3').chi);
      expect(ctx?.problems).toEqual(patientById('3').problems);
    }
  });
});
