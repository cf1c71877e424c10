/**
 * What the prompts can read of a text, and nothing else (hazard H23, thirty-sixth session; ADR 0013).
 *
 * Notes pasted from a desktop record are read only by the prompts: nothing else shows them, and a referral starts with
 * none. Every earlier rule took out what looked like someone's name (a capital, a relation before it, a list of given
 * names), and a name no rule foresaw reached the prompts' quoted reasons: a Ukrainian, Tigrinyan, Gaelic or Yoruba name
 * in lower case, a pet form ("boab"), a street in lower case. `promptWordsOnly` turns it round: a word stays only when a
 * compiled phrase can match it (any rule's, the practice's own included, the lexicons', the context cues': the words
 * of every phrase compiled in this page), when the context rules read it from their data or in code
 * (`isReadableWord` in vocabulary.ts, data/code-words.json), when it holds a digit (a date, a dose, an amount), or when
 * it is a placeholder the readers wrote ("[name]", "[address]"). Every other word is "…". The prompts find what they
 * found before: a word no phrase can match only ever stood in a phrase's gap ("behind with the rent"), and the
 * tokenizer reads a "…" where a word was as a word no phrase uses, so the gap and the sentence keep their shape.
 *
 * Pure: the default rules are compiled once, on first use, so their words are known in a test as in the panel.
 */
import { compileRuleSet } from './compile';
import { DEFAULT_RULES } from './rules/index';
import { RELATION_WORDS, type Token, tokenize } from './tokenize';
import { inPlaceholder, isReadableWord } from './vocabulary';
import { findRawMatches, matchedAlone, phraseWritesWord } from './phrase-index';
// (Months and days are given names too, "june", "april", and the context rules read them as time.)
import { CALENDAR_WORD } from './text-match';
import { isGivenName, isNameAfterRelation, isNounAfterAName, RELATIONS_BEFORE_A_NAME_IN_NOTES } from '../context/given-names';
// The paste reader's own list of relations and roles a name follows ("dtr kirsty", "landlord", "sw"), so a name one
// reader of a paste takes out the other does not keep (thirty-eighth session).
import pasteLexicon from '../adapters/paste/lexicon.json';

let defaultsCompiled = false;

/** Whether the prompts can read this normalised word (a token's `word`): the default rules' words always among them. */
export function isPromptWord(word: string): boolean {
  if (!defaultsCompiled) {
    compileRuleSet(DEFAULT_RULES);
    defaultsCompiled = true;
  }
  return isReadableWord(word);
}

const ELIDED = '\u2026';

/** The token as written, when it is a possessive ("mum's", "Bill’s"); else undefined. */
function writtenPossessive(text: string, tok: Token): string | undefined {
  const written = text.slice(tok.start, tok.end);
  return /['’]s$/i.test(written) ? written : undefined;
}

/** Only spaces or tabs stand between two tokens. */
const spacesBetween = (text: string, a: Token, b: Token): boolean => /^[ \t]+$/.test(text.slice(a.end, b.start));

/**
 * A possessive ("hdle's", read "hdles") whose word without it the prompts cannot read: the tokenizer joins the "s" on,
 * and the joined word may be some prompt word's plural ("hdl", "hdls", "hdles"). A property test drew a made-up name
 * whose possessive was read that way (thirty-seventh session). "mum's" stays: "mum" is read; so does "Parkinson's": a
 * phrase writes "parkinsons" itself.
 */
function possessiveOfUnread(text: string, tok: Token): boolean {
  const written = writtenPossessive(text, tok);
  if (written === undefined) return false;
  const base = written.slice(0, -2).toLowerCase();
  return tok.word === `${base}s` && !isPromptWord(base) && !phraseWritesWord(tok.word);
}

/** Token i is a possessive ("bill's") of such a name, with a relation's word right after it. */
function beforeRelation(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i] as Token;
  const next = tokens[i + 1];
  const written = writtenPossessive(text, tok);
  return written !== undefined && next !== undefined && RELATION_WORDS.has(next.word) && spacesBetween(text, tok, next) && isNameAfterRelation(written);
}

/**
 * The paste reader's relations and roles (`relationsBeforeLowerNames`) and the words only these notes add
 * (given-names.ts `RELATIONS_BEFORE_A_NAME_IN_NOTES`), as the tokenizer reads them: "in-law" is "in law".
 */
const ROLES_BEFORE_A_NAME: readonly (readonly string[])[] = [...pasteLexicon.relationsBeforeLowerNames, ...RELATIONS_BEFORE_A_NAME_IN_NOTES]
  .map((phrase) => tokenize(phrase).map((t) => t.word))
  .filter((words) => words.length > 0);

/** A relation's word, or one of those roles, ends at token j: "husband", "landlord", "mother-in-law", "her other half". */
function relationEndsAt(tokens: readonly Token[], j: number): boolean {
  if (j < 0) return false;
  const word = (tokens[j] as Token).word;
  // (A plural or a possessive written without its apostrophe: "husbands bill drinking again", review37.)
  if (RELATION_WORDS.has(word) || (word.endsWith('s') && RELATION_WORDS.has(word.slice(0, -1)))) return true;
  return ROLES_BEFORE_A_NAME.some((words) => words.length <= j + 1 && words.every((w, k) => (tokens[j - words.length + 1 + k] as Token).word === w));
}

/** What a note's phrases say of each token: whether a phrase of several words starts there ("bill arrears"). */
type StartsPhrase = (i: number) => boolean;

