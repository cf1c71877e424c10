import { describe, expect, test } from 'vitest';
import mappingJson from '../../src/directory/need-mapping.json';
import synonymsJson from '../../src/directory/search/synonyms.json';
import { inferNeedsFromText, mapCategoriesToNeeds, parseNeedMapping } from '../../src/directory/need-mapping';
import { expandQuery, parseSynonyms } from '../../src/directory/search/synonyms';
import { NEED_IDS } from '../../src/prompts/needs';

describe('need mapping', () => {
  test('shipped table is valid', () => {
    expect(parseNeedMapping(mappingJson).ok).toBe(true);
  });

  test.each([
    [['Money'], ['money']],
    [['money-advice'], ['money']],
    [['Food & Nutrition', 'Foodbank'], ['food']],
    [['food-nutrition'], ['food']],
    [['Housing and Homelessness'], ['housing']],
    [['Mental Health Issues'], ['mental-wellbeing']],
    [['Carers'], ['caring']],
    [['Loneliness & Isolation'], ['loneliness']],
    [['Physical Activity'], ['activity']],
    [['Energy Advice'], ['money', 'fuel']],
    [['Emergency Food'], ['food']],
    [['Help Pay for Utilities'], ['money', 'fuel']],
    [['Domestic Violence Survivors'], ['safety']],
    [['Community Transport'], ['transport']],
    [['Digital Literacy'], ['digital']],
    [['Parent & Family Support'], ['family']],
    [['Alcohol Addiction'], ['substances']],
    [['Independent Advocacy'], ['legal']],
    [['Self Management'], ['long-term-condition']],
    [['Supported Employment'], ['work']],
    [['Emergency Food Bank Saturdays'], ['food']],
    [['Widget repair'], []],
    [[], []],
  ])('%j -> %j', (categories, needs) => {
    expect(mapCategoriesToNeeds(categories)).toEqual(needs);
  });

  test('a custom table replaces the default', () => {
    const parsed = parseNeedMapping({ terms: { 'Tattie Club': ['food'] } });
    expect(parsed.ok && mapCategoriesToNeeds(['tattie-club'], parsed.mapping)).toEqual(['food']);
  });

  test.each([
    [{ terms: { Money: ['cash'] } }, /need ids/],
    [{ terms: { Money: [] } }, /at least one need/],
    [{ nope: true }, /not valid/],
    ['text', /not valid/],
  ])('invalid table %# gives a plain reason', (json, reason) => {
    const parsed = parseNeedMapping(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  test.each([
    ['Befriending for people who are lonely', ['loneliness']],
    ['Help with debt and benefits', ['money']],
    ['A nice garden', []],
  ])('keyword fallback: %s', (text, needs) => {
    expect(inferNeedsFromText(text)).toEqual(needs);
  });
});

describe('synonyms', () => {
  test('shipped table is valid, has 60+ rows and covers all 16 needs', () => {
    expect(parseSynonyms(synonymsJson).ok).toBe(true);
    expect(synonymsJson.rows.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(synonymsJson.rows.flatMap((r) => r.needs));
    expect(NEED_IDS.filter((n) => !covered.has(n))).toEqual([]);
  });

  test.each([
    ['skint', ['money']],
    ["can't pay the gas", ['money', 'fuel']],
    ['cant pay gas', ['money', 'fuel']],
    ['foodbank', ['food']],
    ['food bank', ['food']],
    ['no one to talk to', ['loneliness']],
    ['lonely', ['loneliness']],
    ['evicted', ['housing']],
    ['kicked out', ['housing']],
    ['benefits', ['money']],
    ['PIP', ['money']],
    ['UC', ['money']],
    ['carer', ['caring']],
    ['booze', ['substances']],
    ['drink', ['substances']],
    ['gambling', ['money', 'substances']],
    ['debt', ['money']],
    ['damp', ['housing']],
    ['quantum chromodynamics', []],
  ])('%s -> %j', (text, needs) => {
    expect(expandQuery(text).needs).toEqual(needs);
  });

  test('"foodbank" and "food bank" expand to the same search terms', () => {
    const a = expandQuery('foodbank').terms;
    const b = expandQuery('food bank').terms;
    expect(a).toEqual(expect.arrayContaining(['foodbank', 'food bank']));
    expect(b).toEqual(expect.arrayContaining(['foodbank', 'food bank']));
  });

  test('typed words are kept as terms, stopwords dropped', () => {
    expect(expandQuery('help with the walking group').terms.slice(0, 2)).toEqual(['walking', 'group']);
  });
});
