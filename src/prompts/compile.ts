/**
 * Rules compiled once per rule set (cached by the array itself): phrase
 * lists and the lexicons they name become one shared index so the notes are
 * scanned a single time per call, whatever the number of rules.
 */
import { CONTEXT_PHRASES, isContextPhrase, TEMPLATE_DENIAL_FOR } from './context';
import { type CompiledLexicon, compileLexicon, type LexiconGroup, lexiconPhrases } from './lexicon';
import { DEFAULT_LEXICONS } from './lexicons/index';
import { compilePhrases, compilePhrasesInSteps, type PhraseIndex, runSteps } from './phrase-index';
import type { Role } from './roles';
import type { Condition, Rule } from './schema';

export type CompiledCondition =
  | { kind: 'all' | 'any'; items: CompiledCondition[] }
  | { kind: 'not'; item: CompiledCondition }
  | { kind: 'near'; sentences: number; items: [CompiledCondition, CompiledCondition] }
  | { kind: 'problems'; terms: PhraseIndex; codes: Set<string>; min: number }
  | { kind: 'ltc'; min: number }
  | { kind: 'physicalAndMental' }
  | { kind: 'age'; min?: number; max?: number }
  | { kind: 'meds'; min: number }
  /** `denial`: a template's bare "no" denies a mention (the rule's need is one of `answers.denialFor`, context.ts). */
  | { kind: 'notes'; phrases: Set<string>; denial: boolean }
  /** One of the phrases is in the notes and a denial reaches it (or a template answers it "no"). */
  | { kind: 'notesDenied'; phrases: Set<string> }
  /** `key` names the need and groups, so that rules reading the same ones share one reading per call. */
  | { kind: 'lexicon'; lexicon: CompiledLexicon; groups: Set<string> | undefined; key: string }
  | { kind: 'deprivation'; max: number }
  | { kind: 'role'; roles: Set<Role> }
  | { kind: 'never' };

export interface CompiledRule {
  rule: Rule;
  when: CompiledCondition;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  /** Every notes phrase of every rule and lexicon, every look-alike to ignore and every context cue, scanned in one pass. */
  notesIndex: PhraseIndex;
  /** The phrases rules and lexicons look for, and the look-alikes (not the context cues). */
  targets: Set<string>;
  /** Look-alikes ("stress fracture", and each need's `notThisNeed`): a mention they overlap does not count. */
  ignore: Set<string>;
  /** What each phrase of `notesIndex` is for, by its id: worked out once, read per mention. */
  roles: PhraseRole[];
}

/** What one phrase of a rule set's index is for. */
export interface PhraseRole {
  /** Looked for by a rule or lexicon, or a look-alike. */
  target: boolean;
  /** A context cue, terminator or pseudo-trigger. */
  cue: boolean;
  /** A look-alike that hides the mentions it overlaps. */
  ignore: boolean;
  /** Whose mentions it hides: EVERY_NEED (an `ignore` look-alike), or the needs whose `notThisNeed` lists it. */
  hides: readonly string[];
  /** A field answered no (a lexicon's `answeredNo`): a look-alike only where its answer ends the field. */
  endsField: boolean;
  /** Named by a rule's own `notes.phrases`. */
  plain: boolean;
  /** The needs of the rules naming it: a need's own look-alike hides it when it hides every one of them. */
  plainNeeds: readonly string[];
  /** The lexicon groups it belongs to. */
  groups: LexiconGroup[];
  /** Only some lexicon's `met` question: no signal, hint or rule phrase, so no negation may run on into it. */
  onlyAsks: boolean;
}

/** In PhraseRole.hides: a look-alike that hides every need's mentions and rules' own phrases. */
export const EVERY_NEED = '*';

const cache = new WeakMap<readonly Rule[], CompiledRuleSet>();

/**
 * Compile (or fetch from cache) a rule set. Mutating the array after use is not supported: pass a new array.
 * Compiling the defaults takes tens of milliseconds: call it (as `prepareRules`) when the rules arrive, before a
 * patient is read, so the first promptsFor call does not pay for it.
 */
export function compileRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  return cache.get(rules) ?? runSteps(compileInSteps(rules));
}

