/**
 * Judges each mention in the notes for negation, time, experiencer and
 * hypotheticals, in the manner of ConText (Harkema et al. 2009, after NegEx):
 * trigger terms from context.json, each with a direction and a scope that
 * ends at the sentence (or clause) end and at terminators ("but", "however").
 * "No money worries", "was homeless in 2015", "her son is homeless" and "if
 * heating costs go up" are all mentions that must not raise a prompt (#14).
 * Cues are looked up by token position, so the cost stays linear in the notes.
 */
import table from './context.json';
import { bracketProblem, compilePhrases, findRawMatches, type PhraseIndex, type RawMatch } from './phrase-index';
import { phraseWords, RELATION_WORDS, type Token } from './tokenize';

/** The small word classes the context rules read (context.json `words`; each list's use is in its `$about`). */
const words = table.words;

export const CONTEXT_CATEGORIES = ['negated', 'historical', 'hypothetical', 'other-person'] as const;
export type ContextCategory = (typeof CONTEXT_CATEGORIES)[number];
/** Kinds of other-person cue; a lexicon group may let a relation be the subject ("Ex threatened her"). */
export type OtherPersonKind = 'relation' | 'possessive' | 'reported' | 'role' | 'pronoun';

/** How a mention stands in its sentence. */
export interface MentionContext {
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  /** About someone else by any cue. */
  otherPerson: boolean;
  /** About someone else by a cue other than a relation as the subject ("wife's father", "who says", "her clients"). */
  otherPersonNotRelation: boolean;
}

/**
 * Who may be the subject of a mention that still counts for the patient: only the patient; any relation
 * (a lexicon's `anyPerson` groups: "Ex threatened her"); or, for a child's household needs, a parent
 * ("Mum says black mould in the baby's room", context.json `childHousehold`); or, for the needs a pronoun
 * cue leaves alone (its `notFor`: safety), the patient or a pronoun of the other sex ("He uses coercive control").
 */
export type SubjectRule = 'patient' | 'relation' | 'parent' | 'patient-or-pronoun' | 'patient-or-possessive' | 'patient-or-spouse';

type Direction = 'forward' | 'backward' | 'both';
interface Group {
  category: ContextCategory;
  kind: OtherPersonKind | undefined;
  direction: Direction;
  scope: 'clause' | 'sentence';
  window: number;
  subject: boolean;
  /** The cue is its first word only; the rest just says when it is one ("wife's" in "wife's father"). */
  anchorFirst: boolean;
  /** The cue counts only as a label's whole answer ("Gambling: no", "Caring responsibilities - No"). */
  answer: boolean;
  /** Words that end the cue's reach where they stand (a group's `stopsAt`). */
  stopsAt: ReadonlySet<string> | undefined;
  /** For an answer cue: the longest label it answers, in words (a longer label asks more than "is there a need"). */
  labelWords: number;
  /** Whether a backward cue reaches over a label's colon or dash to its last word ("Alcohol: nil"); `"acrossLabels": false` stops at it. */
  acrossLabels: boolean;
  /**
   * A backward cue whose first word names the service it signposts also covers a mention that ends on that word
   * ("Community transport for her mother-in-law", "Asked about the food bank for a neighbour": the mention ends on the
   * cue's own first word; `"coversFirstWord": true`, twenty-fourth session, from dev66), unless the signpost is for the
   * patient too ("…for her son and herself", `patientToo`).
   */
  coversFirstWord: boolean;
  /**
   * A sentence-wide forward cue that reaches a later clause only when it is a short list item that names a service and
   * says nothing of anyone (at most `words` words, one of `services`, none of `stops`): "Leaflets: food bank, Home
   * Energy Scotland, Citizens Advice" are what the leaflet is about; "Leaflet given - discloses DV" and "Advised to phone
   * HES, house cold" are not (`"intoShortClauses"`, twenty-fourth session, from two hostile reviews).
   */
  intoShortClauses: { words: number; stops: ReadonlySet<string>; services: ReadonlySet<string> } | undefined;
  /**
   * A sentence-wide forward cue that reaches a later clause only when it goes on with the list the cue opened, as a
   * denial does (a single word, a clause with "and" or "or", or a label's answer), names a time of its own in the past
   * (one of `pastTime`), or is an item of at most `words` words with none of `present` in it: "Hx of asthma, alcohol
   * dependence, depression" and "Hx of homelessness, sleeping rough when 18" are lists of pasts; "Hx of depression,
   * partner hitting her" and "PMH COPD, now homeless" a past and then the present (`"listOnly"`, twenty-fifth session).
   */
  listOnly: { words: number; present: ReadonlySet<string>; pastTime: ReadonlySet<string> } | undefined;
  /**
   * A historical or negated group whose reach leaves a mention of the needs in its `spares` alone when that mention is
   * told in the present (`HIST_SPARING`, `NEG_SPARING`; `ContextJudge.spares`).
   */
  spares: boolean;
  /**
   * A relation led by the writer's own "my" ("My mum has dementia, struggling to cope"): its reach is its own clause, and
   * "we" after it is the writer's household (set where the cue is read; context.json `firstPersonLeadIn`).
   */
  firstPerson?: boolean;
  /**
   * A cue that is not read when the rest of its sentence names the patient (one of `words.patientForms` or
   * `patientToo.words`): "Advised son to ring the council re the black mould in her bedroom" is her home, though he rings
   * (`"patientAfter": true`, fiftieth session, from review48c).
   */
  patientAfter: boolean;
}

/** A group's `intoShortClauses`, its word lists as sets (lexicons-meta.test.ts checks the shape). */
function shortClausesOf(g: object): Group['intoShortClauses'] {
  if (!('intoShortClauses' in g)) return undefined;
  const short = g.intoShortClauses as { words: number; stops: string[]; services: string[] };
  return { words: short.words, stops: new Set(short.stops), services: new Set(short.services) };
}

/** A group's `listOnly`, its word list as a set (lexicons-meta.test.ts checks the shape). */
function listOnlyOf(g: object): Group['listOnly'] {
  if (!('listOnly' in g)) return undefined;
  const list = g.listOnly as { words: number; present: string[]; pastTime: string[] };
  return { words: list.words, present: new Set(list.present), pastTime: new Set(list.pastTime) };
}

const OTHER_PERSON_KINDS: readonly OtherPersonKind[] = ['relation', 'possessive', 'reported', 'role', 'pronoun'];
/** A misspelt kind would silently get every other-person bit (which blocks even safety): refuse it at load. */
function otherPersonKind(kind: unknown): OtherPersonKind {
  if (!OTHER_PERSON_KINDS.includes(kind as OtherPersonKind)) throw new Error(`context.json: unknown other-person kind "${String(kind)}"`);
  return kind as OtherPersonKind;
}

const PAST_YEAR = '<past-year>';
/** A subject pronoun of the other sex from the patient's ("she" in a man's notes): someone else is the subject. */
const OTHER_SEX_SUBJECT = '<other-sex-subject>';
const groups: Group[] = [];
/** The needs some historical group `spares` (one set for all: one bit carries them). */
const SPARED = new Set<string>();
/** A spared mention must say its need in the present (context.json `sparesPresent`): one of `words` in it, none of `past` in it or just before it. */
const PRESENT_MARKS = new Set<string>(table.sparesPresent.words);
const PAST_MARKS = new Set<string>(table.sparesPresent.past);
/** How many words before a mention a past mark still makes it past ("was hitting her", "had been hitting her"). */
const PAST_LOOKBACK = 2;
/** The marks of `sparesPresent.words` that tell the abuse as just done, not now (`sparesPresent.justDone`). */
const JUST_DONE = new Set<string>(table.sparesPresent.justDone);
/** Words that make a label before the mention a history ("Hx DV 2014 - husband kicked her"; `sparesPresent.pastLabels`). */
const PAST_LABELS = new Set<string>(table.sparesPresent.pastLabels);
/** Words after a just-done mention that make it recent (`sparesPresent.recent`: "last week", "yesterday"). */
const RECENT = new Set<string>(table.sparesPresent.recent);
/** Words after a just-done mention that date it to the patient's youth (`sparesPresent.youth`). */
const YOUTH = new Set<string>(table.sparesPresent.youth);
/** The longest clause after a label read as its answer, not as something else resolved ("Frightened of partner: ok"). */
const LABEL_ANSWER_WORDS = 2;
/** How near a clause that is only a date ("In 2016, husband hit her") dates a mention told as just done. */
const PAST_YEAR_NEAR = 3;
const LABEL_ANSWERS = new Set<string>(table.sparesPresent.labelAnswers);
const groupsByCue = new Map<string, Group[]>();
let pastYearGroups: Group[] = [];
let otherSexGroups: Group[] = [];
/** The needs a subject pronoun of the other sex does not make someone else's (the pronoun group's `notFor`). */
const pronounNotFor = new Set<string>();
for (const g of table.groups) {
  const group: Group = {
    category: g.category as ContextCategory,
    kind: 'kind' in g ? otherPersonKind(g.kind) : undefined,
    direction: g.direction as Direction,
    scope: g.scope === 'sentence' ? 'sentence' : 'clause',
    window: g.window,
    subject: 'position' in g && g.position === 'subject',
    anchorFirst: 'anchor' in g && g.anchor === 'first',
    answer: 'position' in g && g.position === 'answer',
    stopsAt: 'stopsAt' in g && Array.isArray(g.stopsAt) ? new Set(g.stopsAt as string[]) : undefined,
    labelWords: 'labelWords' in g && typeof g.labelWords === 'number' ? g.labelWords : Number.POSITIVE_INFINITY,
    acrossLabels: !('acrossLabels' in g && g.acrossLabels === false),
    coversFirstWord: 'coversFirstWord' in g && g.coversFirstWord === true,
    intoShortClauses: shortClausesOf(g),
    listOnly: listOnlyOf(g),
    spares: 'spares' in g && Array.isArray(g.spares) && g.spares.length > 0,
    patientAfter: 'patientAfter' in g && g.patientAfter === true,
  };
  if ('spares' in g && Array.isArray(g.spares)) for (const need of g.spares as string[]) SPARED.add(need);
  groups.push(group);
  for (const cue of g.cues) {
    if (cue === PAST_YEAR) pastYearGroups = [...pastYearGroups, group];
    else if (cue === OTHER_SEX_SUBJECT) {
      otherSexGroups = [...otherSexGroups, group];
      if ('notFor' in g && Array.isArray(g.notFor)) for (const need of g.notFor as string[]) pronounNotFor.add(need);
    } else groupsByCue.set(cue, [...(groupsByCue.get(cue) ?? []), group]);
  }
}
const TERMINATOR_ALL = 'all';
const terminatorKinds = new Map<string, Set<string>>();
for (const [scope, cues] of Object.entries(table.terminators)) {
  for (const cue of cues) terminatorKinds.set(cue, (terminatorKinds.get(cue) ?? new Set()).add(scope));
}
const pseudoCues = new Set(table.pseudo);
/** Every cue, terminator and pseudo-trigger phrase: a rule set scans them with its own phrases, in one pass. */
export const CONTEXT_PHRASES: readonly string[] = [...new Set([...groupsByCue.keys(), ...terminatorKinds.keys(), ...pseudoCues])];
// A cue the phrase syntax cannot read would silently never match (a bracket inside a bracket, one left open, an empty
// choice): refused at load, as the lexicons are (lexicon-schema.ts), not only by a data test.
for (const cue of CONTEXT_PHRASES) {
  const problem = bracketProblem(cue);
  if (problem !== undefined) throw new Error(`context.json: the cue "${cue}" ${problem}`);
}
const contextPhrases = new Set(CONTEXT_PHRASES);
// Compiled on first use: most callers scan the cues with their own phrases (compileRuleSet).
let cueIndex: PhraseIndex | undefined;

