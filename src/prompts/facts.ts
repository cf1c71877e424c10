/**
 * The facts one promptsFor call evaluates rules against, each worked out at
 * most once and only if some rule asks (notes scan, condition count,
 * deprivation look-up).
 */
import type { PatientContext, Problem } from '../context/patient-context';
import type { CompiledRuleSet } from './compile';
import { type FoundCondition, longTermConditions } from './conditions';
import type { Role } from './roles';
import { type LocatedHit, scanTokens, snippetAround } from './text-match';
import { type Token, tokenize } from './tokenize';

export interface Facts {
  role: Role;
  problems: readonly Problem[];
  age: number | undefined;
  medicationCount: number | undefined;
  postcode: string | undefined;
  /** Positive (not negated) phrase hits in the notes, by phrase. */
  noteHits(): Map<string, LocatedHit[]>;
  /** The notes words of a hit as typed, for "why". */
  snippet(hit: LocatedHit): string;
  conditions(): FoundCondition[];
  /** Tokens of each problem term, same order as `problems`. */
  problemTokens(): Token[][];
  decile(): number | undefined;
}

/** Build lazily computed facts for one context; bad input fields are treated as absent. */
export function factsFor(
  ctx: PatientContext,
  set: CompiledRuleSet,
  role: Role,
  deprivation: ((postcode: string) => number | undefined) | undefined,
): Facts {
  let hits: Map<string, LocatedHit[]> | undefined;
  let noteTokens: Token[] = [];
  let conditions: FoundCondition[] | undefined;
  let problemTokens: Token[][] | undefined;
  let decile: { value: number | undefined } | undefined;
  const notes = typeof ctx.notes === 'string' ? ctx.notes : '';
  const problems = Array.isArray(ctx.problems) ? ctx.problems.filter(isProblem) : [];
  const postcode = typeof ctx.postcode === 'string' && ctx.postcode.trim() ? ctx.postcode.trim() : undefined;
  return {
    role,
    problems,
    age: finite(ctx.age),
    medicationCount: finite(ctx.medicationCount),
    postcode,
    noteHits() {
      if (!hits) {
        noteTokens = notes.trim() ? tokenize(notes) : [];
        hits = new Map();
        for (const h of scanTokens(noteTokens, set.notesIndex)) {
          if (h.negated) continue;
          const list = hits.get(h.phrase);
          if (list) list.push(h);
          else hits.set(h.phrase, [h]);
        }
      }
      return hits;
    },
    snippet(hit) {
      return snippetAround(notes, noteTokens, hit.first, hit.last);
    },
    conditions() {
      conditions ??= longTermConditions(problems);
      return conditions;
    },
    problemTokens() {
      problemTokens ??= problems.map((p) => tokenize(p.term));
      return problemTokens;
    },
    decile() {
      decile ??= { value: lookUp(deprivation, postcode) };
      return decile.value;
    },
  };
}

function lookUp(fn: ((postcode: string) => number | undefined) | undefined, postcode: string | undefined): number | undefined {
  if (!fn || !postcode) return undefined;
  try {
    const d = fn(postcode);
    return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 10 ? d : undefined;
  } catch {
    // A broken look-up table must not stop the other prompts; the rule just does not fire.
    return undefined;
  }
}

function finite(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isProblem(p: unknown): p is Problem {
  return typeof p === 'object' && p !== null && typeof (p as Problem).term === 'string';
}
