/**
 * The facts one promptsFor call evaluates rules against, each worked out at
 * most once and only if some rule asks (notes scan, condition count,
 * deprivation look-up).
 */
import type { PatientContext, Problem } from '../context/patient-context';
import { type CompiledRuleSet, EVERY_NEED, type PhraseRole } from './compile';
import { type FoundCondition, longTermConditions } from './conditions';
import type { Outcome } from './evaluate';
import type { LexiconGroup } from './lexicon';
import type { Role } from './roles';
import { answerEndsField, CHILD_HOUSEHOLD, type ContextJudge, contextJudge, LABEL_QUESTION_WORDS, PRONOUN_NOT_FOR, POSSESSIVE_NOT_FOR, SPOUSE_POSSESSIVE_NOT_FOR, TEMPLATE_DENIAL_FOR, TEMPLATE_DENIAL_FOR_GROUPS, FOR_OTHER_NOT_FOR, FOR_RELATIVE_TOO,
  DECLINED_OFFER_FOR, COPING_WITH_LOSS_FOR, COPING_WITH_CARE_FOR, relationSentences, SELF_WELL_NOT_FOR, selfWellNeeds, type SubjectRule } from './context';
import { findRawMatches, type RawMatch } from './phrase-index';
import { LazyHit, type LocatedHit, snippetAround } from './text-match';
import { type Token, tokenize } from './tokenize';

export interface Facts {
  role: Role;
  problems: readonly Problem[];
  age: number | undefined;
  medicationCount: number | undefined;
  postcode: string | undefined;
  /** Hits of rules' own `notes.phrases` with their context, by phrase; look-alikes ("stress fracture") already removed. */
  noteHits(): Map<string, LocatedHit[]>;
  /** The notes words of a hit as typed, for "why". */
  snippet(hit: LocatedHit): string;
  /** Whether a template answers this mention with a bare "no" ("Lives alone: N"; context.ts `answeredNo`). */
  answeredNo(hit: LocatedHit): boolean;
  /** A lexicon group's affirmed hits (a relation as the subject allowed for anyPerson groups), once per call. */
  groupHits(group: LexiconGroup): LocatedHit[];
  /** What evaluate.ts read from a lexicon this call, by need and groups: rules that read the same share it. */
  readonly lexiconOutcomes: Map<string, Outcome>;
  /** How many mentions a group has before context is judged (0 means its pairs cannot form). */
  groupCount(group: LexiconGroup): number;
  conditions(): FoundCondition[];
  /** Tokens of each problem term, same order as `problems`. */
  problemTokens(): Token[][];
  decile(): number | undefined;
}

const NO_SENTENCES: ReadonlySet<number> = new Set();

/**
 * Whether a longer mention of the same group, starting where this one does and going on only in words that name a
 * question (context.json `labelQuestionWords`), is denied: "DV Qs - no concerns" denies "DV Qs", and the "DV" it
 * starts with (a label's answer reaches the label's last word; nineteenth session, dev43). Only then: "no car since
 * his wife died" denies the car, not the death.
 */
function insideDenied(at: number, list: readonly RawMatch[], judge: ContextJudge, tokens: readonly Token[]): boolean {
  // A group's mentions are in text order, those starting at one word side by side (phrase-index.ts findRawMatches
  // emits a word's matches together): only those neighbours are looked at (a long note has thousands; code review).
  const m = list[at] as RawMatch;
  for (let k = at - 1; k >= 0 && (list[k] as RawMatch).first === m.first; k -= 1) if (deniesInside(list[k] as RawMatch, m, judge, tokens)) return true;
  for (let k = at + 1; k < list.length && (list[k] as RawMatch).first === m.first; k += 1) if (deniesInside(list[k] as RawMatch, m, judge, tokens)) return true;
  return false;
}

function deniesInside(outer: RawMatch, m: RawMatch, judge: ContextJudge, tokens: readonly Token[]): boolean {
  return outer.last > m.last && onlyQuestionWords(tokens, m.last + 1, outer.last) && judge.isNegated(outer);
}

function onlyQuestionWords(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k += 1) if (!LABEL_QUESTION_WORDS.has((tokens[k] as Token).word)) return false;
  return true;
}

