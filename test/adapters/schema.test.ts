import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../src/adapters/builtin/index';
import { domSelectorValidator, looksLikeSelector, parseAdapter } from '../../src/adapters/schema';
import { matchesUrl } from '../../src/adapters/detect';

const base = {
  id: 'test-system',
  name: 'Test system',
  urlPatterns: ['https://ehr.example.scot/*'],
  consultationSignal: { selector: '#consultation' },
  fields: { chi: { selector: ['.chi', '[data-chi]'], regex: '(\\d{10})' }, birthDate: { selector: '.dob' } },
  problems: { itemSelector: 'ul.problems > li', codeAttribute: 'data-code' },
  notes: { selector: 'textarea#notes' },
};

const realDom = domSelectorValidator(new Window().document as unknown as Document);

describe('parseAdapter', () => {
  test.each(BUILTIN_ADAPTERS.map((a) => [a.id, a] as const))('built-in adapter %s is valid (regex check and real DOM check)', (_id, adapter) => {
    expect(parseAdapter(adapter)).toEqual({ ok: true, adapter });
    expect(parseAdapter(adapter, realDom).ok).toBe(true);
  });

  test.each([
    ['a complete adapter', base, []],
    ['missing id', { ...base, id: undefined }, ['id: is missing']],
    ['upper-case id', { ...base, id: 'Test' }, ['id: must be lower-case letters, digits and dashes']],
    ['no URL patterns', { ...base, urlPatterns: [] }, ['urlPatterns: needs at least one URL pattern']],
    ['URL pattern without scheme', { ...base, urlPatterns: ['ehr.example.scot/*'] }, ['urlPatterns: "ehr.example.scot/*" should start with a scheme (https://) or *']],
    ['empty selector', { ...base, consultationSignal: { selector: '  ' } }, ['consultationSignal.selector: must not be empty']],
    ['unbalanced bracket', { ...base, fields: { chi: { selector: 'div[data-chi' } } }, ['fields.chi: the selector "div[data-chi" is not valid CSS']],
    ['dangling combinator', { ...base, medications: { itemSelector: 'ul >' } }, ['medications: the selector "ul >" is not valid CSS']],
    ['bad list selector', { ...base, problems: { listSelector: 'ul[', itemSelector: 'li' } }, ['problems: the selector "ul[" is not valid CSS']],
    ['empty list selector', { ...base, medications: { listSelector: '', itemSelector: 'li' } }, ['medications.listSelector: must not be empty']],
    ['bad regex', { ...base, fields: { chi: { selector: '.chi', regex: '(\\d{10}' } } }, ['fields.chi: the pattern "(\\d{10}" is not a valid regular expression']],
    ['selector is a number', { ...base, fields: { name: { selector: 5 } } }, ['fields.name.selector']],
    ['not an object', 'careview', ['adapter']],
  ])('%s', (_label, json, expected) => {
    const result = parseAdapter(json);
    if (expected.length === 0) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    for (const e of expected) expect(errors.some((x) => x.startsWith(e))).toBe(true);
  });

  test('the real-DOM validator catches what the regex check lets through', () => {
    const json = { ...base, consultationSignal: { selector: 'div::nonsense(' } };
    expect(parseAdapter(json).ok).toBe(false);
    const odd = { ...base, consultationSignal: { selector: '##patient' } };
    expect(parseAdapter(odd).ok).toBe(true);
    const real = parseAdapter(odd, realDom);
    expect(real.ok).toBe(false);
  });
});

describe('looksLikeSelector and matchesUrl', () => {
  test.each([
    ['.cv-chi', true],
    ["main[data-screen='consultation']", true],
    ['dl.md-banner dd[data-field="chi"]', true],
    ['a, b', true],
    ['a,,b', false],
    ['div {color:red}', false],
    ['[data-x="unterminated]', false],
    ['', false],
  ])('looksLikeSelector(%j) = %s', (selector, ok) => {
    expect(looksLikeSelector(selector)).toBe(ok);
  });

  test.each([
    ['http://127.0.0.1:*/careview/*', 'http://127.0.0.1:4173/careview/patient/1/consultation', true],
    ['http://127.0.0.1:*/careview/*', 'http://127.0.0.1:4173/medora/', false],
    ['https://*.example.scot/*', 'https://ehr.example.scot/p?x=1', true],
    ['https://ehr.example.scot/*', 'https://ehrXexample.scot/', false],
    ['https://ehr.example.scot/consult', 'https://ehr.example.scot/consult/extra', false],
  ])('matchesUrl(%s, %s) = %s', (pattern, url, ok) => {
    expect(matchesUrl(pattern, url)).toBe(ok);
  });
});