/**
 * Token i is a name (given-names.ts `isNameAfterRelation`) right after a relation's word, only spaces between. Not across
 * a comma or a bracket: "for the baby, bill went through the roof", "funeral for husband (bill £4500)" (review37b).
 */
function afterRelation(text: string, tokens: readonly Token[], i: number, startsPhrase: StartsPhrase, orMonth = false): boolean {
  const tok = tokens[i] as Token;
  const prev = tokens[i - 1] as Token;
  // (Not after a possessive, "son's charlie" is his cocaine, nor a month, "lost husband june", "kids june-aug": review37.
  // A month heads a list of names all the same: "daughters june and penny".)
  if (!relationEndsAt(tokens, i - 1) || writtenPossessive(text, prev) !== undefined || !spacesBetween(text, prev, tok)) return false;
  return orMonth ? isNameAfterRelation(tok.word) || CALENDAR_WORD.test(tok.word) : isNameToTake(tokens, i, startsPhrase);
}

/**
 * A name to take: never a month, nor the start of a phrase of several words, nor before a word that makes it the thing
 * ("landlord bill arrears", "carer bill for mum": review38).
 */
const isNameToTake = (tokens: readonly Token[], i: number, startsPhrase: StartsPhrase): boolean => {
  const tok = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next !== undefined && next.sentence === tok.sentence && isNounAfterAName(next.word)) return false;
  return isNameAfterRelation(tok.word) && !CALENDAR_WORD.test(tok.word) && !startsPhrase(i);
};

/** What may join two names in a list: "and", "n", "&", "+", "/". */
const NAME_JOIN = /^[ \t]*(?:and|n|&|\+|\/)[ \t]*$/i;

/**
 * Token i is a further such name joined to one taken after a relation, or to the paste reader's "[name]" there: "sons
 * bill and ken", "husband [name] & joy", "kids bill and ken and joy" (review38). Commas are no joins here: "her
 * husband, bill, drinks" and "bill, penny and joy" still go through (noted in docs/prompts.md).
 */
function inListAfterRelation(text: string, tokens: readonly Token[], i: number, startsPhrase: StartsPhrase, depth = 0): boolean {
  // ("&", "+" and "/" are no tokens; "and" and "n" are.)
  const f = tokens[i - 1]?.word === 'and' || tokens[i - 1]?.word === 'n' ? i - 2 : i - 1;
  if (f < 1 || depth > 6) return false;
  const first = tokens[f] as Token;
  const tok = tokens[i] as Token;
  const placeholder = inPlaceholder(text, first.start);
  // (After the placeholder's own "]".)
  const between = text.slice(first.end, tok.start).replace(placeholder ? /^\]/ : /^$/, '');
  if (!NAME_JOIN.test(between) || !isNameToTake(tokens, i, startsPhrase)) return false;
  const placeholderAfterRelation = placeholder && relationEndsAt(tokens, f - 1);
  return placeholderAfterRelation || afterRelation(text, tokens, f, startsPhrase, true) || inListAfterRelation(text, tokens, f, startsPhrase, depth + 1);
}

/** The text with every word the prompts cannot read written "…" (runs of them once); punctuation and line breaks kept. */
export function promptWordsOnly(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  // A given name some phrase of several words uses ("robbing peter to pay paul", "gordon moody", "stuart account
  // deactivated") is read only inside such a phrase: "bf paul controls the money" keeps no "paul" (review36). A name a
  // phrase of one word reads by itself ("charlie") stays wherever it is: the prompts read it there too.
  let inPhrase: Uint8Array | undefined;
  let phraseStart: Uint8Array | undefined;
  const scanPhrases = (): void => {
    inPhrase = new Uint8Array(tokens.length);
    phraseStart = new Uint8Array(tokens.length);
    for (const m of findRawMatches(tokens, compileRuleSet(DEFAULT_RULES).notesIndex)) {
      if (m.last <= m.first) continue;
      inPhrase.fill(1, m.first, m.last + 1);
      phraseStart[m.first] = 1;
    }
  };
  const startsPhrase: StartsPhrase = (i) => {
    if (!phraseStart) scanPhrases();
    return phraseStart?.[i] === 1;
  };
  const readAsName = (i: number): boolean => {
    const tok = tokens[i] as Token;
    // Straight after a relation's word, a name the prompts also read as a word is the relation's name: "HUSBAND BILL
    // DRINKS", "neighbour desmond" (review36), "landlord bill" (thirty-eighth session), and the next one after "and"
    // ("sons bill and ken"); and such a name's possessive before one: "bill's wife drinks".
    if ((i > 0 && afterRelation(text, tokens, i, startsPhrase)) || inListAfterRelation(text, tokens, i, startsPhrase) || beforeRelation(text, tokens, i)) return true;
    if (!isGivenName(tok.word) || matchedAlone(tok.word) || CALENDAR_WORD.test(tok.word)) return false;
    if (!inPhrase) scanPhrases();
    return inPhrase?.[i] !== 1;
  };

  // A written word may be several tokens ("she'd": "she would") sharing its span: it stays if any of them is read.
  const spans: { start: number; end: number; keep: boolean }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const tok = tokens[i] as Token;
    const last = spans[spans.length - 1];
    // The readers' own placeholders stay whole ("[name]", "[date of birth]"), and only those: a word after any other "["
    // is read like any other ("TPI [Lorraine says …]"; review36).
    const keep = (isPromptWord(tok.word) && !possessiveOfUnread(text, tok) && !readAsName(i)) || inPlaceholder(text, tok.start);
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