/** Build lazily computed facts for one context; bad input fields are treated as absent. */
export function factsFor(
  ctx: PatientContext,
  set: CompiledRuleSet,
  role: Role,
  deprivation: ((postcode: string) => number | undefined) | undefined,
  year: number,
): Facts {
  let hits: Map<string, LocatedHit[]> | undefined;
  let noteTokens: Token[] = [];
  let conditions: FoundCondition[] | undefined;
  let problemTokens: Token[][] | undefined;
  let decile: { value: number | undefined } | undefined;
  // Every mention filed under its lexicon groups while scanning; filtered to affirmed ones on first use.
  const rawByGroup = new Map<LexiconGroup, RawMatch[]>();
  // A `met` question -> the last word of its "no" answer (quoted with it), or undefined when not answered no.
  const answerEnd = new Map<RawMatch, number | undefined>();
  let contextOfText: ContextJudge | undefined;
  const byGroup = new Map<LexiconGroup, LocatedHit[]>();
  let selfWell: { needs: ReadonlySet<string>; sentences: ReadonlySet<number> } | undefined;
  const notes = typeof ctx.notes === 'string' ? ctx.notes : '';
  const sex = ctx.sex === 'female' || ctx.sex === 'male' ? ctx.sex : 'unknown';
  const problems = Array.isArray(ctx.problems) ? ctx.problems.filter(isProblem) : [];
  const postcode = typeof ctx.postcode === 'string' && ctx.postcode.trim() ? ctx.postcode.trim() : undefined;
  const age = finite(ctx.age);
  // A child's home is the one a parent describes ("Mum says black mould in the baby's room"): for a child
  // patient, a parent as the subject does not make a household need someone else's. Without an age, no one is a child.
  const child = age !== undefined && age <= CHILD_HOUSEHOLD.maxAge;
  // For the `signalsOnly` needs (family), a parent's account counts only through the need's signals: a hint pairs with
  // any other hint nearby, so "Mum struggling with her own depression. Child well" would read as the child's family
  // need (hostile review, eleventh session).
  const subjectRule = (group: LexiconGroup): SubjectRule =>
    group.anyPerson
      ? 'relation'
      : child && CHILD_HOUSEHOLD.needs.has(group.need) && !(group.hint && CHILD_HOUSEHOLD.signalsOnly.has(group.need))
        ? 'parent'
        : PRONOUN_NOT_FOR.has(group.need)
          ? 'patient-or-pronoun'
          : POSSESSIVE_NOT_FOR.has(group.need)
            ? 'patient-or-possessive'
            : SPOUSE_POSSESSIVE_NOT_FOR.has(group.need)
              ? 'patient-or-spouse'
              : 'patient';
  return {
    role,
    problems,
    age,
    lexiconOutcomes: new Map(),
    medicationCount: finite(ctx.medicationCount),
    postcode,
    noteHits() {
      if (!hits) {
        noteTokens = notes.trim() ? tokenize(notes) : [];
        hits = new Map();
        // One pass finds the rules' phrases, the look-alikes and the context cues together.
        const targets: RawMatch[] = [];
        // A template question ("has anyone to talk to") is no signal, so it never makes a negation run on
        // into it: "Doesn't have anyone to talk to" stays one signal that starts with its own "doesn't".
        const signals: RawMatch[] = [];
        const cues: RawMatch[] = [];
        let anyIgnored = false;
        for (const m of findRawMatches(noteTokens, set.notesIndex)) {
          const r = set.roles[m.phrase.id] as PhraseRole;
          if (r.target) targets.push(m);
          if (r.target && !r.onlyAsks) signals.push(m);
          if (r.cue) cues.push(m);
          if (r.ignore) anyIgnored = true;
        }
        const judge = contextJudge(noteTokens, signals, cues, year, sex, notes, ctx.age);
        const hitOf = (m: RawMatch): LocatedHit => {
          const first = noteTokens[m.first] as Token;
          return new LazyHit(m.phrase.phrase, first.start, (noteTokens[m.last] as Token).end, m.first, m.last, first.sentence, judge);
        };
        // A look-alike hides the other mentions it overlaps ("stress fracture" hides "stress"): of
        // every need, or only of the needs whose `notThisNeed` lists it.
        const looksAlike: RawMatch[][] = [];
        if (anyIgnored) {
          for (const m of targets) {
            const r = set.roles[m.phrase.id] as PhraseRole;
            // A field answered no hides only where its answer ends the field ("DA routine enquiry - no longer feels safe").
            if (!r.ignore || (r.endsField && !answerEndsField(noteTokens, m.last))) continue;
            for (let k = m.first; k <= m.last; k += 1) (looksAlike[k] ??= []).push(m);
          }
        }
        for (const m of targets) {
          const r = set.roles[m.phrase.id] as PhraseRole;
          if (!r.plain && r.groups.length === 0) continue;
          const hidden = anyIgnored ? hiddenFor(m, looksAlike, set.roles) : undefined;
          // A rule's own phrases belong to no lexicon: a look-alike of every need hides them, or one of the needs of all
          // the rules naming the phrase ("Lives alone, feels safe" for the older person's living alone; review41b).
          if (r.plain && !(hidden !== undefined && (hidden.has(EVERY_NEED) || (r.plainNeeds.length > 0 && r.plainNeeds.every((n) => hidden.has(n)))))) {
            const list = hits.get(m.phrase.phrase);
            const h = hitOf(m);
            if (list) list.push(h);
            else hits.set(m.phrase.phrase, [h]);
          }
          // Filed as raw matches: a hit object is made only when a rule reads the group.
          for (const g of r.groups) {
            if (hidden !== undefined && (hidden.has(EVERY_NEED) || hidden.has(g.need))) continue;
            // A need's template question ("Feels safe at home", "Rent affordable") counts only answered "no"
            // (asked once per mention: "rent affordable" is housing's and money's). A "yes" hides nothing: a
            // review found "Not safe at home: yes" and "Worried about paying rent? Yes" hidden that way.
            if (g.met) {
              if (!answerEnd.has(m)) {
                const a = judge.answerTo(m);
                answerEnd.set(m, a?.answer === 'no' ? a.last : undefined);
              }
              if (answerEnd.get(m) === undefined) continue;
            }
            const gl = rawByGroup.get(g);
            if (gl) gl.push(m);
            else rawByGroup.set(g, [m]);
          }
        }
        contextOfText = judge;
      }
      return hits;
    },
    groupHits(group) {
      let list = byGroup.get(group);
      if (!list) {
        this.noteHits();
        list = [];
        const judge = contextOfText;
        if (judge) {
          const subject = subjectRule(group);
          const raws = rawByGroup.get(group) ?? [];
          for (let at = 0; at < raws.length; at += 1) {
            const m = raws[at] as RawMatch;
            // A question answered "no" is the need: only its time and person are judged (the answer is a
            // negation), on the question's own words ("Feels safe at home as a child: no" is the past).
            if (group.met ? !judge.isCurrentForPatient(m, subject, group.need) : !judge.isAffirmed(m, subject, group.need)) continue;
            if (raws.length > 1 && insideDenied(at, raws, judge, noteTokens)) continue;
            // A template's bare "no" denies it, for the needs where that is safe to read ("Lives alone: N", "Gambling: N").
            if (!group.met && (TEMPLATE_DENIAL_FOR.has(group.need) || TEMPLATE_DENIAL_FOR_GROUPS.has(`${group.need}/${group.name}`)) && judge.answeredNo(m, group.need)) continue;
            // "The lunch club for her", in a man's notes: a service for someone else (not for the needs a household shares).
            if (!FOR_OTHER_NOT_FOR.has(group.need) && group.anyPerson !== true && judge.servesOther(m, group.need)) continue;
            // "Her dad sits with the heating off. Gave Home Energy Scotland number for him": a relation's, not a spouse's.
            if (FOR_RELATIVE_TOO.has(group.need) && group.anyPerson !== true && judge.servesRelative(m)) continue;
            // "Look into Home Energy Scotland for them", after her parents' cold house: theirs, a household's need too.
            if (group.anyPerson !== true && judge.servesOthers(m)) continue;
            // "Offered carer support - declined, husband fit and well": the service declined is no need (not for safety,
            // mood, substances or what a patient lacks, where the offer may be the only record of the need).
            if (DECLINED_OFFER_FOR.has(group.need) && judge.inDeclinedOffer(m, group.need)) continue;
            // "Husband died 7 months ago. Says she's coping": the death alone, coped with, is no mood need.
            if (COPING_WITH_LOSS_FOR.has(group.need) && judge.copesWithLoss(m)) continue;
            // "Cares for her mum 3 days/wk; says she copes well": a caring role coped with is no caring need.
            if (COPING_WITH_CARE_FOR.has(group.need) && judge.copesWithCare(m)) continue;
            // "He reads her messages" is the patient's abuse in a woman's notes and his doing in a man's (`otherSexAgent`).
            if (group.otherSexAgent && !judge.doneToPatient(m)) continue;
            const first = noteTokens[m.first] as Token;
            // "Worried about daughter - partner violent towards her. Pt herself coping fine": a relation's trouble, told.
            if (SELF_WELL_NOT_FOR.has(group.need)) {
              if (!selfWell) {
                const needs = selfWellNeeds(noteTokens);
                selfWell = { needs, sentences: needs.size > 0 ? relationSentences(noteTokens) : NO_SENTENCES };
              }
              if (selfWell.needs.has(group.need) && selfWell.sentences.has(first.sentence)) continue;
            }
            const last = group.met ? (answerEnd.get(m) as number) : m.last;
            list.push(new LazyHit(m.phrase.phrase, first.start, (noteTokens[last] as Token).end, m.first, last, first.sentence, judge));
          }
        }
        byGroup.set(group, list);
      }
      return list;
    },
    groupCount(group) {
      this.noteHits();
      return rawByGroup.get(group)?.length ?? 0;
    },
    snippet(hit) {
      return snippetAround(notes, noteTokens, hit.first, hit.last, true);
    },
    answeredNo(hit) {
      this.noteHits();
      return contextOfText?.answeredNo(hit) ?? false;
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

/** Whose mentions the look-alikes covering this mention's words hide (the mention itself aside); undefined when none cover it. */
function hiddenFor(m: RawMatch, looksAlike: readonly (RawMatch[] | undefined)[], roles: readonly PhraseRole[]): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (let k = m.first; k <= m.last; k += 1) {
    const over = looksAlike[k];
    if (over === undefined) continue;
    for (const o of over) {
      if (o.phrase === m.phrase) continue;
      out ??= new Set();
      for (const who of (roles[o.phrase.id] as PhraseRole).hides) out.add(who);
    }
  }
  return out;
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
