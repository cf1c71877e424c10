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
import context from './context.json';
import { DEFAULT_RULES } from './rules/index';
import { RELATION_WORDS, type Token, tokenize } from './tokenize';
import { inPlaceholder, isReadableWord } from './vocabulary';
import { findRawMatches, matchedAlone, phraseWritesWord } from './phrase-index';
// (Months and days are given names too, "june", "april", and the context rules read them as time.)
import { CALENDAR_WORD } from './text-match';
import {
  BILL_SENDERS,
  BILL_SENDERS_WHO_ARE_PEOPLE,
  isGivenName,
  isMoneyAfterABill,
  isNameAfterRelation,
  isNounAfterAName,
  isPersonAfterAVerb,
  isPersonVerbAfterABillSender,
  isPersonVerbBeforeAPerson,
  isListedAfterRelation,
  isThingBefore,
  isVerbAfterAName,
  isVerbBefore,
  isVerbName,
  PLURAL_ROLES,
  RELATIONS_BEFORE_A_NAME_IN_NOTES,
  WORDS_BEFORE_A_NAME_AGAIN,
  WORDS_BEFORE_A_NAME_BEFORE_ITS_RELATION,
  WORDS_BETWEEN_A_RELATION_AND_A_NAME,
} from '../context/given-names';
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

/** The token after token i, when it is in the same sentence. */
const nextInSentence = (tokens: readonly Token[], i: number): Token | undefined => (tokens[i + 1]?.sentence === (tokens[i] as Token).sentence ? tokens[i + 1] : undefined);

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
const asWords = (phrases: readonly string[]): readonly (readonly string[])[] => phrases.map((phrase) => tokenize(phrase).map((t) => t.word)).filter((words) => words.length > 0);
const ROLES_BEFORE_A_NAME = asWords([...pasteLexicon.relationsBeforeLowerNames, ...RELATIONS_BEFORE_A_NAME_IN_NOTES]);
const BILL_SENDER_WORDS = asWords(BILL_SENDERS);
const PERSON_SENDER_WORDS = asWords(BILL_SENDERS_WHO_ARE_PEOPLE);

/** Whether one of `phrases` (as words) ends at token j. */
const endsAt = (tokens: readonly Token[], j: number, phrases: readonly (readonly string[])[]): boolean =>
  phrases.some((words) => words.length <= j + 1 && words.every((w, k) => (tokens[j - words.length + 1 + k] as Token).word === w));

/**
 * Token k (with up to two of `AUXILIARIES` before it: "has threatened", "has been banging") is what only a person does:
 * a word of `personVerbsAfterABillSender` ("threatening", "told"), or, unless the name follows a role whose bill is a
 * charge (`charge`: "Carer bill hit him badly", "Home help bill hit me like a brick", review39e), one of
 * `personVerbsBeforeAPerson` with a person after it ("hit her"). All in one clause.
 */
function personVerbAt(tokens: readonly Token[], k: number, charge = false): boolean {
  const clause = tokens[k]?.clause;
  const at = (j: number): Token | undefined => (tokens[j] !== undefined && tokens[j]?.clause === clause ? tokens[j] : undefined);
  for (let n = 0; n < 2 && AUXILIARIES.has(at(k)?.word ?? ''); n += 1) k += 1;
  const verb = at(k);
  if (verb === undefined) return false;
  if (isPersonVerbAfterABillSender(verb.word)) return true;
  return !charge && isPersonVerbBeforeAPerson(verb.word) && isPersonAfterAVerb(at(k + 1)?.word);
}

/** What follows token i in its clause is what only a person does (`personVerbAt`): "Dreading the carer bill - hit her hard" is the bill (review39c). */
function personFollows(tokens: readonly Token[], i: number, charge = false): boolean {
  const tok = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next === undefined || next.sentence !== tok.sentence) return false;
  if (next.clause === tok.clause) return personVerbAt(tokens, i + 1, charge);
  // Across one comma or dash, only what a person alone does ("Landlord bill - shouting and threatening her", "CARER
  // BILL, TOOK £200 FROM HER PURSE": review39g), never "hit her" ("Dreading the carer bill - hit her hard", review39c).
  return next.clause === tok.clause + 1 && personVerbAt(tokens, i + 1, true);
}

