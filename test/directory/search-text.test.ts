import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldWord, indexWords, withinOneEdit } from '../../src/directory/search/text-words';
import { SortedWords, Vocabulary } from '../../src/directory/search/text-vocab';
import { TextIndex } from '../../src/directory/search/text-index';
import { buildIndex } from '../../src/directory/search/index';
import type { Resource } from '../../src/directory/resource';

const HOME = { lat: 55.859, lon: -4.217 };

function res(id: string, over: Partial<Resource> = {}): Resource {
  return {
    id,
    source: 't',
    sourceId: id,
    name: `Service ${id}`,
    description: 'A community service.',
    needs: [],
    categories: [],
    locations: [{ lat: HOME.lat + 0.009, lon: HOME.lon }],
    access: ['unknown'],
    updated: '2026-09-01',
    ...over,
  };
}

describe('words', () => {
  test.each([
    ['carers', 'carer'],
    ['families', 'family'],
    ['services', 'service'],
    ['benefits', 'benefit'],
    ['bus', 'bus'],
    ['gas', 'gas'],
    ['class', 'class'],
    ['address', 'address'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['food', 'food'],
    ['ties', 'tie'],
  ])('foldWord(%s) = %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  test.each([
    ['befriending', 'befriending', true],
    ['befreinding', 'befriending', true],
    ['befriendng', 'befriending', true],
    ['befrriending', 'befriending', true],
    ['bafriending', 'befriending', true],
    ['befreindng', 'befriending', false],
    ['pantry', 'pantries', false],
    ['ab', 'ba', true],
    ['abc', 'cab', false],
  ])('withinOneEdit(%s, %s) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  test.each([
    ["Can't pay the GAS bills", ['cant', 'pay', 'the', 'gas', 'bill']],
    ['Food-bank & Pantries (Glasgow)', ['food', 'bank', 'pantry', 'glasgow']],
    ['a b cd', ['cd']],
    ['Kelvin’s carers’ group', ['kelvin', 'carer', 'group']],
  ])('indexWords(%s)', (text, words) => {
    expect(indexWords(text)).toEqual(words);
  });

  test('the vocabulary scanner cuts words exactly as indexWords does', () => {
    const chars = fc.constantFrom(...'aAbBsSiIeEuUyY09 -\'’`.,&éÉ\u212a'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        const vocab = new Vocabulary();
        const ids: number[] = [];
        vocab.scan(text, (id) => ids.push(id));
        expect(ids.map((id) => vocab.words[id])).toEqual(indexWords(text));
        for (const w of indexWords(text)) expect(vocab.id(w)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  test('the vocabulary keeps ids stable while it grows', () => {
    const vocab = new Vocabulary();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
    const ids = words.map((w) => {
      let got = -1;
      vocab.scan(w, (id) => (got = id));
      return got;
    });
    expect(vocab.size).toBe(words.length);
    words.forEach((w, i) => expect(vocab.id(w)).toBe(ids[i]));
    expect(vocab.id('notthere')).toBeUndefined();
  });
});

describe('sorted words (the snapshot\'s word table, read without splitting)', () => {
  const sorted = SortedWords.of(['a1', 'care', 'carer', 'food', 'zz']);
  test.each([
    ['care', 1, 1],
    ['carer', 2, 2],
    ['car', 1, undefined],
    ['cares', 3, undefined],
    ['a', 0, undefined],
    ['zzz', 5, undefined],
  ])('%s: lower bound %i, id %s', (word, bound, id) => {
    expect(sorted.lowerBound(word)).toBe(bound);
    expect(sorted.id(word)).toBe(id);
  });
  test('words, lengths and ids by place, from the joined text and the ends alone', () => {
    const again = new SortedWords(sorted.text, sorted.wordEnds);
    expect(Array.from({ length: again.size }, (_, k) => again.wordAt(k))).toEqual(['a1', 'care', 'carer', 'food', 'zz']);
    expect(Array.from({ length: again.size }, (_, k) => again.lengthAt(k))).toEqual([2, 4, 5, 4, 2]);
    expect([again.idAt(3), again.word(3)]).toEqual([3, 'food']);
    expect(SortedWords.of([]).id('food')).toBeUndefined();
  });
  test('finds every word it holds, and no other (any sorted word list)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 40 }), fc.stringMatching(/^[a-z0-9]{1,6}$/), (words, probe) => {
        const list = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const table = SortedWords.of(list);
        list.forEach((w, k) => expect(table.id(w)).toBe(k));
        expect(table.id(probe)).toBe(list.includes(probe) ? list.indexOf(probe) : undefined);
        expect(table.lowerBound(probe)).toBe(list.filter((w) => w < probe).length);
      }),
    );
  });
});

