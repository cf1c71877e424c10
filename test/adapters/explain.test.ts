import { describe, expect, test } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../src/adapters/builtin/index';
import { explainAdapter, extractWithAdapter } from '../../src/adapters/extract';
import type { SiteAdapter } from '../../src/adapters/schema';
import { loadDemo } from './demo-pages';

const [careview, medora] = BUILTIN_ADAPTERS as [SiteAdapter, SiteAdapter];
const NOW = new Date(2026, 10, 25);

describe('explainAdapter ("test on this tab")', () => {
  test('a good CareView page: every row ok, values shown', () => {
    const page = loadDemo('/careview/patient/1/consultation');
    const rows = explainAdapter(page.doc, page.url, careview);
    for (const row of rows) expect(row, row.field).toMatchObject({ ok: true });
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(byField.chi).toMatchObject({ selector: '.cv-chi', raw: '140352 2103', value: '1403522103' });
    expect(byField.birthDate).toMatchObject({ raw: '14-Mar-1952', value: '1952-03-14' });
    expect(byField.problems?.value).toBe('6 found');
    expect(byField.patient?.value).toBe('CHI ending 2103');
  });

  test.each([
    ['/demo/bad-chi?patient=1', careview, 'chi', 'is not a valid CHI number'],
    ['/demo/half-consultation?patient=1', careview, 'chi', 'nothing on the page matches any of ".cv-chi", "[data-chi]"'],
    ['/demo/half-consultation?patient=1', careview, 'patient', 'no valid CHI or NHS number'],
    ['/careview/appointments', careview, 'consultation screen', 'is not treated as a consultation'],
    ['/careview/patient/1/consultation', medora, 'address of this page', 'does not match any of the adapter URL patterns'],
    ['/medora/', medora, 'consultation screen', 'is not treated as a consultation'],
  ])('%s with %s: %s explains "%s"', (path, adapter, field, problem) => {
    const page = loadDemo(path);
    const row = explainAdapter(page.doc, page.url, adapter).find((r) => r.field === field);
    expect(row?.ok).toBe(false);
    expect(row?.problem).toContain(problem);
    expect(extractWithAdapter(page.doc, page.url, adapter, NOW)).toBeNull();
  });

  test('alternatives and regex capture: the second selector is used when the first is missing', () => {
    const page = loadDemo('/careview/patient/2/consultation');
    page.doc.querySelector('.cv-chi')?.remove();
    page.doc.body.insertAdjacentHTML('beforeend', '<div data-chi="x">Patient CHI: 030758-2817 (verified)</div>');
    const rows = explainAdapter(page.doc, page.url, careview);
    expect(rows.find((r) => r.field === 'chi')).toMatchObject({ ok: true, selector: '[data-chi]', raw: '030758-2817', value: '0307582817' });
    expect(extractWithAdapter(page.doc, page.url, careview, NOW)?.chi).toBe('0307582817');
  });

  test('sex and birth date come from the CHI when the page does not show them', () => {
    const page = loadDemo('/careview/patient/4/consultation');
    page.doc.querySelector('.cv-dob')?.remove();
    page.doc.querySelector('.cv-sex')?.remove();
    const ctx = extractWithAdapter(page.doc, page.url, careview, NOW);
    expect(ctx).toMatchObject({ chi: '0911034218', birthDate: '2003-11-09', age: 23, sex: 'male' });
    expect(ctx?.source.confidence).toBeLessThan(1);
  });
});

describe('list rules with a listSelector', () => {
  test('items are read inside the list only: a second list elsewhere on the page adds nothing', () => {
    const page = loadDemo('/careview/patient/1/consultation');
    // An unrelated list built like the problem list, e.g. a family history panel.
    page.doc.body.insertAdjacentHTML('beforeend', '<ul class="cv-problems"><li><span class="cv-term">Father: stroke</span></li></ul>');
    page.doc.body.insertAdjacentHTML('beforeend', '<ol class="cv-meds"><li>Old stopped medicine</li></ol>');
    const ctx = extractWithAdapter(page.doc, page.url, careview, NOW);
    expect(ctx?.problems).toHaveLength(6);
    expect(ctx?.problems.map((p) => p.term)).not.toContain('Father: stroke');
    const unscoped: SiteAdapter = { ...careview, problems: { itemSelector: 'ul.cv-problems > li', termSelector: '.cv-term' } };
    expect(extractWithAdapter(page.doc, page.url, unscoped, NOW)?.problems).toHaveLength(7);
    expect(ctx?.medicationCount).toBe(extractWithAdapter(loadDemo('/careview/patient/1/consultation').doc, page.url, careview, NOW)?.medicationCount);
  });

  test.each([
    ['problems', { ...careview, problems: { listSelector: 'ul.nowhere', itemSelector: 'li' } }],
    ['medications', { ...careview, medications: { listSelector: 'ol.nowhere', itemSelector: 'li' } }],
  ] as [string, SiteAdapter][])('a missing list is explained for %s', (field, adapter) => {
    const page = loadDemo('/careview/patient/1/consultation');
    const row = explainAdapter(page.doc, page.url, adapter).find((r) => r.field === field);
    expect(row).toMatchObject({ ok: false, problem: expect.stringContaining('matches the list') });
  });

  test('the explanation names both selectors', () => {
    const page = loadDemo('/medora/patient/5');
    const row = explainAdapter(page.doc, page.url, medora).find((r) => r.field === 'problems');
    expect(row?.selector).toBe('table.md-problems → tbody tr');
  });
});