/** Words between a name and what a person does: "Landlord bill has threatened eviction", "has been banging". */
const AUXILIARIES: ReadonlySet<string> = new Set(context.promptWords.auxiliaries);

/** Who a name may follow: one of the prompts' relation words, or one of the roles above. */
type Before = {
  kind: 'relation' | 'role';
  billSender: boolean;
  /** Its bill is a charge (a carer, a home help, a relation's possessive: "mums"), not a person's who may hit (a landlord). */
  charge: boolean;
  /** The token it ends at. */
  at: number;
  /** A word stands between it and the name ("son wee bill"): then "bill" is a name only before what a person does. */
  between?: boolean;
};

/**
 * What ends at token j that a name may follow: one of the prompts' relation words ("husband", "sons": `relation`), or
 * one of the roles above or a relation's possessive written without its apostrophe ("landlord", "mother-in-law",
 * "other half", "husbands": `role`); undefined when neither. `billSender` when it sends bills ("carer", "landlord",
 * "mums": given-names-lexicon.json `billSenders`).
 */
function relationEndsAt(tokens: readonly Token[], j: number): Before | undefined {
  if (j < 0) return undefined;
  const word = (tokens[j] as Token).word;
  const billSender = endsAt(tokens, j, BILL_SENDER_WORDS);
  const charge = billSender && !endsAt(tokens, j, PERSON_SENDER_WORDS);
  if (RELATION_WORDS.has(word)) return { kind: 'relation', billSender, charge, at: j };
  // (A possessive written without its apostrophe: "husbands bill drinking again", review37; "mums bill at the care home".)
  // (Such a possessive sends bills: "brothers bill for funeral", review38f.)
  // (Not a plural role: "neighbours bill and joy help with shopping", review38b.)
  if (word.endsWith('s') && RELATION_WORDS.has(word.slice(0, -1)) && !PLURAL_ROLES.has(word)) return { kind: 'role', billSender: true, charge: true, at: j };
  if (endsAt(tokens, j, ROLES_BEFORE_A_NAME)) return { kind: 'role', billSender, charge, at: j };
  return undefined;
}

/**
 * Where the relation or role before token i ends, when only what may stand between a relation and its name does: spaces
 * ("husband bill"); spaces round one of `wordsBetweenARelationAndAName` ("son wee bill"); or the name set off whole by
 * commas or brackets ("her husband, bill, drinks", "husband (bill) drinks"; thirty-ninth session). Not across a comma
 * or a bracket that does not close right after the name: "for the baby, bill went through the roof", "funeral for
 * husband (bill £4500)" (review37b).
 */
