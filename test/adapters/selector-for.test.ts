import { describe, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { isStableToken, regexFor, selectorFor } from '../../src/adapters/selector-for';
import type { FieldName } from '../../src/adapters/field-names';
import { loadDemo } from './demo-pages';

const CAREVIEW = ['.cv-patient-name', '.cv-dob', '.cv-sex', '.cv-chi', '.cv-postcode', '.cv-address', '.cv-phone', '#cv-notes', 'ul.cv-problems > li:nth-of-type(2) .cv-term'];
const MEDORA = ['name', 'dob', 'sex', 'chi', 'address', 'phone'].map((f) => `dl.md-banner dd[data-field='${f}']`).concat(['div.md-notes', 'table.md-problems tbody tr:nth-of-type(2) td.md-term']);
const UNKNOWN = ['table.ps-banner tr:nth-of-type(1) td:nth-of-type(1)', 'table.ps-banner tr:nth-of-type(1) td:nth-of-type(2)', 'table.ps-banner tr:nth-of-type(2) td:nth-of-type(3)', '#ps-hx'];

function docOf(html: string): Document {
  const window = new Window({ url: 'https://ehr.example.scot/record' });
  window.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return window.document as unknown as Document;
}

describe('selectorFor on the demo clinical records', () => {
  test.each([
    ...CAREVIEW.map((s) => ['/careview/patient/1/consultation', '/careview/patient/3/consultation', s] as const),
    ...MEDORA.map((s) => ['/medora/patient/5', '/medora/patient/7', s] as const),
    ...UNKNOWN.map((s) => ['/demo/unknown-system?patient=2', '/demo/unknown-system?patient=4', s] as const),
  ])('%s: the selector for %s matches exactly that element, here and for another patient (%s)', (path, otherPath, located) => {
    const page = loadDemo(path);
    const el = page.doc.querySelector(located);
    expect(el, located).not.toBeNull();
    const selector = selectorFor(el as Element);
    const found = page.doc.querySelectorAll(selector);
    expect(found.length, selector).toBe(1);
    expect(found[0]).toBe(el);
    expect(selector.length).toBeLessThanOrEqual(160);
    const other = loadDemo(otherPath);
    expect(other.doc.querySelector(selector), selector).toBe(other.doc.querySelector(located));
  });

  test.each([
    ['.cv-chi', 'span.cv-chi'],
    ['.cv-patient-name', 'h1.cv-patient-name'],
    ['#cv-notes', '#cv-notes'],
  ])('CareView %s reads as %s', (located, expected) => {
    const page = loadDemo('/careview/patient/2/consultation');
    expect(selectorFor(page.doc.querySelector(located) as Element)).toBe(expected);
  });

  test('Medora banner cells are named by their data-field', () => {
    const page = loadDemo('/medora/patient/6');
    expect(selectorFor(page.doc.querySelector("dd[data-field='chi']") as Element)).toBe('dd[data-field="chi"]');
  });
});

describe('selectorFor avoids names that will not last', () => {
  test.each([
    ['a generated hex id', '<div id="a8f3e9b2c1d4"><span class="chi">1</span></div><span class="x">2</span>', '.chi', 'span.chi'],
    ['a record-number id', '<p id="patient-1403522103" class="who">A</p><p class="who">B</p>', '#patient-1403522103', 'p.who:nth-of-type(1)'],
    ['a stable id', '<p id="patient-banner">A</p>', 'p', '#patient-banner'],
    ['an aria-label', '<span aria-label="CHI number">1</span><span>2</span>', 'span', 'span[aria-label="CHI number"]'],
    ['a form field name', '<input name="chi"><input name="dob">', 'input', 'input[name="chi"]'],
    ['a state class', '<ul class="list"><li class="active">A</li><li>B</li></ul>', 'li.active', 'ul.list li:nth-of-type(1)'],
    ['a CSS-in-JS class', '<div class="banner"><b class="css-1x2y3z">A</b><b>B</b></div>', 'b', 'div.banner b:nth-of-type(1)'],
  ])('%s', (_what, html, located, expected) => {
    const doc = docOf(html);
    const el = doc.querySelector(located) as Element;
    const selector = selectorFor(el);
    expect(selector).toBe(expected);
    expect(doc.querySelectorAll(selector).length).toBe(1);
    expect(doc.querySelector(selector)).toBe(el);
  });

  test.each([
    ['cv-chi', true],
    ['patient-banner', true],
    ['12345', false],
    ['row-1403522103', false],
    ['a8f3e9b2c1d4', false],
    ['0b6e2f1c-1d2e-4f3a-9b8c-7d6e5f4a3b2c', false],
    ['css-1x2y3z', false],
  ])('isStableToken(%s) is %s', (token, stable) => {
    expect(isStableToken(token)).toBe(stable);
  });
});

describe('regexFor suggests a capture when a label sits before the value', () => {
  test.each<[string, FieldName, string | undefined, string | undefined]>([
    ['CHI: 140352 2103', 'chi', 'CHI:?\\s*([\\d ]{10,12})', '140352 2103'],
    ['140352 2103', 'chi', undefined, undefined],
    ['Patient CHI: 030758-2817 (verified)', 'chi', 'Patient\\s+CHI:?\\s*([\\d -]{10,12})', '030758-2817'],
    ['NHS No 943 476 5919', 'nhsNumber', 'NHS\\s+No:?\\s*([\\d ]{10,12})', '943 476 5919'],
    ['DOB: 14/03/1952', 'birthDate', 'DOB:?\\s*(\\d{1,2}[-/. ](?:\\d{1,2}|[A-Za-z]{3,9})[-/. ]\\d{4}|\\d{4}-\\d{2}-\\d{2})', '14/03/1952'],
    ['12 Kelvin Street, Glasgow, G31 4QT', 'postcode', '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\s*$', 'G31 4QT'],
    ['Tel: 0141 555 0123', 'phone', 'Tel:?\\s*(\\+?\\d[\\d ()-]{6,}\\d)', '0141 555 0123'],
    ['Name: Jane SMITH', 'name', 'Name:?\\s*(.+)', 'Jane SMITH'],
    ['SMITH, Jane (Mrs)', 'name', undefined, undefined],
    ['no number here', 'chi', undefined, undefined],
  ])('%s as %s', (text, kind, expected, captured) => {
    const regex = regexFor(text, kind);
    expect(regex).toBe(expected);
    if (regex) expect(new RegExp(regex, 'i').exec(text)?.[1]?.trim()).toBe(captured);
  });
});
