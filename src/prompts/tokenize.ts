/**
 * Turns free text into normalised word tokens that remember where they came
 * from, so matches can be shown to the clinician in the words they typed.
 * Normalising once (case, apostrophes, hyphens, known misspellings) lets every
 * phrase be compared as plain token sequences: cheap and predictable.
 */
import context from './context.json';
import spelling from './spelling.json';
import { isApostropheCode, plainWord } from '../lib/words';

/** One word of the text, normalised, with its place in the original text. */
export interface Token {
  /** Lower case, apostrophes removed, misspellings corrected. */
  word: string;
  /** The word's number among the words phrases use (phraseWordId), or -1 when no compiled phrase uses it. */
  id: number;
  /** How many phrase words had numbers when `id` was looked up (currentIds() updates a stale one). */
  known: number;
  start: number;
  end: number;
  /** Sentences end at . ! ? ; and new lines. */
  sentence: number;
  /** Clauses also end at commas, colons, dashes and brackets. */
  clause: number;
  /** The clause began after a colon or a spaced dash ("Alcohol: nil", "Smoking - never"): a label and its value. */
  afterLabel: boolean;
  /** The clause began right after a question mark ("Do you feel safe at home? No"): it may be the question's answer. */
  afterQuestion: boolean;
}

const variants = new Map<string, string>(Object.entries(spelling.variants).filter(([k]) => !k.startsWith('$')));
const joins = new Map<string, string>(Object.entries(spelling.joins));
const joinFirstWords = new Set([...joins.keys()].map((k) => k.split(' ')[0]));

/**
 * Numbers for the words compiled phrases use, so the matcher compares numbers (array and
 * small-integer look-ups) instead of strings for every word it tries (#14: promptsFor on long
 * notes). Grows only as phrases compile; a word no phrase uses has no number (-1).
 */
const phraseWordIds = new Map<string, number>();

/** The number of a word a phrase uses (given on first use, then fixed). */
export function phraseWordId(word: string): number {
  let id = phraseWordIds.get(word);
  if (id === undefined) {
    id = phraseWordIds.size;
    phraseWordIds.set(word, id);
  }
  return id;
}

/** How many phrase words have numbers (every number is below it). */
export function phraseWordCount(): number {
  return phraseWordIds.size;
}

const idOf = (word: string): number => phraseWordIds.get(word) ?? -1;

/**
 * Makes each token's `id` current: phrases compiled after the tokens were made may have given
 * their words numbers. Tokens made since the last compile need nothing (a comparison each).
 */
export function currentIds(tokens: readonly Token[]): void {
  const known = phraseWordIds.size;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.known === known) continue;
    t.id = idOf(t.word);
    t.known = known;
  }
}

/** A word as typed, normalised; `joins` when one of its words may start a pair to join ("can not"). */
interface NormalWord {
  /** The word as typed. */
  raw: string;
  words: readonly string[];
  /** A pronoun with 'd ("she'd"): its second word, "would", reads "had" before a past participle. */
  would: boolean;
  /** Each word's phraseWordId (-1 for none), as of `known` phrase words. */
  ids: number[];
  known: number;
  joins: boolean;
}
// Notes repeat the same few hundred words; remembering them keeps tokenising cheap.
const wordCache = new Map<string, NormalWord>();
const WORD_CACHE_LIMIT = 20_000;
/**
 * The same words by a hash of their characters, found without cutting the word out of the text: a string made
 * for each word only to look it up was the tokenizer's largest cost and a tenth of a call's garbage (#14, forty-second
 * session). One word per hash (a later one replaces it); the characters are compared, so a collision is only a miss.
 */
const wordsByHash = new Map<number, NormalWord>();

/** The normal form of text[start, end), looked up by its characters first. */
function normalWordAt(text: string, start: number, end: number): NormalWord {
  // FNV-1a over the character codes.
  let h = 0x811c9dc5;
  for (let k = start; k < end; k += 1) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  const known = wordsByHash.get(h);
  if (known !== undefined && known.raw.length === end - start && text.startsWith(known.raw, start)) return current(known);
  const normal = normalWord(text.slice(start, end));
  wordsByHash.set(h, normal);
  return normal;
}

/** Lower case, drop apostrophes ("can't" -> "cant"), then apply the variant table. */
export function normaliseWord(raw: string): readonly string[] {
  return normalWord(raw).words;
}

