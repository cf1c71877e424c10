// promptsFor over a busy record (30 problems, ~2,000 words of notes) against
// the default rules. Measures only; never asserts.
import type { PatientContext } from '../src/context/patient-context';
import { compileRuleSet } from '../src/prompts/compile';
import { promptsFor } from '../src/prompts/prompts-for';
import { DEFAULT_RULES } from '../src/prompts/rules/index';
import { median, percentile, type BenchRow } from './types';

const TERMS = ['Type 2 diabetes mellitus', 'COPD', 'Essential hypertension', 'Osteoarthritis of knee', 'Depression', 'Anxiety', 'Chronic kidney disease stage 3', 'Asthma', 'Atrial fibrillation', 'Hypothyroidism'];
const FILLER = 'Seen today with her daughter. Reports ongoing knee pain and poor sleep. BP reviewed, medication unchanged. Discussed diet and gentle exercise. Lives alone since husband passed away last year. Struggling with the gas bill and rent arrears, waiting on benifits decision. No chest pain, denies alcohol. Not worried about housing but feels lonley most days. Plan: review in four weeks, bloods next week, safety-net advice given.';

function busyContext(): PatientContext {
  const words = FILLER.split(' ');
  const notes: string[] = [];
  for (let i = 0; notes.length < 2000; i += 1) notes.push(words[i % words.length] as string);
  return {
    age: 78,
    sex: 'female',
    postcode: 'G31 4QT',
    problems: Array.from({ length: 30 }, (_, i) => ({ term: `${TERMS[i % TERMS.length] as string}${i >= TERMS.length ? ` (${i})` : ''}` })),
    medicationCount: 9,
    notes: notes.join(' '),
    pageKind: 'consultation',
    source: { adapter: 'bench', confidence: 1 },
  };
}

export default async function bench(): Promise<BenchRow[]> {
  const ctx = busyContext();
  for (let i = 0; i < 50; i += 1) promptsFor(ctx, { simdDecile: 1 });
  const samples: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const t0 = performance.now();
    promptsFor(ctx, { simdDecile: 1, limit: 3 });
    samples.push(performance.now() - t0);
  }
  const med = median(samples);
  // A new rules array (e.g. after a settings change) pays this once, then is cached.
  const compileSamples: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const fresh = [...DEFAULT_RULES];
    const t0 = performance.now();
    compileRuleSet(fresh);
    compileSamples.push(performance.now() - t0);
  }
  return [
    { suite: 'prompts', name: 'promptsFor median (30 problems, 2,000 words)', value: med, unit: 'ms', target: '< 1 ms', ok: med < 1 },
    { suite: 'prompts', name: 'promptsFor p95 (30 problems, 2,000 words)', value: percentile(samples, 95), unit: 'ms' },
    { suite: 'prompts', name: 'compile default rules (new rules array)', value: median(compileSamples), unit: 'ms' },
  ];
}
