import { describe, expect, test } from 'vitest';
import { adapterIdFor, buildAdapter, urlPatternFor } from '../../src/adapters/build-adapter';
import { BUILTIN_ADAPTERS } from '../../src/adapters/builtin/index';
import { extractWithAdapter } from '../../src/adapters/extract';
import type { SiteAdapter } from '../../src/adapters/schema';
import type { PatientContext } from '../../src/context/patient-context';
import { pickFor, picksFrom, type StepPick } from '../../src/ui/picker/pick-rules';
import type { StepKey } from '../../src/ui/picker/steps';
import { loadDemo, patientById, type LoadedPage } from './demo-pages';

const [careview, medora] = BUILTIN_ADAPTERS as [SiteAdapter, SiteAdapter];
const NOW = new Date(2026, 10, 25);

/** Where a practice manager would click at each step, per system. */
const CLICKS: Record<string, Partial<Record<StepKey, string>>> = {
  careview: {
    name: '.cv-patient-name',
    birthDate: '.cv-dob',
    identifier: '.cv-chi',
    postcode: '.cv-postcode',
    address: '.cv-address',
    phone: '.cv-phone',
    problems: 'ul.cv-problems > li:nth-of-type(2) .cv-term',
    notes: '#cv-notes',
  },
  medora: {
    name: "dd[data-field='name']",
    birthDate: "dd[data-field='dob']",
    identifier: "dd[data-field='chi']",
    postcode: "dd[data-field='address']",
    address: "dd[data-field='address']",
    phone: "dd[data-field='phone']",
    problems: 'table.md-problems tbody tr:nth-of-type(1) td.md-term',
    notes: '.md-notes',
  },
  unknown: {
    name: 'table.ps-banner tr:nth-of-type(1) td:nth-of-type(1)',
    identifier: 'table.ps-banner tr:nth-of-type(1) td:nth-of-type(2)',
    birthDate: 'table.ps-banner tr:nth-of-type(1) td:nth-of-type(3)',
    postcode: 'table.ps-banner tr:nth-of-type(2) td:nth-of-type(3)',
    problems: '.ps-col ol > li:nth-of-type(1)',
    notes: '#ps-hx',
  },
};

function pickAll(page: LoadedPage, system: string): Partial<Record<StepKey, StepPick>> {
  const chosen: Partial<Record<StepKey, StepPick>> = {};
  for (const [step, located] of Object.entries(CLICKS[system] ?? {}) as [StepKey, string][]) {
    const el = page.doc.querySelector(located);
    expect(el, located).not.toBeNull();
    const outcome = pickFor(step, el as Element);
    if (!outcome.ok) throw new Error(`${step}: ${outcome.problem}`);
    chosen[step] = outcome.pick;
  }
  return chosen;
}

function built(page: LoadedPage, system: string): SiteAdapter {
  const result = buildAdapter(picksFrom(pickAll(page, system)), { url: page.url, title: page.doc.title });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.adapter;
}

/** The patient facts a clicked adapter must agree on (medicines are not picked; the source differs). */
function facts(ctx: PatientContext | null) {
  if (!ctx) return null;
  const { source: _source, medicationCount: _meds, ...rest } = ctx;
  return rest;
}

