/**
 * A need's everyday words (src/prompts/lexicons/<need>.json): signals, any
 * one of which is enough; hints, ambiguous words ("bills", "stress",
 * "heating") that count only in a pair with a word of another group nearby;
 * and look-alikes to ignore ("stress fracture", "peak flow meter"). #14.
 */
import type { NeedId } from './needs';

export interface Lexicon {
  need: NeedId;
  /** Group name -> phrases; one affirmed mention of any is enough. */
  signals: Record<string, string[]>;
  /** Group name -> ambiguous phrases; they count only through `pairs`. */
  hints: Record<string, string[]>;
  /** Pair name -> two group names: a mention from each, within `pairWindow` sentences, counts. */
  pairs: Record<string, [string, string]>;
  /** How many sentences apart the two mentions of a pair may be (0 = the same sentence). */
  pairWindow: number;
  /** Groups where a relation as the subject still means the patient ("Ex threatened her", "Husband died"). */
  anyPerson: string[];
  /**
   * Groups whose phrases name the one doing it with a pronoun ("he hurts her", "she reads his messages"): a mention
   * counts only when that pronoun is of the other sex from the patient's and any "her", "him" or "his" in it is the
   * patient's own ("he hurts her" in a woman's notes; the same words in a man's notes tell of him doing it). Without
   * the patient's sex, as any other mention.
   */
  otherSexAgent: string[];
  /** Look-alikes that are never a need ("stress fracture"): a mention they overlap never counts, for any need. */
  ignore: string[];
  /**
   * A template field answered no ("Domestic abuse: routine enquiry - no concerns", "DA routine enquiry -ve"): a
   * look-alike as `ignore` is, but only where the answer ends its field (context.ts `answerEndsField`): "DA routine
   * enquiry - no longer feels safe" and "asked - no, but not able to speak freely" are no such answer. The field's
   * own name stays a signal, so any other answer prompts.
   */
  answeredNo: string[];
  /**
   * Look-alikes of this need's words only ("feels flat" is no housing, but it
   * is mood): they hide this need's mentions and leave every other need's alone.
   */
  notThisNeed: string[];
  /**
   * Template questions that ask whether this need is met ("Feels safe at
   * home", "Rent affordable", "Able to heat home"). Answered "no" in the
   * notes ("Feels safe at home: no", "Do you feel safe at home? No") the
   * need is signalled. Answered "yes", or without an answer, a question says
   * nothing (a "yes" that hid the need's other words hid "Not safe at home:
   * yes" and was withdrawn after review).
   */
  met: string[];
}

/** The name of the signal group a lexicon's `met` questions form (a lexicon may not use it for its own groups). */
export const MET_GROUP = 'answered-no';

export interface LexiconGroup {
  /** The need whose lexicon holds the group (its `notThisNeed` look-alikes apply to it). */
  need: string;
  name: string;
  phrases: string[];
  anyPerson: boolean;
  /** Its pronoun-led phrases count only with the patient as the one done to (`Lexicon.otherSexAgent`). */
  otherSexAgent: boolean;
  /** A hint group: its words count only in a pair (and a child's household reads only signals; see facts.ts). */
  hint: boolean;
  /** The group of a lexicon's `met` questions: a mention counts only when the question is answered "no". */
  met: boolean;
}

export interface CompiledLexicon {
  need: string;
  signals: LexiconGroup[];
  hints: Map<string, LexiconGroup>;
  pairs: { name: string; a: LexiconGroup; b: LexiconGroup }[];
  pairWindow: number;
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();

/** Group look-up done once per lexicon object. A pair naming an unknown group is dropped (the schema refuses it). */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const any = new Set(lexicon.anyPerson);
  const agent = new Set(lexicon.otherSexAgent);
  const group = (name: string, phrases: string[], met = false, hint = false): LexiconGroup => ({
    need: lexicon.need,
    name,
    phrases,
    anyPerson: any.has(name),
    otherSexAgent: agent.has(name),
    hint,
    met,
  });
  const signals = Object.entries(lexicon.signals).map(([name, phrases]) => group(name, phrases));
  if (lexicon.met.length > 0) signals.push(group(MET_GROUP, lexicon.met, true));
  const hints = new Map(Object.entries(lexicon.hints).map(([name, phrases]) => [name, group(name, phrases, false, true)]));
  const byName = new Map<string, LexiconGroup>([...signals.map((g) => [g.name, g] as const), ...hints]);
  const pairs: CompiledLexicon['pairs'] = [];
  for (const [name, [a, b]] of Object.entries(lexicon.pairs)) {
    const ga = byName.get(a);
    const gb = byName.get(b);
    if (ga && gb) pairs.push({ name, a: ga, b: gb });
  }
  const compiled: CompiledLexicon = { need: lexicon.need, signals, hints, pairs, pairWindow: lexicon.pairWindow };
  cache.set(lexicon, compiled);
  return compiled;
}

/** Every phrase a lexicon can look for (signals, hints and its `met` questions). */
export function lexiconPhrases(lexicon: Lexicon): string[] {
  return [...Object.values(lexicon.signals).flat(), ...Object.values(lexicon.hints).flat(), ...lexicon.met];
}

/** Names a rule may pick from a lexicon with `notes.groups`: signal groups, hint groups and pairs. */
export function lexiconGroupNames(lexicon: Lexicon): string[] {
  return [...Object.keys(lexicon.signals), ...(lexicon.met.length > 0 ? [MET_GROUP] : []), ...Object.keys(lexicon.hints), ...Object.keys(lexicon.pairs)];
}
