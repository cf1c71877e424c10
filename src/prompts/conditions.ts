/**
 * Recognises long-term conditions on the problem list (conditions.json), so
 * rules can count them and tell physical from mental ones, as the Links
 * programme's "complex multimorbidity" does (5+ conditions, or physical and
 * mental together).
 */
import type { Problem } from '../context/patient-context';
import table from './conditions.json';
import { compilePhrases, findRawMatches } from './phrase-index';
import { tokenize } from './tokenize';

export type ConditionKind = 'physical' | 'mental';

/** A long-term condition found on the problem list, and the problem that showed it. */
export interface FoundCondition {
  name: string;
  kind: ConditionKind;
  term: string;
}

interface ConditionEntry {
  name: string;
  kind: ConditionKind;
}

const entries: ConditionEntry[] = table.conditions.map((c) => ({
  name: c.name,
  kind: c.kind === 'mental' ? 'mental' : 'physical',
}));
const byTerm = new Map<string, ConditionEntry>();
const byCode = new Map<string, ConditionEntry>();
table.conditions.forEach((c, i) => {
  const entry = entries[i] as ConditionEntry;
  for (const t of c.terms) byTerm.set(t, entry);
  for (const code of c.snomed) byCode.set(code, entry);
});
// (Matched against problem lists only: not words the prompts read in notes.)
const termIndex = compilePhrases(table.conditions.flatMap((c) => c.terms), false);
const excludeIndex = compilePhrases(table.exclude, false);

// A problem list is read again on every re-detection of the same screen, and practices share one
// coding vocabulary: what a (code, term) pair shows is remembered (bounded), not tokenised each time.
// By code, then term (no joined key that two different pairs could share).
const seen = new Map<string, Map<string, ConditionEntry | undefined>>();
let seenCount = 0;
const SEEN_LIMIT = 5_000;

/** The long-term condition a single problem shows, if any. */
export function conditionOf(problem: Problem): ConditionEntry | undefined {
  const code = typeof problem.code === 'string' ? problem.code.trim() : '';
  const term = typeof problem.term === 'string' ? problem.term : '';
  let byTerm = seen.get(code);
  if (byTerm?.has(term)) return byTerm.get(term);
  const entry = readCondition(code, term);
  if (seenCount >= SEEN_LIMIT) {
    seen.clear();
    seenCount = 0;
    byTerm = undefined;
  }
  if (!byTerm) seen.set(code, (byTerm = new Map()));
  byTerm.set(term, entry);
  seenCount += 1;
  return entry;
}

function readCondition(code: string, term: string): ConditionEntry | undefined {
  const tokens = tokenize(term);
  if (findRawMatches(tokens, excludeIndex).length > 0) return undefined;
  const coded = code ? byCode.get(code) : undefined;
  if (coded) return coded;
  const hit = findRawMatches(tokens, termIndex)[0];
  return hit ? byTerm.get(hit.phrase.phrase) : undefined;
}

/** Distinct long-term conditions (one per condition name) on the problem list. */
export function longTermConditions(problems: readonly Problem[]): FoundCondition[] {
  const found = new Map<string, FoundCondition>();
  for (const p of problems) {
    const c = conditionOf(p);
    if (c && !found.has(c.name)) found.set(c.name, { name: c.name, kind: c.kind, term: p.term });
  }
  return [...found.values()];
}
