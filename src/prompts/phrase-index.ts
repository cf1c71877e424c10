/**
 * A compiled set of phrases, indexed by first word, so one pass over the
 * tokens of the notes finds every phrase at once however many rules ask.
 */
import { phraseWords, pluralForms, type Token, wordMatches } from './tokenize';

export interface CompiledPhrase {
  /** The phrase as the rule or need wrote it. */
  phrase: string;
  words: string[];
}

export interface PhraseIndex {
  phrases: CompiledPhrase[];
  byFirstWord: Map<string, CompiledPhrase[]>;
}

/** A phrase found at tokens [first, last] (inclusive). */
export interface RawMatch {
  phrase: CompiledPhrase;
  first: number;
  last: number;
}

/** Compile phrases once; empty or punctuation-only phrases are ignored. */
export function compilePhrases(phrases: readonly string[]): PhraseIndex {
  const seen = new Set<string>();
  const list: CompiledPhrase[] = [];
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  for (const phrase of phrases) {
    const words = phraseWords(phrase);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(`${phrase}\u0000${key}`)) continue;
    seen.add(`${phrase}\u0000${key}`);
    const compiled: CompiledPhrase = { phrase, words };
    list.push(compiled);
    // File the phrase under its first word's plurals too, so look-up is one map hit per token.
    for (const form of pluralForms(words[0] as string)) {
      const bucket = byFirstWord.get(form);
      if (bucket) bucket.push(compiled);
      else byFirstWord.set(form, [compiled]);
    }
  }
  return { phrases: list, byFirstWord };
}

/** Every occurrence of every phrase, within one sentence, in text order. */
export function findRawMatches(tokens: readonly Token[], index: PhraseIndex): RawMatch[] {
  const out: RawMatch[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const bucket = index.byFirstWord.get((tokens[i] as Token).word);
    if (!bucket) continue;
    for (const p of bucket) {
      const last = matchRest(tokens, i, p.words);
      if (last >= 0) out.push({ phrase: p, first: i, last });
    }
  }
  return out;
}

function matchRest(tokens: readonly Token[], first: number, words: readonly string[]): number {
  const sentence = (tokens[first] as Token).sentence;
  for (let k = 1; k < words.length; k += 1) {
    const tok = tokens[first + k];
    if (!tok || tok.sentence !== sentence || !wordMatches(tok.word, words[k] as string)) return -1;
  }
  return first + words.length - 1;
}