/** Whether a phrase is one of context.json's cues, terminators or pseudo-triggers. */
export function isContextPhrase(phrase: string): boolean {
  return contextPhrases.has(phrase);
}
const leadIn = new Set(table.leadIn.flatMap((w) => w.toLowerCase().replace(/['\u2019]/g, '').split(' ')));
const YEAR = /^(19|20)\d\d$/;
/** A decade: "1990s", or "90s" after "the" ("in the 80s"; "in her 50s" is an age). */
const DECADE = /^((19|20)\d0|\d0)s$/;
/** Words around a decade that make it describe a building ("a 1930s semi"), not date a time (context.json `decadeDescribes`). */
const DECADE_BEFORE: ReadonlySet<string> = new Set(table.decadeDescribes.before);
const DECADE_AFTER: ReadonlySet<string> = new Set(table.decadeDescribes.after);
const DECADE_TIME_WORDS: ReadonlySet<string> = new Set(table.decadeDescribes.timeWords);
/** A clipped year after "in" ("closed in '85"), 1930-1999 only; not "in 45 minutes". */
const CLIPPED_YEAR = /^[3-9]\d$/;
/** Seasons that a two-digit year may follow ("winter 22/23"). */
const SEASONS = new Set<string>(words.seasons);
const TIME_UNITS = new Set<string>(words.timeUnits);

/**
 * The last year a time word names, when it names a past one: "2015", "the 90s",
 * "the 1980s", "in '85". Undefined for anything else (ages such as "her 50s", amounts).
 */
export function pastTimeYear(tokens: readonly Token[], k: number): number | undefined {
  const w = (tokens[k] as Token).word;
  // Every form below starts with a digit ("2015", "90s", "22", "85"): most words are done here.
  const c0 = w.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57)) return undefined;
  const prev = tokens[k - 1]?.word;
  // "since 2019" is a start that runs to now, not a past time.
  if (prev === 'since') return undefined;
  if (w.length === 4 && YEAR.test(w)) return Number(w);
  if (DECADE.test(w)) {
    if (prev !== undefined && DECADE_BEFORE.has(prev)) return undefined;
    const next = tokens[k + 1]?.word;
    if (next !== undefined && DECADE_AFTER.has(next) && !(prev !== undefined && DECADE_TIME_WORDS.has(prev))) return undefined;
    if (w.length === 5) return Number(w.slice(0, 4)) + 9;
    if (prev !== 'the') return undefined;
    const n = Number(w.slice(0, 2));
    return (n >= 30 ? 1900 : 2000) + n + 9;
  }
  // "winter 22/23": a season with a two-digit year.
  if (prev !== undefined && SEASONS.has(prev) && /^\d\d$/.test(w)) {
    const n = Number(w);
    return (n >= 30 ? 1900 : 2000) + n;
  }
  if (prev === 'in' && CLIPPED_YEAR.test(w)) {
    const next = tokens[k + 1];
    if (next && next.clause === (tokens[k] as Token).clause && TIME_UNITS.has(next.word)) return undefined;
    return 1900 + Number(w);
  }
  return undefined;
}

/**
 * Lists by token position (most positions have none). The slots are made at once for every position: an
 * array first written far past its end (a terminator at word 1,500 of a long note) becomes a dictionary in V8,
 * and each later write then allocated (with the pseudo-trigger arrays below, a ninth of promptsFor's garbage on the
 * bench's 2,000-word note: 1.27 MB a call before, 1.12 MB after; no change in time measured, #14).
 */
class ByPosition<T> {
  private readonly lists: (T[] | undefined)[];
  constructor(size: number) {
    this.lists = new Array<T[] | undefined>(size).fill(undefined);
  }
  add(at: number, x: T): void {
    const list = this.lists[at];
    if (list) list.push(x);
    else this.lists[at] = [x];
  }
  get(at: number): readonly T[] {
    return this.lists[at] ?? NONE;
  }
}
const NONE: readonly never[] = [];

/**
 * The context of each match (same order). `year` is the year the notes are
 * read in: a year two or more before it ("homeless in 2015") marks the
 * mentions of its clause as historical.
 */
export function judgeContext(tokens: readonly Token[], matches: readonly RawMatch[], year: number, sex: PatientSex = 'unknown', text?: string): MentionContext[] {
  if (matches.length === 0) return [];
  cueIndex ??= compilePhrases(CONTEXT_PHRASES);
  const judge = contextJudge(tokens, matches, findRawMatches(tokens, cueIndex), year, sex, text);
  return matches.map((m) => judge.contextOf(m));
}

/**
 * Marks each aside after a relation (`ContextJudge.addAside`): a bracket of at most `BRACKET_CHARS` characters right
 * after a relation word, with a word (not a comma or a full stop) right after it in the same sentence, that does not
 * name the patient as its subject ("Lives with husband (she is his main carer) struggling" is not an aside; "not our
 * patient" names the relation).
 */
function findAsides(judge: ContextJudge, tokens: readonly Token[], text: string, sex: PatientSex): void {
  const n = tokens.length;
  for (let k = 0; k + 1 < n; k += 1) {
    const t = tokens[k] as Token;
    if ((tokens[k + 1] as Token).clause === t.clause || !(RELATION_WORDS.has(t.word) || isRelationWord(t.word))) continue;
    const bracket = bracketAfter(tokens, text, k);
    if (bracket === undefined) continue;
    const { close, last } = bracket;
    let after = close + 1;
    while (text.charCodeAt(after) === SPACE_CODE) after += 1;
    if (!/[A-Za-z]/.test(text.charAt(after))) continue;
    const next = tokens[last + 1];
    if (last === k || next === undefined || next.sentence !== t.sentence || next.start < after) continue;
    // "(our pt)" is the patient ("Mum (our pt) says his tantrums…"), "(not our patient)" the relation; "she" or "he" of
    // the patient's sex names the patient.
    let patient = false;
    let negated = false;
    for (let j = k + 1; j <= last && !patient; j += 1) {
      const w = (tokens[j] as Token).word;
      if (ASIDE_NEGATIONS.has(w)) negated = true;
      patient = (w === 'pt' || w === 'patient' ? !negated : sex !== 'unknown' && PATIENT_SUBJECTS[sex].has(w));
    }
    // Nor one that says the relation has gone ("Partner (left in March) owes £2k on the joint account in her name",
    // "Husband (passed away in Feb) low since"): what follows is the patient's, as after "Husband died last year".
    let gone = false;
    for (let j = k + 1; j <= last && !gone; j += 1) gone = EXITS.has((tokens[j] as Token).word);
    // Nor after a spouse or partner, whose household the patient shares: what follows a spouse's bracket is as often the
    // couple's ("Husband (lost his job) they are now 3 months behind with the rent", "Partner (on UC) rent arrears now
    // £900"; review48c), and the household's clause rules need the clause break the bracket makes.
    if (!patient && !gone && !SPOUSES.has(t.word) && t.word !== 'ex') judge.addAside(k, last);
  }
}

/** Words before "patient" or "pt" in a relation's aside that make it the relation's ("not our patient", "non-patient"). */
const ASIDE_NEGATIONS: ReadonlySet<string> = new Set(table.tokenizer.notPatientAside.negations);

/**
 * The bracket right after token `k` when one opens there, a clause break in the tokens: the offsets of its "(" and ")"
 * in `text` and its last token (`k` when it holds none). Undefined when no bracket of at most `BRACKET_CHARS` characters
 * opens right after it. The tokens only know a clause broke there, so the text is read (`addBracket`, `findAsides`).
 */
function bracketAfter(tokens: readonly Token[], text: string, k: number): { open: number; close: number; last: number } | undefined {
  const t = tokens[k] as Token;
  let open = t.end;
  while (text.charCodeAt(open) === SPACE_CODE) open += 1;
  if (text.charCodeAt(open) !== OPEN_BRACKET_CODE) return undefined;
  const close = text.indexOf(')', open);
  if (close < 0 || close - open > BRACKET_CHARS) return undefined;
  let last = k;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < close) last += 1;
  return { open, close, last };
}

/**
 * Prepares the cues of one text once; `contextOf(match)` then judges a mention
 * on demand, so mentions no rule asks about cost nothing. `cueMatches` are the
 * matches of CONTEXT_PHRASES in the same tokens (found with the caller's phrases).
 */
export function contextJudge(
  tokens: readonly Token[],
  matches: readonly RawMatch[],
  cueMatches: readonly RawMatch[],
  year: number,
  sex: PatientSex = 'unknown',
  text?: string,
  age?: number,
): ContextJudge {
  const n = tokens.length;
  let byFirst: ByPosition<RawMatch> | undefined;
  const matchesByFirst = (): ByPosition<RawMatch> => {
    if (!byFirst) {
      byFirst = new ByPosition<RawMatch>(n);
      for (const m of matches) byFirst.add(m.first, m);
    }
    return byFirst;
  };

  // Typed arrays of the note's length, not arrays written at scattered positions (see ByPosition).
  const pseudo = new Uint8Array(n);
  // Terminators by first and by last word, with the categories each one ends.
  const terms: Terms = { byFirst: new ByPosition<Term>(n), byLast: new ByPosition<Term>(n) };
  // A cue that starts where a pseudo-trigger starts and runs on past it is a cue of its own ("wonders if she will" is
  // a wondering about the future, though "wonders if" alone is none); one starting inside a pseudo-trigger is not
  // ("same as when the kids were small" is no past). `pseudoFrom[k]`: the furthest last word of those starting at k;
  // `pseudoInside[k]`: k is inside one that started earlier.
  const pseudoFrom = new Int32Array(n).fill(-1);
  const pseudoInside = new Uint8Array(n);
  // 1 where a pseudo-trigger ends, 2 where one runs on past (`othersAfterPseudo`).
  const pseudoEnd = new Uint8Array(n);
  for (const c of cueMatches) {
    if (!pseudoCues.has(c.phrase.phrase)) continue;
    pseudoFrom[c.first] = Math.max(pseudoFrom[c.first] as number, c.last);
    for (let k = c.first; k <= c.last; k += 1) {
      pseudo[k] = 1;
      if (k > c.first) pseudoInside[k] = 1;
      pseudoEnd[k] = k === c.last && pseudoEnd[k] !== 2 ? 1 : 2;
    }
  }
  // A position no pseudo-trigger starts at (-1) is run past by none.
  const runsPastPseudo = (raw: RawMatch): boolean => pseudoInside[raw.first] !== 1 && pseudoFrom[raw.first] !== -1 && raw.last > (pseudoFrom[raw.first] as number);
  // "Asked about a walking group for her husband": a pseudo-trigger ("asked about a walking group" is an enquiry, not a
  // screening question) ends on the first word of an other-person cue that runs on past it ("group for her husband").
  // The pseudo-trigger takes away the cue at its start, never whose the group is (forty-eighth session). Only for
  // another person: "same as when the kids were small" is still no past.
  const othersAfterPseudo = (raw: RawMatch): boolean => pseudoEnd[raw.first] === 1 && raw.last > raw.first;
  for (const c of cueMatches) {
    const kinds = terminatorKinds.get(c.phrase.phrase);
    // A terminator inside a pseudo-trigger is not one: "his wife (also our pt)" is still the wife.
    if (kinds && pseudo[c.first] !== 1) {
      const t: Term = { first: c.first, last: c.last, ends: terminatorBits(kinds) };
      terms.byFirst.add(t.first, t);
      terms.byLast.add(t.last, t);
    }
  }

  // Each cue marks the words a mention may start at (reaching forward) or end at (reaching back): one sweep per cue,
  // so judging a mention is then a look-up.
  const judge = new ContextJudge(tokens, terms, sex, age);
  if (text !== undefined) findAsides(judge, tokens, text, sex);
  const toldBy = informantNames(tokens, sex, age, text);
  judge.patientNamed = toldBy;
  // A family word that names the patient: by her own age ("Gran (63)") or as a relative telling it calls her.
  const isPatientWord = (k: number): boolean => (text !== undefined && age !== undefined && isSelfByAge(tokens[k] as Token, text, age)) || toldBy?.has(k) === true;
  for (const raw of cueMatches) {
    const cueGroups = groupsByCue.get(raw.phrase.phrase);
    const inPseudo = pseudo[raw.first] === 1 && !runsPastPseudo(raw);
    if (!cueGroups || (inPseudo && !othersAfterPseudo(raw))) continue;
    // "Gran (63) now bringing up 2 grandchildren", in a 63-year-old's notes: the patient named by her family role.
    if (text !== undefined && age !== undefined && raw.first === raw.last && isSelfByAge(tokens[raw.first] as Token, text, age)) continue;
    // "Daughter phoned - mum not eating", in her notes: the patient named by the one telling it.
    if (toldBy !== undefined && namesTeller(toldBy, raw)) continue;
    for (const cueGroup of cueGroups) {
      if (inPseudo && cueGroup.category !== 'other-person') continue;
      let group = cueGroup;
      // "My mum has dementia, struggling to cope looking after her", "My husband is in hospital, no money for food": an
      // e-consult's writer leaves out "I", so a relation led by "my" reaches its own clause only (fortieth session,
      // review40b: the old reading, with "my" no lead-in, let these be the patient's).
      if (group.subject && FIRST_PERSON_LEAD.has(tokens[raw.first - 1]?.word ?? '') && atClauseStart(tokens, raw.first)) {
        group = { ...group, window: Math.min(group.window, firstPersonReach(tokens, raw.last)), firstPerson: true };
      }
      if (group.subject && !atClauseStart(tokens, raw.first)) {
        if (atClauseStart(tokens, raw.first, true)) {
          // "Denies alcohol and husband drinks heavily": a relation that opens a conjunct after "and" is its subject, to
          // the end of its own clause only: "Works part time and husband is unemployed, behind with rent" is the
          // patient's rent (twenty-fifth session; a third hostile review found 45 readings worse with the sentence).
          group = { ...group, window: Math.min(group.window, judge.clauseRestAfter(raw.last)) };
        } else if (toldAfterLabel(tokens, raw.first, raw.last)) {
          // "Worried re son - in prison - drinking 2 bottles a night to cope": what is told of the relation ends at the
          // next dash or colon (code review).
          group = { ...group, window: Math.min(group.window, untilLabel(tokens, raw.last + 1) + 1) };
        } else if (opensSubordinate(tokens, raw.first)) {
          // "…since Sept as her daughter is using heroin again", "Can't sleep because his son drinks": a relation right
          // after a word that opens a subordinate clause is that clause's subject, to its end, read as a possessive of
          // it is (twenty-third session, dev59): never for the needs a relation's trouble is often the patient's own or
          // the household's ("Low mood as husband uses coercive control", "Stressed as her husband was sanctioned",
          // "Exhausted as his mum needs 24/7 care"; a hostile review of a first form that read it as a relation opening
          // a sentence found 21 such readings worse).
          judge.addSubordinateRelation(raw.last, (tokens[raw.last] as Token).word, subordinateRest(tokens, raw.last));
          continue;
        } else if (reportedByPatient(tokens, raw.first, raw.last, judge.nextAfter(raw.last), isPatientWord)) {
          // A relation opening what is reported reaches to the end of its own clause: "Pt worries wife will leave, lost
          // £4k on the slots, 2 months rent arrears" and "Worries mum will find out about the self harm, cutting
          // thighs" are the patient's own after the comma (review 19 and code review).
          group = { ...group, window: Math.min(group.window, judge.clauseRestAfter(raw.last)) };
        } else {
          // Not the subject, so not who the clause is about; but a parent's account of someone else's home
          // ("Mum says her sister is being evicted") is not the child's household either.
          if (group.category === 'other-person' && group.kind === 'relation' && !isTheParent(tokens, raw)) judge.addNamedRelation(group, raw.last);
          continue;
        }
      }
      if (group.answer) {
        // Only a label's answer ("Gambling: no"). A "no" after a question mark or an "A:" label denies
        // nothing: four reviews found follow-up questions denying disclosures ("Partner hit her, told
        // anyone? No", "Self harm? No. Cut her arms last night"), so that reading was withdrawn.
        if (!isLabelAnswer(tokens, raw, group.labelWords)) continue;
        // "Gambling: not really, £50 a day on the slots" is no denial.
        if (WHOLE_REPLY_ONLY.has(raw.phrase.phrase) && tokens[raw.last + 1]?.sentence === (tokens[raw.last] as Token).sentence) continue;
      }
      if (group.category === 'negated' && group.direction === 'forward' && startsASignal(raw, matchesByFirst(), tokens)) continue;
      // A one-word denial inside a clause reaches back only when nothing but a qualifier follows it ("Alcohol nil",
      // "Money worries none at all"). Followed by a finding, it denies that instead: "Low mood nil SI", "Drinking heavily
      // nil withdrawal" (context.json `trailingQualifiers`). As a label's answer it denies the label whatever follows
      // ("Debt: none known to practice", "DV: denies being hit": two reviews found over 120 template answers prompting
      // otherwise), unless what follows opens with one of the few findings that come with the label's own
      // (`answerSubFindings`) and does not restate it (`labelRestatements`): "Low mood: denies SI", "Partner hit her -
      // nil injuries" prompt, "Suicidal ideation: denies SI" does not (hazard H6).
      if (
        group.category === 'negated' &&
        group.direction === 'backward' &&
        TRAILING_ONLY.has(raw.phrase.phrase) &&
        findingFollows(tokens, raw.last) &&
        (!startsLabelValue(tokens, raw.first) || subFindingFollows(tokens, raw.first, raw.last))
      )
        continue;
      // "Lives with her boyfriend who has been hitting her": a reported "who has" after the patient's own partner is that
      // partner's clause as a relation's is, so a safety group that names its experiencer still reads it as done to the
      // patient, as "who hits her" was (thirtieth session, a hostile review: no safety prompted). Only when the clause has
      // the patient in it as the one done to ("her" in a woman's notes): "his wife who is very low since her mum died" stays hers.
      if (group.kind === 'reported' && sex !== 'unknown' && WHO_WORDS.has((tokens[raw.first] as Token).word) && partnerJustBefore(tokens, raw.first) && restOfClauseHas(tokens, raw.first, PATIENT_OBJECTS[sex])) group = asRelation(group);
      // The relation a possessive names ("wife's father") is its last word.
      judge.addCue(group, raw.first, group.anchorFirst ? raw.first : raw.last, (tokens[raw.last] as Token).word, raw.last);
    }
  }
  // "She has started going to a support group" in a man's notes is his wife's, not his: a pronoun of the other sex as
  // the subject of its clause, when the patient's sex is known and someone of that sex is named just before (this
  // sentence or the two before). Not before a reporting verb ("She says the house is freezing" is often a nurse or a
  // relative telling of the patient's home), and never in a note that marks the patient's gender (a trans patient's own
  // pronoun; a hostile review found 28 of its 35 worse readings there). A possessive of the other sex in or just before
  // a mention ("Worried about her son - lost his job", in a woman's notes) makes it that person's the same way
  // (`addPossessive`; twelfth session).
  if (sex !== 'unknown' && otherSexGroups.length > 0) {
    const other = sex === 'female' ? 'male' : 'female';
    const [bare, contracted, possessive, object] = other === 'female' ? ['she', 'shes', 'her', 'her'] : ['he', 'hes', 'his', 'him'];
    for (let k = 0; k < n; k += 1) {
      const w = (tokens[k] as Token).word;
      // "Son sofa surfing… she's given him the council's homelessness number", in a woman's notes: what is given to
      // someone of the other sex named before is theirs, to the end of its clause (`givenTo`; twenty-first session,
      // from dev49 and dev50). Only right after a verb of giving ("told him", "asked her" are left alone), never for a
      // spouse or partner (a couple's arrears and job are the household's: "Husband lost his job. Gave him the CAB
      // number re their rent arrears"), nor "gave him a ring", nor a clause that names the patient ("…for pt", "pt also
      // keen to stop"): a hostile review found 17 such readings worse as first written (`givenTo` below).
      if (w === object && pseudo[k] !== 1 && GIVEN_TO.has(tokens[k - 1]?.word ?? '') && (tokens[k - 1] as Token).clause === (tokens[k] as Token).clause) {
        const to = givenTo(tokens, k, other);
        if (to === undefined || GIVEN_NOT.has(tokens[k + 2]?.word ?? '') || restOfClauseHas(tokens, k, PATIENT_OWN_WORDS[sex])) continue;
        if (judge.genderMarked()) break;
        addSubjectCues(judge, otherSexGroups, tokens, k, to, true);
        continue;
      }
      const subject = w === bare || w === contracted;
      const opens = subject && afterOpener(tokens, k);
      // A pseudo-trigger of a relation reporting on the patient ("Daughter thinks he's lonely", in a man's notes) does not
      // hold a pronoun of the other sex, which is never the patient: "Her neighbour thinks he's lonely" is his (fiftieth
      // session, dev143).
      const reported = afterReport(tokens, k);
      if (subject ? (pseudo[k] === 1 && !reported) || !(atClauseStart(tokens, k) || opens || reported) || reports(tokens, k) : w !== possessive || (other === 'female' && !ownsNext(tokens, k))) continue;
      // The bounded look-back first: most possessives have no one of that sex named before them (code review).
      // A subject pronoun may also stand for a partner, ex or friend named before; a possessive only for a relation of its sex.
      let named = namedBefore(tokens, k, other, subject);
      // "Mum reports Dad moved out and she thinks he's sleeping rough": a parent who has left is not a child's household.
      if (named !== undefined && PARENTS.has(named) && leftBefore(tokens, k, named)) named = 'parent-who-left';
      if (named === undefined || (!subject && patientLeads(tokens, k, sex))) continue;
      // A spouse, partner or child of the household after a relation reporting on the patient ("Her mum thinks he has run
      // up rent arrears again", "Her mum thinks he's going to school hungry"): the household's own trouble, as a spouse is
      // refused after "gave him" (`givenTo`; review50a, review50d).
      if (subject && pseudo[k] === 1 && (SPOUSES.has(named) || HOUSEHOLD_CHILDREN.has(named))) continue;
      if (judge.genderMarked()) break;
      // The relation found stands for the pronoun: for a child patient a brother's clause is not the household's.
      if (subject) addSubjectCues(judge, otherSexGroups, tokens, k, named, opens);
      else judge.addPossessive(k, named);
    }
  }
  // "Her parents, both in their 80s in Airdrie - they can't afford to heat the house": "they" for people named before
  // (context.json `theyForOthers`), read as a pronoun of the other sex is, for an adult patient (a child's parents are
  // its household).
  if (age !== undefined && age >= THEY_MIN_AGE && otherSexGroups.length > 0) {
    for (let k = 0; k < n; k += 1) {
      if (!THEY.has((tokens[k] as Token).word) || pseudo[k] === 1) continue;
      const opens = afterOpener(tokens, k);
      if (!(atClauseStart(tokens, k) || opens) || reports(tokens, k)) continue;
      const named = pluralBefore(tokens, k);
      // "They've stopped speaking to him and won't pay his rent": what they do to the patient is still the patient's;
      // "they take cocaine and he joins in" has the patient in it.
      if (named === undefined || (sex !== 'unknown' && clauseHas(tokens, k, PATIENT_OWN_WORDS[sex]))) continue;
      if (judge.genderMarked()) break;
      addSubjectCues(judge, otherSexGroups, tokens, k, named, opens);
    }
  }
  // "Her nephew, who stays with her sister and is using heroin": a clause opened by "who" right after a relation is that
  // person's, as a bracket after one is (thirtieth session, dev89). The "who" clause only: "Her son, who is homeless,
  // came with her" goes back to the patient after it; and not when the patient is in it ("whom she cares for").
  // Also past a few words of where they live in the relation's own clause ("her mum in an old stone cottage outside
  // Crieff who can't heat the place").
  for (let k = 0; k + 1 < n; k += 1) {
    const t = tokens[k] as Token;
    if (!RELATION_WORDS.has(t.word)) continue;
    // "Dad of two who works offshore", "a single mum who…": the relation word describes the patient (the review).
    if (tokens[k + 1]?.word === 'of' || WHO_SELF_DESCRIBED.has(tokens[k - 1]?.word ?? '')) continue;
    // Past the relation's aside, if it has one ("her sister (different practice) who has no internet"; fiftieth session).
    const from = judge.nextAfter(k);
    const clause = from === k + 1 ? t.clause : ((tokens[from] as Token | undefined)?.clause ?? t.clause);
    let at = from;
    while (at < n && at < from + WHO_REACH && (tokens[at] as Token).word !== 'who' && (tokens[at] as Token).clause === clause && !RELATION_WORDS.has((tokens[at] as Token).word) && !PATIENT_WORDS.has((tokens[at] as Token).word)) at += 1;
    const who = tokens[at];
    if (who === undefined || who.word !== 'who' || who.sentence !== t.sentence || (at > from && who.clause !== clause)) continue;
    let last = at;
    while (last + 1 < n && (tokens[last + 1] as Token).clause === who.clause) last += 1;
    // Not when the patient is in it ("…to cope herself", "her own COPD": `relativeWho.patientIn`); after an aside, nor
    // when it speaks of the patient ("her cousin (runs a nail bar) who keeps her on a zero hours contract"; review50a).
    if (last > at && !namesPatient(tokens, at + 1, last, sex, PATIENT_IN_WHO) && !(from !== k + 1 && sex !== 'unknown' && restOfClauseHas(tokens, at, PATIENT_FORMS[sex]))) judge.addBracket(at + 1, last, t.word);
  }
  // "Lives with his dad (alcoholic liver disease)", "Mum (depression) brought her": a bracket right after a relation
  // says what is that person's (the tokens only know a clause broke there, so the text is read; twelfth session).
  if (text !== undefined) {
    for (let k = 0; k + 1 < n; k += 1) {
      const t = tokens[k] as Token;
      // A clause break first (a comparison), then the word (a look-up).
      if ((tokens[k + 1] as Token).clause === t.clause || !RELATION_WORDS.has(t.word)) continue;
      const bracket = bracketAfter(tokens, text, k);
      if (bracket === undefined) continue;
      const { open, close, last } = bracket;
      // Not "Single mum (very isolated…)" (the patient), nor a bracket about the patient or the couple ("Lives with
      // husband (she is his main carer)", "partner (both drinking)"; code review).
      const before = tokens[k - 1];
      if (last === k || (before !== undefined && SELF_DESCRIBED.has(before.word))) continue;
      if (!namesPatient(tokens, k + 1, last, sex, PATIENT_NAMES)) judge.addBracket(k + 1, last, t.word, AGED_BRACKET.test(text.slice(open, close)));
    }
  }
  // "Offered structured education and the local peer group - declined": the service an offer named, declined by the
  // patient in the next clause, is no need (read in facts.ts for `declinedOffer.needs` only).
  for (let k = 0; k < n; k += 1) {
    if (!OFFERS.has((tokens[k] as Token).word) || !atClauseStart(tokens, k)) continue;
    // "Mentioned he's been off work…": a report, not an offer (hostile review, eighteenth session).
    if (REPORTED_SUBJECTS.has(tokens[k + 1]?.word ?? '')) continue;
    let end = k;
    // "Offered structured education / peer group - declined": a slash between the services offered lists them, so the
    // offer runs on over it (the tokens know only that a clause broke there; twenty-first session, dev49 and dev51),
    // only to a name of at most three words: "Offered physio / cant afford bus fare to get there - declined" and
    // "Discussed fit note / scared of losing job - declined" give a reason, which a decline must not hide (a hostile review).
    for (;;) {
      const next = tokens[end + 1];
      if (next === undefined) break;
      if (next.clause === (tokens[end] as Token).clause) end += 1;
      else if (text !== undefined && text.slice((tokens[end] as Token).end, next.start).trim() === '/' && clauseRest(tokens, end + 1) + 1 <= SLASH_NAME_WORDS) end += 1;
      else break;
    }
    const how = end === k ? 0 : declinesNext(tokens, end + 1, sex);
    if (how === 0) continue;
    // Only the service: the need it was offered for ("for loneliness since wife died", "as no food in the house") stays.
    const last = serviceEnd(tokens, k, end);
    if (last > k) judge.addDeclined(k, last, how === 2);
  }
  // "Asked if he'd like help with the NHS app - no, uses it fine": an offer asked as a question, answered no (fiftieth
  // session; context.json `declinedOffer.askedIf`). Only the patient's own pronoun: "asked if her son would like…" is his.
  for (let k = 0; k + 5 < n; k += 1) {
    const start = askedOfferStart(tokens, k, sex);
    if (start < 0) continue;
    let end = start;
    while (tokens[end + 1] !== undefined && (tokens[end + 1] as Token).clause === (tokens[k] as Token).clause) end += 1;
    const how = answersNoNext(tokens, end + 1) ? 1 : declinesNext(tokens, end + 1, sex);
    // Only the offer: the need it was asked for ("…a befriender as she's been very lonely since her husband died - no",
    // "… help with the loneliness - no") stays, as after any offer (`ASKED_OFFER_ENDS`; review50b, review50d).
    if (how !== 0) judge.addDeclined(k, serviceEnd(tokens, start, end, ASKED_OFFER_ENDS), how === 2);
  }
  // "Carer's assessment offered - declined": the offer word last in its clause, after the service it names (twenty-
  // second session, dev53). Only an offer word that offers ("discussed" reports: "Work stress discussed - declined fit
  // note"), only a short name (longer, the clause holds the need too: "Feels isolated befriending offered - declined";
  // a hostile review) and, as above, only the service, never the need it was offered for.
  for (let k = 1; k < n; k += 1) {
    const t = tokens[k] as Token;
    if (!OFFERS_AFTER.has(t.word) || tokens[k + 1]?.clause === t.clause) continue;
    const first = clauseStart(tokens, k);
    const how = first === k || k - first > PASSIVE_SERVICE_WORDS ? 0 : declinesNext(tokens, k + 1, sex);
    if (how === 0) continue;
    judge.addDeclined(first, serviceEnd(tokens, first, k - 1), how === 2);
  }
  const pastYear = year - table.pastYears;
  for (let k = 0; k < n; k += 1) {
    const when = pastTimeYear(tokens, k);
    if (when !== undefined && when <= pastYear && !(text !== undefined && isHouseNumber(tokens, k, text)) && !goesOn(tokens, k)) {
      judge.markPastYear(k);
      // "Divorced in 2010, lives alone and very lonely", "Wants to go back to college - did nursing in 2018": the year
      // dates its own clause's event, not a clause told now after or before it.
      const reach = text === undefined ? undefined : yearReach(tokens, k, text);
      const word = (tokens[k] as Token).word;
      for (const group of pastYearGroups) {
        if (reach === undefined) judge.addCue(group, k, k, word);
        else {
          if (reach.forward) judge.addCue({ ...group, direction: 'forward' }, k, k, word);
          judge.addCue({ ...group, direction: 'backward', window: reach.back ?? group.window }, k, k, word);
        }
      }
    }
  }
  return judge;
}

const yearClause = table.pastYearClause;
const DATE_WORDS: ReadonlySet<string> = new Set(yearClause.dateWords);
const PRESENT_VERBS: ReadonlySet<string> = new Set(yearClause.present);
const NOW_WORDS: ReadonlySet<string> = new Set(yearClause.now);
const YEAR_ENDS: ReadonlySet<string> = new Set(yearClause.ends);

const STREETS: ReadonlySet<string> = new Set(table.houseNumber.streets);
const CONTINUES = yearClause.continues;
const CONTINUES_MARKS: ReadonlySet<string> = new Set(CONTINUES.marks);
const CONTINUES_WORDS: ReadonlySet<string> = new Set(CONTINUES.words);

/**
 * "2013: husband beats her, ongoing", "Rent arrears from 2022 - still ongoing": a short clause after the year, in its
 * sentence, that only says the event goes on (context.json `pastYearClause.continues`). The year then dates when it
 * began and is no past time.
 */
function goesOn(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  for (let j = k + 1; j < tokens.length && (tokens[j] as Token).sentence === t.sentence; ) {
    const clause = (tokens[j] as Token).clause;
    let words = 0;
    let marked = false;
    let only = true;
    for (; j < tokens.length && (tokens[j] as Token).clause === clause && (tokens[j] as Token).sentence === t.sentence; j += 1) {
      const w = (tokens[j] as Token).word;
      words += 1;
      if (CONTINUES_MARKS.has(w)) marked = true;
      else if (!CONTINUES_WORDS.has(w)) only = false;
    }
    // Not a question or a label answered after it ("DV from ex 2014, ongoing? No", "ongoing: no").
    const next = tokens[j];
    const answered = next !== undefined && next.sentence === t.sentence ? next.afterLabel : next?.afterQuestion === true;
    if (clause !== t.clause && marked && only && words <= CONTINUES.maxWords && !answered) return true;
  }
  return false;
}

/** "2010 Great Western Road": a number before capitalised words that end in a street word is a house number (context.json `houseNumber`). */
function isHouseNumber(tokens: readonly Token[], k: number, text: string): boolean {
  const t = tokens[k] as Token;
  // "In 2010 Road Traffic Accident": after a date word it stays a year.
  const prev = tokens[k - 1];
  if (prev !== undefined && prev.clause === t.clause && DATE_WORDS.has(prev.word)) return false;
  for (let j = k + 1; j <= k + 3; j += 1) {
    const next = tokens[j];
    if (next === undefined || next.clause !== t.clause) return false;
    const c = text.charCodeAt(next.start);
    if (!(c >= 65 && c <= 90)) return false;
    if (STREETS.has(next.word)) return true;
  }
  return false;
}

/**
 * How far a past year at k reaches when it dates an event told before it in its own clause (a word there that is no
 * date word, none a history label): not forward past a comma or "and" into a clause told now ("Divorced in 2010, lives
 * alone"), and not back past a comma or dash into a clause told now ("Wants to go back to college - did nursing in
 * 2018"): `back` is then the words back to its clause's start. Undefined when neither applies (the year reaches its
 * sentence). "In 2016, husband hit her", "Hx DV 2014, ..." and "2013: husband beats her" are dated labels and keep
 * their reach (context.json `pastYearClause`).
 */
function yearReach(tokens: readonly Token[], k: number, text: string): { forward: boolean; back: number | undefined } | undefined {
  const t = tokens[k] as Token;
  let start = k;
  let event = false;
  for (let j = k - 1; j >= 0 && (tokens[j] as Token).clause === t.clause && (tokens[j] as Token).sentence === t.sentence; j -= 1) {
    const w = (tokens[j] as Token).word;
    if (PAST_LABELS.has(w)) return undefined;
    if (!DATE_WORDS.has(w) && pastTimeYear(tokens, j) === undefined) event = true;
    start = j;
  }
  // "Recovering alcoholic - last drink in 2014": the year dates the end of what comes before it, which stays past.
  if (!event || YEAR_ENDS.has((tokens[start] as Token).word)) return undefined;
  const after = tokens[k + 1];
  const and = after !== undefined && after.sentence === t.sentence && after.clause === t.clause && after.word === 'and';
  const comma = after !== undefined && after.sentence === t.sentence && after.clause !== t.clause && text.slice(t.end, after.start).trim() === ',';
  const forwardCut = (and || comma) && toldNow(tokens, and ? k + 2 : k + 1, t.sentence);
  const before = tokens[start - 1];
  let backCut = false;
  if (before !== undefined && before.sentence === t.sentence && BACK_BREAKS.has(text.slice(before.end, (tokens[start] as Token).start).trim())) {
    backCut = toldNow(tokens, clauseStart(tokens, start - 1), t.sentence);
  }
  if (!forwardCut && !backCut) return undefined;
  return { forward: !forwardCut, back: backCut ? k - start : undefined };
}

/** The marks between clauses a year's backward reach may stop at: a comma or a dash, not a label's colon. */
const BACK_BREAKS: ReadonlySet<string> = new Set([',', '-', '\u2013', '\u2014']);

/**
 * Whether the clause starting at `start` is told now: one of `now` in it, or a present verb among its first words;
 * none of the past marks in it, and not opening with a past tense ("…, retrained as an electrician and now on the
 * renewables" goes on with the past).
 */
function toldNow(tokens: readonly Token[], start: number, sentence: number): boolean {
  const first = tokens[start];
  if (first === undefined || first.sentence !== sentence || (first.word.endsWith('ed') && !PRESENT_VERBS.has(first.word))) return false;
  let present = false;
  for (let j = start; j < tokens.length && (tokens[j] as Token).clause === first.clause && (tokens[j] as Token).sentence === sentence; j += 1) {
    const w = (tokens[j] as Token).word;
    if (PAST_MARKS.has(w)) return false;
    if (NOW_WORDS.has(w) || (j - start < yearClause.presentWithin && PRESENT_VERBS.has(w))) present = true;
  }
  return present;
}

const pronounTable = table.otherSexPronoun;
const PRONOUN_REPORTING = new Set(pronounTable.reportingVerbs);
const GENDER_MARKERS = new Set(pronounTable.genderMarkers);
const PRONOUN_AUXILIARIES = new Set(pronounTable.auxiliaries);
const INTRODUCES_CLAUSE = new Set<string>(pronounTable.introducesClause);
const OPENS_CLAUSE = new Set<string>(pronounTable.opensClause);
const RELATION_OPENS_CLAUSE = new Set<string>(table.relationOpensClause.words);
const POSSESSIVE_LEAD = new Set<string>(table.relationOpensClause.leadIn);
const NOT_OPENING = new Set<string>(table.relationOpensClause.notAfter);
const NOT_SUBORDINATE_RELATIONS = new Set<string>(table.relationOpensClause.notRelations);
const OPENS_CLAUSE_ENDS = new Set<string>(pronounTable.opensClauseEnds);
const COMPANIONS = new Set<string>(pronounTable.companions);
/** Verbs of giving after which the other sex's object pronoun is the one a service is given to ("given him the number"). */
const GIVEN_TO = new Set<string>(pronounTable.givenTo);
/** After a signpost's relation, in the rest of its clause, the words that say it is the patient's too ("…for her son and herself"). */
const PATIENT_TOO = new Set<string>(table.patientToo.words);
/** "…for her son and her": a bare pronoun names the patient too only right after "and" (`patientToo.afterAnd`). */
const PATIENT_TOO_AFTER_AND = new Set<string>(table.patientToo.afterAnd);
/** A child's food or welfare-fund help is the household's ("Food bank parcel for her son", "Welfare fund for her daughter's cot"). */
const HOUSEHOLD_CHILDREN = new Set<string>(table.patientToo.householdChildren);
const HOUSEHOLD_AID = new Set<string>(table.patientToo.householdAid);
/** "Gave him a ring", "gave her a call": a phone call, not a service given. */
const GIVEN_NOT = new Set<string>(pronounTable.givenNot);
const SERVICE_NOUNS = new Set<string>(pronounTable.serviceNouns);
/** A relative's "who" clause (context.json `relativeWho`). */
const WHO_SELF_DESCRIBED: ReadonlySet<string> = new Set(table.relativeWho.selfDescribedBefore);
const WHO_REACH: number = table.relativeWho.reach;
const PATIENT_WORDS: ReadonlySet<string> = new Set(table.relativeWho.patientWords);
const PATIENT_IN_WHO: ReadonlySet<string> = new Set(table.relativeWho.patientIn);
const REPORTED_SUBJECTS = new Set<string>(table.declinedOffer.notAfterOffer);

/** "pt" and "patient": the words naming the patient whatever their sex. */
const PATIENT_NAMES: ReadonlySet<string> = new Set<string>(words.patientNames);
/**
 * Whether the words `first` to `last` name the patient, or the patient with someone ("I", "we", "both", the patient's own
 * subject pronoun, or one of `also`): a bracket or a "who" clause after a relation is then not that relation's alone.
 */
function namesPatient(tokens: readonly Token[], first: number, last: number, sex: PatientSex, also: ReadonlySet<string>): boolean {
  for (let p = first; p <= last; p += 1) {
    const w = (tokens[p] as Token).word;
    if (FIRST_PERSON.has(w) || COUPLE.has(w) || (sex !== 'unknown' && PATIENT_SUBJECTS[sex].has(w)) || also.has(w)) return true;
  }
  return false;
}
/** A reported "who has" after the patient's own partner (context.json `partnerWho`). */
const WHO_WORDS: ReadonlySet<string> = new Set(table.partnerWho.who);
const PATIENT_OBJECTS: Record<'female' | 'male', ReadonlySet<string>> = { female: new Set(table.partnerWho.patientObjects.female), male: new Set(table.partnerWho.patientObjects.male) };
const PARTNER_WORDS: ReadonlySet<string> = new Set(table.partnerWho.partners);
/** A partner word among the four words before `at`, in its sentence. */
function partnerJustBefore(tokens: readonly Token[], at: number): boolean {
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at - 1; k >= 0 && k >= at - 4 && (tokens[k] as Token).sentence === sentence; k -= 1) if (PARTNER_WORDS.has((tokens[k] as Token).word)) return true;
  return false;
}
const relationCopies = new WeakMap<Group, Group>();
/** The same group read as a relation's (kind 'relation'), made once. */
function asRelation(group: Group): Group {
  let copy = relationCopies.get(group);
  if (!copy) relationCopies.set(group, (copy = { ...group, kind: 'relation' }));
  return copy;
}