/** compileRuleSet in steps (see compilePhrasesInSteps); the result is cached when the last step is done. */
function* compileInSteps(rules: readonly Rule[]): Generator<void, CompiledRuleSet> {
  const allPhrases: string[] = [];
  const compiled = rules.map((rule) => ({ rule, when: compileCondition(rule.when, allPhrases, TEMPLATE_DENIAL_FOR.has(rule.need)) }));
  // `ignore` look-alikes are global: "stress fracture" is no stress whichever need asks. A need's
  // `notThisNeed` hides its own words only: housing's "feels flat" must leave mood's "feels flat" alone.
  const hides = new Map<string, string[]>();
  const file = (phrase: string, who: string): void => {
    const list = hides.get(phrase);
    if (!list) hides.set(phrase, [who]);
    else if (!list.includes(who)) list.push(who);
  };
  const plainIgnore = new Set<string>();
  const answeredNo = new Set<string>();
  for (const l of DEFAULT_LEXICONS.values()) {
    for (const p of l.ignore) {
      file(p, EVERY_NEED);
      plainIgnore.add(p);
    }
    for (const p of l.answeredNo) {
      file(p, EVERY_NEED);
      answeredNo.add(p);
    }
    for (const p of l.notThisNeed) file(p, l.need);
  }
  const ignore = new Set(hides.keys());
  const targets = new Set([...allPhrases, ...ignore]);
  const groupsOfPhrase = new Map<string, LexiconGroup[]>();
  const lexicons = new Set<CompiledLexicon>();
  const plain = new Set<string>();
  const plainNeeds = new Map<string, string[]>();
  const collect = (c: CompiledCondition, need: string): void => {
    if (c.kind === 'lexicon') lexicons.add(c.lexicon);
    else if (c.kind === 'notes' || c.kind === 'notesDenied') {
      for (const p of c.phrases) {
        plain.add(p);
        const needs = plainNeeds.get(p);
        if (!needs) plainNeeds.set(p, [need]);
        else if (!needs.includes(need)) needs.push(need);
      }
    } else if (c.kind === 'all' || c.kind === 'any' || c.kind === 'near') c.items.forEach((i) => collect(i, need));
    else if (c.kind === 'not') collect(c.item, need);
  };
  compiled.forEach((r) => collect(r.when, r.rule.need));
  for (const lex of lexicons) {
    for (const g of [...lex.signals, ...lex.hints.values()]) {
      for (const phrase of g.phrases) {
        const list = groupsOfPhrase.get(phrase);
        if (!list) groupsOfPhrase.set(phrase, [g]);
        else if (!list.includes(g)) list.push(g);
      }
    }
  }
  yield;
  const notesIndex = yield* compilePhrasesInSteps([...targets, ...CONTEXT_PHRASES]);
  yield;
  const roles = notesIndex.phrases.map(({ phrase }): PhraseRole => {
    const groups = groupsOfPhrase.get(phrase) ?? [];
    return {
      target: targets.has(phrase),
      cue: isContextPhrase(phrase),
      ignore: ignore.has(phrase),
      hides: hides.get(phrase) ?? [],
      // Only a phrase no lexicon also lists as a plain `ignore`: that one hides wherever it stands.
      endsField: answeredNo.has(phrase) && !plainIgnore.has(phrase),
      plain: plain.has(phrase),
      plainNeeds: plainNeeds.get(phrase) ?? [],
      groups,
      onlyAsks: !plain.has(phrase) && groups.length > 0 && groups.every((g) => g.met),
    };
  });
  const set: CompiledRuleSet = { rules: compiled, notesIndex, targets, ignore, roles };
  cache.set(rules, set);
  return set;
}

function compileCondition(c: Condition, allPhrases: string[], denial: boolean): CompiledCondition {
  if ('all' in c) return { kind: 'all', items: c.all.map((x) => compileCondition(x, allPhrases, denial)) };
  if ('any' in c) return { kind: 'any', items: c.any.map((x) => compileCondition(x, allPhrases, denial)) };
  if ('not' in c) return { kind: 'not', item: compileCondition(c.not, allPhrases, denial) };
  if ('near' in c) {
    const [a, b] = c.near.all;
    return { kind: 'near', sentences: c.near.sentences, items: [compileCondition(a, allPhrases, denial), compileCondition(b, allPhrases, denial)] };
  }
  if ('problems' in c) {
    const p = c.problems;
    return {
      kind: 'problems',
      terms: compilePhrases(p.terms ?? [], false),
      codes: new Set((p.codes ?? []).map((x) => x.trim())),
      min: p.min ?? 1,
    };
  }
  if ('longTermConditionCount' in c) return { kind: 'ltc', min: c.longTermConditionCount.min };
  if ('physicalAndMental' in c) return { kind: 'physicalAndMental' };
  if ('age' in c) return { kind: 'age', ...c.age };
  if ('medicationCount' in c) return { kind: 'meds', min: c.medicationCount.min };
  if ('notes' in c) {
    if ('need' in c.notes) {
      const lexicon = DEFAULT_LEXICONS.get(c.notes.need);
      if (!lexicon) return { kind: 'never' };
      allPhrases.push(...lexiconPhrases(lexicon));
      const groups = c.notes.groups ? new Set(c.notes.groups) : undefined;
      return { kind: 'lexicon', lexicon: compileLexicon(lexicon), groups, key: `${c.notes.need}|${groups ? [...groups].sort().join(',') : '*'}` };
    }
    allPhrases.push(...c.notes.phrases);
    return { kind: 'notes', phrases: new Set(c.notes.phrases), denial };
  }
  if ('notesDenied' in c) {
    allPhrases.push(...c.notesDenied.phrases);
    return { kind: 'notesDenied', phrases: new Set(c.notesDenied.phrases) };
  }
  if ('deprivationDecile' in c) return { kind: 'deprivation', max: c.deprivationDecile.max };
  if ('role' in c) return { kind: 'role', roles: new Set(c.role) };
  // An unvalidated, unknown shape never fires rather than crashing a consultation.
  return { kind: 'never' };
}

/** Compile a rules array ahead of the first promptsFor call (same cache). */
export function prepareRules(rules: readonly Rule[]): void {
  compileRuleSet(rules);
}

/**
 * prepareRules in short tasks: `pause` is awaited between steps (a page passes a
 * zero-delay timer), so clicks and typing are answered while the rules compile.
 * A promptsFor call meanwhile compiles synchronously for itself: same result.
 */
export async function prepareRulesInSlices(rules: readonly Rule[], pause: () => Promise<void>): Promise<void> {
  if (cache.has(rules)) return;
  const steps = compileInSteps(rules);
  for (let step = steps.next(); !step.done; step = steps.next()) await pause();
}
