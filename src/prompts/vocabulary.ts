/**
 * Which words the prompts can read, as far as the phrases compiled so far in this page or worker say (no compile
 * here): src/prompts/prompt-words.ts adds the default rules' compile; a prompt's quote (text-match.ts) reads it after
 * the rules it quotes for were compiled. (One vocabulary for the page, not one per rule set: working one out per rule
 * set and asking it from promptsFor's quotes doubled promptsFor's median in the bench, for reasons not pinned down.)
 * ADR 0013.
 */
import context from './context.json';
import spelling from './spelling.json';
import codeWords from './data/code-words.json';
import { isGivenName } from '../context/given-names';
import { phraseVocabularyFit, vocabularySize } from './phrase-index';
import { tokenize } from './tokenize';

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

/**
 * What a phrase's `word*` may go on with and still be read as the same word ("struggl*": "struggling", "struggles";
 * "call*": "calls", "calling"). A word that only fits a prefix with some other ending ("callum", "monica", "paloma")
 * is a name far more often than a word the phrase was written for.
 */
const INFLECTION = /^(?:e|s|es|ed|d|ing|in|ins|sation|sations|zation|zations|isation|isations|er|ers|ies|ied|y|ly|ness|ment|ments|ion|ions|ation|ations|al|ally|ful|ive|ives|able|ible|ity|ities|ise|ised|ises|ising|ize|ized|ings|or|ors|ant|ants|ance|ence|ency|ent|ents|ic|ics|ist|ists|ism|t|ty|ries|ry|en|ered|ering)?$/;

/**
 * Whether a normalised word (a token's `word`) is one the prompts can read, or a number: a word of the phrases compiled
 * so far in this page or worker (the rules a quote was found by among them).
 */
export function isReadableWord(word: string): boolean {
  // A quote asks for the same few hundred words over and over (promptsFor builds every firing rule's reasons): each is
  // worked out once, until more phrases are compiled.
  const size = vocabularySize();
  if (size !== memoSize || memo.size >= MEMO_LIMIT) {
    memo.clear();
    memoSize = size;
  }
  let known = memo.get(word);
  if (known === undefined) memo.set(word, (known = readable(word)));
  return known;
}

const memo = new Map<string, boolean>();
let memoSize = -1;
const MEMO_LIMIT = 20_000;

function readable(word: string): boolean {
  if (DATA_WORDS.has(word) || /\d/.test(word) || word === '\u00a3') return true;
  const fit = phraseVocabularyFit(word);
  return fit === 'word' || (fit !== undefined && INFLECTION.test(word.slice(fit.length)) && !isGivenName(word));
}

/** The placeholders the paste reader writes for what it took out ("[name]", "[date of birth]"), sticky at a "[". */
const PLACEHOLDER = /\[(?:name|address|phone|practice|date of birth)\]/y;
/** How far a word inside a placeholder can stand from its "[" ("birth" in "[date of birth]"). */
const PLACEHOLDER_REACH = 10;

/**
 * Whether the character at `at` is inside one of the placeholders in `text`. Looks back only as far as a placeholder
 * reaches: it is asked for every word not read, and a search back to the start of a long text for each was quadratic.
 */
export function inPlaceholder(text: string, at: number): boolean {
  for (let from = at; from >= 0 && from >= at - PLACEHOLDER_REACH; from -= 1) {
    if (text.charCodeAt(from) !== OPEN_BRACKET) continue;
    PLACEHOLDER.lastIndex = from;
    const m = PLACEHOLDER.exec(text);
    return m !== null && at < from + m[0].length;
  }
  return false;
}
const OPEN_BRACKET = '['.charCodeAt(0);