const PRONOUN_PAIRS = new Set(pronounTable.pronounPairs);
const PAIR_FIRSTS = new Set(pronounTable.pronounPairs.map((p: string) => p.split(' ')[0] as string));
/** The patient's own object and possessive pronouns end another person's reach ("…given him notice"). */
const PATIENT_FORMS: Record<'female' | 'male', ReadonlySet<string>> = { female: new Set(words.patientForms.female), male: new Set(words.patientForms.male) };

/** Whether a note marks the patient's gender ("Trans woman", "uses she/her", "GIC"): the record's sex may not be the pronoun. */
function marksGender(tokens: readonly Token[]): boolean {
  for (let k = 0; k < tokens.length; k += 1) {
    const w = (tokens[k] as Token).word;
    if (GENDER_MARKERS.has(w)) return true;
    const next = tokens[k + 1];
    if (next !== undefined && PAIR_FIRSTS.has(w) && PRONOUN_PAIRS.has(`${w} ${next.word}`)) return true;
  }
  return false;
}

/** "her" owning the word after it ("her job"), not its object ("told her", "gave her money" is left alone too). */
function ownsNext(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  const before = tokens[at - 1];
  if (next === undefined || next.clause !== (tokens[at] as Token).clause || NOT_OWNED.has(next.word)) return false;
  return before === undefined || before.clause !== (tokens[at] as Token).clause || !OBJECT_VERBS.has(before.word);
}
/** The longest bracket after a relation that is read as describing that person, in characters. */
const BRACKET_CHARS = 100;
/** A parent word after these is the patient describing herself ("single mum (…)"). */
const SELF_DESCRIBED = new Set<string>(words.selfDescribed);
/** A bracket that opens with the person's age ("her dad (80, lives alone in Arden)"): it describes that person (`bracketAlsoFor`). */
const AGED_BRACKET = /^\(\s*(?:aged?\s*)?\d{1,3}s?\b/i;
const SELF_ROLES: ReadonlySet<string> = new Set(table.selfByAge.roles);
const BRACKETED_AGE = /^\s*\(\s*(?:aged?\s*)?(\d{1,3})\s*(?:yo|y\/o|yrs?|years?)?\s*\)/i;

/**
 * A family role with the patient's own age in brackets right after it ("Gran (63)", "Mum (29) attends", in the notes
 * of a patient of that age) names the patient, not a relative (context.json `selfByAge`).
 */
function isSelfByAge(t: Token, text: string, age: number): boolean {
  return SELF_ROLES.has(t.word) && ageAfter(t, text) === age;
}

/** The age in brackets right after a word ("Gran (63)", "son (4)"), or undefined. */
function ageAfter(t: Token, text: string | undefined): number | undefined {
  const m = text === undefined ? null : BRACKETED_AGE.exec(text.slice(t.end, t.end + 16));
  return m === null ? undefined : Number(m[1]);
}

/** Whether the word at `k` opens "X-in-law" ("daughter-in-law", "mother-in-law"). */
const inLaw = (tokens: readonly Token[], k: number): boolean => tokens[k + 1]?.word === 'in' && tokens[k + 2]?.word === 'law';
const SPACE_CODE = 32;
const OPEN_BRACKET_CODE = 40;

const informant = table.informant;
const INFORMANT_VERBS = new Set(informant.verbs);
const INFORMANT_CALL_WORDS = new Set(informant.callWords);
const INFORMANT_NOT_AFTER = new Set(informant.notAfter);
const INFORMANT_SPOUSES = new Set(informant.spouses);
const INFORMANT_ADVERBS = new Set(informant.adverbs);
const INFORMANT_INTRODUCERS = new Set(informant.introducers);
const INFORMANT_BLOCKERS = new Set(informant.blockers);
const INFORMANT_LEADS = new Set(informant.leads);
const INFORMANT_NAMES: Record<'female' | 'male', Map<string, Set<string>>> = {
  female: new Map(Object.entries(informant.names.female).map(([k, v]) => [k, new Set(v)])),
  male: new Map(Object.entries(informant.names.male).map(([k, v]) => [k, new Set(v)])),
};

/** Whether a cue's words hold one naming the patient as the teller calls them (`informantNames`). */
function namesTeller(names: ReadonlySet<number>, raw: RawMatch): boolean {
  for (let k = raw.first; k <= raw.last; k += 1) if (names.has(k)) return true;
  return false;
}

/**
 * The words that name the patient as the one telling it calls them ("Tel msg: pt's daughter phoned. Mum can't get to her
 * eye screening", "T/C daughter - her mum has not been eating", in her notes; context.json `informant`): in the teller's
 * sentence and the `sentencesAfter` after it. Undefined when no relation of the patient tells the note.
 */
function informantNames(tokens: readonly Token[], sex: PatientSex, age: number | undefined, text: string | undefined): Set<number> | undefined {
  if (sex === 'unknown') return undefined;
  const names = INFORMANT_NAMES[sex];
  let out: Set<number> | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const called = names.get(t.word);
    if (called === undefined) continue;
    if (!INFORMANT_SPOUSES.has(t.word) && (age === undefined || age < informant.minAge)) continue;
    // Not an in-law ("daughter-in-law"), nor a child by the age in brackets after it ("Attended with son (4)").
    if (inLaw(tokens, i) || (ageAfter(t, text) ?? informant.minTellerAge) < informant.minTellerAge) continue;
    if (!tells(tokens, i)) continue;
    for (let k = i + 1; k < tokens.length && (tokens[k] as Token).sentence <= t.sentence + informant.sentencesAfter; k += 1) {
      const w = tokens[k] as Token;
      if (!called.has(w.word) || INFORMANT_NOT_AFTER.has(tokens[k - 1]?.word ?? '') || !tellsOfSubject(tokens, k)) continue;
      // "Gran letting her stay as she was evicted", told by a granddaughter: with a teller of the patient's own sex, a
      // pronoun of that sex after the word may be the teller, so the word stays a relation (review49d).
      // So too the teller named again after it ("Mum minding the kids while daughter at the jobcentre").
      if (INFORMANT_SAME_SEX[sex].has(t.word) && pronounAfter(tokens, k, sex, t.word)) continue;
      // "Dad (88) lives alone", in a 56-year-old's notes: someone else's dad; "mother-in-law", another's.
      if ((ageAfter(w, text) ?? age) !== age || inLaw(tokens, k)) continue;
      (out ??= new Set()).add(k);
    }
  }
  return out;
}

/** Tellers of each sex: their pronouns, after their word for the patient, may be their own. */
const INFORMANT_SAME_SEX: Record<'female' | 'male', ReadonlySet<string>> = { female: new Set(informant.sameSex.female), male: new Set(informant.sameSex.male) };
const INFORMANT_SEX_PRONOUNS: Record<'female' | 'male', ReadonlySet<string>> = { female: new Set(informant.sexPronouns.female), male: new Set(informant.sexPronouns.male) };
/** A pronoun of `sex`, or the teller's own word (or its possessive), after `k` in its sentence. */
function pronounAfter(tokens: readonly Token[], k: number, sex: 'female' | 'male', teller: string): boolean {
  const sentence = (tokens[k] as Token).sentence;
  for (let j = k + 1; j < tokens.length && (tokens[j] as Token).sentence === sentence; j += 1) {
    const w = (tokens[j] as Token).word;
    if (INFORMANT_SEX_PRONOUNS[sex].has(w) || w === teller || w === `${teller}s`) return true;
  }
  return false;
}

/**
 * Whether the relation at `i` tells the note: a telling verb after it (an adverb may come between: "Daughter very
 * worried"), or a call word before it with nothing between that makes the call someone else's ("Tel call from pt re
 * son", "T/C with pt re her daughter"; review49b).
 */
function tells(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  let v = i + 1;
  if (INFORMANT_ADVERBS.has(tokens[v]?.word ?? '') && tokens[v]?.sentence === t.sentence) v += 1;
  if (tokens[v] !== undefined && (tokens[v] as Token).sentence === t.sentence && INFORMANT_VERBS.has((tokens[v] as Token).word)) return true;
  for (let j = i - 1; j >= 0 && j >= i - informant.callReach && (tokens[j] as Token).sentence === t.sentence; j -= 1) {
    const w = (tokens[j] as Token).word;
    if (INFORMANT_BLOCKERS.has(w)) return false;
    if (INFORMANT_CALL_WORDS.has(w)) return true;
  }
  return false;
}

/**
 * Whether the word at `k` is what is told's subject: it opens its clause (after "her", "his" or "the"), or follows a
 * telling verb ("Daughter says mum drinking"). Not an object: "Son said he's given up his job to look after dad" is the
 * son caring for the patient, and "look after dad" must stay the son's. Not "their mum" (the grandchildren's: review49b).
 */
function tellsOfSubject(tokens: readonly Token[], k: number): boolean {
  let j = k - 1;
  if (j >= 0 && INFORMANT_LEADS.has((tokens[j] as Token).word) && (tokens[j] as Token).clause === (tokens[k] as Token).clause) j -= 1;
  const before = tokens[j];
  return before === undefined || before.clause !== (tokens[k] as Token).clause || INFORMANT_VERBS.has(before.word) || INFORMANT_INTRODUCERS.has(before.word);
}

const offerTable = table.declinedOffer;
const OFFERS = new Set(offerTable.offers);
const OFFERS_AFTER = new Set(offerTable.offersAfter);
const DECLINE_SCOPE_ENDS = new Set(offerTable.scopeEnds);
const DECLINES = new Set(offerTable.declines);
const NEGATED_DECLINES = new Set(offerTable.negatedDeclines);
const DECLINE_NEGATIONS = new Set(offerTable.declineNegations);
/**
 * "Doesn't feel he needs it", "doesn't think she needs it": the negation before a thinking verb and its subject
 * (twenty-first session, dev49), only the patient's own pronoun: in a man's notes "Offered carers assessment - she
 * doesn't think she needs it" is his wife with dementia, not him declining (a hostile review).
 */
const DECLINE_THINKS = new Set<string>(offerTable.declineThinks);
const DECLINE_THINKERS: Record<'female' | 'male', string> = offerTable.declineThinkers;
/** A negated decline word at `k`: "not needed", or "doesn't feel he needs it" with the patient's pronoun. */
function negatedAt(tokens: readonly Token[], k: number, sex: PatientSex): boolean {
  if (DECLINE_NEGATIONS.has(tokens[k - 1]?.word ?? '')) return true;
  return sex !== 'unknown' && tokens[k - 1]?.word === DECLINE_THINKERS[sex] && DECLINE_THINKS.has(tokens[k - 2]?.word ?? '') && DECLINE_NEGATIONS.has(tokens[k - 3]?.word ?? '');
}
const ACCEPTS = new Set(offerTable.accepts);
/** The needs a declined offer denies (context.json `declinedOffer.needs`). */
export const DECLINED_OFFER_FOR: ReadonlySet<string> = new Set(offerTable.needs);
const DECLINED_NEXT_NOT_FOR: ReadonlySet<string> = new Set(offerTable.nextSentenceNotFor);
/** The longest service name before an offer word that ends its clause ("Carers centre referral offered - declined"). */
const PASSIVE_SERVICE_WORDS = 2;
/** How far into the next clause a decline is looked for ("- she says she doesn't need it": the fifth word). */
const DECLINE_WORDS = 6;

/**
 * The next clause, in the same sentence, is the patient declining: "declined", "refuses", or "not needed", "says she
 * doesn't need it" among its first `DECLINE_WORDS` words; not someone else ("mum declined on her behalf", "partner
 * refused"), and not when the sentence goes on to accept ("not needing persuading, very keen").
 */
function declinesNext(tokens: readonly Token[], at: number, sex: PatientSex): 0 | 1 | 2 {
  const first = tokens[at];
  if (first === undefined) return 0;
  const sentence = (tokens[at - 1] as Token).sentence;
  // Or the next sentence opens with the decline ("Offered DESMOND. Declines."): 2, read for every need but those of
  // `declinedOffer.nextSentenceNotFor` ("Offered carers assessment. Declines - 'that's my job'"; review41b, review41c).
  if (first.sentence === sentence + 1 && DECLINES.has(first.word)) return acceptsIn(tokens, at, first.sentence) ? 0 : 2;
  if (first.sentence !== sentence) return 0;
  let declined = false;
  for (let k = at; k < at + DECLINE_WORDS && k < tokens.length && (tokens[k] as Token).clause === first.clause; k += 1) {
    const w = (tokens[k] as Token).word;
    if (RELATION_WORDS.has(w)) return 0;
    if (DECLINES.has(w) || (NEGATED_DECLINES.has(w) && negatedAt(tokens, k, sex))) {
      declined = true;
      break;
    }
  }
  if (!declined) return 0;
  return acceptsIn(tokens, at, first.sentence) ? 0 : 1;
}

/** An accept word from `at` to the end of `sentence` (an accept word negated, "not keen", is the decline itself). */
function acceptsIn(tokens: readonly Token[], at: number, sentence: number): boolean {
  for (let k = at; k < tokens.length && (tokens[k] as Token).sentence === sentence; k += 1) {
    if (ACCEPTS.has((tokens[k] as Token).word) && !DECLINE_NEGATIONS.has(tokens[k - 1]?.word ?? '')) return true;
  }
  return false;
}

/** Words that name a template question after its topic ("DV Qs", "Adult protection questions"; facts.ts `insideDenied`). */
export const LABEL_QUESTION_WORDS: ReadonlySet<string> = new Set(table.labelQuestionWords.words);
const ABOUT = new Set(table.relationAfterAbout.words);
/** After these the relation is the one told, not who speaks ("Hasn't told wife about the drinking"; code review). */
const PERSON_TOLD = new Set(table.relationAfterAbout.personTold);
/** What a reported relation must be the subject of: a state or a habit ("son is homeless", "brother lost his job"). */
const REPORTED_VERBS = new Set(table.relationAfterAbout.reportedVerbs);
const ABOUT_OWNERS = new Set<string>(words.aboutOwners);

/**
 * "Worried about son (22) - gambling, has borrowed money from her", "Concerned re daughter: drinking again": a relation
 * named after "about" or "re" and then a dash or colon, which opens what is told of that person (context.json
 * `relationAfterAbout`; nineteenth session, dev43). The relation is the subject of what follows, as at a clause start.
 */
function toldAfterLabel(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  const at = tokens[last] as Token;
  if (next === undefined || !next.afterLabel || next.clause === at.clause || next.sentence !== at.sentence) return false;
  // "Worried about daughter - and about herself: both evicted": the patient joins what is told (review 19).
  if (next.word === 'and') return false;
  let k = first - 1;
  if (k >= 0 && ABOUT_OWNERS.has((tokens[k] as Token).word)) k -= 1;
  return k >= 0 && (tokens[k] as Token).clause === at.clause && ABOUT.has((tokens[k] as Token).word);
}

/** Where the clause of `at` starts (its first word). */
function clauseStart(tokens: readonly Token[], at: number): number {
  const clause = (tokens[at] as Token).clause;
  let k = at;
  while (k > 0 && (tokens[k - 1] as Token).clause === clause) k -= 1;
  return k;
}

/** The last word of an offered service's name from `from` (at most `to`): before the first of `scopeEnds` ("for loneliness"). */
function serviceEnd(tokens: readonly Token[], from: number, to: number, ends: ReadonlySet<string> = DECLINE_SCOPE_ENDS): number {
  let last = from;
  while (last + 1 <= to && !ends.has((tokens[last + 1] as Token).word)) last += 1;
  return last;
}

const askedIf = offerTable.askedIf;
const ASKED_IF_ASKS: ReadonlySet<string> = new Set(askedIf.asks);
const ASKED_IF_WORDS: ReadonlySet<string> = new Set(askedIf.ifWords);
const ASKED_IF_SUBJECTS: ReadonlySet<string> = new Set(askedIf.subjects);
const ASKED_IF_MODALS: ReadonlySet<string> = new Set(askedIf.modals);
const ASKED_IF_WANTS: ReadonlySet<string> = new Set(askedIf.wants);
const ASKED_IF_NO: ReadonlySet<string> = new Set(askedIf.noAnswers);
const ASKED_IF_REPORTING: ReadonlySet<string> = new Set(askedIf.reporting);
/**
 * Where an asked offer ends: `declinedOffer.scopeEnds` and `askedIf.ends` ("Asked if he'd like to talk to someone about
 * feeling lonely - says no", "… help getting to the eye clinic now she can't drive - no" keep the need; review50a, 50d).
 */
const ASKED_OFFER_ENDS: ReadonlySet<string> = new Set([...DECLINE_SCOPE_ENDS, ...askedIf.ends]);

/**
 * "Asked if he would like …" at a clause start (`declinedOffer.askedIf`), with the patient's own subject pronoun or
 * "they": the first word of what is offered (in the same clause), or -1.
 */
