/**
 * Everyday words -> needs and search terms, so "skint" finds money advice and
 * "can't pay the gas" finds fuel support. The table is data (synonyms.json).
 */
import * as v from 'valibot';
import { NEED_IDS, type NeedId } from '../../prompts/needs';
import defaultSynonymsJson from './synonyms.json';
import { plainWords } from '../../lib/words';

const SynonymsSchema = v.object({
  version: v.optional(v.number()),
  rows: v.array(
    v.object({
      phrases: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'Each row needs at least one phrase.')),
      needs: v.optional(v.array(v.picklist(NEED_IDS, 'Each need must be one of the need ids in the need list.')), []),
      terms: v.optional(v.array(v.string()), []),
    }),
  ),
});

/** A validated synonyms table: normalised phrase -> needs and terms. */
export interface Synonyms {
  byPhrase: Map<string, { needs: NeedId[]; terms: string[] }>;
  /** Longest phrase in words, bounds the n-gram scan. */
  maxWords: number;
}

const STOPWORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'for', 'in', 'on', 'at', 'is', 'are', 'be', 'with', 'my', 'me', 'i', 'im', 'her', 'his', 'he', 'she', 'they', 'it', 'help', 'need', 'needs', 'wants', 'some', 'any', 'no', 'one', 'not', 'cant', 'can', 'dont', 'get']);

/** Lower-case words with apostrophes removed ("can't" -> "cant"); other punctuation splits words (src/lib/words.ts). */
export const queryWords = plainWords;

/** Validates a synonyms table from JSON. Never throws. */
export function parseSynonyms(json: unknown): { ok: true; synonyms: Synonyms } | { ok: false; reason: string } {
  const result = v.safeParse(SynonymsSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join(' > ');
    return { ok: false, reason: `The synonyms table is not valid${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}.` };
  }
  const byPhrase = new Map<string, { needs: NeedId[]; terms: string[] }>();
  let maxWords = 1;
  for (const row of result.output.rows) {
    for (const phrase of row.phrases) {
      const key = queryWords(phrase).join(' ');
      if (!key) continue;
      const prior = byPhrase.get(key);
      byPhrase.set(key, {
        needs: [...new Set([...(prior?.needs ?? []), ...row.needs])],
        terms: [...new Set([...(prior?.terms ?? []), ...row.terms])],
      });
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
  }
  return { ok: true, synonyms: { byPhrase, maxWords } };
}

let defaults: Synonyms | undefined;

/** The shipped table (src/directory/synonyms.json), validated once. */
export function defaultSynonyms(): Synonyms {
  if (!defaults) {
    const parsed = parseSynonyms(defaultSynonymsJson);
    defaults = parsed.ok ? parsed.synonyms : { byPhrase: new Map(), maxWords: 1 };
  }
  return defaults;
}

/**
 * Needs and search terms for what someone typed. `terms` holds the typed
 * content words (stopwords dropped) followed by synonym terms, deduplicated.
 */
export function expandQuery(text: string, synonyms: Synonyms = defaultSynonyms()): { needs: string[]; terms: string[] } {
  const words = queryWords(typeof text === 'string' ? text : '');
  const needs = new Set<NeedId>();
  const terms: string[] = words.filter((w) => !STOPWORDS.has(w));
  for (let n = Math.min(synonyms.maxWords, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const hit = synonyms.byPhrase.get(words.slice(i, i + n).join(' '));
      if (!hit) continue;
      for (const need of hit.needs) needs.add(need);
      terms.push(...hit.terms);
    }
  }
  return { needs: NEED_IDS.filter((id) => needs.has(id)), terms: [...new Set(terms)] };
}
