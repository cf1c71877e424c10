/**
 * Source categories and taxonomy terms -> need ids. The table is data
 * (need-mapping.json) so a practice or maintainer can edit it without code.
 */
import * as v from 'valibot';
import { NEEDS, NEED_IDS, type NeedId } from '../prompts/needs';
import defaultMappingJson from './need-mapping.json';
import { escapeRegExp } from '../lib/reg-exp';

const NeedIdSchema = v.picklist(NEED_IDS, 'Each need must be one of the need ids in the need list.');

const NeedMappingSchema = v.object({
  version: v.optional(v.number()),
  terms: v.record(v.pipe(v.string(), v.minLength(1)), v.pipe(v.array(NeedIdSchema), v.minLength(1, 'Each term must map to at least one need.'))),
});

/** A validated mapping table plus a lookup keyed by normalised term. */
export interface NeedMapping {
  terms: Record<string, NeedId[]>;
  /** Normalised term -> needs. */
  lookup: Map<string, NeedId[]>;
  /** Memo of category string -> needs; categories repeat heavily across a directory. */
  memo: Map<string, NeedId[]>;
  /** Longest key in words, bounds the n-gram scan. */
  maxWords: number;
}

/** Lower-case, `&`/`and` dropped, punctuation and hyphens to spaces: "Food & Nutrition" == "food-nutrition". */
export function normaliseTerm(term: string): string {
  return term
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'and')
    .join(' ');
}

function build(terms: Record<string, NeedId[]>): NeedMapping {
  const lookup = new Map<string, NeedId[]>();
  let maxWords = 1;
  for (const [key, needs] of Object.entries(terms)) {
    const norm = normaliseTerm(key);
    if (norm === '') continue;
    lookup.set(norm, [...new Set([...(lookup.get(norm) ?? []), ...needs])]);
    maxWords = Math.max(maxWords, norm.split(' ').length);
  }
  return { terms, lookup, memo: new Map(), maxWords };
}

/**
 * Validates a mapping table loaded from JSON. Never throws: returns the table
 * or a plain-English reason.
 */
export function parseNeedMapping(json: unknown): { ok: true; mapping: NeedMapping } | { ok: false; reason: string } {
  const result = v.safeParse(NeedMappingSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join(' > ');
    return { ok: false, reason: `The need mapping table is not valid${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}.` };
  }
  return { ok: true, mapping: build(result.output.terms) };
}

let defaultMapping: NeedMapping | undefined;

/** The shipped table (src/directory/need-mapping.json), validated once. */
export function defaultNeedMapping(): NeedMapping {
  if (!defaultMapping) {
    const parsed = parseNeedMapping(defaultMappingJson);
    // The shipped table is checked by tests; an invalid one is a build error, not a user error.
    defaultMapping = parsed.ok ? parsed.mapping : build({});
  }
  return defaultMapping;
}

function needsForCategory(category: string, table: NeedMapping): NeedId[] {
  const memo = table.memo.get(category);
  if (memo) return memo;
  const norm = normaliseTerm(category);
  let found = table.lookup.get(norm);
  if (!found) {
    // Fall back to any whole-word run inside the category ("Emergency Food Bank" contains "food bank").
    const words = norm.split(' ');
    const acc = new Set<NeedId>();
    for (let n = Math.min(table.maxWords, words.length); n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const gram = words.slice(i, i + n).join(' ');
        if (gram.length < 4) continue;
        for (const need of table.lookup.get(gram) ?? []) acc.add(need);
      }
    }
    found = [...acc];
  }
  if (table.memo.size < 50_000) table.memo.set(category, found);
  return found;
}

/** Need ids for a list of source categories, deduplicated, in need-list order. */
export function mapCategoriesToNeeds(categories: string[], table: NeedMapping = defaultNeedMapping()): NeedId[] {
  const acc = new Set<NeedId>();
  for (const c of categories) for (const n of needsForCategory(c, table)) acc.add(n);
  return NEED_IDS.filter((id) => acc.has(id));
}

let signalPatterns: { id: NeedId; re: RegExp }[] | undefined;

/**
 * Keyword fallback for records whose categories map to nothing: the need
 * signal phrases from src/prompts/needs.ts, matched on word boundaries.
 */
export function inferNeedsFromText(text: string): NeedId[] {
  signalPatterns ??= NEEDS.map((n) => ({
    id: n.id,
    re: new RegExp(`\\b(?:${n.signals.map((s) => escapeRegExp(s.toLowerCase())).join('|')})s?\\b`),
  }));
  const lower = text.toLowerCase();
  return signalPatterns.filter((p) => p.re.test(lower)).map((p) => p.id);
}