function askedOfferStart(tokens: readonly Token[], k: number, sex: PatientSex): number {
  const t = tokens[k] as Token;
  if (!ASKED_IF_ASKS.has(t.word) || !atClauseStart(tokens, k)) return -1;
  const who = tokens[k + 2]?.word ?? '';
  const own = who === 'they' || (sex === 'female' ? who === 'she' : sex === 'male' ? who === 'he' : false);
  if (!ASKED_IF_WORDS.has(tokens[k + 1]?.word ?? '') || !ASKED_IF_SUBJECTS.has(who) || !own) return -1;
  if (!ASKED_IF_MODALS.has(tokens[k + 3]?.word ?? '') || !ASKED_IF_WANTS.has(tokens[k + 4]?.word ?? '')) return -1;
  for (let j = k + 1; j <= k + 5; j += 1) if ((tokens[j] as Token | undefined)?.clause !== t.clause) return -1;
  return k + 5;
}

/** The clause at `at` (in the same sentence as the word before it) is a bare no, after at most one reporting word ("no", "says no"). */
function answersNoNext(tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  if (first === undefined || first.sentence !== (tokens[at - 1] as Token).sentence) return false;
  const k = ASKED_IF_REPORTING.has(first.word) ? at + 1 : at;
  const t = tokens[k];
  return t !== undefined && t.clause === first.clause && ASKED_IF_NO.has(t.word) && tokens[k + 1]?.clause !== first.clause;
}

/** How many words after `at` are in its clause. */
function clauseRest(tokens: readonly Token[], at: number): number {
  const clause = (tokens[at] as Token).clause;
  let k = at + 1;
  while (k < tokens.length && (tokens[k] as Token).clause === clause) k += 1;
  return k - at - 1;
}

/** Leaving the child's home: not "separated from" or "split from", after which the parent may still be the household (hostile review). */
const LEFT_HOME = new Set<string>(words.leftHome);

/** Whether the relation `word`, named last before `at` (within `ANTECEDENT_WORDS`), is followed by a word of `LEFT_HOME` within two words. */
function leftBefore(tokens: readonly Token[], at: number, word: string): boolean {
  for (let k = at - 1; k >= 0 && k >= at - ANTECEDENT_WORDS; k -= 1) {
    if ((tokens[k] as Token).word !== word) continue;
    for (let j = k + 1; j <= k + 2 && j < at; j += 1) if (LEFT_HOME.has((tokens[j] as Token).word)) return true;
    return false;
  }
  return false;
}

/** A relation at `at` with only lead-in words ("her", "the") between it and one of `relationOpensClause` ("as", "because") in its clause. */
function opensSubordinate(tokens: readonly Token[], at: number): boolean {
  if (NOT_SUBORDINATE_RELATIONS.has((tokens[at] as Token).word)) return false;
  const clause = (tokens[at] as Token).clause;
  let k = at - 1;
  while (k >= 0 && (tokens[k] as Token).clause === clause && POSSESSIVE_LEAD.has((tokens[k] as Token).word)) k -= 1;
  // Only after a main clause: a subordinate clause that opens the sentence ("Since his brother went into the care home
  // there's naebody to talk to") has no mark where it ends, and the main clause after it is the patient's.
  return k >= 0 && (tokens[k] as Token).clause === clause && RELATION_OPENS_CLAUSE.has((tokens[k] as Token).word) && !atClauseStart(tokens, k) && !NOT_OPENING.has(tokens[k - 1]?.word ?? '');
}

/** A word right after one of `opensClause` ("when", "because") in its own clause. */
function afterOpener(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  return before !== undefined && before.clause === (tokens[at] as Token).clause && OPENS_CLAUSE.has(before.word);
}

/**
 * The other-person cues of a subject pronoun (or "they") at `at`, standing for `named`. After "when" or "because" they
 * reach only to the end of the subordinate clause: "Struggles when he's away as no bus" keeps the bus the patient's.
 */
function addSubjectCues(judge: ContextJudge, groups: readonly Group[], tokens: readonly Token[], at: number, named: string, opens: boolean): void {
  const reach = opens ? subordinateRest(tokens, at) : Infinity;
  for (const group of groups) judge.addCue(opens ? { ...group, window: Math.min(group.window, reach) } : group, at, at, named);
}

/** How many words after `at` come before the end of its clause or the first of `opensClauseEnds` ("when he's away as no bus"). */
function subordinateRest(tokens: readonly Token[], at: number): number {
  const clause = (tokens[at] as Token).clause;
  let k = at + 1;
  while (k < tokens.length && (tokens[k] as Token).clause === clause && !OPENS_CLAUSE_ENDS.has((tokens[k] as Token).word)) k += 1;
  return k - at - 1;
}

/** How many words after `at` come before the next dash or colon in its sentence (what is told after it is new). */
function untilLabel(tokens: readonly Token[], at: number): number {
  const sentence = (tokens[at] as Token).sentence;
  let k = at + 1;
  while (k < tokens.length && (tokens[k] as Token).sentence === sentence && !((tokens[k] as Token).afterLabel && (tokens[k] as Token).clause !== (tokens[k - 1] as Token).clause)) k += 1;
  return k - at - 1;
}

/** A relation opening a sentence to report ("Wife: he is on the machines", "Son says…"). */
function relationReports(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  // The label after the relation ("Wife: he is…"), not a clause that itself came after a label ("Lonely: N - daughter in
  // daily": every word of it is after the dash; fiftieth session).
  return RELATION_WORDS.has((tokens[at] as Token).word) && next !== undefined && ((next.afterLabel && next.clause !== (tokens[at] as Token).clause) || PRONOUN_REPORTING.has(next.word));
}

/**
 * The sentence at `at` has a relation who disputes what came before ("Any worries about money, heating or food?
 * No. Daughter disagrees, thinks mum is struggling", "Wife not so sure, finds empty bottles", "Pt very guarded, daughter
 * later phoned to say mum sitting in the dark"; review49d): a relation anywhere in it with one of `answers.disputes`
 * within `DISPUTE_WORDS` words after it.
 */
function relationDisputes(tokens: readonly Token[], at: number): boolean {
  const sentence = (tokens[at] as Token).sentence;
  for (let r = at; r < tokens.length && (tokens[r] as Token).sentence === sentence; r += 1) {
    if (!RELATION_WORDS.has((tokens[r] as Token).word)) continue;
    for (let k = r + 1; k < tokens.length && k <= r + DISPUTE_WORDS && (tokens[k] as Token).sentence === sentence; k += 1) if (DISPUTES.has((tokens[k] as Token).word)) return true;
  }
  return false;
}
const DISPUTES = new Set<string>(table.answers.disputes);
const DISPUTE_WORDS = 6;

/** Whether the note says a relative filled in the form ("completed by daughter", "on mum's behalf"; `answers.filledInBy`). */
function filledInByOther(tokens: readonly Token[]): boolean {
  for (let k = 0; k + 1 < tokens.length; k += 1) {
    const w = (tokens[k] as Token).word;
    const next = (tokens[k + 1] as Token).word;
    if (FILLED_IN.has(w) && next === 'by' && RELATION_WORDS.has(tokens[k + 2]?.word ?? '')) return true;
    if (w === 'on' && RELATION_WORDS.has(next.replace(/s$/, '')) && tokens[k + 2]?.word === 'behalf') return true;
    if (w === 'on' && next === 'behalf' && tokens[k + 2]?.word === 'of') return true;
  }
  return false;
}
const FILLED_IN = new Set<string>(table.answers.filledInBy);

/**
 * The patient (or the patient quoted) is the subject before a possessive in its clause: "she has been taking his
 * cocaine" is hers (hostile review). Not a patient who only tells or worries ("She says his drinking is out of
 * control", "Pt worried about his drinking": code review). At most `ANTECEDENT_WORDS` back.
 */
function patientLeads(tokens: readonly Token[], at: number, sex: 'female' | 'male'): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let k = at - 1; k >= 0 && k >= at - ANTECEDENT_WORDS && (tokens[k] as Token).clause === clause; k -= 1) {
    const w = (tokens[k] as Token).word;
    if (!PATIENT_SUBJECTS[sex].has(w) && !FIRST_PERSON.has(w)) continue;
    const next = tokens[k + 1] as Token;
    return !(reports(tokens, k) || TELLS_OR_WORRIES.has(next.word) || (next.word === 'is' && TELLS_OR_WORRIES.has(tokens[k + 2]?.word ?? '')));
  }
  return false;
}
const TELLS_OR_WORRIES = new Set<string>(words.tellsOrWorries);
const PATIENT_SUBJECTS: Record<'female' | 'male', ReadonlySet<string>> = { female: new Set(words.patientSubjects.female), male: new Set(words.patientSubjects.male) };
/** Every word a clause names the patient by, as subject, object or owner ("they take cocaine and he joins in"). */
const PATIENT_OWN_WORDS: Record<'female' | 'male', ReadonlySet<string>> = {
  female: new Set([...PATIENT_FORMS.female, ...PATIENT_SUBJECTS.female]),
  male: new Set([...PATIENT_FORMS.male, ...PATIENT_SUBJECTS.male]),
};
// With their possessive forms, as the tokenizer leaves them ("husband's" is "husbands").
// (`addPossessive` only ever sees the gendered ones: `namedBefore` returns a word of one sex; `COUPLE` reads them all.)
const SPOUSES = new Set<string>(words.spouses);
/** After a spouse, a clause or conjunct opening with one of these is the couple's, the patient's too (context.json `couple`). */
const COUPLE = new Set<string>(table.couple.words);
const COUPLE_WE = new Set<string>(table.couple.we);
/** The writer's own "my" before a relation (context.json `firstPersonLeadIn`). */
const FIRST_PERSON_LEAD: ReadonlySet<string> = new Set(table.firstPersonLeadIn.words);
const FIRST_PERSON_CONJUNCTS: ReadonlySet<string> = new Set(table.firstPersonLeadIn.conjuncts);
const FIRST_PERSON_DROPS: ReadonlySet<string> = new Set(table.firstPersonLeadIn.dropsSubject);
/**
 * How far a relation led by the writer's "my" reaches after its last word: to its clause's end, or to a conjunct ("and",
 * "but", "so") before a word that opens the writer's own ("My husband is in prison and no money coming in").
 */
function firstPersonReach(tokens: readonly Token[], last: number): number {
  const clause = (tokens[last] as Token).clause;
  let n = 0;
  for (let k = last + 1; k < tokens.length && (tokens[k] as Token).clause === clause; k += 1) {
    if (FIRST_PERSON_CONJUNCTS.has((tokens[k] as Token).word) && FIRST_PERSON_DROPS.has(tokens[k + 1]?.word ?? '')) break;
    n += 1;
  }
  return n;
}
const WE_BE = new Set<string>(table.couple.weBe);
const WE_BE_THEN = new Set<string>(table.couple.weBeThen);
const WE_FOLLOWED_BY = new Set<string>(table.couple.weFollowedBy);
/** Whether the word at `p` opens the couple's own clause: "they", "both", or "we" before a state of theirs ("we are behind"). */
function opensCouple(tokens: readonly Token[], p: number): boolean {
  const w = (tokens[p] as Token).word;
  if (COUPLE.has(w)) return true;
  const next = tokens[p + 1];
  if (!COUPLE_WE.has(w) || next === undefined || next.clause !== (tokens[p] as Token).clause) return false;
  if (WE_FOLLOWED_BY.has(next.word)) return true;
  // "we are behind", "we have no money"; not the practice's "we are referring him", "we have signposted him".
  const then = tokens[p + 2];
  return WE_BE.has(next.word) && then !== undefined && then.clause === next.clause && WE_BE_THEN.has(then.word);
}
const NOT_OWNED = new Set<string>(words.notOwned);
const OBJECT_VERBS = new Set<string>(words.objectVerbs);

/** How far back a pronoun looks for whom it means, in words (a note without full stops is one long sentence). */
const ANTECEDENT_WORDS = 60;

/**
 * "Sister just diagnosed with breast ca - pt asked about support groups for her": a "for her" of the patient's own sex,
 * closing its clause, after the patient named as "pt" in its sentence and a relation named before that (in the
 * sentence or the one before). The patient is "pt" there, so "her" is the relation (the patient's own would be "for
 * herself"). Nineteenth-session
 * dev45 and twentieth-session dev46 notes; "Pt asked about support groups for her COPD" (a possessive) is not this.
 */
function forSomeoneNamed(tokens: readonly Token[], mentionFirst: number, pronounAt: number): boolean {
  const p = tokens[pronounAt] as Token;
  const after = tokens[pronounAt + 1];
  if (after !== undefined && after.clause === p.clause && !NOT_OWNED.has(after.word)) return false;
  let patient = -1;
  // The relation may be named in the sentence before ("Grandson in court next month. Pt asked if we'd write a letter for him"); "pt" in this one.
  for (let k = mentionFirst - 1; k >= 0 && (tokens[k] as Token).sentence >= (patient < 0 ? p.sentence : p.sentence - 1); k -= 1) {
    const w = (tokens[k] as Token).word;
    if (patient < 0 && (w === 'pt' || w === 'patient')) patient = k;
    // The relation must be of the pronoun's sex (or either), the subject of its clause, and not one who came, rang
    // or asked ("Daughter phoned re pt, asking about day centre for him"; hostile review).
    else if (patient >= 0 && (isRelation(w) || EITHER_SEX.has(w))) {
      const sex = genderOf(w);
      const fits = sex === 'either' || sex === (p.word === 'her' ? 'female' : 'male');
      return fits && atClauseStart(tokens, k) && !COMPANIONS.has(tokens[k + 1]?.word ?? '');
    }
  }
  return false;
}

/**
 * Where the "for" of a service would stand after a mention: the mention's own last word ("a letter for"), else the next
 * word, past a word or two naming what was given ("GamCare leaflet for him").
 */
function forAfter(tokens: readonly Token[], m: { last: number }): number {
  let at = (tokens[m.last] as Token).word === 'for' ? m.last : m.last + 1;
  while (at <= m.last + 2 && tokens[at] !== undefined && SERVICE_NOUNS.has((tokens[at] as Token).word)) at += 1;
  // Past a verb of giving, and whom it was left with ("Quit Your Way leaflet given 'for him'", "numbers left with her for
  // him", "leaflet taken for him": thirtieth session, dev89).
  const clause = (tokens[m.last] as Token).clause;
  const given = tokens[at];
  if (given !== undefined && given.clause === clause && GIVEN_AFTER.has(given.word)) {
    at += 1;
    if (tokens[at]?.word === 'with' && tokens[at + 2]?.word === 'for') at += 2;
  }
  return at;
}

const USED_BY = table.serviceFor.usedBy;
const USED_BY_RELATIVE: ReadonlySet<string> = new Set(USED_BY.relative);
const USED_BY_MODALS: ReadonlySet<string> = new Set(USED_BY.modals);
const USED_BY_BETWEEN: ReadonlySet<string> = new Set(USED_BY.between);
const USED_BY_VERBS: ReadonlySet<string> = new Set(USED_BY.verbs);
const USED_BY_SERVICES: ReadonlySet<string> = new Set(USED_BY.services);
/** The needs a service someone else would use stays the patient's household's for (`serviceFor.usedBy.householdNeeds`). */
const USED_BY_HOUSEHOLD: ReadonlySet<string> = new Set(USED_BY.householdNeeds);
const USED_BY_WITH_PATIENT: Record<'female' | 'male', ReadonlySet<string>> = {
  female: new Set([...USED_BY.withPatient.either, ...USED_BY.withPatient.female]),
  male: new Set([...USED_BY.withPatient.either, ...USED_BY.withPatient.male]),
};

/**
 * Whether a mention is followed, in its clause, by someone else as the subject of using it (context.json
 * `serviceFor.usedBy`): "a diabetes group his wife could go to", "a support group he could go to" in her notes.
 */
function usedByOther(tokens: readonly Token[], m: { last: number }, sex: PatientSex, genderMarked: () => boolean): boolean {
  if (sex === 'unknown' || genderMarked()) return false;
  const clause = (tokens[m.last] as Token).clause;
  const word = (k: number): string | undefined => (tokens[k] !== undefined && (tokens[k] as Token).clause === clause ? (tokens[k] as Token).word : undefined);
  // A service only: the mention names one, or a service's noun or two follow it ("weight management group"). Not a
  // thing someone gets ("Drinks every day which her husband will get in for her": review48a).
  let k = m.last + 1;
  let service = USED_BY_SERVICES.has((tokens[m.last] as Token).word);
  while (k <= m.last + 2 && USED_BY_SERVICES.has(word(k) ?? '')) {
    service = true;
    k += 1;
  }
  if (!service) return false;
  if (USED_BY_RELATIVE.has(word(k) ?? '')) k += 1;
  const w = word(k);
  // The patient's own spouse ("his wife" in a man's notes; in a woman's, "his wife" is the patient as her husband tells
  // it), any relation of "their" (the couple's son), or a subject pronoun of the other sex ("a group he could go to" in
  // hers). Not "her mum" in a woman's notes, which is the patient when her daughter phones ("T/C daughter. Asked about a
  // lunch club her mum could go to"; review48a).
  if ((w === (sex === 'female' ? 'her' : 'his') || w === 'their') && SPOUSES.has(word(k + 1) ?? '')) k += 2;
  else if (w === 'their' && isRelationWord(word(k + 1))) k += 2;
  else if (w === (sex === 'female' ? 'he' : 'she')) k += 1;
  else return false;
  if (!USED_BY_MODALS.has(word(k) ?? '')) return false;
  k += 1;
  if (USED_BY_BETWEEN.has(word(k) ?? '')) k += 1;
  if (!USED_BY_VERBS.has(word(k) ?? '')) return false;
  // "…could go to with her", "…so they can go together": the patient goes too.
  for (let j = k + 1; word(j) !== undefined; j += 1) if (USED_BY_WITH_PATIENT[sex].has(word(j) as string)) return false;
  return true;
}

const isRelationWord = (r: string | undefined): boolean => r !== undefined && (FEMALE.has(r) || MALE.has(r) || EITHER_SEX.has(r));

/** Services of two words a signpost for a relation covers whole ("blue badge for her mum"; context.json `serviceFor`). */
const TWO_WORD_SERVICES: ReadonlySet<string> = new Set(table.serviceFor.twoWordServices);
/** Words after "for him" that bring the patient in too (`servesOther`; context.json `serviceFor`). */
const ALSO_AFTER_FOR: ReadonlySet<string> = new Set(table.serviceFor.alsoAfterFor);
/** Verbs of giving a service's noun may be followed by before "for him" (`forAfter`; context.json `serviceFor`). */
const GIVEN_AFTER: ReadonlySet<string> = new Set(table.serviceFor.givenAfter);

/**
 * Whether "for" at `at` and an object pronoun of the other sex after it ("for him" in a woman's notes, "for her" in a
 * man's) stand in the clause a mention ends in (`last`): what `servesOther` and `servesRelative` both start from.
 */
function forOtherSexAt(tokens: readonly Token[], at: number, last: number, sex: 'female' | 'male'): boolean {
  const f = tokens[at];
  const p = tokens[at + 1];
  return f?.word === 'for' && p !== undefined && p.word === (sex === 'female' ? 'him' : 'her') && p.clause === f.clause && f.clause === (tokens[last] as Token).clause;
}

/** Whether the clause of the word at `at` has one of `words`. */
function clauseHas(tokens: readonly Token[], at: number, words: ReadonlySet<string>): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let k = at; k >= 0 && (tokens[k] as Token).clause === clause; k -= 1) if (words.has((tokens[k] as Token).word)) return true;
  return restOfClauseHas(tokens, at, words);
}

const theyTable = pronounTable.theyForOthers;
const THEY = new Set<string>(theyTable.they);
const THEY_MIN_AGE: number = theyTable.minAge;
const SHARED_HOME_WORDS = new Set<string>(theyTable.sharedHomeWords);
const PLURAL_OTHERS = new Set<string>(theyTable.plural);
const SHARED_HOME = new Set<string>(theyTable.sharedHome);

/**
 * People "they" at `at` stands for: plural ones (parents, neighbours), or two relations joined by "and", named earlier
 * in this sentence or the one before, with no "pt" or "patient" between, and not ones the patient lives with.
 */
function pluralBefore(tokens: readonly Token[], at: number): string | undefined {
  const from = (tokens[at] as Token).sentence - 1;
  for (let k = at - 1; k >= 0 && k >= at - ANTECEDENT_WORDS && (tokens[k] as Token).sentence >= from; k -= 1) {
    const w = (tokens[k] as Token).word;
    // The patient, or a spouse or partner, between: "they" may be the couple ("Neighbours have been good since husband's
    // stroke. They are struggling to pay the bills").
    if (w === 'pt' || w === 'patient' || SPOUSES.has(w) || SPOUSES.has(`${w}s`)) return undefined;
    let first = k;
    if (!PLURAL_OTHERS.has(w)) {
      if (!isRelation(w) || tokens[k - 1]?.word !== 'and' || !isRelation(tokens[k - 2]?.word ?? '')) continue;
      if (SPOUSES.has(tokens[k - 2]?.word ?? '')) return undefined;
      first = k - 2;
    }
    // "Lives with her parents", "still at home with mum and dad", "a flat with two friends": the patient's own household.
    for (let b = first - 1; b >= 1 && b >= first - 4; b -= 1) {
      if ((tokens[b] as Token).word !== 'with') continue;
      for (let c = b - 1; c >= 0 && c >= b - 3; c -= 1) if (SHARED_HOME.has((tokens[c] as Token).word) || SHARED_HOME_WORDS.has((tokens[c] as Token).word)) return undefined;
    }
    return w;
  }
  return undefined;
}

/** Someone of this sex (a wife, a son, a sister…), or with `eitherSex` a partner, ex or friend, named earlier in this sentence or the two before: the word, if any. */
function namedBefore(tokens: readonly Token[], at: number, sex: 'female' | 'male', eitherSex = false): string | undefined {
  const k = namedAt(tokens, at, sex, eitherSex ? EITHER_SEX : undefined);
  return k < 0 ? undefined : (tokens[k] as Token).word;
}

/** Where `namedBefore` finds its word (-1 when it finds none). */
function namedAt(tokens: readonly Token[], at: number, sex: 'female' | 'male', also?: ReadonlySet<string>): number {
  const names = sex === 'female' ? FEMALE : MALE;
  const from = (tokens[at] as Token).sentence - 2;
  for (let k = at - 1; k >= 0 && k >= at - ANTECEDENT_WORDS && (tokens[k] as Token).sentence >= from; k -= 1) {
    const w = (tokens[k] as Token).word;
    if (names.has(w) || also?.has(w)) return k;
  }
  return -1;
}

/**
 * The relation of `sex` that an object pronoun after a verb of giving stands for: one named just before (as
 * `namedBefore` finds it, a relation of that sex, not a friend), not a spouse or partner, not one who came with or
 * for the patient ("Attends with his dad… Gave him the food bank voucher"), and not in a sentence that speaks of a
 * household ("they", "both": "Brother lives with her. Gave him the food bank voucher, they have no food").
 */