describe('an adapter built by clicking reads the same patient as the built-in one', () => {
  test.each([
    ['careview', careview, '/careview/patient/1/consultation', ['/careview/patient/1/consultation', '/careview/patient/2/consultation', '/careview/patient/4/consultation']],
    ['medora', medora, '/medora/patient/5', ['/medora/patient/5', '/medora/patient/6', '/medora/patient/8']],
  ])('%s', (system, builtin, pickedOn, readOn) => {
    const adapter = built(loadDemo(pickedOn), system);
    for (const path of readOn) {
      const page = loadDemo(path);
      const expected = extractWithAdapter(page.doc, page.url, builtin, NOW);
      expect(expected, path).not.toBeNull();
      expect(facts(extractWithAdapter(page.doc, page.url, adapter, NOW)), path).toEqual(facts(expected));
    }
  });

  test('a layout no built-in adapter knows (PracticeDesk) is read for every patient', () => {
    const adapter = built(loadDemo('/demo/unknown-system?patient=1'), 'unknown');
    for (const id of ['1', '3', '6']) {
      const page = loadDemo(`/demo/unknown-system?patient=${id}`);
      const p = patientById(id);
      const ctx = extractWithAdapter(page.doc, page.url, adapter, NOW);
      expect(ctx).toMatchObject({ chi: p.chi, birthDate: p.birthDate, postcode: p.postcode });
      expect(ctx?.problems.length).toBe(p.problems.length);
    }
  });

  test('the adapter holds selectors only: no patient text, and the signal is the CHI field', () => {
    const page = loadDemo('/careview/patient/1/consultation');
    const adapter = built(page, 'careview');
    const p = patientById('1');
    const text = JSON.stringify(adapter);
    for (const secret of [p.chi, p.family, p.given, p.postcode]) expect(text).not.toContain(secret);
    expect(adapter).toMatchObject({
      id: '127-0-0-1-careview',
      name: 'CareView (built by clicking on 127.0.0.1:4173)',
      urlPatterns: ['http://127.0.0.1:4173/careview/patient/*/consultation'],
      consultationSignal: { selector: 'span.cv-chi' },
      problems: { itemSelector: 'ul.cv-problems > li', termSelector: 'span.cv-term', codeAttribute: 'data-snomed' },
      notes: { selector: '#cv-notes' },
    });
  });

  test('Medora: the postcode is cut from the end of the address line and codes come from their cell', () => {
    const adapter = built(loadDemo('/medora/patient/6'), 'medora');
    expect(adapter.fields.postcode).toEqual({ selector: 'dd[data-field="address"]', regex: '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\s*$' });
    expect(adapter.problems).toMatchObject({ termSelector: 'td.md-term', codeSelector: 'td.md-code' });
  });
});

describe('buildAdapter refuses picks it cannot use, in plain words', () => {
  test.each([
    ['no identifier', { fields: { name: { selector: '.n' } } }, 'https://ehr.example.scot/p/1', 'Click the CHI or NHS number'],
    ['not a web page', { fields: { chi: { selector: '.c' } } }, 'file:///C:/record.html', 'web pages only'],
    ['not an address', { fields: { chi: { selector: '.c' } } }, 'record', 'is not a web address'],
    ['a broken selector', { fields: { chi: { selector: 'div[' } } }, 'https://ehr.example.scot/p/1', 'is not valid CSS'],
  ])('%s', (_what, picks, url, message) => {
    const result = buildAdapter(picks, { url, title: 'EHR' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(message);
  });

  test.each([
    ['EHR — SMITH, Jane', ['SMITH, Jane (Mrs)'], 'EHR (built by clicking on ehr.example.scot)'],
    ['SMITH, Jane', ['SMITH, Jane (Mrs)'], 'Clinical system at ehr.example.scot (built by clicking)'],
    ['Record 1403522103', [], 'Clinical system at ehr.example.scot (built by clicking)'],
  ])('title "%s" gives a name without patient text', (title, avoid, name) => {
    const result = buildAdapter({ fields: { chi: { selector: '.chi' } } }, { url: 'https://ehr.example.scot/p/1', title, avoid });
    expect(result.ok && result.adapter.name).toBe(name);
  });
});

describe('ids and URL patterns', () => {
  test.each([
    ['https://www.ehr.example.scot/vision/patient/7', 'ehr-example-scot-vision', 'https://www.ehr.example.scot/vision/patient/*'],
    ['https://ehr.example.scot/', 'ehr-example-scot', 'https://ehr.example.scot/'],
    ['https://ehr.example.scot/p/0b6e2f1c-1d2e-4f3a-9b8c-7d6e5f4a3b2c/consult?tab=2', 'ehr-example-scot', 'https://ehr.example.scot/p/*/consult*'],
    ['http://127.0.0.1:4173/medora/patient/5?rapid=1', '127-0-0-1-medora', 'http://127.0.0.1:4173/medora/patient/*'],
    ['https://emis.example/record/1403522103/summary#top', 'emis-example-record', 'https://emis.example/record/*/summary*'],
  ])('%s', (url, id, pattern) => {
    expect(adapterIdFor(new URL(url))).toBe(id);
    expect(urlPatternFor(new URL(url))).toBe(pattern);
  });
});