describe('text index', () => {
  const docs = [
    res('pantry', { name: 'Community Pantry', description: 'Low-cost food shop.' }),
    res('foodbank', { name: 'Eastend Foodbank', description: 'Emergency food parcels.' }),
    res('befriend', { name: 'Brae Befriending Service', description: 'Weekly visits.' }),
    res('carers', { name: 'Carers Centre', categories: ['Respite'], description: 'Support for unpaid carers.' }),
    res('desc', { name: 'Drop-in', description: 'We also run a pantry on Fridays.' }),
  ];
  const names = (typed: string[], extra: string[] = []): string[] => {
    const index = new TextIndex(docs);
    const m = index.query(typed, extra);
    return [...m.docs].sort((a, b) => (m.score[b] as number) - (m.score[a] as number)).map((d) => (docs[d] as Resource).id);
  };

  test.each<[string, string[], string[], string[]]>([
    ['exact word, title before description', ['pantry'], [], ['pantry', 'desc']],
    ['plural folds to singular', ['pantries'], [], ['pantry', 'desc']],
    ['prefix on the last word', ['pan'], [], ['pantry', 'desc']],
    ['no prefix on earlier words', ['pan', 'shop'], [], ['pantry']],
    ['two-letter words are not prefixes', ['pa'], [], []],
    ['fuzzy for an unknown word of 5+ letters (swapped letters)', ['befreinding'], [], ['befriend']],
    ['no fuzzy under 5 letters', ['fod'], [], []],
    ['"food bank" finds "foodbank"', ['food', 'bank'], [], ['foodbank', 'pantry']],
    ['synonym terms match exactly', [], ['respite'], ['carers']],
    ['nothing matches', ['zzqqxx'], [], []],
  ])('%s', (_label, typed, extra, expected) => {
    expect(names(typed, extra)).toEqual(expected);
  });

  test('scores run 0..1 with 1 for the best hit, and reset between queries', () => {
    const index = new TextIndex(docs);
    const first = index.query(['pantry'], []);
    expect(Math.max(...[...first.docs].map((d) => first.relevance(d)))).toBe(1);
    expect(Math.min(...[...first.docs].map((d) => first.relevance(d)))).toBeGreaterThan(0);
    const second = index.query(['carers'], []);
    expect([...second.docs]).toEqual([3]);
    expect(second.score[0]).toBe(0);
    expect(second.relevance(0)).toBe(0);
  });

  test('building in slices gives the same answers as building at once', async () => {
    const sliced = new TextIndex(docs);
    let yields = 0;
    await sliced.buildInSlices(async () => void yields++, 2);
    expect(sliced.built).toBe(true);
    expect(yields).toBeGreaterThanOrEqual(3); // at least one per slice of two services
    const whole = new TextIndex(docs);
    for (const q of [['food'], ['pan'], ['befreinding'], ['carers', 'support']]) {
      const a = sliced.query(q, []);
      const aScores = [...a.docs].map((d) => [d, a.relevance(d)]);
      const b = whole.query(q, []);
      expect(aScores).toEqual([...b.docs].map((d) => [d, b.relevance(d)]));
    }
  });
  test('a query while warming finishes the build, and warming then stops', async () => {
    const index = new TextIndex(docs);
    const whole = new TextIndex(docs);
    let yields = 0;
    let during: string[] = [];
    await index.buildInSlices(async () => {
      yields++;
      if (yields === 1) {
        const m = index.query(['pantry'], []);
        during = [...m.docs].map((d) => (docs[d] as Resource).id).sort();
      }
    }, 2);
    expect(yields).toBe(1);
    expect(during).toEqual([...whole.query(['pantry'], []).docs].map((d) => (docs[d] as Resource).id).sort());
  });
});

describe('directory search with text', () => {
  const docs = [
    res('money', { name: 'Welfare Rights Team', needs: ['money'], description: 'Benefits checks and appeals.' }),
    res('fuel', { name: 'Home Energy Help', needs: ['fuel'], description: 'Help with energy bills and heating.' }),
    res('food', { name: 'Eastend Foodbank', needs: ['food'], description: 'Emergency food parcels.' }),
    res('lonely', { name: 'Brae Befriending', needs: ['loneliness'], description: 'Weekly visits and phone calls.' }),
    res('choir', { name: 'Community Choir', needs: ['activity'], description: 'Sing together.' }),
  ];
  const ids = (text: string, near = true): string[] => buildIndex(docs).search(near ? { text, near: HOME } : { text }).map((h) => h.resource.id);

  test.each<[string, string[]]>([
    ['skint', ['money']],
    ["can't pay the gas", ['fuel', 'money']],
    ['food bank', ['food']],
    ['foodbank', ['food']],
    ['no one to talk to', ['lonely']],
    ['choir', ['choir']],
    ['cho', ['choir']],
  ])('"%s" finds %j', (text, expected) => {
    expect(ids(text).sort()).toEqual([...expected].sort());
    expect(ids(text, false).sort()).toEqual([...expected].sort());
  });

  test('warm() builds the text index ahead of time; searches after it match an unwarmed index', async () => {
    const warmed = buildIndex(docs);
    let yields = 0;
    await warmed.warm(async () => void yields++);
    await warmed.warm();
    expect(yields).toBe(1); // five services: one slice adding them, one filling the lists
    const cold = buildIndex(docs);
    for (const text of ['skint', 'choir', 'befriending', 'cho']) expect(warmed.search({ text, near: HOME })).toEqual(cold.search({ text, near: HOME }));
  });

  test('warm() never rejects, even when its yield function fails', async () => {
    const many = Array.from({ length: 9000 }, (_, i) => res(`s${i}`, { name: `Choir ${i}` }));
    const index = buildIndex(many);
    await expect(index.warm(() => Promise.reject(new Error('worker stopping')))).resolves.toBeUndefined();
    expect(index.search({ text: 'choir 42', limit: 1 })[0]?.resource.id).toBe('s42');
  });
});