function givenTo(tokens: readonly Token[], at: number, sex: 'female' | 'male'): string | undefined {
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at + 1; k < tokens.length && (tokens[k] as Token).sentence === sentence; k += 1) if (HOUSEHOLD.has((tokens[k] as Token).word)) return undefined;
  const k = namedAt(tokens, at, sex);
  if (k < 0) return undefined;
  const w = (tokens[k] as Token).word;
  if (SPOUSES.has(w) || COMPANIONS.has(tokens[k + 1]?.word ?? '') || tokens[k - 1]?.word === 'with' || tokens[k - 2]?.word === 'with') return undefined;
  return w;
}
/** Whether the words after `at` in its clause hold one of `words` (the giver before it may be the patient: "she's given him"). */
function restOfClauseHas(tokens: readonly Token[], at: number, words: ReadonlySet<string>, afterAnd: ReadonlySet<string> = NO_WORDS): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let k = at + 1; k < tokens.length && (tokens[k] as Token).clause === clause; k += 1) {
    const w = (tokens[k] as Token).word;
    if (words.has(w) || (afterAnd.has(w) && (tokens[k - 1] as Token).word === 'and')) return true;
  }
  return false;
}
const NO_WORDS: ReadonlySet<string> = new Set();
/** The longest service name after an offer's slash that still belongs to the offer ("peer group", "lunch club"). */
const SLASH_NAME_WORDS = 3;
/** Words that speak of a household, not one person: what is given in their sentence is everyone's. */
const HOUSEHOLD = new Set<string>(words.household);

/**
 * Whether a pronoun opens the clause a reporting verb introduces ("she says he'd like to meet others", "suspects
 * she's drinking"): the word before it (or before "that") is one of `otherSexPronoun.introducesClause`.
 */
function afterReport(tokens: readonly Token[], at: number): boolean {
  const pronoun = (tokens[at] as Token).word;
  const clause = (tokens[at] as Token).clause;
  let k = at - 1;
  if (k >= 0 && (tokens[k] as Token).word === 'that' && (tokens[k] as Token).clause === clause) k -= 1;
  const t = tokens[k];
  if (t === undefined || t.clause !== clause || !INTRODUCES_CLAUSE.has(t.word)) return false;
  // Not when the same pronoun reports ("She has also said she cannot pay the rent"): someone telling of her own
  // household is left as the reporting-verb rule leaves her.
  k -= 1;
  while (k >= 0 && (tokens[k] as Token).clause === clause && PRONOUN_AUXILIARIES.has((tokens[k] as Token).word)) k -= 1;
  const reporter = tokens[k];
  return !(reporter !== undefined && reporter.clause === clause && (reporter.word === pronoun || reporter.word === `${pronoun}s` || `${reporter.word}s` === pronoun));
}

/** A pronoun followed by a reporting verb, perhaps after an auxiliary ("She has also said…"): it reports. */
function reports(tokens: readonly Token[], at: number): boolean {
  for (let k = at + 1; k <= at + 3 && k < tokens.length; k += 1) {
    const w = (tokens[k] as Token).word;
    if (PRONOUN_REPORTING.has(w)) return true;
    if (!PRONOUN_AUXILIARIES.has(w)) return false;
  }
  return false;
}

const NEG = 1;
const HIST = 2;
const HYP = 4;
const OTHER = 8;
const OTHER_NOT_RELATION = 16;
const OTHER_NOT_PARENT = 32;
/** Only from a subject pronoun of the other sex ("she" in a man's notes): blocks what `OTHER` blocks, except for
 * the needs the pronoun cue is not for (`patient-or-pronoun`), for a relation rule, and for a parent's account when
 * the pronoun stands for a parent (it carries `OTHER_NOT_PARENT` otherwise: "Brother moved out. He cannot afford food"). */
const OTHER_PRONOUN = 64;
/** Only from a possessive of the other sex inside or just before a mention ("lost his job" in a woman's notes). */
const OTHER_POSSESSIVE = 128;
/** The same, standing for a spouse or partner: the spouse's work stays the household's (`possessiveNotForSpouse`). */
const OTHER_POSSESSIVE_SPOUSE = 256;
/**
 * A past or a resolution from a group that `spares` some needs ("Partner hits her, but now working": a job found
 * says nothing of the abuse): historical for every need but those (`SPARED`; twenty-fifth session).
 */
const HIST_SPARING = 512;
/** The same for a denial ("fine", "sorted"): "Partner hits her - rent arrears sorted" denies nothing of the abuse. */
const NEG_SPARING = 1024;
/** Inside a bracket after a relation other than a spouse: read only for the needs of `bracketAlsoFor`. */
const IN_BRACKET = 2048;
/**
 * A service's noun just before "for her husband" (`coversFirstWord` with the patient's own spouse): the household's for
 * the needs of `patientToo.spouseHousehold` (a food bank for her husband feeds her too; lifts for his dialysis are hers
 * to find; "referral to alcohol service for her husband's sake" is her own drinking: review48d), the spouse's for every
 * other need ("asked about a diabetes group for her husband", "a walking group for his wife"), as "for him" in her notes
 * is (forty-eighth session, then review48a).
 */
const SPOUSE_SERVICE = 4096;
/** The needs a service for the patient's spouse stays the household's for (context.json `patientToo.spouseHousehold`). */
const SPOUSE_SERVICE_HOUSEHOLD: ReadonlySet<string> = new Set(table.patientToo.spouseHousehold);
/** Whether "with" and the patient's object pronoun stand after `at` in its sentence ("…for her husband to go along with her"). */
function withPatientAfter(tokens: readonly Token[], at: number, sex: 'female' | 'male'): boolean {
  const sentence = (tokens[at] as Token).sentence;
  const object = sex === 'female' ? 'her' : 'him';
  for (let k = at + 1; k + 1 < tokens.length && (tokens[k + 1] as Token).sentence === sentence; k += 1) if ((tokens[k] as Token).word === 'with' && (tokens[k + 1] as Token).word === object) return true;
  return false;
}
/**
 * Whether the rest of the sentence after `at` names the patient (`words.patientForms`, `patientToo.words`): "Advised son to
 * ring the council re the black mould in her bedroom". Not "own", nor a patient's form before it: after a relation
 * advised to go somewhere, "his own GP" is the relation's (a group's `patientAfter`; fiftieth session, dev145).
 */
function namesPatientAfter(tokens: readonly Token[], at: number, sex: 'female' | 'male'): boolean {
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at + 1; k < tokens.length && (tokens[k] as Token).sentence === sentence; k += 1) {
    const w = (tokens[k] as Token).word;
    if (w === 'own' || tokens[k + 1]?.word === 'own') continue;
    if (PATIENT_FORMS[sex].has(w) || PATIENT_TOO.has(w)) return true;
  }
  return false;
}
/**
 * Whether the relation a `patientAfter` cue names (its words `first` to `last`) is told earlier in the note as one who
 * acts for the patient or shares the home: "with" before it ("Lives with brother in a 2nd floor flat", "attended with
 * neighbour") or one of `serviceFor.actsFor` after it ("Brother is his appointee", "Flatmate attended too", "Neighbour
 * popping in"): then advice to that relation is on the patient's behalf (review50d).
 */
function actsForPatient(tokens: readonly Token[], first: number, last: number): boolean {
  let relation: string | undefined;
  for (let k = first; k <= last && relation === undefined; k += 1) if (RELATION_WORDS.has((tokens[k] as Token).word)) relation = (tokens[k] as Token).word;
  if (relation === undefined) return false;
  for (let k = 0; k < first; k += 1) {
    if ((tokens[k] as Token).word !== relation) continue;
    if (tokens[k - 1]?.word === 'with' || tokens[k - 2]?.word === 'with') return true;
    for (let j = k + 1; j <= k + 3 && j < first && (tokens[j] as Token).sentence === (tokens[k] as Token).sentence; j += 1) if (ACTS_FOR.has((tokens[j] as Token).word)) return true;
  }
  return false;
}
const ACTS_FOR: ReadonlySet<string> = new Set([...pronounTable.companions, ...table.serviceFor.actsFor]);

/** Whether one of `words` stands after `at` in its sentence ("…for his wife as they want to go together"). */
function restOfSentenceHas(tokens: readonly Token[], at: number, words: ReadonlySet<string>): boolean {
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at + 1; k < tokens.length && (tokens[k] as Token).sentence === sentence; k += 1) if (words.has((tokens[k] as Token).word)) return true;
  return false;
}
/**
 * Whether these bits make a mention someone else's. Under the parent rule it takes an other-person cue
 * (`OTHER`) that is not a parent as the subject: a relation named later in a parent's clause
 * (`addNamedRelation`) narrows what a parent's account covers, and never blocks a mention on its own.
 */
const othersOnly = (bits: number, subject: SubjectRule): boolean =>
  subject === 'parent'
    ? // A possessive never blocks here: every child-household need is in `possessiveNotFor` (code review).
      (bits & (OTHER | OTHER_PRONOUN)) !== 0 && (bits & OTHER_NOT_PARENT) !== 0
    : (bits &
        (subject === 'relation'
          ? OTHER_NOT_RELATION
          : subject === 'patient-or-pronoun'
            ? OTHER
            : subject === 'patient-or-possessive'
              ? OTHER | OTHER_PRONOUN
              : subject === 'patient-or-spouse'
                ? OTHER | OTHER_PRONOUN | OTHER_POSSESSIVE
                : OTHER | OTHER_PRONOUN | OTHER_POSSESSIVE | OTHER_POSSESSIVE_SPOUSE)) !==
      0;
/** What a possessive (or a bracket) standing for this relation marks: a spouse's leaves the household's work alone; a parent's is still a child's household. */
const possessiveBits = (relation: string): number => (SPOUSES.has(relation) ? OTHER_POSSESSIVE_SPOUSE : OTHER_POSSESSIVE) | (PARENTS.has(relation) ? 0 : OTHER_NOT_PARENT);
/** Whether these bits make a mention not the patient's, not now or not really said (negation aside). */
const denied = (bits: number, spared = false): boolean => (bits & NEG) !== 0 || (!spared && (bits & NEG_SPARING) !== 0);
const notCurrent = (bits: number, subject: SubjectRule, spared = false): boolean =>
  (bits & (HIST | HYP)) !== 0 || (!spared && (bits & HIST_SPARING) !== 0) || othersOnly(bits, subject);
/** The parents whose account of the home is a child patient's own (context.json `childHousehold`). */
const PARENTS = new Set(table.childHousehold.parents);
export const PRONOUN_NOT_FOR: ReadonlySet<string> = pronounNotFor;
/**
 * The needs a possessive of the other sex does not make someone else's (context.json `otherSexPronoun.possessiveNotFor`),
 * and those it does not when it stands for a spouse or partner (`possessiveNotForSpouse`: a husband's job is the household's income).
 */
export const POSSESSIVE_NOT_FOR: ReadonlySet<string> = new Set(table.otherSexPronoun.possessiveNotFor);
export const SPOUSE_POSSESSIVE_NOT_FOR: ReadonlySet<string> = new Set(table.otherSexPronoun.possessiveNotForSpouse);
/** The needs a bracket after a relation (not a spouse) makes that person's, which a possessive does not (context.json `otherSexPronoun.bracketAlsoFor`). */
const BRACKET_ALSO_FOR: ReadonlySet<string> = new Set(table.otherSexPronoun.bracketAlsoFor.needs);
/** The needs a service "for him" or "for her" (the other sex) leaves the patient's (context.json `otherSexPronoun.forOtherNotFor`). */
export const FOR_OTHER_NOT_FOR: ReadonlySet<string> = new Set(table.otherSexPronoun.forOtherNotFor);
/** Of those, the needs a service "for him" or "for her" leaves to a relation named before who is not a spouse (`servesRelative`). */
export const FOR_RELATIVE_TOO: ReadonlySet<string> = new Set(table.otherSexPronoun.forRelativeToo);
/**
 * A child patient's household needs, the oldest age that counts as a child, and the needs whose hints do not count
 * from a parent's account (`signalsOnly`: a hint pairs with any other nearby, "Mum struggling with her own
 * depression. Child well" is no family need of the child's).
 */
export const CHILD_HOUSEHOLD: { maxAge: number; needs: ReadonlySet<string>; signalsOnly: ReadonlySet<string> } = {
  maxAge: table.childHousehold.maxAge,
  needs: new Set(table.childHousehold.needs),
  signalsOnly: new Set(table.childHousehold.signalsOnly),
};
const CATEGORY_BIT: Record<ContextCategory, number> = { negated: NEG, historical: HIST, hypothetical: HYP, 'other-person': OTHER };

function terminatorBits(kinds: Set<string>): number {
  if (kinds.has(TERMINATOR_ALL)) return NEG | HIST | HYP | OTHER;
  let bits = 0;
  for (const k of kinds) bits |= CATEGORY_BIT[k as ContextCategory] ?? 0;
  return bits;
}

/** The patient's sex, for telling "she" the patient from "she" the daughter. */
export type PatientSex = 'female' | 'male' | 'unknown';
type Gender = 'female' | 'male' | 'either';
const FEMALE = new Set(table.relationGender.female);
const EITHER_SEX: ReadonlySet<string> = new Set(table.relationGender.eitherSex);
/** Head nouns that close a denied list ("no financial, housing or food concerns"). */
const LIST_HEADS = new Set<string>(words.listHeads);
/** Words of leaving or dying: a relation's reach ends with the clause that says it ("Husband died last year, lives alone now"). */
const EXITS = new Set(table.relationExits);
/** Things of the home that open a clause of their own after a relation's (context.json `householdSubjects`). */
const HOUSEHOLD_SUBJECTS = new Set(table.householdSubjects.words);
/** A clause opening at `p` with a thing of the home, after "the" at most: its subject is the household's, not the relation's. */
function opensWithHousehold(tokens: readonly Token[], p: number): boolean {
  const t = tokens[p] as Token;
  const next = tokens[p + 1];
  if (!(HOUSEHOLD_SUBJECTS.has(t.word) || (t.word === 'the' && next !== undefined && next.clause === t.clause && HOUSEHOLD_SUBJECTS.has(next.word)))) return false;
  // Not the spouse's own home: "Partner lives in Glasgow, mould in his flat", "Husband lives in his own flat, rent
  // arrears" (a third hostile review).
  return !clauseHas(tokens, p, HOUSEHOLD_NOT) && !clauseHas(tokens, p - 1, LIVES_APART);
}
/** A thing of the home that is someone's own ("his flat") or a spouse who lives apart ("lives in his own flat"). */
const HOUSEHOLD_NOT = new Set<string>(table.householdSubjects.notIfClauseHas);
const LIVES_APART = new Set<string>(table.householdSubjects.notAfterRelationClauseWith);
const MALE = new Set(table.relationGender.male);
/** The relations of either sex that are not a partner ("friend", "neighbour"): `doneToPatient`. */
const NOT_PARTNERS: ReadonlySet<string> = new Set([...EITHER_SEX].filter((w) => !SPOUSES.has(w) && !w.startsWith('ex')));

function genderOf(relation: string): Gender {
  if (FEMALE.has(relation)) return 'female';
  if (MALE.has(relation)) return 'male';
  return 'either';
}

/** "I", "I'm", "me": the clinician writing or the patient quoted, never the relative named before. */
const FIRST_PERSON = new Set<string>(words.firstPerson);

/**
 * "Mum has dementia, pt does most of her care": a clause that opens with the patient named, doing something, is the
 * patient's again after a relation's. Not when the patient only reports or asks ("Daughter needs advice on her visa - pt
 * asked if we know an immigration lawyer" is still the daughter's; fiftieth session).
 */
function patientActs(tokens: readonly Token[], at: number): boolean {
  const w = (tokens[at] as Token).word;
  if (!PATIENT_NAMES.has(w) || PRONOUN_REPORTING.has(tokens[at + 1]?.word ?? '') || PATIENT_NAMED_SERVICE.has(tokens[at + 1]?.word ?? '')) return false;
  // "pt reassured sister now doing most of his care": a relation later in the clause is what it is about (review50a).
  for (let k = at + 1; k < tokens.length && (tokens[k] as Token).clause === (tokens[at] as Token).clause; k += 1) if (RELATION_WORDS.has((tokens[k] as Token).word)) return false;
  return true;
}
/** Words after "patient" that make it a service's name ("patient transport", "patient travel scheme"; context.json `relativeWho.patientService`). */
const PATIENT_NAMED_SERVICE: ReadonlySet<string> = new Set(table.relativeWho.patientService);

/**
 * A subject pronoun that cannot be the relation named before it: "she" after a
 * son or husband, or, after a partner or friend, the patient's own pronoun; or
 * a first-person word.
 */
function switchesPerson(word: string, relation: Gender, sex: PatientSex): boolean {
  if (FIRST_PERSON.has(word)) return true;
  const pronoun = word === 'she' || word === 'shes' ? 'female' : word === 'he' || word === 'hes' ? 'male' : undefined;
  if (!pronoun) return false;
  return relation === 'either' ? pronoun === sex : pronoun !== relation;
}

/** A terminator of these categories, ending here, that starts after the cue. */
function endsBetween(list: readonly Term[], cueLast: number, ends: number): boolean {
  for (const t of list) if (t.first > cueLast && (t.ends & ends) !== 0) return true;
  return false;
}

/** A terminator of these categories, starting here, that ends before the cue. */
function startsBetween(list: readonly Term[], cueFirst: number, ends: number): boolean {
  for (const t of list) if (t.last < cueFirst && (t.ends & ends) !== 0) return true;
  return false;
}

interface Term {
  first: number;
  last: number;
  /** Category bits this terminator ends. */
  ends: number;
}
interface Terms {
  byFirst: ByPosition<Term>;
  byLast: ByPosition<Term>;
}

/** Judges mentions of one text: the categories that reach each word, prepared once per text. */
export class ContextJudge {
  /** Categories of cues reaching forward to a mention that starts at this word. */
  private readonly startsHere: Uint16Array;
  /** Categories of cues reaching back to a mention that ends at this word. */
  private readonly endsHere: Uint16Array;
  /** Negations and possessives that begin at this word: they cover a mention starting with them. */
  private readonly opening: ByPosition<{ last: number; bits: number }>;
  /** Per clause: how many words, and whether it has a list word ("or", "and", "nor"). */
  private readonly clauses: { words: number; list: boolean; head: boolean }[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly terms: Terms,
    private readonly sex: PatientSex,
    private readonly age?: number,
  ) {
    this.startsHere = new Uint16Array(tokens.length);
    this.endsHere = new Uint16Array(tokens.length);
    this.opening = new ByPosition(tokens.length);
    for (const t of tokens) {
      const c = (this.clauses[t.clause] ??= { words: 0, list: false, head: false });
      c.words += 1;
      if (t.word === 'or' || t.word === 'and' || t.word === 'nor') c.list = true;
      // Set by the clause's last word: whether the list ends in a head noun.
      c.head = LIST_HEADS.has(t.word);
    }
  }

  /** `cueLast`: the cue's own last word when it reaches from its first (`last`); its own words are never its `stopsAt`. */
  addCue(group: Group, first: number, last: number, relation: string, cueLast = last): void {
    const tokens = this.tokens;
    if (group.patientAfter && ((this.sex !== 'unknown' && namesPatientAfter(tokens, cueLast, this.sex)) || actsForPatient(tokens, first, cueLast))) return;
    const other = group.category === 'other-person';
    const bits =
      group.kind === 'pronoun'
        ? OTHER_PRONOUN | (PARENTS.has(relation) ? 0 : OTHER_NOT_PARENT)
        : (group.spares ? (group.category === 'negated' ? NEG_SPARING : HIST_SPARING) : CATEGORY_BIT[group.category]) |
          (other && group.kind !== 'relation' ? OTHER_NOT_RELATION : 0) |
          (other && !(group.kind === 'relation' && PARENTS.has(relation)) ? OTHER_NOT_PARENT : 0);
    const ends = CATEGORY_BIT[group.category];
    const at = tokens[first] as Token;
    const bySentence = group.scope === 'sentence';
    // A denial reaches over a comma only into a list ("Denies alcohol, drugs or gambling"), not into the next finding
    // ("Denies SI, low mood for 3 months").
    const listOnly = bySentence && group.category === 'negated';
    // "No financial, housing or food concerns": a short denial reaches a list that ends in its head noun.
    const headList = !bySentence && group.category === 'negated';
    const person = group.kind === 'relation' || group.kind === 'possessive' || group.kind === 'pronoun' ? genderOf(relation) : undefined;
    const couple = person !== undefined && (SPOUSES.has(relation) || group.firstPerson === true);
    if (group.direction !== 'backward') {
      let exited = false;
      let stopped = false;
      // A relation's aside is passed over: its reach starts after it, in the clause that follows (`addAside`).
      const aside = group.kind === 'relation' ? this.asides?.get(last) : undefined;
      const from = aside === undefined ? last + 1 : aside + 1;
      const scope = aside === undefined ? at.clause : ((tokens[from] as Token | undefined)?.clause ?? at.clause);
      // The aside itself is the relation's too ("her neighbour (elderly, lives alone)").
      if (aside !== undefined) for (let p = last + 1; p <= aside; p += 1) this.startsHere[p] = (this.startsHere[p] as number) | bits;
      for (let p = from; p < from + group.window && p < tokens.length; p += 1) {
        const t = tokens[p] as Token;
        const newClause = (aside === undefined || p > from) && t.clause !== (tokens[p - 1] as Token).clause;
        const intoHeadList = headList && newClause && t.sentence === at.sentence && this.endsHeadList(t);
        if (bySentence ? t.sentence !== at.sentence : t.clause !== scope && !intoHeadList) break;
        if (listOnly && newClause && !this.continuesList(t)) break;
        if (group.listOnly !== undefined && newClause && !this.continuesList(t) && !this.shortItem(p, group.listOnly)) break;
        if (group.intoShortClauses !== undefined && newClause && !this.shortClause(p, group.intoShortClauses)) break;
        // "Denies alcohol and partner hits her", "If benefits stop she may struggle, partner hits her", "Denies alcohol and
        // discloses DV": a relation as the subject of a new clause or conjunct, or a finite verb or fear of `newPredicate`
        // opening one, says something new, which no denial or possibility before it reaches (twenty-fifth session: each
        // hid the abuse). A past and another person's story do reach it ("2019 AP case - son was taking her pension").
        if (
          NEW_SUBJECT_ENDS.has(group.category) &&
          p > cueLast &&
          (newClause || CONJUNCTS.has((tokens[p - 1] as Token).word)) &&
          (NEW_PREDICATE.has(t.word) || opensRelationSubject(tokens, p))
        )
          break;
        // "Daughter phoned - mum not eating": the patient, named by the one telling it, is the subject now.
        if (person !== undefined && this.patientNamed?.has(p)) {
          stopped = true;
          break;
        }
        // "Husband left in March, she is very low": the patient is the subject again.
        // "Husband lost his job, they are behind with the rent": after a spouse, a clause that opens with "they" or "both"
        // is the couple's, the patient's too ("Husband and son both drink" is not: the same clause; hostile review).
        // "Husband works offshore, meter keeps running out": after a spouse, a thing of the home opens a clause of its own
        // (twenty-fifth session; a son's or a mother's may be their own home).
        if (person !== undefined && (switchesPerson(t.word, person, this.sex) || (newClause && (exited || patientActs(tokens, p) || (couple && group.kind === 'relation' && opensWithHousehold(tokens, p)))) || (couple && (newClause || CONJUNCTS.has((tokens[p - 1] as Token).word)) && opensCouple(tokens, p)))) {
          stopped = true;
          break;
        }
        // "Upset because her brother…": the cue's own "because" does not stop it.
        if ((p > cueLast && group.stopsAt?.has(t.word)) || (group.kind === 'pronoun' && this.sex !== 'unknown' && PATIENT_FORMS[this.sex].has(t.word))) {
          stopped = true;
          break;
        }
        if (person !== undefined && EXITS.has(t.word)) exited = true;
        this.startsHere[p] = (this.startsHere[p] as number) | bits;
        // A terminator ending here lies wholly between the cue and any later word.
        if (endsBetween(this.terms.byLast.get(p), last, ends)) {
          stopped = true;
          break;
        }
      }
      // A negation, or a cue that is its first word, also covers a mention that starts with it; a cue with stop words
      // only when nothing cut its reach short: in "Worried about her son and not sleeping" the worry is the patient's too.
      if (group.category === 'negated' || (group.anchorFirst && !(group.stopsAt && stopped))) this.opening.add(first, { last, bits });
    }
    if (group.direction !== 'forward') {
      // A signpost for both ("Food bank for her son and herself", "…for his wife and the kids", "…and her own clinic
      // visits"), for a spouse, or of food or welfare-fund help for a child, is the patient's or the household's too, so its
      // own first word stays the patient's (a hostile review of the twenty-fourth session).
      const both = group.coversFirstWord && (restOfClauseHas(tokens, cueLast, PATIENT_TOO, PATIENT_TOO_AFTER_AND) || (HOUSEHOLD_CHILDREN.has(relation) && HOUSEHOLD_AID.has((tokens[first] as Token).word)));
      const forBoth = both || (group.coversFirstWord && SPOUSES.has(relation));
      // A service of two words ("blue badge", "bus pass": `serviceFor.twoWordServices`) is covered to its last word.
      const nounEnd = group.coversFirstWord && TWO_WORD_SERVICES.has(`${(tokens[first] as Token).word} ${(tokens[first + 1] as Token | undefined)?.word ?? ''}`) ? first + 1 : first;
      // For the patient's own spouse alone, the household's only for the household's needs (`SPOUSE_SERVICE`): "for her
      // husband" in a woman's notes. In a man's notes "her husband" is the patient, as his wife tells it ("Wife phoned.
      // Asked about a lunch club for her husband"; review48a), and a bare "for husband" is left as it was.
      if (forBoth && !both && this.sex !== 'unknown' && (tokens[last - 1] as Token | undefined)?.word === (this.sex === 'female' ? 'her' : 'his') && !restOfSentenceHas(tokens, cueLast, PATIENT_TOO) && !withPatientAfter(tokens, cueLast, this.sex)) {
        for (let p = first; p <= nounEnd; p += 1) this.endsHere[p] = (this.endsHere[p] as number) | SPOUSE_SERVICE;
      }
      // "Asked about the blue badge for her mum" (forty-eighth session, dev137); not "help with food for her son", whose
      // food is the household's (review48c).
      if (group.coversFirstWord && !forBoth) for (let p = first + 1; p <= nounEnd; p += 1) this.endsHere[p] = (this.endsHere[p] as number) | bits;
      // A signpost for both reaches nothing before it either: "asked about the gym scheme for his wife and himself" is his
      // enquiry too (forty-eighth session, review48a).
      const reach = both ? 0 : group.window;
      for (let p = group.coversFirstWord && !forBoth ? first : first - 1; p >= first - reach && p >= 0; p -= 1) {
        const t = tokens[p] as Token;
        const next = tokens[p + 1] as Token;
        // A clause cue reaches back over a label's colon or dash to its last word ("Alcohol: nil"), not over a
        // comma. Only that word: reaching the whole clause before a dash hid "Husband kicked her - denies SOB".
        const crossesLabel = group.acrossLabels && t.clause !== next.clause && next.afterLabel && t.sentence === at.sentence;
        if (bySentence ? t.sentence !== at.sentence : t.clause !== at.clause && !(crossesLabel && t.clause === at.clause - 1)) break;
        // "2 months rent arrears and rent will go up in April": a stop word ends a backward reach too (only groups that
        // name some; code review, nineteenth session).
        if (group.stopsAt?.has(t.word)) break;
        this.endsHere[p] = (this.endsHere[p] as number) | bits;
        if (startsBetween(this.terms.byFirst.get(p), first, ends)) break;
      }
    }
  }

