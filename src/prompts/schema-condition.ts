/**
 * The `when` condition tree: `all` / `any` / `not` over leaf facts. Checked by
 * hand-walking the tree (valibot for each leaf) so a refusal can say exactly
 * where the problem is, e.g. "when.all[1].age: min must be a whole number".
 */
import * as v from 'valibot';
// The lexicons' group names only, not the lexicons: the background checks custom rules too, and the lexicons
// (150 KB of phrases) were most of what its service worker parsed on every wake (#11). lexicons-meta.test.ts keeps
// the file equal to the lexicons' own groups.
import LEXICON_GROUPS from './lexicon-groups.json';
import { NEED_IDS, type NeedId } from './needs';
import { ROLE_IDS, type Role } from './roles';

export interface ProblemsMatch {
  /** Words or phrases found on word boundaries in the problem term (synonyms). */
  terms?: string[];
  /** SNOMED CT (or Read) codes, compared exactly. */
  codes?: string[];
  /** How many different problems must match (default 1). */
  min?: number;
}

/**
 * Notes mention one of the phrases, or a word of the need's lexicon
 * (src/prompts/lexicons/<need>.json), optionally only from some of its groups.
 */
export type NotesMatch = { phrases: string[] } | { need: NeedId; groups?: string[] };

export type Condition =
  | { all: Condition[] }
  /** Both conditions hold on notes within `sentences` sentences of each other (0: the same sentence). */
  | { near: { sentences: number; all: [Condition, Condition] } }
  | { any: Condition[] }
  | { not: Condition }
  | { problems: ProblemsMatch }
  | { longTermConditionCount: { min: number } }
  | { physicalAndMental: true }
  | { age: { min?: number; max?: number } }
  | { medicationCount: { min: number } }
  | { notes: NotesMatch }
  /** One of these phrases is in the notes and denied ("Denies feeling lonely", "Loneliness: denies"); for `not`. */
  | { notesDenied: { phrases: string[] } }
  | { deprivationDecile: { max: number } }
  | { role: Role[] };

const MAX_DEPTH = 8;

const wholeNumber = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );
const phraseList = (what: string) =>
  v.pipe(
    v.array(v.pipe(v.string(`each of ${what} must be text`), v.trim(), v.nonEmpty(`${what} must not contain empty text`)), `${what} must be a list`),
    v.nonEmpty(`${what} must list at least one entry`),
  );

const NOTES_PHRASES = v.strictObject({ phrases: phraseList('phrases') });
const NOTES_NEED = v.pipe(
  v.strictObject({
    need: v.picklist(NEED_IDS, `need must be one of: ${NEED_IDS.join(', ')}`),
    groups: v.optional(phraseList('groups')),
  }),
  v.check((n) => unknownGroup(n.need, n.groups) === undefined, (issue) => {
    const n = issue.input as { need: NeedId; groups?: string[] };
    return `groups: the ${n.need} lexicon has no group "${unknownGroup(n.need, n.groups) ?? ''}" (it has: ${LEXICON_GROUPS[n.need].join(', ')})`;
  }),
);

// Indexed by need id: a need without a line in the file fails to compile.
function unknownGroup(need: NeedId, groups: string[] | undefined): string | undefined {
  const known: readonly string[] = LEXICON_GROUPS[need];
  return groups?.find((g) => !known.includes(g));
}

