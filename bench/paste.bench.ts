// Standalone mode's reader of pasted desktop-record text (issue #17): a realistic paste (banner, next of kin, a long
// consultation: the development corpus, about 1.5 KB each) and the largest paste it reads (40,000 characters of the
// corpora run together), plus pathological pastes a hostile review found quadratic in the first version (many "<!--",
// thousands of distinct titled names). Measures only; never asserts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPasted } from '../src/adapters/paste/read-pasted';
import { median, percentile, type BenchRow } from './types';

const NOW = new Date('2026-12-03T10:00:00Z');
const CHI = { kind: 'chi' as const, value: '1402514301' };

function time(text: string, runs: number): number[] {
  for (let i = 0; i < 5; i++) readPasted(text, CHI, NOW);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    readPasted(text, CHI, NOW);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export default async function bench(): Promise<BenchRow[]> {
  const corpus = ['dev', 'dev2'].flatMap((f) => (JSON.parse(readFileSync(resolve('test/fixtures/paste', `${f}.json`), 'utf8')) as { pasted: string }[]).map((c) => c.pasted));
  const each: number[] = [];
  for (let round = 0; round < 5; round++) for (const text of corpus) each.push(...time(text, 1));
  const big = time(corpus.join('\n\n').slice(0, 40_000), 20);
  const hostile = [...time('<!--'.repeat(10_000), 5), ...time(Array.from({ length: 3000 }, (_, i) => `Mr Abc${i} Def.`).join(' '), 5)];
  return [
    { suite: 'paste', name: 'readPasted median (a corpus paste, ~1.5 KB)', value: median(each), unit: 'ms' },
    { suite: 'paste', name: 'readPasted p95 (a corpus paste)', value: percentile(each, 95), unit: 'ms' },
    { suite: 'paste', name: 'readPasted median (40,000 characters)', value: median(big), unit: 'ms' },
    { suite: 'paste', name: 'readPasted max (pathological 40k pastes)', value: Math.max(...hostile), unit: 'ms' },
  ];
}