  /**
   * A relation as the subject of a subordinate clause ("…as her daughter is using heroin again"): the `reach` words after
   * it are that person's as a possessive makes them (`possessiveBits`: not for the needs in `possessiveNotFor`, nor a
   * spouse's work), until the patient is named again.
   */
  addSubordinateRelation(last: number, relation: string, reach: number): void {
    const tokens = this.tokens;
    const bits = possessiveBits(relation);
    const patient = this.sex === 'unknown' ? undefined : PATIENT_FORMS[this.sex];
    for (let p = last + 1; p <= last + reach && p < tokens.length; p += 1) {
      const w = (tokens[p] as Token).word;
      if (w === 'pt' || w === 'patient' || patient?.has(w)) break;
      this.startsHere[p] = (this.startsHere[p] as number) | bits;
    }
  }

  /**
   * A relation named inside a clause, not as its subject: the words after it in the clause are not a child
   * patient's household as a parent tells it (only `OTHER_NOT_PARENT`; nothing else reads this).
   */
  addNamedRelation(group: Group, last: number): void {
    const tokens = this.tokens;
    const at = tokens[last] as Token;
    for (let p = last + 1; p <= last + group.window && p < tokens.length; p += 1) {
      if ((tokens[p] as Token).clause !== at.clause) break;
      this.startsHere[p] = (this.startsHere[p] as number) | OTHER_NOT_PARENT;
    }
  }

  /** The clause of this word is a list ending in a head noun such as "concerns" ("housing or food concerns"). */
  private endsHeadList(t: Token): boolean {
    const c = this.clauses[t.clause];
    return c !== undefined && c.list && c.head;
  }

  /** Whether the clause starting at `p` has at most `words` words, one of `services` and none of `stops` (`intoShortClauses`). */
  private shortClause(p: number, short: { words: number; stops: ReadonlySet<string>; services: ReadonlySet<string> }): boolean {
    const clause = (this.tokens[p] as Token).clause;
    if ((this.clauses[clause]?.words ?? 0) > short.words) return false;
    let service = false;
    for (let k = p; k < this.tokens.length && (this.tokens[k] as Token).clause === clause; k += 1) {
      const w = (this.tokens[k] as Token).word;
      if (short.stops.has(w)) return false;
      if (short.services.has(w)) service = true;
    }
    return service;
  }

  /**
   * The clause starting at `p` goes on with a list of pasts (`listOnly`): it names a time of its own in the past
   * ("sleeping rough when 18"), or it has at most `list.words` words and none of them says it is now.
   */
  private shortItem(p: number, list: NonNullable<Group['listOnly']>): boolean {
    const t = this.tokens[p] as Token;
    const c = this.clauses[t.clause];
    if (c === undefined) return false;
    let now = false;
    for (let k = p; k < this.tokens.length && (this.tokens[k] as Token).clause === t.clause; k += 1) {
      const w = (this.tokens[k] as Token).word;
      if (list.pastTime.has(w)) return true;
      if (list.present.has(w)) now = true;
    }
    return !now && c.words <= list.words;
  }

  private continuesList(t: Token): boolean {
    const c = this.clauses[t.clause];
    return t.afterLabel || (c !== undefined && (c.words === 1 || c.list));
  }

  /**
   * A bracket right after a relation, tokens `relationAt + 1` to `last`, that the sentence runs on past ("Her mum (not our
   * patient, lives in Moodiesburn) is struggling to heat her house"): an aside, which the relation's reach passes over
   * to what is told of them after it (`findAsides`; forty-eighth session, dev135, dev137).
   */
  addAside(relationAt: number, last: number): void {
    (this.asides ??= new Map()).set(relationAt, last);
  }

  private asides: Map<number, number> | undefined;

  /** The word after `at`, or after its aside when it is a relation with one. */
  nextAfter(at: number): number {
    const aside = this.asides?.get(at);
    return aside === undefined ? at + 1 : aside + 1;
  }

  /** Words naming the patient as a relation telling the note calls them (`informantNames`): a relation's reach stops there. */
  patientNamed: ReadonlySet<number> | undefined;

  /** Whether a relative filled in the form (`filledInByOther`), read once per note when a list question first asks. */
  private filledIn: boolean | undefined;

  /** The words left in the clause of `at`, or, after a relation with an aside, in the clause that follows the aside. */
  clauseRestAfter(at: number): number {
    const aside = this.asides?.get(at);
    return aside === undefined ? clauseRest(this.tokens, at) : clauseRest(this.tokens, aside + 1) + 1;
  }

  /** A possessive of the other sex at `at`, standing for `relation`: a mention it is inside (not as its last word), or just before in its clause, is someone else's. */
  addPossessive(at: number, relation: string): void {
    (this.possessives ??= new Map()).set(at, possessiveBits(relation));
  }

  private possessives: Map<number, number> | undefined;

  /**
   * A bracket after a relation, tokens `first` to `last`: a mention that starts or ends inside it is that person's, for
   * the needs a possessive of the other sex makes someone else's (work, substances, digital, activity, long-term
   * conditions; a spouse's work stays the household's): "lives with his dad (alcoholic liver disease)". Safety, caring,
   * a household's needs and the rest are left alone ("partner (controlling, checks her phone)" is done to her), and a
   * relation rule still reads it.
   */
  addBracket(first: number, last: number, relation: string, aged = false): void {
    const bits = possessiveBits(relation) | (aged && !SPOUSES.has(relation) ? IN_BRACKET : 0);
    for (let p = first; p <= last; p += 1) (this.brackets ??= new Map()).set(p, bits);
  }

  private brackets: Map<number, number> | undefined;

  /**
   * A mention used by someone else ("a diabetes group his wife could go to": `usedByOther`), or followed by "for" and an object pronoun of the other sex, someone of that sex named just before ("asked
   * the warden about the lunch club for her", in a man's notes): what it names is for that person. Read in facts.ts
   * for the needs `otherSexPronoun.forOtherNotFor` does not list (twelfth session, from dev30).
   */
  servesOther(m: { first: number; last: number }, need?: string): boolean {
    const tokens = this.tokens;
    // A service someone else would use: not for a household's needs ("community transport her husband could use for
    // their appointments" is hers to find; review48b).
    if (!(need !== undefined && USED_BY_HOUSEHOLD.has(need)) && usedByOther(tokens, m, this.sex, () => this.genderMarked())) return true;
    if (this.sex === 'unknown') return false;
    const at = forAfter(tokens, m);
    const f = tokens[at];
    const p = tokens[at + 1];
    if (f?.word === 'for' && p !== undefined && p.word === (this.sex === 'female' ? 'her' : 'him') && forSomeoneNamed(tokens, m.first, at + 1)) return true;
    const other = this.sex === 'female' ? 'male' : 'female';
    if (!forOtherSexAt(tokens, at, m.last, this.sex)) return false;
    const after = tokens[at + 2];
    if (after !== undefined && after.clause === (p as Token).clause) {
      // "for him and her", "for him too", "for him as well": the patient's as well (a hostile review of the thirtieth session).
      if (ALSO_AFTER_FOR.has(after.word)) return false;
      // "for her to pass on" and the like are read elsewhere; "for her mum" is the mum's, not hers, and is left alone.
      if (!NOT_OWNED.has(after.word) && other === 'female') return false;
    }
    // A partner, an ex or a friend named before stands for the pronoun too ("Partner using cocaine at weekends … Drug service
    // number given for him", in a woman's notes: thirtieth session, dev89).
    return namedBefore(tokens, at + 1, other, true) !== undefined && !this.genderMarked();
  }

  /**
   * For a household's needs (`otherSexPronoun.forRelativeToo`): a mention followed by "for him" or "for her" (the other
   * sex), standing for a relation named before who is not a spouse or partner, did not come with the patient, and shares
   * no household the sentence speaks of, as `givenTo` finds one after "gave him": "Says her dad sits with the heating
   * off. Gave Home Energy Scotland number for him" is the dad's, as "gave him the number" is (fiftieth session, from
   * dev137). `servesOther` leaves these needs to the patient because "for him" is so often the husband.
   */
  servesRelative(m: { first: number; last: number }): boolean {
    if (this.sex === 'unknown') return false;
    const tokens = this.tokens;
    const at = forAfter(tokens, m);
    if (!forOtherSexAt(tokens, at, m.last, this.sex)) return false;
    const after = tokens[at + 2];
    if (after !== undefined && after.clause === (tokens[at + 1] as Token).clause && !NOT_OWNED.has(after.word)) return false;
    const other = this.sex === 'female' ? 'male' : 'female';
    if (restOfClauseHas(tokens, at + 1, PATIENT_OWN_WORDS[this.sex])) return false;
    // Not a child, who so often lives with the patient ("Daughter (15) lives with him… the school clothing grant for
    // her"; review50a).
    const to = givenTo(tokens, at + 1, other);
    return to !== undefined && !HOUSEHOLD_CHILDREN.has(to) && !this.genderMarked();
  }

  /**
   * A mention followed by "for them", standing for people named before who do not live with the patient
   * (`pluralBefore`): "She's going to look into Home Energy Scotland for them", after her parents' cold house. For
   * every need, a household's too: they are another household (twentieth session, dev48).
   */
  servesOthers(m: { first: number; last: number }): boolean {
    const tokens = this.tokens;
    const at = forAfter(tokens, m);
    const f = tokens[at];
    const p = tokens[at + 1];
    if (f?.word !== 'for' || p?.word !== 'them' || p.clause !== f.clause) return false;
    const after = tokens[at + 2];
    if (after !== undefined && after.clause === p.clause && !NOT_OWNED.has(after.word)) return false;
    return this.age !== undefined && this.age >= THEY_MIN_AGE && pluralBefore(tokens, at + 1) !== undefined;
  }

  /**
   * Whether a mention of an `otherSexAgent` group (lexicon.ts) has the patient as the one done to: not led by the
   * patient's own subject pronoun ("he reads her messages" in a man's notes is his doing), no object or possessive
   * pronoun of the other sex in it ("her husband checks her phone" in a man's notes is someone else's), and, when led by
   * the other sex's pronoun, no one else of the patient's sex (a daughter, a sister) nor a friend, neighbour or colleague
   * named in its sentence or the two before ("Her daughter's partner is awful. He reads her messages"). Without the
   * patient's sex, or in a note that marks gender, yes.
   */
  doneToPatient(m: { first: number; last: number }): boolean {
    if (this.sex === 'unknown' || this.genderMarked()) return true;
    const tokens = this.tokens;
    const other = this.sex === 'female' ? 'male' : 'female';
    const lead = (tokens[m.first] as Token).word;
    if (PATIENT_SUBJECTS[this.sex].has(lead)) return false;
    for (let k = m.first + 1; k <= m.last; k += 1) if (PATIENT_FORMS[other].has((tokens[k] as Token).word)) return false;
    return !(PATIENT_SUBJECTS[other].has(lead) && namedAt(tokens, m.first, this.sex, NOT_PARTNERS) >= 0);
  }

  /** Whether the note marks the patient's gender (`marksGender`), read once per note and only when a cue asks. */
  genderMarked(): boolean {
    this.marked ??= marksGender(this.tokens);
    return this.marked;
  }

  private marked: boolean | undefined;

  /** The service an offer named, tokens `first` to `last`, declined by the patient in the next clause. */
  addDeclined(first: number, last: number, nextSentence: boolean): void {
    (this.declined ??= []).push([first, last, nextSentence]);
  }

  private declined: [number, number, boolean][] | undefined;

  /**
   * A mention of a death ("Husband died 7 months ago") with the patient said to cope in its sentence or the next two
   * ("Says she's coping", "she is coping well"): the death alone is no mood need (context.json `copingWithLoss`).
   */
  copesWithLoss(m: { first: number; last: number }): boolean {
    const tokens = this.tokens;
    let loss = false;
    for (let k = m.first; k <= m.last && !loss; k += 1) loss = LOSS_WORDS.has((tokens[k] as Token).word);
    if (!loss) return false;
    const deathSentence = (tokens[m.first] as Token).sentence;
    for (let k = m.first; k < tokens.length && (tokens[k] as Token).sentence === deathSentence; k += 1) if (COPING_NOT_WITH_DEATH.has((tokens[k] as Token).word)) return false;
    return this.copesAfter(m, LOSS_COPING);
  }

  /**
   * "Cares for her mum 3 days a week; says she copes well", "Carer for husband. Asked how she is coping - says fine
   * honestly": a caring role told, then the patient said to cope (context.json `copingWithCare`, forty-first session), is
   * no caring need from that mention alone; strain told anywhere else in the note is read as ever.
   */
  copesWithCare(m: { first: number; last: number }): boolean {
    return this.copesAfter(m, CARE_COPING);
  }

  /** Whether the patient is said to cope, in one of `words`, in the mention's sentence or the next `COPING.sentences`. */
  private copesAfter(m: { first: number; last: number }, mode: CopingMode): boolean {
    const { words, notAfter, reported, qualified } = mode;
    const tokens = this.tokens;
    const last = (tokens[m.last] as Token).sentence + COPING.sentences;
    const other = this.sex === 'female' ? 'male' : this.sex === 'male' ? 'female' : undefined;
    for (let k = m.last + 1; k < tokens.length && (tokens[k] as Token).sentence <= last; k += 1) {
      const t = tokens[k] as Token;
      if (!words.has(t.word)) continue;
      // After a subject or link word in its clause ("says she's coping", "sad but coping"), or opening its sentence ("Coping well").
      const before = tokens[k - 1];
      const opensSentence = before === undefined || before.sentence !== t.sentence;
      if (!opensSentence && (before.clause !== t.clause || !COPING_SUBJECTS.has(before.word))) continue;
      // Said of the patient as a state: the clause ends with it or a qualifier follows ("coping well", "managing fine");
      // never a task or a question ("Managing his incontinence", "Coping strategies", "Coping? Not really", "Coping:
      // poor", "Grand-daughter"; review41b).
      const after = tokens[k + 1];
      const ends = after === undefined || after.clause !== t.clause;
      // One opening its sentence and ending its clause must have more of the sentence after it ("Coping, good family"), not a
      // label's answer or nothing ("Coping: poor", "Coping: ?").
      if (ends ? qualified || after?.afterQuestion === true || (opensSentence && (after === undefined || after.sentence !== t.sentence || after.afterLabel)) : !COPING_QUALIFIERS.has((after as Token).word)) continue;
      // "Fine", "alright", "managing" are the patient's only after her own subject ("she's fine", "I'm fine", "says
      // she is managing"): "Inhaler technique is fine", "Sugars doing fine" are findings (review41c); nor one that ends
      // its sentence: "Says she's grand. Hasn't been back to work, thoughts she'd be better off not here" (review41d);
      // "I'm fine, honestly" goes on.
      if (!COPING_ANY_SUBJECT.has(t.word) && (!patientSubjectBefore(tokens, k) || (ends && (after === undefined || after.sentence !== t.sentence)))) continue;
      // Where only a report makes it the patient's (a caring role: "He copes well at the new school" is the son).
      if (reported !== undefined && !anyWordIn(tokens, clauseStart(tokens, k), k, reported)) continue;
      // Whose coping, and not asked: nothing of another person's, nor a question, before it in its clause.
      let denied = false;
      for (let j = k - 1; j >= 0 && (tokens[j] as Token).clause === t.clause && !denied; j -= 1) {
        const w = (tokens[j] as Token).word;
        denied = COPING_NOT_BEFORE.has(w) || isRelation(w) || (other !== undefined && OTHER_SEX_PRONOUNS[other].has(w));
      }
      // Nothing after it in its sentence that takes it back; a mode's own words (`notAfter`) take it back in the next
      // sentence too: "Says she's managing okay. He shoved her last week when confused" (review41c).
      const through = notAfter === undefined ? t.sentence : t.sentence + 1;
      for (let j = k + 1; j < tokens.length && (tokens[j] as Token).sentence <= through && !denied; j += 1) {
        const w = (tokens[j] as Token).word;
        denied = notAfter?.has(w) === true || ((tokens[j] as Token).sentence === t.sentence && COPING_NOT_AFTER.has(w));
      }
      if (!denied) return true;
    }
    return false;
  }

  /**
   * Whether a mention starts within a declined offer's service ("Offered carer support - declined"; "Offered peer
   * support group for people with diabetes - declined" is the service, however far past it the mention runs): facts.ts
   * reads it for `DECLINED_OFFER_FOR`.
   */
  inDeclinedOffer(m: { first: number; last: number }, need?: string): boolean {
    return this.declined?.some(([first, last, next]) => m.first >= first && m.first <= last && !(next && need !== undefined && DECLINED_NEXT_NOT_FOR.has(need))) ?? false;
  }

  /** Whether a denial reaches a mention. */
  isNegated(m: { first: number; last: number }): boolean {
    return (this.bitsOf(m) & (NEG | NEG_SPARING)) !== 0;
  }

  /**
   * Whether a resolution or a denial that `spares` this need leaves this mention alone: only a mention told in the
   * present ("Partner hits her, but now working", "Scared of her partner - rent arrears sorted"), never one told in
   * the past or with no verb ("Ex was violent - now settled", "Domestic abuse: n/a", "DV - fine"), which the cue still
   * reaches (a hostile review of the twenty-fifth session: sparing every safety mention prompted 70 wrongly).
   */
  private spares(m: { first: number; last: number }, need: string | undefined): boolean {
    if (need === undefined || !SPARED.has(need)) return false;
    const tokens = this.tokens;
    const clause = (tokens[m.first] as Token).clause;
    let present = false;
    let now = false;
    let ex = false;
    let fear = false;
    for (let k = Math.max(0, m.first - PAST_LOOKBACK); k <= m.last; k += 1) {
      const t = tokens[k] as Token;
      if (k < m.first && t.clause !== clause) continue;
      if (PAST_MARKS.has(t.word)) return false;
      if (t.word === 'ex') ex = true;
      if (k >= m.first && PRESENT_MARKS.has(t.word)) {
        present = true;
        if (!JUST_DONE.has(t.word)) now = true;
        if (FEARS.has(t.word)) fear = true;
      }
    }
    if (!present) return false;
    // A label that says it is past heads the mention's clause ("Hx DV 2014 - husband kicked her").
    const start = clauseStart(tokens, m.first);
    if (start > 0 && (tokens[start] as Token).afterLabel && clauseHas(tokens, start - 1, PAST_LABELS)) return false;
    // An ex's abuse told only as just done, or a fear of an ex, is past beside a resolution ("Ex hit her, now settled",
    // "Terrified of ex, now settled in new area"; a third hostile review).
    if (ex && (!now || fear)) return false;
    // Told as just done, with a word of recency after it in its clause ("pushed her down the stairs last week"): now.
    for (let k = m.last + 1; !now && k < tokens.length && (tokens[k] as Token).clause === clause; k += 1) if (RECENT.has((tokens[k] as Token).word)) now = true;
    // Told only as just done ("hit", "pushed"): not when a past year dates it ("Partner hit her in 2019", "In 2016,
    // husband hit her") nor the patient's youth after it ("Raped at 16, settled now"; a third hostile review).
    if (!now) {
      for (const at of this.pastYears ?? []) {
        const yearClause = (tokens[at] as Token).clause;
        // In its clause ("Raped by a stranger in 2012"), or a clause just before or after that is only the date ("In 2016,
        // husband hit her"; not "Was homeless in 2015, boyfriend grabbed her by the throat"), and no "and" between them
        // ("Was homeless in 2015 and boyfriend…").
        let between = false;
        for (let k = Math.min(at, m.first) + 1; k < Math.max(at, m.last); k += 1) if (CONJUNCTS.has((tokens[k] as Token).word)) between = true;
        if (between) continue;
        if (yearClause === clause) return false;
        const dateOnly = (this.clauses[yearClause]?.words ?? 0) <= 2;
        if (dateOnly && (tokens[at] as Token).sentence === (tokens[m.first] as Token).sentence && at >= m.first - PAST_YEAR_NEAR && at <= m.last + PAST_YEAR_NEAR) return false;
      }
      for (let k = m.last + 1; k < tokens.length && (tokens[k] as Token).clause === clause; k += 1) {
        const w = (tokens[k] as Token).word;
        if (YOUTH.has(w) || (w === 'at' && /^\d/.test(tokens[k + 1]?.word ?? ''))) return false;
      }
    }
    // A label's short answer is the answer to it ("Frightened of partner: ok"), not a resolution of something else.
    const next = tokens[m.last + 1];
    if (next !== undefined && next.clause !== clause && next.afterLabel && this.labelAnswer(m.last + 1)) return false;
    return true;
  }