const UNITS_ONTO_NUMBER = /^(\d{1,3})(?:u|units)$/;
const OPEN_BRACKET = '('.charCodeAt(0);
/**
 * The relations (and children) an age in brackets may follow (context.json `tokenizer.ageOwners`). context.ts reads
 * the same words as relations: a bracket after one describes that person, a line opening with one reports.
 */
export const RELATION_WORDS: ReadonlySet<string> = new Set(context.tokenizer.ageOwners);
/** Answers a slash does not join to the next word (context.json `tokenizer`). */
const SLASH_ANSWERS: ReadonlySet<string> = new Set(context.tokenizer.slashAnswers);
/** Cells a bar before them labels rather than ends: "Money worries | No" reads "Money worries: No" (context.json `tokenizer`). */
const BAR_ANSWERS: ReadonlySet<string> = new Set(context.tokenizer.barAnswers);
const CELL_WORDS = /[\p{L}\p{N}]+/gu;

/** The longest cell read as a bar's answer, in characters. */
const MAX_ANSWER_CELL = 40;

/** Whether the cell after a bar at `at` (to the next bar or line) holds one to three answer words and nothing else. */
function answerCell(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at <= MAX_ANSWER_CELL && text.charCodeAt(end) !== BAR && text.charCodeAt(end) !== NEWLINE) end += 1;
  if (end - at > MAX_ANSWER_CELL) return false;
  const cell = text.slice(at, end);
  if (/[^\p{L}\p{N}\s/.-]/u.test(cell)) return false;
  const words = cell.toLowerCase().match(CELL_WORDS) ?? [];
  return words.length > 0 && words.length <= 3 && words.every((w) => BAR_ANSWERS.has(w));
}
/** "(24)", "(aged 9)", "(17yo)", "(8 months)", "(40s)", "(late 30s)": an age in brackets after a relation. */
// (With where they live after the age: "Her daughter (22, in Thurso) has a boyfriend who ..."; dev103, thirty-third session.)
const AGE_IN_BRACKETS = /^\(\s*(?:aged?\s*\d{1,3}|\d{1,2}|(?:early |mid |late )?\d0s|teens?)\s*(?:yo|y\/o|yrs?|years?|mths?|months?|m)?\s*(?:,\s*(?:in|at|lives in|lives at|living in|from)\s[^()]{1,30})?\)/i;

const CONTRACTIONS = new Map<string, string>(Object.entries(context.tokenizer.contractions));
const HAD_BEFORE: ReadonlySet<string> = new Set(context.tokenizer.hadBefore);
const NOT_A_PAST_TENSE: ReadonlySet<string> = new Set(context.tokenizer.notAPastTense);
/** "she'd been", "he'd moved out": the 'd is "had" (a participle after it), otherwise "would" ("she'd like"). */
const isParticiple = (word: string): boolean => HAD_BEFORE.has(word) || (word.endsWith('ed') && word.length > 3 && !NOT_A_PAST_TENSE.has(word));

function hasApostrophe(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) if (isApostropheCode(raw.charCodeAt(i))) return true;
  return false;
}

const ASIDE = context.tokenizer.notPatientAside;
/** A negation ("not our pt") or "also", "too" ("our pt too"): either says the person named is someone other than the patient. */
const ASIDE_MARKS: ReadonlySet<string> = new Set([...ASIDE.negations, ...ASIDE.also]);
const ASIDE_WORDS: ReadonlySet<string> = new Set(ASIDE.words);
const ASIDE_FILLERS: ReadonlySet<string> = new Set(ASIDE.fillers);
const LETTERS = /[\p{L}]+/gu;
const ASIDE_PLACES: ReadonlySet<string> = new Set(ASIDE.places);

