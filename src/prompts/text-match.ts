/**
 * Pure phrase finding for free text: word boundaries, simple plurals, known
 * misspellings, apostrophes ("can't" = "cant" = "cannot") and the context of
 * each mention (negated, historical, hypothetical, about someone else; see
 * context.ts). Reusable outside prompts (e.g. directory search).
 */
import { isGivenName } from '../context/given-names';
import { type ContextJudge, judgeContext, type MentionContext } from './context';
import { compilePhrases, findRawMatches, type PhraseIndex } from './phrase-index';
import { type Token, tokenize } from './tokenize';
import { inPlaceholder, isReadableWord } from './vocabulary';
import table from './context.json';

/** One place a phrase occurs in the text. */
export interface PhraseHit {
  /** The phrase as given (not as typed in the text). */
  phrase: string;
  /** The words around the match as typed, for showing on screen. */
  snippet: string;
  /** True when the sentence says the opposite ("no money worries"). */
  negated: boolean;
}

/** One place a phrase occurs, with its full context (also historical, hypothetical, about someone else). */
export interface Mention {
  phrase: string;
  snippet: string;
  context: MentionContext;
}

const SNIPPET_CONTEXT_WORDS = 1;
const SNIPPET_MAX_CHARS = 80;
/**
 * The word of context each side of a match is left out of the quote when it joins or turns ("and rent arrears" is
 * "rent arrears"); after the match, the quote runs on through a preposition, an article or an auxiliary to the next
 * word of the clause ("UC sanctioned last" is "UC sanctioned last month"), at most SNIPPET_RUN_ON more words, or ends
 * with the match. Context words only: the words matched are always quoted whole (context.json `words.quoteDrops`,
 * `words.quoteRunsOn`; forty-second session).
 */
const QUOTE_DROPS: ReadonlySet<string> = new Set(table.words.quoteDrops);
const QUOTE_RUNS_ON: ReadonlySet<string> = new Set(table.words.quoteRunsOn);
const SNIPPET_RUN_ON = 2;

/** Find every occurrence of the phrases in text, in text order, and whether each is negated. Never throws. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseHit[] {
  return findMentions(text, phrases).map((m) => ({ phrase: m.phrase, snippet: m.snippet, negated: m.context.negated }));
}

/**
 * Every occurrence of the phrases with its full context. `year` is the year
 * the text is read in (default: this year), for "homeless in 2015". Never throws.
 */
export function findMentions(text: string, phrases: readonly string[], year = new Date().getFullYear()): Mention[] {
  if (typeof text !== 'string' || !Array.isArray(phrases)) return [];
  const safe = phrases.filter((p): p is string => typeof p === 'string');
  const tokens = tokenize(text);
  // (A caller's own phrases are no prompt's: they do not widen what pasted notes keep.)
  return scanTokens(tokens, compilePhrases(safe, false), year).map((h) => ({
    phrase: h.phrase,
    snippet: snippetAround(text, tokens, h.first, h.last),
    context: h.context,
  }));
}

/** A hit located by character and token span; the snippet is made only when shown. */
export interface LocatedHit {
  phrase: string;
  /** Judged on first use (most mentions no rule asks about never are). */
  readonly context: MentionContext;
  start: number;
  end: number;
  first: number;
  last: number;
  sentence: number;
}

/** A hit whose context is judged when first read. */
export class LazyHit implements LocatedHit {
  private judged: MentionContext | undefined;
  constructor(
    readonly phrase: string,
    readonly start: number,
    readonly end: number,
    readonly first: number,
    readonly last: number,
    readonly sentence: number,
    private readonly judge: ContextJudge,
  ) {}

  get context(): MentionContext {
    this.judged ??= this.judge.contextOf(this);
    return this.judged;
  }
}

/** Find phrases of a precompiled index in already tokenised text, each judged in its context. */
export function scanTokens(tokens: readonly Token[], index: PhraseIndex, year: number): LocatedHit[] {
  const raw = findRawMatches(tokens, index);
  const contexts = judgeContext(tokens, raw, year);
  return raw.map((m, i) => ({
    phrase: m.phrase.phrase,
    context: contexts[i] as MentionContext,
    start: (tokens[m.first] as Token).start,
    end: (tokens[m.last] as Token).end,
    first: m.first,
    last: m.last,
    sentence: (tokens[m.first] as Token).sentence,
  }));
}