  /** A year two or more before the notes' own stands at `at` (it dates a mention just beside it: `spares`). */
  markPastYear(at: number): void {
    (this.pastYears ??= []).push(at);
  }

  private pastYears: number[] | undefined;

  /** Whether the clause starting at `p` is a label's bare answer: at most `LABEL_ANSWER_WORDS` words, all of `sparesPresent.labelAnswers`. */
  private labelAnswer(p: number): boolean {
    const clause = (this.tokens[p] as Token).clause;
    if ((this.clauses[clause]?.words ?? 0) > LABEL_ANSWER_WORDS) return false;
    for (let k = p; k < this.tokens.length && (this.tokens[k] as Token).clause === clause; k += 1) if (!LABEL_ANSWERS.has((this.tokens[k] as Token).word)) return false;
    return true;
  }

  /** Whether a mention is affirmed: about the patient (or, when allowed, a relation or a parent as the subject), now, and really said. */
  isAffirmed(m: { first: number; last: number }, subject: SubjectRule, need?: string): boolean {
    const bits = this.bitsOf(m);
    // "Worried about her dad (lonely, never sees anyone)": what a bracket after a relation says of that person, for the
    // needs a possessive leaves alone (context.json `bracketAlsoFor`).
    if ((bits & IN_BRACKET) !== 0 && need !== undefined && BRACKET_ALSO_FOR.has(need)) return false;
    if ((bits & SPOUSE_SERVICE) !== 0 && need !== undefined && !SPOUSE_SERVICE_HOUSEHOLD.has(need)) return false;
    const spared = this.spares(m, need);
    return !denied(bits, spared) && !notCurrent(bits, subject, spared);
  }

  /**
   * A template answers the mention "no" and nothing more ("Lives alone: N", "Gambling: N", "Carer? No."): it is denied.
   * Read for the needs in `answers.denialFor` (facts.ts) and a rule's own phrases ("lives alone"), never where a
   * denial is often followed by a disclosure (mood, self-harm, abuse: "Self harm? No. Cut her arms last night").
   */
  answeredNo(m: { first: number; last: number }, need?: string): boolean {
    return this.answerTo(m, 'denial', need)?.answer === 'no';
  }

  private bitsOf(m: { first: number; last: number }): number {
    let bits = (this.startsHere[m.first] ?? 0) | (this.endsHere[m.last] ?? 0);
    for (const c of this.opening.get(m.first)) if (c.last < m.last) bits |= c.bits;
    // A mention that starts or ends inside a bracket after a relation is that person's, as a possessive makes it.
    if (this.brackets !== undefined) bits |= (this.brackets.get(m.first) ?? 0) | (this.brackets.get(m.last) ?? 0);
    if (this.possessives !== undefined) {
      const before = this.tokens[m.first - 1];
      const from = before !== undefined && before.clause === (this.tokens[m.first] as Token).clause ? m.first - 1 : m.first;
      for (let p = from; p < m.last; p += 1) bits |= this.possessives.get(p) ?? 0;
    }
    // "Hx DV 2014 - ongoing", "Previous homelessness, still ongoing": a short clause after the mention that only says it
    // goes on (`pastYearClause.continues`) takes any past away, as it takes a year's (twenty-ninth session).
    if ((bits & (HIST | HIST_SPARING)) !== 0 && goesOn(this.tokens, m.last)) bits &= ~(HIST | HIST_SPARING);
    return bits;
  }

  /**
   * Whether a mention is about the patient and now, whatever negation reaches it: for a `met`
   * question, whose "no" answer is the need ("Feels safe: no" is also a label's denied answer).
   */
  isCurrentForPatient(m: { first: number; last: number }, subject: SubjectRule, need?: string): boolean {
    return !notCurrent(this.bitsOf(m), subject, this.spares(m, need));
  }

  /**
   * A template's answer to the question a mention asks: the whole clause after the
   * question's colon or dash ("Feels safe at home: no", "Rent affordable - yes"), or the
   * whole first clause of the sentence after its question mark ("Do you feel safe at home?
   * No."). The question may run on a few words past the mention ("Feels safe at home with
   * partner: no"). `last` is the answer's last word. Undefined when there is no such answer.
   *
   * `met` (the default) reads a lexicon's `met` question, whose "no" is the need, and refuses a question that asks
   * something else (`flips`). `denial` reads any other mention's template answer, whose "no" denies it ("Lives alone:
   * N", "Gambling: N", "Stress at work? No."; twelfth session, from dev29), and only a plain no (`answers.denialNo`)
   * that ends its sentence, to a question that names a problem (`denialAsks`) with no negation or `askAbility` word in
   * it ("Not been out for weeks? No", "Still off the heroin? No" could mean the need), when the next sentence does not
   * take it back (`denialRefusedAfter`, or a relation who reports: "Wife: he is on the bookies every night").
   */
  answerTo(m: { first: number; last: number }, mode: 'met' | 'denial' = 'met', need?: string): { answer: 'yes' | 'no'; last: number } | undefined {
    const tokens = this.tokens;
    const end = tokens[m.last] as Token;
    let k = m.last + 1;
    while (k < tokens.length && (tokens[k] as Token).clause === end.clause) {
      if (k - m.last > QUESTION_TAIL_WORDS) return undefined;
      k += 1;
    }
    let first = tokens[k];
    if (first === undefined || first.clause !== end.clause + 1) return undefined;
    // The whole question's first word: the mention's clause, or a list question's opener.
    let start = clauseStart(tokens, m.first);
    let list = false;
    // "Any worries about money, housing or food? No": a list of short items after a question's opener, one answer for all.
    if (mode === 'denial' && first.sentence === end.sentence && !first.afterLabel) {
      const asked = listQuestion(tokens, m.first, k);
      if (asked === undefined) return undefined;
      start = asked.start;
      k = asked.answer;
      first = tokens[k] as Token;
      list = true;
    }
    // After the question's colon or dash, or right after its question mark.
    const asked = first.sentence === end.sentence ? first.afterLabel : first.afterQuestion && first.sentence === end.sentence + 1;
    if (!asked) return undefined;
    // "Q: Do you feel safe at home? A: no": the answer after an answer label.
    const labelled = tokens[k + 1];
    if (first.afterQuestion && ANSWER_LABELS.has(first.word) && labelled?.afterLabel && labelled.clause === first.clause + 1 && labelled.sentence === first.sentence) {
      k += 1;
      first = labelled;
    }
    const words: string[] = [];
    let last = k;
    for (let j = k; j < tokens.length && (tokens[j] as Token).clause === first.clause; j += 1) {
      if (words.length >= LONGEST_ANSWER) return undefined;
      words.push((tokens[j] as Token).word);
      last = j;
    }
    // An answer may be reported ("Asked re gambling - says no"): the reporting words before it are not the answer.
    let from = 0;
    // A met question's reported no is the need all the same ("Asked if she feels safe at home - says no"); a denial's only
    // after a question the clinician asked ("Drinking problem? Says no. Wife disagrees" is not denied).
    // The whole question: its clause (or its list, from the opener) up to the mention, the mention, and any words it runs
    // on before the answer.
    const askedOut = mode === 'denial' && askedAloud(tokens, start, m.first);
    // "Asked if she'd like a befriender as she's been very lonely - no": the no declines the offer (`declinedOffer.askedIf`,
    // read where the offers are), not the need the offer was for (fiftieth session).
    if (mode === 'denial' && askedOfferStart(tokens, start, this.sex) >= 0) return undefined;
    if (mode === 'met' || askedOut) while (from < words.length - 1 && ANSWER_REPORTED.has(words[from] as string)) from += 1;
    const said = from === 0 ? words.join(' ') : words.slice(from).join(' ');
    const answer = ANSWER_NO.has(said) ? 'no' : ANSWER_YES.has(said) ? 'yes' : undefined;
    if (!answer) return undefined;
    // "N/A", "Y/N", "no/yes", "n/a tube fed": a template nobody filled in. Only a word joined on by one
    // character (the slash) counts: "no, a bit scared of him" is an answer.
    const next = tokens[last + 1];
    if (next !== undefined && next.sentence === (tokens[last] as Token).sentence && next.start - (tokens[last] as Token).end === 1 && BLANK_ANSWERS.has(next.word)) return undefined;
    // A question that asks something else: "Not safe at home", "Worried about paying rent", "Safe at home alone".
    // Inside the phrase only a negation does ("Has no internet: Y"); the phrase's own words may be flips
    // elsewhere ("Has anyone to talk to: no", "Has friends or family nearby: no").
    const clause = (tokens[m.first] as Token).clause;
    if (mode === 'denial') {
      // Only a plain no ("Lonely? Not always" and "sometimes not" are a met question's need, not a denial: code review).
      if (!DENIAL_NO.has(said)) return undefined;
      // Only an answer that ends its sentence: "Gambling: not really, £50 a day on the slots", "Still drinking a
      // bottle a day? No, a litre now" go on to say more. A question the clinician says was asked ("Asked re
      // loneliness - no, I like my own company") may go on as a template field's answer may (`answerEndsField`: no
      // hedge opening the next clause, no contrast in the sentence; forty-first session).
      const after = tokens[last + 1];
      // For the needs of `answers.questionReasonFor`, a bare question asked with a question mark may go on so too ("Lonely?
      // Naw, I'm never in - the club, the bowls"): a reason after a loneliness question's no is a social life, while
      // after "Gambling? No," it may be the amount ("No, £50 a day on the slots").
      // For the needs of `answers.denialWholeOnly` (a home's damp, a cold flat, food), never: "Asked re housing problems -
      // says no, staying with her sister for now" is hidden homelessness (review41c).
      const asked = !(need !== undefined && DENIAL_WHOLE_ONLY.has(need)) && (askedOut || (first.afterQuestion && need !== undefined && QUESTION_REASON_FOR.has(need)));
      if (after !== undefined && after.sentence === (tokens[last] as Token).sentence && !(asked && answerEndsField(tokens, last, true))) return undefined;
      // Nor a question whose "no" is the need, as a `met` question's is ("Can you afford enough food? Not really"):
      // only one that names a problem ("Any money worries? No"; not "Still off the heroin? No", "Making ends meet? No").
      const refuses = (w: string): boolean => FLIPS_IN_PHRASE.has(w) || ASK_ABILITY.has(w);
      let asksProblem = false;
      for (let j = start; j < k; j += 1) {
        const w = (tokens[j] as Token).word;
        // "Do you have any worries about money? No": having a problem asked after, not an ability.
        if (HAVE_ANY.has(w) && tokens[j + 1]?.word === 'any' && DENIAL_ASKS.has(tokens[j + 2]?.word ?? '')) continue;
        if (refuses(w)) return undefined;
        asksProblem ||= DENIAL_ASKS.has(w);
      }
      if (!asksProblem) return undefined;
      // Nor when the next sentence takes it back or tells it otherwise ("But he has been suspended", "Wife: he is on
      // the machines every night").
      if (after !== undefined && (DENIAL_REFUSED_AFTER.has(after.word) || relationReports(tokens, last + 1) || relationDisputes(tokens, last + 1))) return undefined;
      // A form a relative filled in ("completed by daughter on mum's behalf"): one "no" for a whole list is not read (review49d).
      if (list && (this.filledIn ??= filledInByOther(tokens))) return undefined;
      return { answer, last };
    }
    for (let j = m.first - 1; j >= 0 && (tokens[j] as Token).clause === clause; j -= 1) if (QUESTION_FLIPS.has((tokens[j] as Token).word)) return undefined;
    // "Does she feel safe? No - frightened of falling again at night": an answer whose sentence goes on about falls or
    // getting about answers a falls question (`answers.metNotAfter`; review50d).
    for (let j = last + 1; j < tokens.length && (tokens[j] as Token).sentence === (tokens[last] as Token).sentence; j += 1) if (MET_NOT_AFTER.has((tokens[j] as Token).word)) return undefined;
    for (let j = m.first + 1; j < m.last; j += 1) if (FLIPS_IN_PHRASE.has((tokens[j] as Token).word)) return undefined;
    for (let j = m.last + 1; j < k; j += 1) if (QUESTION_FLIPS.has((tokens[j] as Token).word)) return undefined;
    return { answer, last };
  }

  contextOf(m: { first: number; last: number }): MentionContext {
    const bits = this.bitsOf(m);
    return {
      negated: (bits & (NEG | NEG_SPARING)) !== 0,
      historical: (bits & (HIST | HIST_SPARING)) !== 0,
      hypothetical: (bits & HYP) !== 0,
      otherPerson: (bits & (OTHER | OTHER_PRONOUN)) !== 0,
      otherPersonNotRelation: (bits & OTHER_NOT_RELATION) !== 0,
    };
  }
}

/** Words that open a question over a list of items (context.json `answers.listOpeners`). */
const LIST_OPENERS = new Set(table.answers.listOpeners);
/** The longest item of a list question, and the most items, as words (`answers.listItemWords`, `listItems`). */
const LIST_ITEM_WORDS: number = table.answers.listItemWords;
const LIST_ITEMS: number = table.answers.listItems;
/** Words that open a question of an item's own ("any SI"), and the joiners an item may open with ("or heating"). */
const LIST_ITEM_QUESTIONS = new Set(table.answers.listItemQuestions);
const LIST_JOINERS = new Set(table.answers.listJoiners);

/**
 * A question over a list ("Any worries about money, housing or food? No", "Concerns re debt, gambling, alcohol: no"):
 * the sentence opens with one of `listOpeners`, and every clause after its first, up to the answer, is a short item
 * (the mention's own clause among them), so one answer answers each. `next` is the first word after the mention's
 * clause (in the same sentence, not after a label). Returns the question's first word and the answer's, or undefined.
 * Not a social history line whose last field is answered ("lives alone, isolated since wife died, alcohol: no", "Debts
 * ~£8k, seen CAB? No"): neither opens a question (review48b).
 */
function listQuestion(tokens: readonly Token[], mentionAt: number, next: number): { start: number; answer: number } | undefined {
  const sentence = (tokens[mentionAt] as Token).sentence;
  // The question opens its sentence, or the value after a label ("Social: Any worries about money, housing or food? No").
  let start = mentionAt;
  while (start > 0 && (tokens[start - 1] as Token).sentence === sentence && !((tokens[start] as Token).afterLabel && (tokens[start - 1] as Token).clause !== (tokens[start] as Token).clause)) start -= 1;
  if (!LIST_OPENERS.has((tokens[start] as Token).word)) return undefined;
  const opener = (tokens[start] as Token).clause;
  // Every clause after the opener's, before the answer, is one short item (a leading "and" or "or" not counted), and
  // none asks a question of its own: in "Worried about rent, any SI? No" the "no" answers the SI (review49a).
  let items = 0;
  let k = start;
  while (k < tokens.length && (tokens[k] as Token).sentence === sentence && !(k > start && (tokens[k] as Token).afterLabel)) {
    const clause = (tokens[k] as Token).clause;
    if (clause !== opener && LIST_ITEM_QUESTIONS.has((tokens[k] as Token).word)) return undefined;
    let words = clause !== opener && LIST_JOINERS.has((tokens[k] as Token).word) ? -1 : 0;
    while (k < tokens.length && (tokens[k] as Token).clause === clause) {
      words += 1;
      k += 1;
    }
    if (clause !== opener) {
      items += 1;
      if (words > LIST_ITEM_WORDS || items > LIST_ITEMS) return undefined;
    }
  }
  if (k <= next || items === 0) return undefined;
  // The answer: after the list's colon or dash, or right after its question mark.
  const answer = tokens[k];
  if (answer === undefined) return undefined;
  const asked = answer.sentence === sentence ? answer.afterLabel : answer.afterQuestion && answer.sentence === sentence + 1;
  return asked ? { start, answer: k } : undefined;
}

/**
 * A cue that is the whole clause after a label's colon or dash: a template's answer
 * ("Gambling: no"). A bare "no" anywhere else is not read backwards ("Lives alone no
 * family nearby" is still alone).
 */
function isLabelAnswer(tokens: readonly Token[], cue: RawMatch, maxLabelWords: number): boolean {
  const first = tokens[cue.first] as Token;
  const before = tokens[cue.first - 1];
  const after = tokens[cue.last + 1];
  if (!first.afterLabel || before === undefined || before.clause === first.clause || (after !== undefined && after.clause === first.clause)) return false;
  let words = 0;
  for (let k = cue.first - 1; k >= 0 && (tokens[k] as Token).clause === before.clause; k -= 1) {
    // "Able to afford food: no", "DV disclosed to police: no": the label asks about something good or a
    // follow-up, so "no" is (or leaves) the need.
    if (GOOD_LABEL_WORDS.has((tokens[k] as Token).word)) return false;
    words += 1;
  }
  return words <= maxLabelWords;
}

/** One-word denials that reach back only from the end of their clause (a review found "Low mood nil SI" denied the mood). */
const TRAILING_ONLY = new Set<string>(words.trailingOnly);

/** Whether the word at `first` opens the value after a label's colon or dash ("DV: denies DA"). */
function startsLabelValue(tokens: readonly Token[], first: number): boolean {
  const t = tokens[first] as Token;
  const before = tokens[first - 1];
  return t.afterLabel && before !== undefined && before.clause !== t.clause;
}

/** Words that may follow a trailing denial and still leave it the answer ("never needed", "none since 2019"). */
const TRAILING_QUALIFIERS = new Set(table.trailingQualifiers.flatMap((w) => phraseWords(w)));

/** The first word after `last` in its clause that is not a qualifier (nor, with `figures`, a figure); -1 when none is. */
function afterQualifiers(tokens: readonly Token[], last: number, figures: boolean): number {
  const clause = (tokens[last] as Token).clause;
  for (let k = last + 1; k < tokens.length && (tokens[k] as Token).clause === clause; k += 1) {
    const w = (tokens[k] as Token).word;
    if (!TRAILING_QUALIFIERS.has(w) && !(figures && /^\d/.test(w))) return k;
  }
  return -1;
}

/** Whether a word other than a qualifier or a figure follows `last` in its clause. */
const findingFollows = (tokens: readonly Token[], last: number): boolean => afterQualifiers(tokens, last, true) >= 0;

/** Findings that come with a label's own, which a label's denial may be about instead ("Low mood: denies SI"), as word lists. */
const SUB_FINDINGS: string[][] = table.answerSubFindings.map((p) => phraseWords(p));

/** Words naming one finding, for a label's denial that restates its label ("DV: denies DA"): word -> its groups' numbers. */
const RESTATES = new Map<string, number[]>();
table.labelRestatements.forEach((words, g) => {
  for (const w of words.flatMap((x) => phraseWords(x))) RESTATES.set(w, [...(RESTATES.get(w) ?? []), g]);
});

/** Whether `word` and a word of the label clause before `first` name the same finding (context.json `labelRestatements`). */
function restatesLabel(tokens: readonly Token[], first: number, word: string): boolean {
  const groups = RESTATES.get(word);
  if (!groups) return false;
  const label = (tokens[first - 1] as Token).clause;
  for (let k = first - 1; k >= 0 && (tokens[k] as Token).clause === label; k -= 1) if (RESTATES.get((tokens[k] as Token).word)?.some((g) => groups.includes(g))) return true;
  return false;
}

/**
 * Whether what follows a label's one-word denial (`first`..`last`), after any qualifiers, opens with a finding of
 * `answerSubFindings` that does not restate the label: then the denial is about that finding, not the label.
 */
function subFindingFollows(tokens: readonly Token[], first: number, last: number): boolean {
  const at = afterQualifiers(tokens, last, false);
  if (at < 0) return false;
  const clause = (tokens[last] as Token).clause;
  const found = SUB_FINDINGS.some((words) => words.length > 0 && words.every((w, j) => tokens[at + j]?.clause === clause && tokens[at + j]?.word === w));
  return found && !restatesLabel(tokens, first, (tokens[at] as Token).word);
}

/** Hedged answers that deny only as the whole reply: "Gambling: not really", not "Gambling: not really, £50 a day". */
const WHOLE_REPLY_ONLY = new Set<string>(words.wholeReplyOnly);

/** Words that label an answer in question-and-answer text ("Q: ... ? A: no"). */
const ANSWER_LABELS = new Set<string>(words.answerLabels);

/** A template's answers, as normalised words (context.json `answers`). */
const ANSWER_NO = new Set(table.answers.no.map((a) => phraseWords(a).join(' ')));
const ANSWER_YES = new Set(table.answers.yes.map((a) => phraseWords(a).join(' ')));
const BLANK_ANSWERS = new Set(table.answers.blank);
const QUESTION_FLIPS = new Set(table.answers.flips.flatMap((w) => phraseWords(w)));
/** The needs whose mentions a template's bare "no" denies (facts.ts reads it; see `answeredNo`). */
export const TEMPLATE_DENIAL_FOR: ReadonlySet<string> = new Set(table.answers.denialFor);
/**
 * Lexicon groups (`need/group`) a template's bare "no" denies though their need is not in `denialFor`: mood's "worries
 * about money" asks about money ("Any worries about money? No" is no worry), where "Low mood? No" may be followed by a
 * disclosure (`answers.denialForGroups`).
 */
export const TEMPLATE_DENIAL_FOR_GROUPS: ReadonlySet<string> = new Set(table.answers.denialForGroups);
const FIELD_CONTRAST: ReadonlySet<string> = new Set(table.fieldAnswer.contrast);
const FIELD_CONTINUES: ReadonlySet<string> = new Set(table.fieldAnswer.continues);
const FIELD_HEDGES: ReadonlySet<string> = new Set(table.fieldAnswer.hedges);
const FIELD_PARTNERS: ReadonlySet<string> = new Set(table.fieldAnswer.partners);
const FIELD_PRESENCE: ReadonlySet<string> = new Set(table.fieldAnswer.presence);
const FIELD_BARE_ENDS: ReadonlySet<string> = new Set(table.fieldAnswer.bareEnds);
const FIELD_OPENS_ANSWER: ReadonlySet<string> = new Set(table.fieldAnswer.opensAnswer);
const REASON_BARRIERS: ReadonlySet<string> = new Set(table.answers.reasonBarriers);