function relationBefore(text: string, tokens: readonly Token[], i: number): number | undefined {
  const tok = tokens[i] as Token;
  const prev = tokens[i - 1];
  if (prev === undefined) return undefined;
  if (spacesBetween(text, prev, tok)) {
    // (Not "joy": "Grandson little joy in her life", "a wee joy to be around" are words, review39e.)
    if (WORDS_BETWEEN_A_RELATION_AND_A_NAME.has(prev.word) && tok.word !== 'joy' && i >= 2 && spacesBetween(text, tokens[i - 2] as Token, prev) && relationEndsAt(tokens, i - 2) !== undefined) return i - 2;
    return i - 1;
  }
  // Set off by punctuation, only the names the lexicon lists (`namesAfterARelation`): "with husband (DESMOND) next
  // month" is the course (review39c). And never "ken", the Scots "you know" between commas: "her man, ken, he's aye
  // drinking" (review39c).
  if (!isListedAfterRelation(tok.word)) return undefined;
  const between = text.slice(prev.end, tok.start);
  const after = text.slice(tok.end, tokens[i + 1]?.start ?? text.length);
  if (tok.word === 'ken' && /,/.test(between)) return undefined;
  // ("joy" and "penny" between commas only before what a name does: "Since losing her husband, joy, appetite and sleep
  // all gone" is her joy, review39g; "Her daughter, penny, is her main carer" is her name.)
  if ((tok.word === 'joy' || tok.word === 'penny') && /,/.test(between)) {
    const k = tokens.findIndex((t, j) => j > i && t.start >= tok.end + after.length);
    if (k < 0 || !(personVerbAt(tokens, k) || isVerbAfterAName((tokens[k] as Token).word))) return undefined;
  }
  // (In quotes, "Husband “bill” drinks", a quote opening after a space only: "nursery fees (the kids' bill)" is no
  // quote, review39c; with an age in the brackets, "Husband (bill, 58)", "HUSBAND (BILL, 62 YRS)": review39, review39c.)
  if ((/^[ \t]*,[ \t]*$/.test(between) && /^[ \t]*,/.test(after)) || (/^[ \t]*\($/.test(between) && /^\)/.test(after)) || (/^[ \t]+["“‘']$/.test(between) && /^["”’']/.test(after))) return i - 1;
  // (An age only: "daughter (bill, 150)" is no age, review39e.)
  const age = /^,[ \t]*(\d{1,3})[ \t]*(?:yrs?|years?|yo|y)?[ \t]*\)/i.exec(text.slice(tok.end));
  if (/^[ \t]*\($/.test(between) && age !== null && Number(age[1]) <= 105) return i - 1;
  // After a colon, in a list that closes with "and" or "&" and a name, "Kids: bill, ken and joy" (review39), or set off
  // by a comma, "Husband: bill, drinks heavily" (review39c).
  if (/^[ \t]*:[ \t]*$/.test(between) && (listClosesAfter(text, tokens, i) || /^[ \t]*,/.test(after))) return i - 1;
  return undefined;
}

/**
 * Token i is a name (given-names.ts `isNameAfterRelation`), or its possessive ("Husband bill's drinking"), after a
 * relation's word or a role (`relationBefore`).
 */
function afterRelation(text: string, tokens: readonly Token[], i: number, orMonth = false): boolean {
  const tok = tokens[i] as Token;
  // A possessive is read with its "s" on ("bills"): its name is the word as written without it.
  const possessive = writtenPossessive(text, tok);
  const word = possessive === undefined ? tok.word : possessive.slice(0, -2).toLowerCase();
  // (Not after a possessive, "son's charlie" is his cocaine, nor a month, "lost husband june", "kids june-aug": review37.
  // A month heads a list of names all the same: "daughters june and penny".) The word first: most words are no name, and
  // what came before is then not looked at.
  if (!isNameAfterRelation(word) && !(orMonth && CALENDAR_WORD.test(tok.word))) return false;
  const r = relationBefore(text, tokens, i);
  const found = r === undefined ? undefined : relationEndsAt(tokens, r);
  if (r === undefined || found === undefined || writtenPossessive(text, tokens[r] as Token) !== undefined) return false;
  const before: Before = r < i - 1 ? { ...found, between: true } : found;
  // A name's possessive after a relation or a role is the person's ("Husband bill's drinking getting worse"), but
  // after a role that sends bills "bill's" is the bill's ("carer bill's gone up again"; thirty-ninth session).
  // ("for the kids bill's £200" is "bill is": after a plural, or before money or a number, review39c.)
  if (possessive !== undefined) {
    if (orMonth || CALENDAR_WORD.test(word)) return false;
    if (word !== 'bill') return true;
    // "bill's" only before what a person does: "Husband bill's drinking", "Husband bill's gambling"; "for the baby bill's
    // went through the roof", "lodger bill's on her" are "bill is" (review39g), and so is it after a plural, "for the
    // kids bill's £200" (review39c).
    if (!personVerbAt(tokens, i + 1) || (tokens[r] as Token).word.endsWith('s')) return false;
    // After a role that sends bills, or with a word between, only after a role who is a person: "Landlord bill's been
    // banging on the door" (review39e), not "carer bill's gone up".
    return (before.billSender && !before.charge) || !(before.billSender || before.between === true);
  }
  const next = nextInSentence(tokens, i);
  // "bill" in brackets or quotes after a relation is his name only where the sentence goes on, and not to money: "husband
  // (bill) drinks", not "£150 to daughter (bill)" (review39).
  // "bill" set off by punctuation is his name only before what a person does after it: "husband (bill) drinks",
  // "Husband (bill) is drinking heavily" (review39c), "Husband: bill, drinks heavily"; not "£150 to daughter (bill) and
  // £300 rent", "Stressors: husband, bill, kids", "funeral for husband (bill) and headstone" (review39e). A list after a
  // colon that closes with "and" and a name is names ("Kids: bill, ken and joy").
  if (word === 'bill' && r === i - 1 && !spacesBetween(text, tokens[i - 1] as Token, tok) && !listClosesAfter(text, tokens, i)) {
    const close = /^[ \t]*(?:,[ \t]*\d{1,3}[ \t]*(?:yrs?|years?|yo|y)?[ \t]*)?[)"”’',]/i.exec(text.slice(tok.end));
    const end = tok.end + (close?.[0].length ?? 0);
    let j = i + 1;
    while (tokens[j] !== undefined && (tokens[j] as Token).start < end) j += 1;
    if (close === null || tokens[j] === undefined || (tokens[j] as Token).sentence !== tok.sentence || !personVerbAt(tokens, j)) return false;
  }
  // A list goes on only from a head that is a name: "Carers bill and joy both lovely" keeps its bill, and its joy
  // (review38g).
  if (orMonth) return !(before.billSender && tok.word === 'bill' && !personFollows(tokens, i, before.charge));
  // (The word after as written too: the tokenizer reads Scots "aboot" as "about", and "ken aboot" is the verb where
  // "support worker ken about his rent arrears" is his name: review38c, review38d.)
  if (before.kind === 'role' && next !== undefined && isVerbBefore(tok.word, text.slice(next.start, next.end).toLowerCase())) return false;
  // After a plural role it is the verb unless what a person does follows: "His pals ken the score", "Neighbours ken wee
  // boy is left alone" (review38d, review38e).
  if (before.kind === 'role' && PLURAL_ROLES.has((tokens[r] as Token).word) && isVerbName(tok.word) && !personFollows(tokens, i, before.charge)) return false;
  return isNameToTake(tokens, i, before);
}

/**
 * A name to take after `before`, or as a later name of a list (after a name taken, or after the reader's "[name]"):
 * never a month. After the prompts' own relation words, always ("wife joy in hospice"). After a role or in a list, not
 * a word by the word after it ("bf penny pinching", "grandkids joy of her life"). After a role, not
 * a verb ("her pals ken she is drinking"), nor "bill" before a money word ("other half bill arrears"); after a role
 * that sends bills, "bill" only before what a person does ("landlord bill threatening eviction", not "Carer bill keeps
 * going up"). In a list after a name taken, "bill" not before a money word or a word of `nounsAfterAName` ("husband ken
 * and bill arrears", "husband ken and bill worries"; "grandkids billy and penny at school" is two names); after
 * "[name]" or a month, no name before a word of `nounsAfterAName` or a preposition ("and joy in life"), and "bill" only
 * before what a person does or at its clause's end ("husband Tam and bill worry"). Review38 to review38g.
 */
function isNameToTake(tokens: readonly Token[], i: number, before: Before | 'inList' | 'afterPlaceholder'): boolean {
  const tok = tokens[i] as Token;
  const next = nextInSentence(tokens, i);
  if (!isNameAfterRelation(tok.word) || CALENDAR_WORD.test(tok.word)) return false;
  if (before !== 'inList' && before !== 'afterPlaceholder' && before.kind === 'relation' && !(before.between === true && tok.word === 'bill')) return true;
  // (Only after a role or in a list: "wife joy in hospice" is her name, review38e.)
  const plural = before === 'inList' || before === 'afterPlaceholder' || PLURAL_ROLES.has((tokens[before.at] as Token).word);
  // ("joy and" is a word only when no name follows: "Grandkids joy and only company", not "Carers joy and penny".)
  const listGoesOn = next?.word === 'and' && isNameAfterRelation(tokens[i + 2]?.word ?? '');
  if (!listGoesOn && isThingBefore(tok.word, next?.word, plural)) return false;
  const bill = tok.word === 'bill';
  if (before === 'inList') return !(bill && (isMoneyAfterABill(next?.word) || (next !== undefined && isNounAfterAName(next.word))));
  if (before === 'afterPlaceholder') {
    if (next !== undefined && (LIST_ENDS.has(next.word) || isNounAfterAName(next.word))) return false;
    return !bill || next === undefined || next.clause !== tok.clause || personFollows(tokens, i);
  }
  if (bill && (isMoneyAfterABill(next?.word) || ((before.billSender || before.between) && !personFollows(tokens, i, before.charge)))) return false;
  return !isVerbBefore(tok.word, next?.word);
}

/**
 * After token i (a name), the list goes on with commas and closes with "and", "n", "&" or "+" and a name: ", ken and
 * joy", " and joy", " & penny". A comma alone joins two names only in such a list: "wife joy, bill went through the
 * roof" and "Son billy, ken, he's aye been trouble" keep their bill and ken (review39).
 */
function listClosesAfter(text: string, tokens: readonly Token[], i: number, depth = 0): boolean {
  const tok = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next === undefined || next.sentence !== tok.sentence || depth > 6) return false;
  const between = text.slice(tok.end, next.start);
  if ((next.word === 'and' || next.word === 'n') && /^[ \t]*,?[ \t]*$/.test(between)) {
    const name = tokens[i + 2];
    return name !== undefined && name.sentence === tok.sentence && isNameAfterRelation(name.word) && /^[ \t]+$/.test(text.slice(next.end, name.start));
  }
  if (!isNameAfterRelation(next.word)) return false;
  if (/^[ \t]*,?[ \t]*[&+][ \t]*$/.test(between)) return true;
  return /^[ \t]*,[ \t]*$/.test(between) && listClosesAfter(text, tokens, i + 1, depth + 1);
}

/** Words after a name joined to the reader's "[name]" that make it a word: a preposition ("and joy in life", "and bill from HMRC"). */
const LIST_ENDS: ReadonlySet<string> = new Set(context.promptWords.listEnds);

/**
 * What may join two names in a list: "and", "n", "&", "+", "/", or a comma with or without one of them ("kids bill,
 * ken and joy"; the thirty-ninth session: commas had been no joins).
 */
const NAME_JOIN = /^[ \t]*(?:,[ \t]*(?:(?:and|n|&|\+)[ \t]*)?|(?:and|n|&|\+|\/)[ \t]*)$/i;

/**
 * Token i is a further such name joined to one taken after a relation, or to the paste reader's "[name]" there: "sons
 * bill and ken", "husband [name] & joy", "kids bill and ken and joy" (review38). Not before a word that makes it the
 * thing ("son [name] and bill from sheriff officers", "husband [name] and joy in life": review38b), and the same
 * after a comma ("husband bill, bill arrears too").
 */
function inListAfterRelation(text: string, tokens: readonly Token[], i: number, depth = 0): boolean {
  // ("&", "+" and "/" are no tokens; "and" and "n" are.)
  // (A later name is never a month; the word first, as in afterRelation.)
  if (!isNameAfterRelation((tokens[i] as Token).word)) return false;
  const f = tokens[i - 1]?.word === 'and' || tokens[i - 1]?.word === 'n' ? i - 2 : i - 1;
  if (f < 1 || depth > 6) return false;
  const first = tokens[f] as Token;
  const tok = tokens[i] as Token;
  const placeholder = inPlaceholder(text, first.start);
  // (After the placeholder's own "]".)
  const between = text.slice(first.end, tok.start).replace(placeholder ? /^\]/ : /^$/, '');
  if (!NAME_JOIN.test(between)) return false;
  // (A comma alone joins only a list that closes with "and" and a name: `listClosesAfter`.)
  if (/^[ \t]*,[ \t]*$/.test(between) && !listClosesAfter(text, tokens, i)) return false;
  if (placeholder) return relationEndsAt(tokens, f - 1) !== undefined && isNameToTake(tokens, i, 'afterPlaceholder');
  // A month heading the list is read as the reader's "[name]" is: "Lost husband june and bill for funeral" (review38e).
  if (CALENDAR_WORD.test(first.word)) return isNameToTake(tokens, i, 'afterPlaceholder') && afterRelation(text, tokens, f, true);
  return isNameToTake(tokens, i, 'inList') && (afterRelation(text, tokens, f, true) || inListAfterRelation(text, tokens, f, depth + 1));
}

/**
 * Token i is such a name with its relation after it in brackets: "lives with bill (husband) who drinks", "joy (daughter)
 * visits". Only after a word a person follows (`wordsBeforeANameBeforeItsRelation`), or first in its sentence: "gas
 * bill (husband) sorted it" is the bill (thirty-ninth session).
 */
function beforeBracketedRelation(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i] as Token;
  if (!isNameAfterRelation(tok.word) || CALENDAR_WORD.test(tok.word)) return false;
  // ("bill (husband)", "bill (her husband)", or set off by commas: "Lives with bill, her husband, who drinks", "Lives
  // with bill, husband, who drinks": review39, review39c.)
  const owner = tokens[i + 1] !== undefined && OWNERS.has((tokens[i + 1] as Token).word) ? 1 : 0;
  const next = tokens[i + 1 + owner];
  if (next === undefined || next.sentence !== tok.sentence || !RELATION_WORDS.has(next.word)) return false;
  const opening = text.slice(tok.end, (tokens[i + 1] as Token).start);
  const bracketed = /^[ \t]*\($/.test(opening) && /^\)/.test(text.slice(next.end));
  const apposed = /^[ \t]*,[ \t]*$/.test(opening) && /^[ \t]*(?:,|$|[.;\n])/.test(text.slice(next.end));
  if (!bracketed && !apposed) return false;
  // (Every such name, not only "bill": "takes every penny (son)" is her money, review39.)
  const prev = tokens[i - 1];
  if (!(prev === undefined || prev.sentence !== tok.sentence || WORDS_BEFORE_A_NAME_BEFORE_ITS_RELATION.has(prev.word))) return false;
  // ("Left with bill (husband) for funeral, £4200" is the bill: review39.)
  const after = tokens[i + 2 + owner];
  // (And "bill" not at its sentence's end: "help with rent (council) and bill (son).", review39g.)
  return tok.word !== 'bill' || (after !== undefined && after.sentence === tok.sentence && !(isMoneyAfterABill(after.word) || isNounAfterAName(after.word)));
}