const LEAVES = {
  problems: v.pipe(
    v.strictObject(
      { terms: v.optional(phraseList('terms')), codes: v.optional(phraseList('codes')), min: v.optional(wholeNumber('min', 1, 100)) },
      'problems must be an object with terms and/or codes (and optionally min)',
    ),
    v.check((p) => p.terms !== undefined || p.codes !== undefined, 'problems needs terms or codes to look for'),
  ),
  longTermConditionCount: v.strictObject({ min: wholeNumber('min', 1, 50) }, 'longTermConditionCount must be { "min": number }'),
  physicalAndMental: v.literal(true, 'physicalAndMental can only be true'),
  age: v.pipe(
    v.strictObject({ min: v.optional(wholeNumber('min age', 0, 130)), max: v.optional(wholeNumber('max age', 0, 130)) }, 'age must be { "min"?: number, "max"?: number }'),
    v.check((a) => a.min !== undefined || a.max !== undefined, 'age needs a min or a max'),
    v.check((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'age min must not be above age max'),
  ),
  medicationCount: v.strictObject({ min: wholeNumber('min', 1, 100) }, 'medicationCount must be { "min": number }'),
  notes: v.union([NOTES_PHRASES, NOTES_NEED], 'notes must be { "phrases": [...] } or { "need": "<need id>" }'),
  notesDenied: v.strictObject({ phrases: phraseList('phrases') }, 'notesDenied must be { "phrases": [...] }'),
  deprivationDecile: v.strictObject({ max: wholeNumber('max decile', 1, 10) }, 'deprivationDecile must be { "max": 1 to 10 }'),
  role: v.pipe(v.array(v.picklist(ROLE_IDS, `role may only contain ${ROLE_IDS.join(', ')}`), 'role must be a list'), v.nonEmpty('role must name at least one role')),
} as const;

const KINDS = ['all', 'any', 'not', 'near', ...Object.keys(LEAVES)];
/** How far apart two nearby mentions may be, in sentences. */
const MAX_NEAR_SENTENCES = 3;

/** A valid condition whose evidence is in the notes, so that `near` can place it ("not" has no evidence). */
function aboutTheNotes(c: unknown): boolean {
  const [key, value] = Object.entries(c as Record<string, unknown>)[0] as [string, unknown];
  if (key === 'notes' || key === 'near') return true;
  if (key === 'all' || key === 'any') return (value as unknown[]).every(aboutTheNotes);
  return false;
}

/** Why this condition is not valid, or undefined when it is. */
export function conditionReason(json: unknown, path: string, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `${path}: conditions are nested too deeply (at most ${MAX_DEPTH} levels)`;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return `${path} must be a condition object such as { "age": { "min": 75 } }`;
  }
  const keys = Object.keys(json);
  if (keys.length !== 1) {
    return `${path} must have exactly one of ${KINDS.join(', ')} (found ${keys.length === 0 ? 'none' : keys.join(', ')}); combine several with "all"`;
  }
  const key = keys[0] as string;
  const value: unknown = (json as Record<string, unknown>)[key];
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(value) || value.length === 0) return `${path}.${key} must be a non-empty list of conditions`;
    for (let i = 0; i < value.length; i += 1) {
      const inner = conditionReason(value[i], `${path}.${key}[${i}]`, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  if (key === 'not') return conditionReason(value, `${path}.not`, depth + 1);
  if (key === 'near') {
    const shape = `${path}.near must be { "sentences": 0 to ${MAX_NEAR_SENTENCES}, "all": [two conditions on the notes] }`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return shape;
    const extra = Object.keys(value).find((k) => k !== 'sentences' && k !== 'all');
    if (extra) return `${path}.near: unknown field "${extra}"`;
    const { sentences, all } = value as { sentences?: unknown; all?: unknown };
    if (typeof sentences !== 'number' || !Number.isInteger(sentences) || sentences < 0 || sentences > MAX_NEAR_SENTENCES) {
      return `${path}.near.sentences must be a whole number from 0 to ${MAX_NEAR_SENTENCES}`;
    }
    if (!Array.isArray(all) || all.length !== 2) return `${path}.near.all must be a list of exactly two conditions`;
    for (let i = 0; i < all.length; i += 1) {
      const inner = conditionReason(all[i], `${path}.near.all[${i}]`, depth + 1);
      if (inner) return inner;
      if (!aboutTheNotes(all[i])) {
        return `${path}.near.all[${i}] must be about the notes ({ "notes": ... }, or "any"/"all" of them): nothing else has a place in the notes to be near`;
      }
    }
    return undefined;
  }
  if (!Object.hasOwn(LEAVES, key)) return `${path}: unknown condition "${key}" (known: ${KINDS.join(', ')})`;
  // Pick the notes form by its key so the reason names the real problem.
  const schema =
    key === 'notes' && typeof value === 'object' && value !== null && 'need' in value && !('phrases' in value)
      ? NOTES_NEED
      : LEAVES[key as keyof typeof LEAVES];
  const result = v.safeParse(schema, value);
  if (result.success) return undefined;
  const issue = result.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  if (issue && issue.expected === 'never' && where) return `${path}.${key}: unknown field "${where}"`;
  return `${path}.${key}: ${issue?.message ?? 'not valid'}`;
}