/** "(in Edinburgh)", "(lives in Leeds)": a bracket that only says where the person named before it lives. */
function placeAside(inside: string): boolean {
  const words = inside.trim().split(/\s+/);
  let k = 0;
  while (k < words.length && ASIDE_PLACES.has((words[k] as string).toLowerCase())) k += 1;
  if (k === 0 || k === words.length) return false;
  for (; k < words.length; k += 1) if (!/^\p{Lu}[\p{L}'-]*$/u.test(words[k] as string)) return false;
  return true;
}

/**
 * The length of a bracket at `at` that only says the person just named is not the patient ("(not our pt)",
 * "(not reg here)"), is our patient too ("(our pt too, seen separately)") or only says where they live ("(in
 * Edinburgh)", `placeAside`), or 0: a negation (or "also", "too"), a word naming the patient or practice, nothing else
 * but fillers. A bracket that
 * says more is kept: "(not registered here, has dementia)" tells of an ill relative, which is the patient's caring
 * (a hostile review withdrew skipping the rest of such a bracket).
 */
function notPatientAside(text: string, at: number): number {
  const close = text.indexOf(')', at);
  if (close < 0 || close - at > ASIDE.maxChars) return 0;
  if (placeAside(text.slice(at + 1, close))) return close + 1 - at;
  let marked = false;
  let named = false;
  for (const m of text.slice(at + 1, close).toLowerCase().matchAll(LETTERS)) {
    const w = m[0];
    if (ASIDE_MARKS.has(w)) marked = true;
    else if (ASIDE_WORDS.has(w)) named = true;
    else if (!ASIDE_FILLERS.has(w)) return 0;
  }
  return marked && named ? close + 1 - at : 0;
}

/** A remembered word with its numbers made current: phrases compiled since may have given one of its words a number. */
function current(cached: NormalWord): NormalWord {
  if (cached.known !== phraseWordIds.size) {
    cached.ids = cached.words.map(idOf);
    cached.known = phraseWordIds.size;
  }
  return cached;
}

function normalWord(raw: string): NormalWord {
  const cached = wordCache.get(raw);
  if (cached) return current(cached);
  // An amount of money ("£900", "£8k") reads as the word "£", so phrases can say "arrears of £".
  const plain = raw.charCodeAt(0) === POUND ? '£' : plainWord(raw);
  // Units of alcohol written onto their number ("60u/wk", "40units a week") read as the number and "units".
  const units = UNITS_ONTO_NUMBER.exec(plain);
  // "she'd", "he'll": a pronoun and its verb, only as written with the apostrophe ("shed", "ill", "well" are words).
  const contracted = hasApostrophe(raw) ? CONTRACTIONS.get(plain) : undefined;
  const fixed = units ? `${units[1] as string} units` : (contracted ?? variants.get(plain) ?? plain);
  const words = fixed.includes(' ') ? fixed.split(' ') : [fixed];
  const would = contracted !== undefined && words[1] === 'would';
  const out = { raw, words, would, ids: words.map(idOf), known: phraseWordIds.size, joins: words.some((w) => joinFirstWords.has(w)) };
  if (wordCache.size >= WORD_CACHE_LIMIT) {
    wordCache.clear();
    wordsByHash.clear();
  }
  wordCache.set(raw, out);
  return out;
}

/**
 * By character code: 2 ends a sentence, 1 a clause (a table look-up for every character between words). A bar ends a
 * sentence as a semicolon does: templates pasted from EMIS and Vision put one between fields ("Money worries: no |
 * Heating: ok"), and an answer must end its field to answer it.
 */
const BREAKS = new Uint8Array(0x2015);
for (const c of ['.', '!', '?', ';', '\n', '|']) BREAKS[c.charCodeAt(0)] = 2;
for (const c of [',', ':', '(', ')', '[', ']', '/', '\u2013', '\u2014']) BREAKS[c.charCodeAt(0)] = 1;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const [DOWN_ARROW, UP_ARROW, PLUS] = ['\u2193', '\u2191', '+'].map((c) => c.charCodeAt(0)) as [number, number, number];
const AMPERSAND = '&'.charCodeAt(0);
const isSpaceAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13;
};
const ELLIPSIS_WORD = '\u2026';
const ELLIPSIS = ELLIPSIS_WORD.charCodeAt(0);
const [DOT, COMMA, DASH, SPACE, POUND, COLON, EN_DASH, EM_DASH, QUESTION, SLASH, BAR, NEWLINE] = ['.', ',', '-', ' ', '£', ':', '\u2013', '\u2014', '?', '/', '|', '\n'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

// Hand-written scanner on char codes (not a regex): notes can run to thousands of words per call.
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === POUND) return true;
  return c > 127 && WORD_CHAR.test(text.charAt(i));
}
const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Tokenise text; never throws (non-string input gives no tokens). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  let sentence = 0;
  let clause = 0;
  let afterLabel = false;
  let afterQuestion = false;
  let lastWasBreak = true;
  let lastBreakEndedSentence = true;
  // Whether any word may start a pair to join: most notes have none, and the tokens stay as they are.
  let mayJoin = false;
  // The token "would" of the last word when it was a pronoun with 'd, until the next word is read.
  let would = -1;
  // The place in `out` of the word after the last spaced slash read as "or" ("Damp / mould / condensation").
  let slashJoined = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isWordCode(text, i)) {
      const start = i;
      i += 1;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordCode(text, i)) i += 1;
        // Inner apostrophes stay in the word (can't); decimals stay in the number (2.5).
        else if (isApostropheCode(c) && i + 1 < n && isWordCode(text, i + 1)) i += 2;
        else if ((c === DOT || c === COMMA) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) i += 2;
        else break;
      }
      // "+ve" and "-ve" (a screen's or a test's answer: "DA routine enquiry -ve", "DV screen: +ve") read "positive" and
      // "negative": the sign is no word character, and "ve" alone would read the same for both.
      const signed = i - start === 2 && start > 0 && (text.charCodeAt(start - 1) === PLUS || text.charCodeAt(start - 1) === DASH) && !isWordCode(text, start - 2) && /^ve$/i.test(text.slice(start, i));
      const normal = signed ? normalWord(text.charCodeAt(start - 1) === PLUS ? 'positive' : 'negative') : normalWordAt(text, start, i);
      if (normal.joins) mayJoin = true;
      const { words, ids, known } = normal;
      if (would >= 0) {
        if (would === out.length - 1 && isParticiple(words[0] as string)) {
          const had = out[would] as Token;
          had.word = 'had';
          had.id = idOf('had');
        }
        would = -1;
      }
      for (let w = 0; w < words.length; w += 1) out.push({ word: words[w] as string, id: ids[w] as number, known, start, end: i, sentence, clause, afterLabel, afterQuestion });
      if (normal.would) would = out.length - 1;
      lastWasBreak = false;
      continue;
    }
    const c = text.charCodeAt(i);
    // An ellipsis standing where a word was ("Fled partner" read as "… partner", src/prompts/prompt-words.ts) is a word
    // no phrase uses: a word's place in a gap and at a sentence's start is kept. One after a word ("not sure…") is not.
    if (c === ELLIPSIS && !isWordCode(text, i - 1)) {
      out.push({ word: ELLIPSIS_WORD, id: -1, known: phraseWordIds.size, start: i, end: i + 1, sentence, clause, afterLabel, afterQuestion });
      i += 1;
      lastWasBreak = false;
      continue;
    }
    // Clinical shorthand: "mood ↓" reads "mood down", "anxiety ++" reads "anxiety plus".
    // A spaced ampersand is "and" ("strength & balance class", "kids & partner"); "A&E" and "D&V" are left as they were.
    const shorthand =
      c === DOWN_ARROW ? 'down' : c === UP_ARROW ? 'up' : c === PLUS && text.charCodeAt(i + 1) === PLUS ? 'plus' : c === AMPERSAND && isSpaceAt(text, i - 1) && isSpaceAt(text, i + 1) ? 'and' : undefined;
    if (shorthand) {
      out.push({ word: shorthand, id: idOf(shorthand), known: phraseWordIds.size, start: i, end: i + 1, sentence, clause, afterLabel, afterQuestion });
      while (text.charCodeAt(i) === c) i += 1;
      lastWasBreak = false;
      continue;
    }
    // An age in brackets after a relation ("her son (24), who…", "Son (17) is on the CAMHS list") is no clause break: it
    // would cut a cue's reach off from the rest of its clause (dev22). It is skipped. Only after a relation: a score
    // ("PHQ-9 (22)") and a list number ("(1) not drinking (2) debts") keep their bracket (code review).
    if (c === OPEN_BRACKET && RELATION_WORDS.has(out[out.length - 1]?.word ?? '')) {
      const age = AGE_IN_BRACKETS.exec(text.slice(i, i + 20));
      if (age) {
        i += age[0].length;
        continue;
      }
      // "Son (not our pt) gambling": a bracket that only says so is skipped the same way (its "pt" would end his reach).
      const aside = notPatientAside(text, i);
      if (aside > 0) {
        i += aside;
        continue;
      }
    }
    // A slash between two words is "or" ("damp/mould", "money/food", "train/bus"), not a clause break, except for
    // alcohol units ("u/w", read below as "per week").
    // An ellipsis standing for an elided word counts as a word here ("HV/Family Nurse" elided reads "…/Family Nurse").
    if (c === SLASH && (isLetterAt(text, i - 1) || text.charCodeAt(i - 1) === ELLIPSIS) && (isLetterAt(text, i + 1) || text.charCodeAt(i + 1) === ELLIPSIS)) {
      const before = out[out.length - 1];
      // Not after units (read below) or an answer ("Feels safe at home: no/unsure" answers "no"; "N/A", "Y/N").
      if (!(before !== undefined && (before.word === 'units' || before.word === 'u' || SLASH_ANSWERS.has(before.word)))) {
        i += 1;
        continue;
      }
    }
    // "Damp / mould at home: No", "Damp / mould / condensation: No": a spaced slash after a sentence's first and only word
    // (or after one word that a joined slash began) is "or" too, a template label naming two or three topics. Not after
    // more words ("no chest pain / mood low"), nor after a field's value ("Accommodation: hostel / Alcohol: no") or a
    // finding a slash parted ("Mood low / isolated / SI: no"; review49a).
    if (c === SLASH && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE && isLetterAt(text, i - 2) && isLetterAt(text, i + 2)) {
      const before = out[out.length - 1];
      const prior = out[out.length - 2];
      if (before !== undefined && before.clause === clause && before.end === i - 1 && !SLASH_ANSWERS.has(before.word)) {
        const opensSentence = !before.afterLabel && (prior === undefined || prior.sentence !== before.sentence);
        if (opensSentence || out.length - 1 === slashJoined) {
          slashJoined = out.length;
          i += 1;
          continue;
        }
      }
    }
    // "off 3/52", "seen 12/11": a duration or a date is no clause break; nor is the slash of "w/" ("with"): "off 3/52 w/
    // stress" is one clause (twentieth session, dev46).
    if (c === SLASH && ((isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) || (out[out.length - 1]?.word === 'w' && (out[out.length - 1] as Token).end === i))) {
      i += 1;
      continue;
    }
    if (c === DOT && INCLUDING.has(out[out.length - 1]?.word ?? '') && /[0-9a-z]/.test(text.charAt(i + 1) === ' ' ? text.charAt(i + 2) : text.charAt(i + 1))) {
      i += 1;
      continue;
    }
    // A bar before an answer cell is the label's colon ("Feels safe at home | No"), not the end of a field.
    const barLabel = c === BAR && answerCell(text, i + 1);
    const kind = barLabel ? 1 : c < BREAKS.length ? (BREAKS[c] as number) : 0;
    const sentenceBreak = kind === 2;
    const clauseBreak = kind !== 0 || (c === DASH && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE);
    i += 1;
    if (!clauseBreak) continue;
    if (lastWasBreak) {
      // A full stop after a closing bracket or a colon ("(daughter's drug use). Exhausted") still ends the sentence
      // the first break only ended a clause of.
      if (sentenceBreak && !lastBreakEndedSentence && out.length > 0 && (c !== DOT || sentenceDot(out, text, i))) {
        sentence += 1;
        lastBreakEndedSentence = true;
        afterLabel = false;
        afterQuestion = c === QUESTION;
      }
      continue;
    }
    // "40 u/w", "60 units/wk": alcohol units a week, read as "units per week" (the slash is no clause break there,
    // and "w" alone means "week" only here: "40 units w/ meals" is insulin).
    const last = out[out.length - 1];
    if (c === SLASH && last !== undefined && (last.word === 'units' || last.word === 'u')) {
      const week = WEEK_AFTER_SLASH.exec(text.slice(i, i + 6));
      if (week) {
        for (const word of ['per', 'week']) out.push({ word, id: idOf(word), known: phraseWordIds.size, start: i, end: i + (week[1] as string).length, sentence, clause, afterLabel, afterQuestion });
        i += (week[1] as string).length;
        continue;
      }
    }
    // A list number ("1. Rent arrears") or an abbreviation ("approx. 3 months") ends a clause, not a sentence.
    const sentenceEnds = sentenceBreak && (c !== DOT || sentenceDot(out, text, i));
    if (sentenceEnds) sentence += 1;
    lastBreakEndedSentence = sentenceEnds;
    clause += 1;
    afterLabel = !sentenceEnds && (c === COLON || c === DASH || c === EN_DASH || c === EM_DASH || barLabel);
    afterQuestion = c === QUESTION;
    lastWasBreak = true;
  }
  return mayJoin ? applyJoins(out) : out;
}