/**
 * Whether phrases a default rule reads as a need's signal (not context cues alone) match in `text` and cover every
 * word of it that `spare` does not let stand: "NOT SLEEPING", "RENT ARREARS", "SON IN PRISON" (with "in" and "son"
 * spared), not "JUNE WALKER". The paste reader keeps a short line in capitals that has a name's shape only then
 * (thirty-ninth session, review39b to review39h).
 */
export function needsCover(text: string, spare: (word: string) => boolean, anchor: (word: string) => boolean): boolean {
  const set = compileRuleSet(DEFAULT_RULES);
  const tokens = tokenize(text);
  // 2: read by a need's phrase of two words or more; 1: only by one of a single word.
  const covered = new Uint8Array(tokens.length);
  for (const m of findRawMatches(tokens, set.notesIndex)) {
    if (set.roles[m.phrase.id]?.target !== true) continue;
    for (let k = m.first; k <= m.last; k += 1) covered[k] = Math.max(covered[k] as number, m.last > m.first ? 2 : 1);
  }
  // (Every word read by a need's phrase, or spared: "PETER GRIEVE", "PEACE FOOD", "SUNDAY PRICE WORK COACH" are names
  // where one or two words are read, review39f, review39h. A word read only by a phrase of one word, a surname such as
  // "Price", "Grieve", "Cash", counts only beside an `anchor`, a word no name has: "VERY LONELY", "SON IN PRISON".)
  const anchored = tokens.some((t) => anchor(t.word));
  return covered.some((c) => c > 0) && tokens.every((t, k) => covered[k] === 2 || (covered[k] === 1 && anchored) || spare(t.word));
}

