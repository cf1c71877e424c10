/**
 * What the prompts can read of a text, and nothing else (hazard H23, thirty-sixth session; ADR 0013).
 *
 * Notes pasted from a desktop record are read only by the prompts: nothing else shows them, and a referral starts with
 * none. Every earlier rule took out what looked like someone's name (a capital, a relation before it, a list of given
 * names), and a name no rule foresaw reached the prompts' quoted reasons: a Ukrainian, Tigrinyan, Gaelic or Yoruba name
 * in lower case, a pet form ("boab"), a street in lower case. `promptWordsOnly` turns it round: a word stays only when a
 * compiled phrase can match it (any rule's, the practice's own included, the lexicons', the context cues': the words
 * of every phrase compiled in this page, `isPhraseVocabulary`), when the context rules read it in code
 * (`codeWords` below), when it holds a digit (a date, a dose, an amount), or when it is a placeholder the readers wrote
 * ("[name]", "[address]"). Every other word is "…". The prompts find what they found before: a word no phrase can
 * match only ever stood in a phrase's gap ("behind with the rent"), and the tokenizer reads "…" as a space.
 *
 * Pure: the default rules are compiled once, on first use, so their words are known in a test as in the panel.
 */
import context from './context.json';
import spelling from './spelling.json';
import codeWords from './data/code-words.json';
import { compileRuleSet } from './compile';
import { phraseVocabularyFit } from './phrase-index';
import { isGivenName } from '../context/given-names';
import { DEFAULT_RULES } from './rules/index';
import { type Token, tokenize } from './tokenize';

/** Words the prompt engine reads from its own data outside phrases (context.json's tokenizer lists, spelling) and in code. */
const DATA_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>(codeWords.words);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const t of tokenize(v)) words.add(t.word);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      // (Keys too: context.json's contractions and spelling's variants are maps from the word as written.)
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith('$')) continue;
        walk(k);
        walk(x);
      }
    }
  };
  walk(context);
  walk(spelling);
  return words;
})();

let defaultsCompiled = false;

/**
 * What a phrase's `word*` may go on with and still be read as the same word ("struggl*": "struggling", "struggles";
 * "call*": "calls", "calling"). A word that only fits a prefix with some other ending ("callum", "monica", "paloma")
 * is a name far more often than a word the phrase was written for.
 */
const INFLECTION = /^(?:e|s|es|ed|d|ing|in|ins|sation|sations|zation|zations|isation|isations|er|ers|ies|ied|y|ly|ness|ment|ments|ion|ions|ation|ations|al|ally|ful|ive|ives|able|ible|ity|ities|ise|ised|ises|ising|ize|ized|ing|ings|or|ors|ant|ants|ance|ence|ency|ent|ents|ic|ics|ist|ists|ism|t|ty|ries|ry|en|ered|ering)?$/;

/** Whether the prompts can read this normalised word (a token's `word`). */
export function isPromptWord(word: string): boolean {
  if (!defaultsCompiled) {
    compileRuleSet(DEFAULT_RULES);
    defaultsCompiled = true;
  }
  if (DATA_WORDS.has(word) || /\d/.test(word) || word === '\u00a3') return true;
  const fit = phraseVocabularyFit(word);
  return fit === 'word' || (fit !== undefined && INFLECTION.test(word.slice(fit.length)) && !isGivenName(word));
}

const ELIDED = '\u2026';
const PLACEHOLDER_BEFORE = '['.charCodeAt(0);

/** The text with every word the prompts cannot read written "…" (runs of them once); punctuation and line breaks kept. */
export function promptWordsOnly(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  // A written word may be several tokens ("she'd": "she would") sharing its span: it stays if any of them is read.
  const spans: { start: number; end: number; keep: boolean }[] = [];
  for (const tok of tokens as Token[]) {
    const last = spans[spans.length - 1];
    const keep = isPromptWord(tok.word) || text.charCodeAt(tok.start - 1) === PLACEHOLDER_BEFORE;
    if (last && last.start === tok.start) last.keep ||= keep;
    else spans.push({ start: tok.start, end: tok.end, keep });
  }
  let out = '';
  let at = 0;
  let lastElided = -1;
  for (const span of spans) {
    if (span.keep) continue;
    const between = text.slice(at, span.start);
    // Words elided one after another (only spaces between them) are one "…".
    out += lastElided >= 0 && /^[ \t]*$/.test(between) ? '' : `${between}${ELIDED}`;
    at = span.end;
    lastElided = span.end;
  }
  return out + text.slice(at);
}
