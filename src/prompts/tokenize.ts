/**
 * Turns free text into normalised word tokens that remember where they came
 * from, so matches can be shown to the clinician in the words they typed.
 * Normalising once (case, apostrophes, hyphens, known misspellings) lets every
 * phrase be compared as plain token sequences: cheap and predictable.
 */
import spelling from './spelling.json';
import { plainWord } from '../lib/words';

/** One word of the text, normalised, with its place in the original text. */
export interface Token {
  /** Lower case, apostrophes removed, misspellings corrected. */
  word: string;
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

// Notes repeat the same few hundred words; remembering them keeps tokenising cheap.
const wordCache = new Map<string, readonly string[]>();
const WORD_CACHE_LIMIT = 20_000;

/** Lower case, drop apostrophes ("can't" -> "cant"), then apply the variant table. */
export function normaliseWord(raw: string): readonly string[] {
  const cached = wordCache.get(raw);
  if (cached) return cached;
  // An amount of money ("£900", "£8k") reads as the word "£", so phrases can say "arrears of £".
  const plain = raw.charCodeAt(0) === POUND ? '£' : plainWord(raw);
  const fixed = variants.get(plain) ?? plain;
  const out = fixed.includes(' ') ? fixed.split(' ') : [fixed];
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, out);
  return out;
}

const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', '\n'].map((c) => c.charCodeAt(0)));
const CLAUSE_BREAKS = new Set([',', ':', '(', ')', '[', ']', '/', '\u2013', '\u2014'].map((c) => c.charCodeAt(0)));
const APOSTROPHE_CODES = new Set(["'", '\u2019', '\u2018', '`'].map((c) => c.charCodeAt(0)));
const WORD_CHAR = /[\p{L}\p{N}]/u;
const [DOWN_ARROW, UP_ARROW, PLUS] = ['\u2193', '\u2191', '+'].map((c) => c.charCodeAt(0)) as [number, number, number];
const [DOT, COMMA, DASH, SPACE, POUND, COLON, EN_DASH, EM_DASH, QUESTION] = ['.', ',', '-', ' ', '£', ':', '\u2013', '\u2014', '?'].map((c) => c.charCodeAt(0)) as [
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
        else if (APOSTROPHE_CODES.has(c) && i + 1 < n && isWordCode(text, i + 1)) i += 2;
        else if ((c === DOT || c === COMMA) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) i += 2;
        else break;
      }
      for (const word of normaliseWord(text.slice(start, i))) out.push({ word, start, end: i, sentence, clause, afterLabel, afterQuestion });
      lastWasBreak = false;
      continue;
    }
    const c = text.charCodeAt(i);
    // Clinical shorthand: "mood ↓" reads "mood down", "anxiety ++" reads "anxiety plus".
    const shorthand = c === DOWN_ARROW ? 'down' : c === UP_ARROW ? 'up' : c === PLUS && text.charCodeAt(i + 1) === PLUS ? 'plus' : undefined;
    if (shorthand) {
      out.push({ word: shorthand, start: i, end: i + 1, sentence, clause, afterLabel, afterQuestion });
      while (text.charCodeAt(i) === c) i += 1;
      lastWasBreak = false;
      continue;
    }
    const sentenceBreak = SENTENCE_BREAKS.has(c);
    const clauseBreak =
      sentenceBreak || CLAUSE_BREAKS.has(c) || (c === DASH && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE);
    i += 1;
    if (!clauseBreak || lastWasBreak) continue;
    if (sentenceBreak) sentence += 1;
    clause += 1;
    afterLabel = !sentenceBreak && (c === COLON || c === DASH || c === EN_DASH || c === EM_DASH);
    afterQuestion = c === QUESTION;
    lastWasBreak = true;
  }
  return applyJoins(out);
}

/** Merge pairs such as "can not" into one token ("cant") so they match "can't". */
function applyJoins(tokens: Token[]): Token[] {
  if (joins.size === 0) return tokens;
  // Most notes have no pair to join: leave the array as it is then.
  let any = false;
  for (let i = 0; i + 1 < tokens.length && !any; i += 1) any = joinFirstWords.has((tokens[i] as Token).word);
  if (!any) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    const joined = b && b.clause === a.clause && joinFirstWords.has(a.word) ? joins.get(`${a.word} ${b.word}`) : undefined;
    if (b && joined !== undefined) {
      out.push({ ...a, word: joined, end: b.end });
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
  if (!textWord.startsWith(phraseWord)) {
    return phraseWord.endsWith('y') && textWord === `${phraseWord.slice(0, -1)}ies`;
  }
  const rest = textWord.slice(phraseWord.length);
  return rest === 's' || rest === 'es';
}

/** The forms of a phrase word that `wordMatches` accepts in text. */
export function pluralForms(word: string): string[] {
  const out = [word, `${word}s`, `${word}es`];
  if (word.endsWith('y')) out.push(`${word.slice(0, -1)}ies`);
  return out;
}