/** Token `tok` is the first of a line that opens with a date: a journal entry's header ("12/11/2026  Dr J Rennie"). */
function opensADatedLine(text: string, tok: Token): boolean {
  const lineStart = text.lastIndexOf('\n', tok.start - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, tok.start)) && /^[ \t]*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4}|\d{4}-\d{2}-\d{2})\b/.test(text.slice(lineStart));
}


/** Whose relation a name is, set off by commas after it: "bill, her husband,". */
const OWNERS: ReadonlySet<string> = new Set(context.promptWords.owners);

/** The text with every word the prompts cannot read written "…" (runs of them once); punctuation and line breaks kept. */
export function promptWordsOnly(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  // A given name some phrase of several words uses ("robbing peter to pay paul", "gordon moody", "stuart account
  // deactivated") is read only inside such a phrase: "bf paul controls the money" keeps no "paul" (review36). A name a
  // phrase of one word reads by itself ("charlie") stays wherever it is: the prompts read it there too.
  let inPhrase: Uint8Array | undefined;
  // The names taken after a relation so far, so the same name again may be taken on its own (below).
  const taken = new Set<string>();
  const againAsName = (i: number): boolean => {
    const tok = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next === undefined || next.clause !== tok.clause || !spacesBetween(text, tok, next) || isVerbBefore(tok.word, next.word)) return false;
    return isNameToTake(tokens, i, 'afterPlaceholder') && (tok.word !== 'bill' || personFollows(tokens, i));
  };
  const readAsName = (i: number): boolean => {
    const tok = tokens[i] as Token;
    // A journal entry's dated header starts another consultation: a name taken in one is not carried to the next
    // ("Partner bill drinking" in an older entry, "Bill - red letter from the electric" in a later one: review39c).
    if (taken.size > 0 && opensADatedLine(text, tok)) taken.clear();
    // Straight after a relation's word, a name the prompts also read as a word is the relation's name: "HUSBAND BILL
    // DRINKS", "neighbour desmond" (review36), "landlord bill" (thirty-eighth session), and the next one after "and"
    // ("sons bill and ken"); and such a name's possessive before one: "bill's wife drinks"; and before its relation in
    // brackets, "lives with bill (husband)".
    if ((i > 0 && afterRelation(text, tokens, i)) || inListAfterRelation(text, tokens, i) || beforeRelation(text, tokens, i) || beforeBracketedRelation(text, tokens, i)) {
      taken.add(tok.word);
      return true;
    }
    // A name taken once is taken again where it starts a sentence, as a later name of a list would be: "wife joy in
    // hospice. Joy has weeks to live", "husband bill. bill drinking again"; not "Bill arrears" nor "Joy of her life"
    // (thirty-ninth session).
    // (Not before a comma or at its clause's end: "Bill, the gas and the rent all behind", "Ken, he is no coping",
    // "Bill - red letter from the electric": review39, review39c. "bill" only before what a person does; "ken" not as
    // the verb, "Ken whit he's like".)
    // (Or after a word a person follows, mid-sentence: "Police called after bill punched her", "Pt sitting with joy most
    // days", review39e.)
    if (taken.has(tok.word) && (i === 0 || (tokens[i - 1] as Token).sentence !== tok.sentence || WORDS_BEFORE_A_NAME_AGAIN.has((tokens[i - 1] as Token).word)) && againAsName(i)) return true;
    if (!isGivenName(tok.word) || matchedAlone(tok.word) || CALENDAR_WORD.test(tok.word)) return false;
    if (!inPhrase) {
      inPhrase = new Uint8Array(tokens.length);
      for (const m of findRawMatches(tokens, compileRuleSet(DEFAULT_RULES).notesIndex)) if (m.last > m.first) inPhrase.fill(1, m.first, m.last + 1);
    }
    return inPhrase[i] !== 1;
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
