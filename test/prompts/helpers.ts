import { expect, test } from 'vitest';
import type { PatientContext, Problem, Sex } from '../../src/context/patient-context';
import { promptsFor } from '../../src/prompts/prompts-for';

/** A consultation context with sensible empty defaults. */
export function ctx(partial: Partial<PatientContext> = {}): PatientContext {
  return {
    sex: 'unknown',
    problems: [],
    notes: '',
    pageKind: 'consultation',
    source: { adapter: 'test', confidence: 1 },
    ...partial,
  };
}

/** Problems from plain terms; `term|code` adds a code. */
export function problems(...terms: string[]): Problem[] {
  return terms.map((t) => {
    const [term, code] = t.split('|');
    return code ? { term: term as string, code } : { term: term as string };
  });
}

/** A short note's row: notes, age, sex, needs that must show (GP, top three) and needs that must not. */
export type NeedRow = [notes: string, age: number, sex: Sex, must: string[], mustNot: string[]];

/** The needs a GP is prompted about for a short note (three at most, as the sidebar shows). */
export const needsOf = (notes: string, age: number, sex: Sex): string[] =>
  promptsFor(ctx({ notes, age, sex }), { role: 'gp', limit: 3, year: 2026 }).map((p) => p.need);

/** One test per row: each `must` need shown, no `mustNot` need shown. */
export function checkNeeds(rows: NeedRow[]): void {
  test.each(rows)('%s', (notes, age, sex, must, mustNot) => {
    const shown = needsOf(notes, age, sex);
    for (const n of must) expect(shown, `${n} expected`).toContain(n);
    for (const n of mustNot) expect(shown, `${n} not expected`).not.toContain(n);
  });
}