/**
 * Whether a template field's answer, ending at `last`, ends its field (context.json `fieldAnswer`). It may run on in
 * qualifiers; then the sentence ends, not in a question mark, or a new clause follows that opens with no hedge ("no, not
 * physically"), with no contrast after it in the sentence ("no, but…"); and no partner was there, told in that
 * sentence or the next ("-ve (partner present)", "no. Husband present throughout"). A lexicon's `answeredNo`
 * look-alikes count only then (facts.ts).
 */
export function answerEndsField(tokens: readonly Token[], last: number, strict = false): boolean {
  const end = tokens[last] as Token;
  // "DA routine enquiry completed", "… with pt alone": no answer of its own, so the sentence must end there, and a next
  // sentence that opens as an answer is its answer ("DA routine enquiry completed. Disclosed: yes"; review41).
  if (FIELD_BARE_ENDS.has(end.word)) {
    const after = tokens[last + 1];
    if (after === undefined) return true;
    if (after.sentence === end.sentence || after.afterQuestion || FIELD_OPENS_ANSWER.has(after.word)) return false;
    return !partnerThere(tokens, last + 1, end.sentence + 1);
  }
  // "no concerns", "no disclosure", "no concerns at present": an answer may run on in its clause in qualifiers only
  // (context.json `fieldAnswer.continues`, `trailingQualifiers`; the matcher ends a phrase at its shortest answer, "no").
  let at = last + 1;
  while (at < tokens.length && (tokens[at] as Token).clause === end.clause && (TRAILING_QUALIFIERS.has((tokens[at] as Token).word) || FIELD_CONTINUES.has((tokens[at] as Token).word))) at += 1;
  const next = tokens[at];
  if (next === undefined) return true;
  if (next.sentence === end.sentence) {
    if (next.clause === end.clause || FIELD_HEDGES.has(next.word)) return false;
    // A denial's reason (`strict`): no hedge or barrier among its first words either ("No, I just don't go out any more",
    // "says no, too embarrassed to go"; review41b).
    if (strict) for (let k = at; k < at + 3 && k < tokens.length && (tokens[k] as Token).clause === next.clause; k += 1) if (FIELD_HEDGES.has((tokens[k] as Token).word) || REASON_BARRIERS.has((tokens[k] as Token).word)) return false;
    for (let k = at; k < tokens.length && (tokens[k] as Token).sentence === end.sentence; k += 1) if (FIELD_CONTRAST.has((tokens[k] as Token).word)) return false;
  } else if (next.afterQuestion) {
    // "Domestic abuse asked - safe at home? Not always": an answer that ends in a question mark is a question.
    return false;
  }
  return !partnerThere(tokens, at, end.sentence + 1);
}

/** Whether, from `from` to the end of sentence `through`, a partner is named before a word of being there. */
function partnerThere(tokens: readonly Token[], from: number, through: number): boolean {
  let partner = false;
  for (let k = from; k < tokens.length && (tokens[k] as Token).sentence <= through; k += 1) {
    const w = (tokens[k] as Token).word;
    if (FIELD_PARTNERS.has(w)) partner = true;
    else if (partner && FIELD_PRESENCE.has(w)) return true;
  }
  return false;
}

/** Words that say the clinician asked the question (context.json `answers.askedAloud`): "Asked re gambling", "Screening question re food". */
const ASKED_ALOUD: ReadonlySet<string> = new Set(table.answers.askedAloud);
/** Needs whose bare question's "no" may be followed by its reason (context.json `answers.questionReasonFor`). */
const QUESTION_REASON_FOR: ReadonlySet<string> = new Set(table.answers.questionReasonFor);
/** Needs whose template "no" denies only as the sentence's whole answer (context.json `answers.denialWholeOnly`). */
const DENIAL_WHOLE_ONLY: ReadonlySet<string> = new Set(table.answers.denialWholeOnly);
/** Words that report an answer rather than give it ("says no", "pt says no"; context.json `answers.reported`). */
const ANSWER_REPORTED: ReadonlySet<string> = new Set(table.answers.reported);

/** Whether a word of asking stands in the question's clause before the mention. */
const askedAloud = (tokens: readonly Token[], from: number, to: number): boolean => anyWordIn(tokens, from, to, ASKED_ALOUD);

/** Whether one of `words` stands among tokens `from` to `to` (not included). */
function anyWordIn(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let j = from; j < to; j += 1) if (words.has((tokens[j] as Token).word)) return true;
  return false;
}

/** A question a bare "no" denies names a problem; a next sentence opening with one of these keeps it (context.json `answers`). */
const DENIAL_ASKS = new Set(table.answers.denialAsks);
/** Verbs of having that ask after a problem when "any" and a problem word follow ("have any worries"; `answers.haveAny`). */
const HAVE_ANY = new Set(table.answers.haveAny);
const DENIAL_NO = new Set(table.answers.denialNo.map((a) => phraseWords(a).join(' ')));
const DENIAL_REFUSED_AFTER = new Set(table.answers.denialRefusedAfter);
/** Words in a met question's answer sentence that make it a falls or mobility question (context.json `answers.metNotAfter`). */
const MET_NOT_AFTER: ReadonlySet<string> = new Set(table.answers.metNotAfter);
/** Words that make a question's "no" the need ("Can you afford…", "Has anyone to talk to"): a denial answer is not read there. */
const ASK_ABILITY = new Set(table.answers.askAbility.flatMap((w) => phraseWords(w)));
const FLIPS_IN_PHRASE = new Set(table.answers.flipsInPhrase.flatMap((w) => phraseWords(w)));
const LONGEST_ANSWER = Math.max(...[...ANSWER_NO, ...ANSWER_YES].map((a) => a.split(' ').length));
/** How many words a question may run on past the mention before its answer. */
const QUESTION_TAIL_WORDS = 4;

/** Words of a label that asks whether something good is so: a "no" after it is not a denial. */
const GOOD_LABEL_WORDS = new Set(table.goodLabelWords);

/** Words after a head noun that make it open a finding of its own ("problems with the landlord", "worries about the rent"). */
const FINDING_OPENERS = new Set<string>(words.findingOpeners);

/**
 * Whether a signal opens a denied list: a head noun such as "worries" right after it ("no work worries"), or
 * within three words after "or"/"nor" ("no money or work worries"), in its clause. "And" joins two findings as
 * often as two items ("No job and debt problems"), and a head noun with a finding after it is one of its own
 * ("No money and problems with the landlord"), so neither closes a list. (The judge's `endsHeadList` is another
 * question: whether a denial reaches over commas into a list that ends in a head noun.)
 */
function closesDeniedList(tokens: readonly Token[], last: number): boolean {
  const first = tokens[last] as Token;
  let clause = first.clause;
  // "No money, housing or family issues" (forty-ninth session, dev139): the list may go on over commas, each item of
  // `DENIED_LIST_ITEM_WORDS` words at most and none denying again, so long as the head noun ends an "or" item of its own
  // clause. Not "No money, no electric or gas, meter problems again" nor "No food, gas or electric, UC problems": the
  // things lacked, then a trouble of their own (review49c).
  let items = 0;
  let words = 0;
  // An "or" or "nor" in the clause read now (in the first clause, the alternatives the list names).
  let orHere = false;
  for (let k = last + 1; k < tokens.length; k += 1) {
    const t = tokens[k] as Token;
    if (t.clause !== clause) {
      if (t.sentence !== first.sentence || t.afterLabel || t.afterQuestion || items >= DENIED_LIST_ITEMS) return false;
      clause = t.clause;
      items += 1;
      words = 0;
      orHere = false;
    }
    words += 1;
    if (words > DENIED_LIST_ITEM_WORDS || (items > 0 && (t.word === 'no' || t.word === 'not'))) return false;
    if (LIST_HEADS.has(t.word)) {
      const next = tokens[k + 1];
      if (next !== undefined && next.clause === clause && FINDING_OPENERS.has(next.word)) return false;
      // A head straight after the signal ("no work worries") only in its own clause, not opening the next ("no car, needs").
      return (items === 0 && k === last + 1) || orHere;
    }
    if (t.word === 'or' || t.word === 'nor') orHere = true;
  }
  return false;
}
/** A denied list's items over commas after its first: how many, and how many words each (`closesDeniedList`). */
const DENIED_LIST_ITEMS = 3;
const DENIED_LIST_ITEM_WORDS = 4;

/**
 * A parent named again inside a parent's clause ("Mum and dad say they have been evicted", "Mum says dad lost
 * his job"): still the child's household. After a possessive ("Mum says her mother cannot heat the house") it
 * is the parent's own parent, another household.
 */
function isTheParent(tokens: readonly Token[], raw: RawMatch): boolean {
  if (!PARENTS.has((tokens[raw.last] as Token).word)) return false;
  const before = tokens[raw.first - 1];
  return !(before !== undefined && before.clause === (tokens[raw.first] as Token).clause && POSSESSIVE_PRONOUNS.has(before.word));
}
const POSSESSIVE_PRONOUNS = new Set<string>(words.possessivePronouns);

/** A relation is the subject when only lead-in words ("her", "pt's", "says", "15yo") come before it in its clause. */
function atClauseStart(tokens: readonly Token[], at: number, conjuncts = false): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let k = at - 1; k >= 0; k -= 1) {
    const t = tokens[k] as Token;
    if (t.clause !== clause) return true;
    // With `conjuncts`: "Denies alcohol and husband drinks heavily", a relation opening a conjunct after a word that is
    // not a relation, a lead-in or a person is its subject; "her mum and dad", "he and wife", "him and his partner" are
    // one noun phrase (twenty-fifth session, a hostile review).
    if (conjuncts && t.word === 'and') {
      const before = tokens[k - 1];
      if (before !== undefined && before.clause === clause && !isRelation(before.word) && !leadIn.has(before.word) && !PERSONS.has(before.word)) return true;
    }
    if (!leadIn.has(t.word) && !/^\d/.test(t.word)) return false;
  }
  return true;
}

/**
 * A relation opening what is reported ("Pt says son is homeless", "She thinks that her daughter is drinking",
 * "Mentioned that a pal uses the food bank"): one of `otherSexPronoun.introducesClause` (not "told" or "tells", after
 * which the relation is the one told), "that" at most, then the relation with only lead-in words before it (nineteenth
 * session, dev43). Not when a relation reports: "Mum says her mother cannot afford food" keeps its reading as a
 * parent's account.
 */
function reportedByPatient(tokens: readonly Token[], at: number, last = at, next = last + 1, isPatient?: (k: number) => boolean): boolean {
  const clause = (tokens[at] as Token).clause;
  const after = tokens[next];
  // After a relation's aside the verb opens the clause that follows it ("mentioned her neighbour (elderly) hasn't…").
  if (after === undefined || (next === last + 1 && after.clause !== clause) || !REPORTED_VERBS.has(after.word)) return false;
  let k = at - 1;
  while (k >= 0 && (tokens[k] as Token).clause === clause && leadIn.has((tokens[k] as Token).word) && !INTRODUCES_CLAUSE.has((tokens[k] as Token).word)) k -= 1;
  if (k >= 0 && (tokens[k] as Token).word === 'that') k -= 1;
  const verb = tokens[k];
  if (verb === undefined || verb.clause !== clause || !INTRODUCES_CLAUSE.has(verb.word) || PERSON_TOLD.has(verb.word)) return false;
  // Whoever reports, so long as no relation does ("Before leaving mentioned brother lost his job", "Pt says…").
  // A family word naming the patient ("Granny (71) says her daughter…", in a 71-year-old's notes) is the patient reporting.
  for (k -= 1; k >= 0 && (tokens[k] as Token).clause === clause; k -= 1) if (isRelation((tokens[k] as Token).word) && !isPatient?.(k)) return false;
  return true;
}

/**
 * A cue that is simply the first word of a signal ("no heating", "no car")
 * is not a negation, unless a longer phrase runs on from inside that signal:
 * in "no money worries" the "no" negates "money worries".
 */
function startsASignal(cue: RawMatch, matchesByFirst: ByPosition<RawMatch>, tokens: readonly Token[]): boolean {
  const starts = matchesByFirst.get(cue.first).filter((p) => p.last > cue.last);
  if (starts.length === 0) return false;
  // "No work worries", "no money or work worries": the signal is the first item of what is denied.
  if (starts.some((p) => closesDeniedList(tokens, p.last))) return false;
  return !starts.some((p) => {
    for (let k = cue.first + 1; k <= p.last; k += 1) {
      if (matchesByFirst.get(k).some((m) => m.last > p.last)) return true;
    }
    return false;
  });
}

/** A mention that is about the patient, now, and really said. */
export function affirmed(c: MentionContext, relationMayBeSubject = false): boolean {
  return !c.negated && !c.historical && !c.hypothetical && !(relationMayBeSubject ? c.otherPersonNotRelation : c.otherPerson);
}

const selfWellTable = table.selfWell;
const COPING = table.copingWithLoss;
const LOSS_WORDS: ReadonlySet<string> = new Set(COPING.lossWords);
const COPING_SUBJECTS: ReadonlySet<string> = new Set(COPING.subjects);
const COPING_NOT_BEFORE: ReadonlySet<string> = new Set(COPING.notBefore);
const COPING_NOT_AFTER: ReadonlySet<string> = new Set(COPING.notAfter);
const COPING_NOT_WITH_DEATH: ReadonlySet<string> = new Set(COPING.notWithDeath);
/** A pronoun of one sex, the patient's own words for them without "pt" and "patient": whose coping (`copesWithLoss`). */
const pronounsOf = (sex: 'female' | 'male'): ReadonlySet<string> => new Set([...PATIENT_OWN_WORDS[sex]].filter((w) => !PATIENT_NAMES.has(w)));
const OTHER_SEX_PRONOUNS: Record<'female' | 'male', ReadonlySet<string>> = { female: pronounsOf('female'), male: pronounsOf('male') };
/** The needs a death the patient copes with is no mention of (`copesWithLoss`). */
export const COPING_WITH_LOSS_FOR: ReadonlySet<string> = new Set(COPING.needs);
/**
 * How `copesAfter` reads coping for a death (`copingWithLoss`) or a caring role (`copingWithCare`): its words, the words
 * that take it back also in the next sentence, the report a caring role needs before it, and whether a qualifier must
 * follow ("copes well", not a bare "copes").
 */
interface CopingMode {
  words: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  reported?: ReadonlySet<string>;
  qualified: boolean;
}
const LOSS_COPING: CopingMode = { words: new Set(COPING.copingWords), qualified: false };
const CARE_COPING: CopingMode = {
  words: new Set(table.copingWithCare.copingWords),
  notAfter: new Set(table.copingWithCare.notAfter),
  reported: new Set(table.copingWithCare.reportedBy),
  qualified: true,
};
const COPING_QUALIFIERS: ReadonlySet<string> = new Set(COPING.qualifiers);
/** Coping words that need no subject of the patient's before them ("Sad but coping"). */
const COPING_ANY_SUBJECT: ReadonlySet<string> = new Set(COPING.anySubject);
const COPING_PATIENT_SUBJECTS: ReadonlySet<string> = new Set(COPING.patientSubjects);
const LINKS_TO_STATE: ReadonlySet<string> = new Set(COPING.stateLinks);
/** The word before `at` is the patient's subject or report, or a link right after one ("she is fine", "I feel fine"). */
function patientSubjectBefore(tokens: readonly Token[], at: number): boolean {
  const b = tokens[at - 1];
  if (b === undefined || b.clause !== (tokens[at] as Token).clause) return false;
  if (COPING_PATIENT_SUBJECTS.has(b.word)) return true;
  const bb = tokens[at - 2];
  return LINKS_TO_STATE.has(b.word) && bb !== undefined && bb.clause === b.clause && COPING_PATIENT_SUBJECTS.has(bb.word);
}
/** The needs a caring role coped with leaves out (context.json `copingWithCare`). */
export const COPING_WITH_CARE_FOR: ReadonlySet<string> = new Set(table.copingWithCare.needs);
const SELF_SUBJECTS = new Set(selfWellTable.subjects);
const REFLEXIVES = new Set(selfWellTable.reflexives);
const WELL_WORDS = new Set(selfWellTable.wellWords);
const OWN_WORDS = new Set(selfWellTable.ownWords);
const EMPHATIC_ONLY = new Set(selfWellTable.emphaticOnly);
const DEPARTED_BEFORE = new Set(selfWellTable.departedBefore);
const DEPARTED_AFTER = new Set(selfWellTable.departedAfter);
const OWNERS = new Set<string>(words.selfWellOwners);

/** Whether the relation at `at` is someone lost or gone ("since wife died", "lost her mum", "son moved to Australia"). */
function departed(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at] as Token;
  const next = tokens[at + 1];
  if (next !== undefined && next.sentence === t.sentence && DEPARTED_AFTER.has(next.word)) return true;
  let k = at - 1;
  if (k >= 0 && OWNERS.has((tokens[k] as Token).word)) k -= 1;
  return k >= 0 && (tokens[k] as Token).sentence === t.sentence && DEPARTED_BEFORE.has((tokens[k] as Token).word);
}

/** The cues a relation opening a new subject stops ("Denies alcohol and partner hits her"). */
const NEW_SUBJECT_ENDS: ReadonlySet<ContextCategory> = new Set<ContextCategory>(['negated', 'hypothetical']);
/** Words that name a person, before "and" in a noun phrase ("he and wife asked", "him and his partner"). */
const PERSONS = new Set<string>(words.persons);
/** Words that join a new conjunct whose subject may be someone new ("…and partner hits her"). */
const CONJUNCTS = new Set<string>(words.conjuncts);
/** Whether a relation opens a new subject at `p` (a clause start or a conjunct), with only lead-in words ("her", "the", "ex") before it. */
function opensRelationSubject(tokens: readonly Token[], p: number): boolean {
  const t = tokens[p] as Token;
  for (let k = p; k < tokens.length && k <= p + 3 && (tokens[k] as Token).clause === t.clause; k += 1) {
    const w = (tokens[k] as Token).word;
    if (isRelation(w)) return true;
    if (!leadIn.has(w)) return false;
  }
  return false;
}

/** Words that open the patient's own new predicate after a conjunction or a new clause (context.json `newPredicate`). */
const NEW_PREDICATE = new Set<string>(table.newPredicate.words);
/** The fears among them (`newPredicate.fears`): a fear of an ex is past beside a resolution (`ContextJudge.spares`). */
const FEARS = new Set<string>(table.newPredicate.fears);

/** A relation word, or its possessive as the tokenizer leaves it ("mum's" is "mums"). */
const isRelation = (word: string): boolean => RELATION_WORDS.has(word) || (word.endsWith('s') && RELATION_WORDS.has(word.slice(0, -1)));

const LINK_WORDS = new Set(selfWellTable.linkWords);
const NO_CONCERNS = { no: new Set<string>(selfWellTable.noConcerns.no), concerns: new Set<string>(selfWellTable.noConcerns.concerns), about: new Set<string>(selfWellTable.noConcerns.about) };

const OWN_WELL_WORDS = new Set(selfWellTable.ownWellWords);
/** The needs a "patient well in themselves" statement may take from sentences about a relation (context.json `selfWell`). */
export const SELF_WELL_NOT_FOR: ReadonlySet<string> = new Set(selfWellTable.notFor);
const SELF_WELL_MOOD: ReadonlySet<string> = new Set(selfWellTable.ownNotFor);
const NO_NEEDS: ReadonlySet<string> = new Set();

/** Whether `at` is the last word of its clause (what follows is another clause or sentence, or nothing). */
const endsClause = (tokens: readonly Token[], at: number): boolean => tokens[at + 1] === undefined || (tokens[at + 1] as Token).clause !== (tokens[at] as Token).clause;

/**
 * Whether the words after `from` to the end of its clause are only link and well words, with a well word among them
 * ("coping fine", "feels he is coping well"), none of it qualified after ("fine otherwise").
 */
function wellToClauseEnd(tokens: readonly Token[], from: number, well: ReadonlySet<string>): boolean {
  const clause = (tokens[from] as Token).clause;
  let seen = false;
  for (let k = from + 1; k <= from + selfWellTable.reach + 1 && k < tokens.length; k += 1) {
    const t = tokens[k] as Token;
    if (t.clause !== clause) return seen;
    if (well.has(t.word) || WELL_WORDS.has(t.word)) seen = true;
    else if (!LINK_WORDS.has(t.word)) return false;
    if (endsClause(tokens, k)) return seen;
  }
  return false;
}

/** The words from its clause's start to `at` (not included) are only subjects, link and well words, with a well word among them. */
function wellFromClauseStart(tokens: readonly Token[], at: number): boolean {
  const clause = (tokens[at] as Token).clause;
  let seen = false;
  for (let k = at - 1; k >= 0 && (tokens[k] as Token).clause === clause; k -= 1) {
    const w = (tokens[k] as Token).word;
    if (WELL_WORDS.has(w)) seen = true;
    else if (!LINK_WORDS.has(w) && !SELF_SUBJECTS.has(w)) return false;
  }
  return seen;
}

/**
 * The needs the note's statement that the patient is well in themselves speaks for (none without one): a reflexive
 * one ("Pt herself coping fine", "She's fine herself") for mood and loneliness, "own mood fine" for mood only. The
 * statement must be its whole clause (context.json `selfWell`).
 */
export function selfWellNeeds(tokens: readonly Token[]): ReadonlySet<string> {
  let out = NO_NEEDS;
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k] as Token;
    if (t.word === 'own') {
      const next = tokens[k + 1];
      if (next !== undefined && next.clause === t.clause && OWN_WORDS.has(next.word) && wellToClauseEnd(tokens, k + 1, OWN_WELL_WORDS)) out = SELF_WELL_MOOD;
      continue;
    }
    if (!REFLEXIVES.has(t.word)) continue;
    const before = tokens[k - 1];
    if (before === undefined || before.clause !== t.clause) continue;
    // "No concerns for herself", "no worries about himself".
    // Only as the whole of its clause: "No concerns for herself re the op" speaks of the op (hostile review).
    if (NO_CONCERNS.about.has(before.word) && k >= 3 && tokens[k + 1]?.clause !== t.clause) {
      const [no, concern] = [tokens[k - 3] as Token, tokens[k - 2] as Token];
      if (no.clause === t.clause && NO_CONCERNS.no.has(no.word) && NO_CONCERNS.concerns.has(concern.word)) return SELF_WELL_NOT_FOR;
    }
    // Emphatic: "Pt herself coping fine", "He himself feels he is coping well", "Pt herself busy w grandkids".
    if (SELF_SUBJECTS.has(before.word)) {
      const next = tokens[k + 1];
      if ((next !== undefined && next.clause === t.clause && EMPHATIC_ONLY.has(next.word)) || wellToClauseEnd(tokens, k, NO_NEEDS)) return SELF_WELL_NOT_FOR;
      continue;
    }
    // Trailing: "She's fine herself", "coping ok himself"; never "well in herself", "sleeping fine herself".
    if (wellFromClauseStart(tokens, k) && endsClause(tokens, k)) return SELF_WELL_NOT_FOR;
  }
  return out;
}

/**
 * The sentences that name a relation (not one lost or gone): where the note says the patient is well in themselves,
 * for the needs that statement speaks for, a mention there is the relation's trouble, told by the patient (facts.ts).
 */
export function relationSentences(tokens: readonly Token[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (let k = 0; k < tokens.length; k += 1) if (isRelation((tokens[k] as Token).word) && !departed(tokens, k)) out.add((tokens[k] as Token).sentence);
  return out;
}