/** "Approx." before a number or a lower-case word, and a title before a name, do not end a sentence. */
const ABOUT: ReadonlySet<string> = new Set(context.tokenizer.aboutBeforeNumbers);
/**
 * "Incl." before a number or a lower-case word breaks nothing: what follows is the list it opens ("warned re impulse
 * control disorders incl. gambling"; twentieth session). Not "etc." nor "esp.": in a note written all in lower case
 * "return if fever, rash etc. lives alone" is two sentences (hostile review).
 */
const INCLUDING: ReadonlySet<string> = new Set(context.tokenizer.including);
const TITLES: ReadonlySet<string> = new Set(context.tokenizer.titles);
const WEEK_AFTER_SLASH = /^(wk|week|w|pw)(?![a-z])/i;

/**
 * Whether a full stop after the last token ends a sentence (`next` is where the text goes on): not after "approx"
 * or "vs" when a number or a lower-case word follows, nor after "Dr", "Mr" or "Mrs" when a capital follows, nor
 * after a number that is all its sentence has so far ("1. Rent arrears. 2. Not sleeping." is two sentences).
 * "MS." and "prn." end sentences: they are a diagnosis and a dose far more often than a title.
 */
function sentenceDot(out: readonly Token[], text: string, next: number): boolean {
  const last = out[out.length - 1];
  if (last === undefined) return true;
  let k = next;
  while (text.charCodeAt(k) === SPACE) k += 1;
  const following = text.charAt(k);
  if (ABOUT.has(last.word) && /[0-9a-z]/.test(following)) return false;
  if (TITLES.has(last.word) && /[A-Z]/.test(following)) return false;
  const before = out[out.length - 2];
  return !(/^\d{1,2}$/.test(last.word) && (before === undefined || before.sentence !== last.sentence));
}

