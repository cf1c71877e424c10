/**
 * Scores promptsFor against a labelled notes corpus (test/fixtures/notes/*.json),
 * as docs/prompts.md ("Measuring the prompts") defines it. Pure: the caller
 * reads the file. Shared by scripts/eval-prompts.ts and test/prompts/eval.test.ts
 * so the printed figures and the thresholds the test enforces are one sum (#14).
 */
import type { PatientContext, Sex } from '../../src/context/patient-context';
import { type Prompt, type PromptOptions, promptsFor } from '../../src/prompts/prompts-for';

export const KINDS = ['positive', 'negated', 'historical', 'other-person', 'hypothetical', 'neutral'] as const;
export type Kind = (typeof KINDS)[number];

/** One labelled consultation. Needs in neither list are "don't care". */
export interface CorpusItem {
  id: string;
  kind: Kind;
  notes: string;
  problems: string[];
  age: number;
  sex: Sex;
  medicationCount?: number;
  expected: string[];
  forbidden: string[];
}

/**
 * The options a GP has out of the box: GP role, the sidebar's three prompts,
 * nothing switched on (no generic prompts, no SIMD look-up). The year is the
 * one the corpus was written in (2026), so "homeless in 2024" keeps the
 * meaning it had and the figures do not drift as the calendar moves on.
 */
export const GP_DEFAULTS: PromptOptions = { role: 'gp', limit: 3, year: 2026 };

/** Right / wrong / don't-care counts, and expected needs found / missed. */
export interface Tally {
  right: number;
  wrong: number;
  dontCare: number;
  found: number;
  missed: number;
  /** Notes counted, and notes that got at least one prompt. */
  notes: number;
  notesPrompted: number;
}

export interface ItemResult {
  item: CorpusItem;
  prompts: Prompt[];
  missed: string[];
  wrong: Prompt[];
  dontCare: Prompt[];
}

export interface Score {
  total: Tally;
  byNeed: Map<string, Tally>;
  byKind: Map<Kind, Tally>;
  items: ItemResult[];
}

const emptyTally = (): Tally => ({ right: 0, wrong: 0, dontCare: 0, found: 0, missed: 0, notes: 0, notesPrompted: 0 });

/** Recall: expected needs shown / expected needs. Undefined when nothing was expected. */
export const recall = (t: Tally): number | undefined => (t.found + t.missed === 0 ? undefined : t.found / (t.found + t.missed));
/** Precision: right prompts / (right + wrong); don't-care prompts are left out. */
export const precision = (t: Tally): number | undefined => (t.right + t.wrong === 0 ? undefined : t.right / (t.right + t.wrong));
/** Share of notes of this tally that got any prompt at all (the neutral burden for neutral notes). */
export const burden = (t: Tally): number | undefined => (t.notes === 0 ? undefined : t.notesPrompted / t.notes);

/** The patient context the corpus item describes (no postcode: no SIMD look-up). */
export function contextOf(item: CorpusItem): PatientContext {
  const ctx: PatientContext = {
    sex: item.sex,
    age: item.age,
    problems: item.problems.map((term) => ({ term })),
    notes: item.notes,
    pageKind: 'consultation',
    source: { adapter: 'corpus', confidence: 1 },
  };
  if (item.medicationCount !== undefined) ctx.medicationCount = item.medicationCount;
  return ctx;
}

/**
 * A prompt is right when its need is expected; wrong when its need is
 * forbidden, or when the note is not a positive one (those notes expect no
 * prompt at all); otherwise don't care (a positive note, a need in neither list).
 */
export function scoreCorpus(items: readonly CorpusItem[], options: PromptOptions = GP_DEFAULTS): Score {
  const total = emptyTally();
  const byNeed = new Map<string, Tally>();
  const byKind = new Map<Kind, Tally>(KINDS.map((k) => [k, emptyTally()]));
  const need = (id: string): Tally => {
    let t = byNeed.get(id);
    if (!t) byNeed.set(id, (t = emptyTally()));
    return t;
  };
  const results: ItemResult[] = [];
  for (const item of items) {
    const prompts = promptsFor(contextOf(item), options);
    const shown = new Set(prompts.map((p) => p.need));
    const kind = byKind.get(item.kind) ?? emptyTally();
    const tallies = [total, kind];
    for (const t of tallies) {
      t.notes += 1;
      if (prompts.length > 0) t.notesPrompted += 1;
    }
    const missed: string[] = [];
    for (const n of item.expected) {
      const hit = shown.has(n);
      if (!hit) missed.push(n);
      for (const t of [...tallies, need(n)]) {
        if (hit) t.found += 1;
        else t.missed += 1;
      }
    }
    const wrong: Prompt[] = [];
    const dontCare: Prompt[] = [];
    for (const p of prompts) {
      const verdict = item.expected.includes(p.need) ? 'right' : item.forbidden.includes(p.need) || item.kind !== 'positive' ? 'wrong' : 'dontCare';
      if (verdict === 'wrong') wrong.push(p);
      if (verdict === 'dontCare') dontCare.push(p);
      for (const t of [...tallies, need(p.need)]) t[verdict] += 1;
    }
    results.push({ item, prompts, missed, wrong, dontCare });
  }
  return { total, byNeed, byKind, items: results };
}

/** Checks the corpus file's shape at the boundary; throws with the item id on a bad row. */
export function parseCorpus(json: unknown): CorpusItem[] {
  if (!Array.isArray(json)) throw new Error('corpus must be a list');
  return json.map((row: unknown, i) => {
    const r = row as Record<string, unknown>;
    const where = typeof r?.id === 'string' ? r.id : `row ${i + 1}`;
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.id === 'string' &&
      (KINDS as readonly unknown[]).includes(r.kind) &&
      typeof r.notes === 'string' &&
      strings(r.problems) &&
      typeof r.age === 'number' &&
      (r.sex === 'female' || r.sex === 'male' || r.sex === 'unknown') &&
      (r.medicationCount === undefined || typeof r.medicationCount === 'number') &&
      strings(r.expected) &&
      strings(r.forbidden);
    if (!ok) throw new Error(`corpus item ${where} is not in the expected shape`);
    const item: CorpusItem = {
      id: r.id as string,
      kind: r.kind as Kind,
      notes: r.notes as string,
      problems: r.problems as string[],
      age: r.age as number,
      sex: r.sex as Sex,
      expected: r.expected as string[],
      forbidden: r.forbidden as string[],
    };
    if (typeof r.medicationCount === 'number') item.medicationCount = r.medicationCount;
    return item;
  });
}
