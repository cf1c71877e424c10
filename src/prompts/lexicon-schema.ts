/**
 * Checks a lexicon file (src/prompts/lexicons/<need>.json) and says what is
 * wrong in words a practice manager can act on ("pairs.money-strain names a
 * group that does not exist: "strian""). Used by the test suite, not at load.
 */
import * as v from 'valibot';
import { type Lexicon, MET_GROUP } from './lexicon';
import { NEED_IDS } from './needs';
import { bracketProblem, phraseSlots } from './phrase-index';

const phraseList = (what: string) =>
  v.array(v.pipe(v.string(`each phrase in ${what} must be text`), v.trim(), v.nonEmpty(`${what} must not contain empty text`)), `${what} must be a list of phrases`);
const groups = (what: string) => v.record(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} names must be lower-case words joined by hyphens`)), phraseList(what));

const LexiconShape = v.strictObject({
  $comment: v.optional(v.string()),
  need: v.picklist(NEED_IDS, `need must be one of: ${NEED_IDS.join(', ')}`),
  signals: groups('signals'),
  hints: v.optional(groups('hints'), {}),
  pairs: v.optional(v.record(v.string(), v.tuple([v.string(), v.string()], 'each pair names two groups')), {}),
  pairWindow: v.optional(v.pipe(v.number('pairWindow must be a number'), v.integer('pairWindow must be a whole number'), v.minValue(0), v.maxValue(5, 'pairWindow must be at most 5')), 0),
  anyPerson: v.optional(v.array(v.string(), 'anyPerson must be a list of group names'), []),
  otherSexAgent: v.optional(v.array(v.string(), 'otherSexAgent must be a list of group names'), []),
  ignore: v.optional(phraseList('ignore'), []),
  answeredNo: v.optional(phraseList('answeredNo'), []),
  notThisNeed: v.optional(phraseList('notThisNeed'), []),
  met: v.optional(phraseList('met'), []),
});

export type ParseLexiconResult = { ok: true; lexicon: Lexicon } | { ok: false; reason: string };

/** Validate one lexicon file. Never throws. */
export function parseLexicon(json: unknown): ParseLexiconResult {
  const parsed = v.safeParse(LexiconShape, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    return { ok: false, reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'not a valid lexicon'}` };
  }
  const out = parsed.output;
  const names = new Set([...Object.keys(out.signals), ...Object.keys(out.hints)]);
  if (names.has(MET_GROUP)) return { ok: false, reason: `"${MET_GROUP}" is the name of the met questions' group: give the group another name` };
  for (const [name, [a, b]] of Object.entries(out.pairs)) {
    for (const g of [a, b]) if (!names.has(g)) return { ok: false, reason: `pairs.${name} names a group that does not exist: "${g}"` };
  }
  for (const g of out.anyPerson) if (!names.has(g)) return { ok: false, reason: `anyPerson names a group that does not exist: "${g}"` };
  for (const g of out.otherSexAgent) if (!names.has(g)) return { ok: false, reason: `otherSexAgent names a group that does not exist: "${g}"` };
  for (const [where, list] of [...Object.entries(out.signals), ...Object.entries(out.hints), ['ignore', out.ignore] as const, ['answeredNo', out.answeredNo] as const, ['notThisNeed', out.notThisNeed] as const, ['met', out.met] as const]) {
    for (const phrase of list) {
      const brackets = bracketProblem(phrase);
      if (brackets) return { ok: false, reason: `${where}: "${phrase}" ${brackets}` };
      if (phraseSlots(phrase).length === 0) return { ok: false, reason: `${where}: "${phrase}" has no words to look for` };
    }
  }
  return {
    ok: true,
    lexicon: { need: out.need, signals: out.signals, hints: out.hints, pairs: out.pairs, pairWindow: out.pairWindow, anyPerson: out.anyPerson, otherSexAgent: out.otherSexAgent, ignore: out.ignore, answeredNo: out.answeredNo, notThisNeed: out.notThisNeed, met: out.met },
  };
}
