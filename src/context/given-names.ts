/**
 * Whether a word is someone's given name, by a list rather than by its shape: the names given to babies in Scotland
 * and in England and Wales that are no English word (data/given-names.json, its README for the source and licence),
 * with the pet forms and adults' names the registers do not hold, less the words that are names too but that notes
 * write as something else (data/given-names-lexicon.json: "fae", "kirk", "tia", "gran"). Any case; accents folded
 * ("mòrag"); a hyphenated name whose first part is listed ("kai-lee"); a possessive's "'s" left aside.
 *
 * For the readers of text nobody here wrote that must keep other people's names away from the patient's identifier:
 * the paste reader's notes (hazard H23) and a prompt's quoted reason (H6). Each reader also keeps its own words (the
 * words the prompts read, the patient's own name). Pure; imports with no browser present.
 */
import list from './data/given-names.json';
import lexicon from './data/given-names-lexicon.json';

const NAMES: ReadonlySet<string> = new Set([...list.names, ...lexicon.givenNamesNotRegistered]);
const WORDS: ReadonlySet<string> = new Set(lexicon.wordsThatAreGivenNames);

/** Text without its accents, the Polish "ł" as "l" (it has no decomposition): "Mòrag" is "Morag", "Łukasz" "Lukasz". */
export function foldLetters(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/** A word without its accents and its possessive, in lower case: the list's form. */
export function nameKey(word: string): string {
  return foldLetters(word.toLowerCase().replace(/['’]s$/, ''));
}

/** Whether `word` is a listed given name that is no word notes use otherwise. */
export function isGivenName(word: string): boolean {
  const key = nameKey(word);
  if (WORDS.has(key)) return false;
  if (NAMES.has(key)) return true;
  const dash = key.indexOf('-');
  return dash > 0 && NAMES.has(key.slice(0, dash)) && !WORDS.has(key.slice(0, dash));
}

const AFTER_RELATION: ReadonlySet<string> = new Set(lexicon.namesAfterARelation);
const NOUNS_AFTER: ReadonlySet<string> = new Set(lexicon.nounsAfterAName);
/** Whether a word after a later name of a list makes it the thing rather than the person: "and bill arrears" (data/given-names-lexicon.json). */
export const isNounAfterAName = (word: string): boolean => NOUNS_AFTER.has(word);
const MONEY_AFTER_A_BILL: ReadonlySet<string> = new Set(lexicon.moneyAfterABill);
/** Whether a word after "bill", after any role, makes it the bill: "other half bill arrears" (data/given-names-lexicon.json). */
export const isMoneyAfterABill = (word: string | undefined): boolean => word !== undefined && MONEY_AFTER_A_BILL.has(word);
/** The roles after which "bill" is the bill they send (data/given-names-lexicon.json). */
export const BILL_SENDERS: readonly string[] = lexicon.billSenders;
/** Those of them who are people who may hit someone, not a charge: "Landlord bill hit her" (data/given-names-lexicon.json). */
export const BILL_SENDERS_WHO_ARE_PEOPLE: readonly string[] = lexicon.billSendersWhoArePeople;
const PERSON_AFTER_A_BILL_SENDER: ReadonlySet<string> = new Set(lexicon.personVerbsAfterABillSender);
/** Whether a word after "bill", after a role that sends bills, makes it a person: "landlord bill threatening eviction". */
export const isPersonVerbAfterABillSender = (word: string | undefined): boolean => word !== undefined && PERSON_AFTER_A_BILL_SENDER.has(word);
const byName = (table: Record<string, string[]>): ReadonlyMap<string, ReadonlySet<string>> => new Map(Object.entries(table).map(([name, after]) => [name, new Set(after)]));
const VERB_NAMES = byName(lexicon.verbNames);
const THINGS_AFTER = byName(lexicon.thingsAfterAName);
const THINGS_AFTER_PLURALS = byName(lexicon.thingsAfterANameAfterPlurals);
/** Whether a name is a verb, after a role, by the word after it: "her pals ken she is drinking" (data/given-names-lexicon.json). */
export const isVerbBefore = (name: string, next: string | undefined): boolean => next !== undefined && (VERB_NAMES.get(name)?.has(next) ?? false);
/** The roles that name more than one person ("pals", "carers"; data/given-names-lexicon.json). */
export const PLURAL_ROLES: ReadonlySet<string> = new Set(lexicon.pluralRoles);
/** Whether a name may be a verb at all ("ken"). */
export const isVerbName = (name: string): boolean => VERB_NAMES.has(name);
/** Whether a name is a word by the word after it, after any relation or role: "bf penny pinching" (data/given-names-lexicon.json). */
export const isThingBefore = (name: string, next: string | undefined, afterPlural = false): boolean =>
  next !== undefined && ((THINGS_AFTER.get(name)?.has(next) ?? false) || (afterPlural && (THINGS_AFTER_PLURALS.get(name)?.has(next) ?? false)));
const PERSON_VERB_BEFORE_A_PERSON: ReadonlySet<string> = new Set(lexicon.personVerbsBeforeAPerson);
const PERSON_AFTER_A_VERB: ReadonlySet<string> = new Set(lexicon.personsAfterAVerb);
/** Whether a word after "bill" is what a person does when a person follows it: "hit her", not "hit £900" (data/given-names-lexicon.json). */
export const isPersonVerbBeforeAPerson = (word: string): boolean => PERSON_VERB_BEFORE_A_PERSON.has(word);
/** Whether a word after such a verb is a person: "her", "him", "pt" (data/given-names-lexicon.json). */
export const isPersonAfterAVerb = (word: string | undefined): boolean => word !== undefined && PERSON_AFTER_A_VERB.has(word);
/** Whether a word is one of the lexicon's own names after a relation ("bill", "joy"), not any listed given name. */
export const isListedAfterRelation = (word: string): boolean => AFTER_RELATION.has(nameKey(word));
/** Words that may stand between a relation and a name, the name still taken: "son wee bill" (data/given-names-lexicon.json). */
export const WORDS_BETWEEN_A_RELATION_AND_A_NAME: ReadonlySet<string> = new Set(lexicon.wordsBetweenARelationAndAName);
const VERB_AFTER_A_NAME: ReadonlySet<string> = new Set(lexicon.verbsAfterAName);
/** Whether a word is what follows a name set off by commas: "her daughter, penny, is…" (data/given-names-lexicon.json). */
export const isVerbAfterAName = (word: string): boolean => VERB_AFTER_A_NAME.has(word);
/** Words after which a name taken before is taken again mid-sentence: "after bill punched her" (data/given-names-lexicon.json). */
export const WORDS_BEFORE_A_NAME_AGAIN: ReadonlySet<string> = new Set(lexicon.wordsBeforeANameAgain);
/** Words after which "bill" is a person when its relation follows in brackets: "lives with bill (husband)" (data/given-names-lexicon.json). */
export const WORDS_BEFORE_A_NAME_BEFORE_ITS_RELATION: ReadonlySet<string> = new Set(lexicon.wordsBeforeANameBeforeItsRelation);
/** The words, besides relations, such a name follows in pasted notes (data/given-names-lexicon.json). */
export const RELATIONS_BEFORE_A_NAME_IN_NOTES: readonly string[] = lexicon.relationsBeforeANameInNotes;

/**
 * Whether a word the prompts may read is a name when it comes straight after a relation's word ("husband bill",
 * "neighbour desmond"): a listed given name, or one of the words data/given-names-lexicon.json lists as names there.
 * Months are not ("sister june": the callers decide; the notes keep them for the context rules).
 */
export function isNameAfterRelation(word: string): boolean {
  const key = nameKey(word);
  return AFTER_RELATION.has(key) || isGivenName(key);
}

/** Whether the whole word (a hyphenated one too, "ellie-may") is on the list, not only its first part. */
export function isListedWhole(word: string): boolean {
  return NAMES.has(nameKey(word));
}

/** The list's own names (not the additions), for tests that draw from it. */
export const LISTED_GIVEN_NAMES: readonly string[] = list.names;