/** Merge pairs such as "can not" into one token ("cant") so they match "can't". */
function applyJoins(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    const joined = b && b.clause === a.clause && joinFirstWords.has(a.word) ? joins.get(`${a.word} ${b.word}`) : undefined;
    if (b && joined !== undefined) {
      out.push({ ...a, word: joined, id: idOf(joined), known: phraseWordIds.size, end: b.end });
      i += 1;
    } else {
      out.push(a);
    }
  }
  return out;
}

/** Normalised words of a phrase, as the matcher compares them. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.word);
}

/** Singular/plural tolerance: text "debts", "boxes", "difficulties" match "debt", "box", "difficulty". */
export function wordMatches(textWord: string, phraseWord: string): boolean {
  if (textWord === phraseWord) return true;
  // Compared by character codes, making no strings: the matcher asks this for every word it tries.
  const n = phraseWord.length;
  const extra = textWord.length - n;
  const last = textWord.charCodeAt(textWord.length - 1);
  if (extra === 1) return last === S && textWord.startsWith(phraseWord);
  if (extra !== 2 || last !== S) return false;
  // "-es" never follows a final "e" ("refuges", not "refugees": a refugee is no women's refuge; seventeenth session).
  if (textWord.startsWith(phraseWord)) return textWord.charCodeAt(n) === E && phraseWord.charCodeAt(n - 1) !== E;
  // "difficulty" -> "difficulties"
  if (phraseWord.charCodeAt(n - 1) !== Y || textWord.charCodeAt(n - 1) !== I || textWord.charCodeAt(n) !== E) return false;
  for (let k = 0; k < n - 1; k += 1) if (textWord.charCodeAt(k) !== phraseWord.charCodeAt(k)) return false;
  return true;
}
const [S, E, Y, I] = ['s', 'e', 'y', 'i'].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/** The forms of a phrase word that `wordMatches` accepts in text. */
export function pluralForms(word: string): string[] {
  const out = word.endsWith('e') ? [word, `${word}s`] : [word, `${word}s`, `${word}es`];
  if (word.endsWith('y')) out.push(`${word.slice(0, -1)}ies`);
  return out;
}
