/**
 * Pure phrase finding for free text: word boundaries, simple plurals, known
 * misspellings, apostrophes ("can't" = "cant" = "cannot") and negation in the
 * same sentence. Reusable outside prompts (e.g. directory search).
 */
import { markNegated } from './negation';
import { compilePhrases, findRawMatches, type PhraseIndex } from './phrase-index';
import { type Token, tokenize } from './tokenize';

/** One place a phrase occurs in the text. */
export interface PhraseHit {
  /** The phrase as given (not as typed in the text). */
  phrase: string;
  /** The words around the match as typed, for showing on screen. */
  snippet: string;
  /** True when the sentence says the opposite ("no money worries"). */
  negated: boolean;
}

const SNIPPET_CONTEXT_WORDS = 1;
const SNIPPET_MAX_CHARS = 80;

/** Find every occurrence of the phrases in text, in text order. Never throws. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseHit[] {
  if (typeof text !== 'string' || !Array.isArray(phrases)) return [];
  const safe = phrases.filter((p): p is string => typeof p === 'string');
  const tokens = tokenize(text);
  return scanTokens(tokens, compilePhrases(safe)).map((h) => ({
    phrase: h.phrase,
    snippet: snippetAround(text, tokens, h.first, h.last),
    negated: h.negated,
  }));
}

/** A hit located by character and token span; the snippet is made only when shown. */
export interface LocatedHit {
  phrase: string;
  negated: boolean;
  start: number;
  end: number;
  first: number;
  last: number;
}

/** Find phrases of a precompiled index in already tokenised text. */
export function scanTokens(tokens: readonly Token[], index: PhraseIndex): LocatedHit[] {
  const raw = findRawMatches(tokens, index);
  const negated = markNegated(tokens, raw);
  return raw.map((m, i) => ({
    phrase: m.phrase.phrase,
    negated: negated[i] === true,
    start: (tokens[m.first] as Token).start,
    end: (tokens[m.last] as Token).end,
    first: m.first,
    last: m.last,
  }));
}

/** The words of tokens [first, last] as typed, with a word of context each side in the clause. */
export function snippetAround(text: string, tokens: readonly Token[], first: number, last: number): string {
  const startClause = (tokens[first] as Token).clause;
  const endClause = (tokens[last] as Token).clause;
  let from = first;
  let to = last;
  for (let k = 0; k < SNIPPET_CONTEXT_WORDS; k += 1) {
    if (from > 0 && (tokens[from - 1] as Token).clause === startClause) from -= 1;
    if (to < tokens.length - 1 && (tokens[to + 1] as Token).clause === endClause) to += 1;
  }
  const raw = text.slice((tokens[from] as Token).start, (tokens[to] as Token).end).replace(/\s+/g, ' ').trim();
  return raw.length > SNIPPET_MAX_CHARS ? `${raw.slice(0, SNIPPET_MAX_CHARS - 1)}\u2026` : raw;
}
