import type { PatientContext, Problem } from '../../src/context/patient-context';

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