/** Months, days and "I": capitalised inside a sentence, and never a name to hide. */
export const CALENDAR_WORD = /^(?:i|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|christmas|xmas|easter|hogmanay)$/;
/**
 * Whether token i is a name to leave out of a quote: no phrase's word, and either a listed given name in any case and
 * place ("son jamie in prison", "Kirsty lost her job": src/context/given-names.ts, thirty-fifth session) or capitalised
 * as typed and not a sentence's first word.
 */
function nameInQuote(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i] as Token;
  if (tok.id >= 0) return false;
  const typed = text.slice(tok.start, tok.end);
  if (isGivenName(typed) && !CALENDAR_WORD.test(tok.word)) return true;
  const before = tokens[i - 1];
  if (before === undefined || before.sentence !== tok.sentence || (tok.afterLabel && before.clause !== tok.clause)) return false;
  return /^\p{Lu}\p{Ll}/u.test(typed) && !CALENDAR_WORD.test(tok.word);
}

/**
 * The words of tokens [first, last] as typed, with a word of context each side in the clause. With `elide` (a prompt's
 * reason), a word no compiled phrase can read is "…" (ADR 0013).
 */
export function snippetAround(text: string, tokens: readonly Token[], first: number, last: number, elide = false): string {
  const startClause = (tokens[first] as Token).clause;
  const endClause = (tokens[last] as Token).clause;
  let from = first;
  let to = last;
  for (let k = 0; k < SNIPPET_CONTEXT_WORDS; k += 1) {
    if (from > 0 && (tokens[from - 1] as Token).clause === startClause) from -= 1;
    if (to < tokens.length - 1 && (tokens[to + 1] as Token).clause === endClause) to += 1;
  }
  if (from < first && QUOTE_DROPS.has((tokens[from] as Token).word)) from = first;
  if (to > last && QUOTE_DROPS.has((tokens[to] as Token).word)) to = last;
  if (to > last && QUOTE_RUNS_ON.has((tokens[to] as Token).word)) {
    let end = to;
    while (end < to + SNIPPET_RUN_ON && end + 1 < tokens.length && (tokens[end + 1] as Token).clause === endClause && QUOTE_RUNS_ON.has((tokens[end] as Token).word)) end += 1;
    // Never on into a word that joins or turns ("Husband died in and…"), nor ending on one of these words while the
    // clause goes on; one that ends its clause stays ("threatening her").
    const clauseEnds = end + 1 >= tokens.length || (tokens[end + 1] as Token).clause !== endClause;
    if (QUOTE_DROPS.has((tokens[end] as Token).word)) to = last;
    else if (!QUOTE_RUNS_ON.has((tokens[end] as Token).word) || clauseEnds) to = end;
    else to = last;
  }
  // A capitalised word inside a sentence that no phrase uses is a person's (or a place's) name: "[name]" in the quote,
  // so a reason never shows another person's name beside the patient's ("partner Peter Hall, who controls the money";
  // thirty-third session, from pasted notes). The words the phrase matched are lexicon words and are always kept.
  // (Where the words matched are themselves in title case, "an Eviction Letter", "Housing Options Team", so is the quote.)
  const titleCase = /^\p{Lu}/u.test(text.slice((tokens[first] as Token).start, (tokens[first] as Token).end));
  let raw = '';
  let at = (tokens[from] as Token).start;
  for (let i = from; i <= to; i += 1) {
    const tok = tokens[i] as Token;
    // A name found as before is "[name]"; any other word no phrase can read is "…" (ADR 0013: a lower-case name no list
    // holds, "son olena in prison", a drug, a place, "an Eviction …"). The words matched are phrase words and stay.
    const unread = elide && !isReadableWord(tok.word) && !inPlaceholder(text, tok.start);
    const shown = !titleCase && nameInQuote(text, tokens, i) ? '[name]' : unread ? '\u2026' : undefined;
    if (shown === undefined) continue;
    raw += `${text.slice(at, tok.start)}${shown}`;
    at = tok.end;
  }
  raw = (raw + text.slice(at, (tokens[to] as Token).end))
    .replace(/(\[name\])(?:\s+\[name\])+/g, '$1')
    .replace(/\u2026(?:\s+\u2026)+/g, '\u2026')
    .replace(/\s+/g, ' ')
    .trim();
  return raw.length > SNIPPET_MAX_CHARS ? `${raw.slice(0, SNIPPET_MAX_CHARS - 1)}\u2026` : raw;
}
