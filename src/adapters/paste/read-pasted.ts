/**
 * Text a clinician copied out of a desktop record (Vision, EMIS Web, EMIS PCS,
 * a portal, a letter) and pasted into standalone mode (issue #17). Desktop
 * records copy as lines and cells (tabs, runs of spaces, "·" and "|"), not as
 * a page, so the text is read as such; the words it reads by are the generic
 * detector's (field labels, other-person headings, relation words, dates,
 * CHI checks: ../generic/lexicon.json) plus a few of its own (lexicon.json).
 *
 * Patient safety first:
 * - the patient's details are read only from the lines around the typed
 *   number (the banner), never from a next of kin's, carer's, household's,
 *   usual GP's or practice's line or section;
 * - another valid CHI or NHS number outside such a line, the typed number
 *   only as a relative's, a second banner, or a date of birth or sex that
 *   contradicts the CHI: the paste is refused, with the reason;
 * - the notes are the rest of the text without letterheads, signatures,
 *   salutations, other people's lines, identifiers, phone numbers, e-mail
 *   addresses and postcodes.
 * Pure: no DOM (an HTML fragment is read as text), never throws on any string.
 */
import { crossCheck, readBirth } from '../checks';
import { parseAge, parseSex, POSTCODE_IN_TEXT } from '../dom-text';
import { tidyName } from '../generic/banner';
import { type GenericField, hasRelationWord, headingOf, isNoValue, labelField, namesOtherPerson, normaliseLabel } from '../generic/labels';
import genericLexicon from '../generic/lexicon.json';
import { chiBirthDate, isValidChi, isValidNhsNumber } from '../../context/identifiers';
import { normalisePostcode } from '../../context/postcode';
import type { Problem } from '../../context/patient-context';
import lexicon from './lexicon.json';
import { foldLetters, isGivenName, isListedWhole, isNameAfterRelation, nameKey as givenNameKey } from '../../context/given-names';
import { DEFAULT_LEXICON_FILES } from '../../prompts/lexicons';
import { needsCover, promptWordsOnly } from '../../prompts/prompt-words';
import { escapeRegExp } from '../../lib/reg-exp';
import { ageOn, parseUkDate } from '../../context/dates';

export interface TypedNumber {
  kind: 'chi' | 'nhs';
  /** 10 digits. */
  value: string;
}

export type PastedRefusal = 'another-number' | 'relative-number' | 'typed-number-absent' | 'contradiction' | 'another-banner' | 'unreadable';

export type PastedRead =
  | {
      ok: true;
      name?: string;
      birthDate?: string;
      age?: number;
      sex?: 'female' | 'male';
      postcode?: string;
      address?: string;
      phone?: string;
      problems: Problem[];
      /** The pasted text that is not the banner nor anyone else's details: what prompts read. */
      notes: string;
      /**
       * Whether the typed number is on the patient's own line in the text. When it is not, nothing ties the name and
       * details read to the number (with an NHS number, not even a date of birth can be checked): the clinician is told.
       */
      numberShown: boolean;
      /** Details seen in the banner but not taken (two different postcodes, a name with a relation word). */
      refused: ('name' | 'postcode')[];
    }
  | { ok: false; refusal: PastedRefusal; message: string };

const MESSAGES: Record<PastedRefusal, string> = {
  'another-number':
    'The pasted text shows another CHI or NHS number besides the one typed (not as a relative or carer): it may be two patients. Paste only this patient\u2019s banner and notes.',
  'relative-number': 'In the pasted text, the number typed belongs to someone listed beside another patient (a relative or household member). Check which patient this is.',
  'typed-number-absent': 'The pasted text is about a different CHI or NHS number from the one typed. Check which patient this is.',
  contradiction: 'The date of birth, age or sex in the pasted text does not match the CHI number typed. Check which patient this is.',
  'another-banner': 'The pasted text shows more than one patient\u2019s details. Paste only this patient\u2019s banner and notes.',
  unreadable: 'The pasted text could not be read. Type the details instead.',
};

const NAME_LABELS = new Set(lexicon.nameLabels);
const TITLE_LABELS = new Set(lexicon.titleLabels);
const STAFF_LABELS = new Set(lexicon.staffLabels);
/** Labels of a relative's or another person's row ("Emergency:", "Key holder:", "Contact"). */
const OTHER_LABELS = new Set(lexicon.otherLabels);
/** A sign-off on a line of its own ("Yours sincerely,"), not a sentence that starts like one ("Many thanks for seeing her."). */
const SIGN_OFF = new RegExp(`^(?:${lexicon.signOffs.join('|')})[,.!]?$`, 'i');
const SALUTATION = new RegExp(`^(?:${lexicon.salutations.join('|')})\\s`, 'i');
/** A field label followed by a colon mid-cell ("Mr X DOB: 1/2/50 CHI: ..."): the cell is split before it. */
// (Never after a word that makes it someone else's or another kind of the field: "Correspondence address: Mrs P
// Gallacher, ..." split into "address: Mrs P Gallacher" gave a relative's postcode as the patient's, and "Preferred
// name: Peggy" a second name; hostile review, thirty-second session.)
const INNER_LABEL = new RegExp(
  `(?<!\\b(?:correspondence|previous|former|temporary|preferred|alternative|other|gp|nok|kin|carer|carers|contact|emergency|work|practice|billing|postal|home))\\s(?=(?:${Object.values(genericLexicon.fields)
    .flat()
    .filter((l) => l.length > 2)
    .map((l) => escapeRegExp(l).replace(/ /g, '\\.?\\s*'))
    .join('|')})\\.?\\s*:)`,
  'gi',
);
const TITLE_WORD = /^(?:mr|mrs|ms|miss|mx|master|dr|rev|prof|sir|dame|lady|lord)\.?$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|(?:van|von|de|der|den|du|des|da|di|del|della|la|le|ter|ten|bin|bint|al|el|nic|mac|y)|\([\p{L}'’ -]+\)),?$/u;
const PHONE = /(?:\+\d{1,3}[\s.]?\(?0?\)?[\s.]?|\(?\b0)\d[\d ().-]{6,14}\d/g;
const PHONE_TEST = new RegExp(PHONE.source);
// Bounded, so a long run of letters cannot make the search quadratic.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}/g;
const POSTCODES = new RegExp(POSTCODE_IN_TEXT.source, 'gi');
const POSTCODE_ONE = new RegExp(POSTCODE_IN_TEXT.source, 'i');
/**
 * A postcode in the text, not a dose that looks like one ("B12 1mg IM given" had a consultation dropped as an address;
 * hostile review, thirty-second session).
 */
const POSTCODE_TEST = {
  test: (text: string): boolean => [...text.matchAll(POSTCODES)].some((m) => !/^\d(?:mg|ml|mcg|ug|iu|mu)$/i.test(m[2] ?? '')),
};
const DATED_LINE = /^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4}|\d{4}-\d{2}-\d{2})\b/;
/** A date and an age after it ("12 Mar 1950 (74y)"), the part DATE_ONLY and DOB_LINE share. */
const DATE_AND_AGE = String.raw`^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?[ -][A-Za-z]{3,9}\.?[ -]\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*\(?\s*(?:age\s*)?\d{1,3}\s*(?:y|yr|yrs|years?)?\s*\)?)?`;
const DATE_ONLY = new RegExp(String.raw`${DATE_AND_AGE}\s*$`, 'i');
/**
 * A line of nothing but a date of birth, an age and a sex ("02 Feb 1979 (47 yrs)  Male", SystmOne's banner): part of
 * the banner, not a dated journal entry (writer D, thirty-second session: read as one, it cut the name above it off).
 */
const DOB_LINE = new RegExp(String.raw`${DATE_AND_AGE}(?:\s+(?:m|f|male|female))?\s*$`, 'i');
const READ_CODE = /\s*\((?:[A-Za-z0-9]{2,5}\.{0,4}|[A-Z]\d{2}(?:\.\d)?)\)\s*$/;
const MAX_ABOVE = 4;
const MAX_BELOW = 8;
const MAX_ROWS = 14;
/** Only the first 40,000 characters of a paste are read (a banner and a long consultation fit many times over). */
const MAX_PASTE = 40_000;
/** Capitalised words of services and benefits, never a person's name ("Carer's Allowance", "Partner Violence"). */
const SOCIAL = new Set(lexicon.socialWords);
/**
 * After a relation or "by", a service's name is everyday words throughout ("Housing Options", "Universal Credit"); a
 * person's is not, whatever word it starts or ends with ("husband Grant Hastie"; "from Karen Smith Welfare Rights").
 */
const socialName = (words: string): boolean => words.trim() !== '' && words.trim().split(/\s+/).every((w) => EVERYDAY.has(wordKey(w)));
/**
 * Right after a relation with nothing between ("husband Grant", "partner Peter Hall", "Daughter June Brown"), a
 * capital says a name, even of everyday words (third hostile review, thirty-second session): of two words or more,
 * only a service's name with a service's word ("Housing Options", "Universal Credit") is kept; one word is kept when
 * no name is that word ("daughter Has key") or it is an everyday word that is no given name ("Partner Violent when
 * drinking", but "husband Grant"; fourth review). After a colon, a comma, "'s" or a plural ("Wife: Deceased",
 * "Partner's UC claim") everyday words are a value, as socialName says.
 */
const keptAfterRelation = (who: string, separated: boolean, apposed = false, rest = ''): boolean => {
  const words = who.trim().split(/\s+/);
  // "His daughter, June, has moved back in": one word set off by commas after a relation is named, as with nothing
  // between (fifth hostile review, thirty-fourth session).
  if (separated && !(apposed && words.length === 1)) return socialName(who);
  if (words.length === 1) {
    const key = wordKey(who.trim());
    // ("husband June 2025", "husband June '25": a month before a year is a date.)
    if (NAMES_AFTER_RELATION.has(key) && /^\s*,?\s*(?:(?:19|20)\d\d\b|['’]\d\d\b)/.test(rest)) return true;
    return !NAMES_AFTER_RELATION.has(key) && (IN_NOTES.has(key) || (socialName(who) && !GIVEN_NAME_WORDS.has(key)));
  }
  return socialName(who) && words.some((w) => SOCIAL.has(wordKey(w)));
};
/** Before a relation in brackets, everyday words are a service's or a value, but a given name that is a word is the name ("Grant (daughter) rang"). */
const keptBeforeRelation = (who: string): boolean => socialName(who) && !who.trim().split(/\s+/).some((w) => GIVEN_NAME_WORDS.has(wordKey(w)));
/**
 * Whether a relation's match has a colon, a comma or a dash between the relation and the name; a relation's "'s" or
 * plural is as good as one ("Partner's UC claim", "Carers Centre").
 */
const separatedIn = (whole: string, relation: string, suffix: string | undefined): boolean => suffix !== undefined || /^\s*[:,–—-]/.test(whole.slice(relation.length + (suffix ?? '').length));
const IN_NOTES: ReadonlySet<string> = new Set(lexicon.wordsInNotes);
/** Months and words that are given names only where a name is expected, right after a relation ("daughter June"). */
const NAMES_AFTER_RELATION: ReadonlySet<string> = new Set(lexicon.namesAfterRelation);
/** A month or a word that is a name, alone in brackets after a relation: "His wife (June) rang" (fifth review). */
const RELATION_BRACKET_NAME = new RegExp(`\\b(${lexicon.relationsBeforeLowerNames.join("|")})\\s*\\((?:${lexicon.namesAfterRelation.map((w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join('|')})\\)`, 'gi');
/** A relation's match whose name is set off by a comma on both sides ("daughter, June, has"). */
const apposedIn = (whole: string, relation: string, suffix: string | undefined, rest: string): boolean => /^\s*[,–—-]/.test(whole.slice(relation.length + (suffix ?? '').length)) && /^\s*[,–—-]/.test(rest);
/** Whether a RELATION_NAME match keeps its words (a service, a value) rather than naming someone. */
const relationKept = (whole: string, relation: string, suffix: string | undefined, who: string, rest: string): boolean => keptAfterRelation(who, separatedIn(whole, relation, suffix), apposedIn(whole, relation, suffix, rest), rest);
const GIVEN_NAME_WORDS: ReadonlySet<string> = new Set(lexicon.givenNamesThatAreWords);
const PERSON_VERBS: ReadonlySet<string> = new Set(lexicon.personVerbs);
/** A name in lower case before its relation in brackets: "spoke to shona (dtr)" (fourth review). */
const LOWER_NAME_BEFORE_RELATION = new RegExp(`(?<![\\p{L}'’-])([a-z][a-z'’-]+)(?=\\s*\\((?:${lexicon.relationsBeforeLowerNames.join('|')})\\))`, 'g');
/** A number after another kind of number's label ("Hosp No", "Mobile", "NI No") is no CHI. */
const OTHER_NUMBER = new RegExp(`^(?:${lexicon.otherNumberLabels.join('|')})\\b`, 'i');
/** A relation or another person's role in a text ("son-in-law", "key holder", "stepdad"). */
const OTHER_ROLE = new RegExp(`\\b(?:${lexicon.otherRoles.join('|')})\\b`, 'i');
/**
 * A relation word, not counting a surname that is one, written in capitals after a capitalised given name as banners
 * write surnames ("Mrs Mary FRIEND", "Min-ji SON": a patient's own banner was refused as a relative's; hostile review).
 * Text in capitals throughout says nothing by its case, so there every relation word counts.
 */
function relationOutsideName(text: string, hyphensSplit = false): boolean {
  const words = (t: string): string => (hyphensSplit ? t.replace(/-/g, ' ') : t);
  if (!hasRelationWord(words(text))) return false;
  if (shouting(text)) return true;
  // (And "FRIEND, Margaret (Mrs)": EMIS Web's surname first, in capitals, before a comma and a given name.)
  return hasRelationWord(words(text.replace(/(\b\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?\s+)\p{Lu}{3,}\b/gu, '$1').replace(/^\s*\p{Lu}{3,}(?=,\s*\p{Lu}\p{Ll})/u, '')));
}

const relationIn = (text: string): boolean => relationOutsideName(text, true) || OTHER_ROLE.test(text);
/** An organisation's name on a line of its own ("Riverside Medical Practice"), not a sentence about one. */
function organisationLine(text: string): boolean {
  // The organisation's word ends the name ("Riverside Medical Practice"); "Surgery Consultation Dr F Nicolson" is a
  // journal entry's header. So is a line that opens with a date and ends with "Surgery", a surgery consultation: "01.12.26
  // DR JM  SURGERY", "01-Dec-2026 Dr J Muir Surgery" had made every short line under it an address, and the whole entry
  // was lost (thirty-ninth session). A dated letterhead stays one: "06/12/2026 Renfrewshire Council Housing Office" (review39f).
  if (text.length > 60 || !ORGANISATION_END.test(text) || (DATED_LINE.test(text) && /\bsurgery\W*$/i.test(text))) return false;
  return text
    .replace(/[(),.&'’|·-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => /^(?:\p{Lu}|\d)/u.test(w) || /^(?:of|the|and|at|for|on|upon|in)$/.test(w));
}
/** A value that names a person: a name, or a title and what follows ("Mr A Docherty", "Dr Menon"). */
function namesSomeone(value: string): boolean {
  return nameLike(value) || /^(?:mr|mrs|ms|miss|dr)\b/i.test(value);
}
/** Whether the banner's own line begins with the patient's name (so a lone name above it is someone else's). */
function leadOn(line: Line): boolean {
  const first = line.cells.find((c) => !c.other);
  return first !== undefined && !first.label && nameLike(first.text) && !NOT_NAME.test(first.text);
}
/** A name as its lower-case words, titles aside, sorted: "WATT, James (Mr)" and "James Watt" are one name. */
function nameKey(name: string): string {
  // (Accents folded: a document list files "Morag" under a banner's "Mòrag"; eighth review.)
  // (And without apostrophes or hyphens, "ONEILL" for "O'NEILL", "Anne Marie" for "Anne-Marie"; ninth review.)
  return foldLetters(name)
    .replace(/['’]/g, '')
    .replace(/-/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter((w) => w && !TITLE_WORD.test(w) && w !== 're' && w !== 'patient')
    .sort()
    .join(' ');
}
/** Either case of a word's first letter, for the word lists below (no /i: a name's capital is what is matched). */
const eitherCase = (w: string): string => `(?:[${w.charAt(0).toLowerCase()}${w.charAt(0).toUpperCase()}]${w.slice(1).replace(/ /g, '\\s+')}|${w.toUpperCase().replace(/ /g, '\\s+')})`;
// (A lower-case particle may come before a capital: "Mrs da Silva", "van der Berg"; hostile review.)
const PARTICLE = "(?:(?:da|de|di|do|dos|das|du|del|della|van|von|der|den|la|le|al|el|bin|ter)\\s+){0,2}";
// (Up to four words after a relation, "by" or "from": a role before the name, "Housing Officer Kevin McAllister", left
// the surname at three. After a title, three: four there let a held-out paste show someone's detail, measured in
// aggregate only.)
const NAME_WORDS_TITLED = `${PARTICLE}\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:&\\s+)?${PARTICLE}\\p{Lu}[\\p{L}'’-]*){0,2}`;
const NAME_WORDS = `${PARTICLE}\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:&\\s+)?${PARTICLE}\\p{Lu}[\\p{L}'’-]*){0,3}`;
/** A title and a name: "Dr G Paterson", "Mr Tomasz ZIELINSKI", "Nurse A MacPhail". */
const TITLED_NAME = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|MR|MRS|MS|MISS|DR|${lexicon.titles.map(eitherCase).join('|')})\\.?\\s+(${NAME_WORDS_TITLED})`, 'gu');
/** Relations (the detector's) and other people's roles (this reader's): "daughter", "hubby", "SW", "landlord". */
const RELATIVES = [...genericLexicon.relations, ...lexicon.roles];
/** A relation or a role and a name: "daughter Karen McLeod", "Partner Stacey", "SW Fiona Drummond". */
const RELATION_NAME = new RegExp(`\\b(${RELATIVES.map(eitherCase).join('|')})('s|s)?(?:\\s*[:,–—-])?\\s+(${NAME_WORDS})`, 'gu');
/**
 * In capitals a capital says nothing, but a relation, a name and then a number does: "TEL CALL FROM DAUGHTER KAREN
 * BRODIE 07700 900512" (hostile review, thirty-second session); or a verb, "NEPHEW RODDY HELPS WI THE GARDEN" (writer I).
 */
const SHOUTED_RELATION_NAME = new RegExp(`\\b(${RELATIVES.map((w) => w.toUpperCase().replace(/ /g, '\\s+')).join('|')})(?:\\s*[:,–—-])?\\s+(\\p{Lu}[\\p{Lu}'’-]+(?:\\s+\\p{Lu}[\\p{Lu}'’-]+){0,2})(?=\\s*(?:[(+]?\\d|ON\\s+\\d|TEL\\b|MOB\\b|PHONE\\b|RE\\b|ABOUT\\b|SAYS?\\b|WHO\\b|ASKING\\b|(?:${lexicon.wordsInNotes.map((w) => w.toUpperCase()).join('|')})\\b|[-–,.(:]|$))`, 'gu');
/** A name and then whose relative it is: "Karen (her daughter)", "Tam, his son". */
// (The pronoun may be left out: "Morag (dtr) rang", "Jolene (ex-partner's new girlfriend)"; third hostile review.)
// (Or be "other", "older", "younger": "Shona, other daughter, lives in Aberdeen"; third hostile review.)
const NAME_BEFORE_RELATION = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)(?=\\s*(?:(?:\\(|,\\s*)(?:her|his|their|the\\s+patient's|pt's|patient's)\\s+|\\(|,\\s*(?:other|older|oldest|elder|eldest|younger|youngest)\\s+)(?:${RELATIVES.join('|')})\\b)`, 'gu');
/** Who did something: "Submitted by: Gillian Baxter", "Sent ... by Lorna Paterson". */
const BY_NAME = new RegExp(`\\b((?:${lexicon.byVerbs.map(eitherCase).join('|')})\\s+by|by(?=:?\\s+[A-Z][\\p{L}'’-]+\\s+[A-Z]))\\s*:?\\s+(${NAME_WORDS})`, 'gu');
/** Whom a call, a message or a letter came from: "Tel call from Alison Baird CPN", "Reply from Tracey Gilmour" (hostile review). */
const FROM_NAME = new RegExp(`\\b((?:${eitherCase('call')}|${eitherCase('reply')}|${eitherCase('message')}|${eitherCase('letter')}|${eitherCase('email')}|${eitherCase('e-mail')}|${eitherCase('text')}|${eitherCase('referral')}|${eitherCase('visit')}|${eitherCase('update')}|${eitherCase('note')}) from)\\s*:?\\s+(${NAME_WORDS})`, 'gu');
/** A practice or other surgery by name: "Lomond Medical Practice". */
const PRACTICE_NAME = /\b(?:[A-Z][\p{L}'’-]+\s+){1,4}(?:Medical Practice|Medical Centre|Medical Group|Health Centre|Practice|Surgery)\b/gu;
/** A street address: "8 Mill Street", "Flat 2/1, 14 Westmuir Street". */
const STREET = new RegExp(`(?:\\bFlat\\s+[\\d/]+,?\\s+)?(?<![\\d/.:-])\\d{1,4}[A-Za-z]?(?:/\\d+)?,?\\s+(?:[A-Z][\\p{L}'’-]+\\s+){1,3}(?:${lexicon.streetWords.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}|${w.toUpperCase()}`).join('|')})\\b`, 'gu');
/** A local number without its area code, after a word that says it is one: "on 554 2210", "tel 554 2210" (hostile review). */
// (And "landline 554 2210", "gran ph 778 4109", "contact (612345)"; fourth review, thirty-third session.)
/**
 * A local number with no word before it that says so, right after a name or a relation ("dtr Kirsty 552 3345", "[name]
 * 778 4109"; review36): three digits and four, not a year, an amount, a dose or a time.
 */
const BARE_LOCAL_PHONE = /(?<=(?:\[name\]|\p{L}{2,})\s)\(?\d{3}[ -]\d{4}\)?(?![\d/.:,]|\s*(?:mg|ml|units?|u|kg|g|mins?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|pm|am)\b)/giu;
const LOCAL_PHONE = /\b(on|tel\.?:?|phone:?|ph\.?:?|mob\.?:?|mobile:?|landline:?|ring|call|number:?|no\.?:?|contact:?|(?:landline|number|mobile|phone|tel) is)\s+\(?(?:\d{3}[ -]?\d{4}|\d{6})\b\)?(?![\d/]|\.\d)/gi;
/** A street named in one word ("146 Gallowgate", "3 Castlewynd"): Scottish street names that end in a street's word. */
const STREET_ONE_WORD = /(?<![\d/.:-])\b\d{1,4}[A-Za-z]?,?\s+\p{Lu}\p{Ll}+(?:gate|gait|wynd|brae|loan|vennel|causeway|croft|hill|side|field|haugh|muir)\b/gu;
/**
 * A street address typed in lower case ("moved in with her son at 9 brae road"), with only the street words that are
 * not also everyday words ("walk", "park", "view", "close" are left: "a 5 min walk" is no address).
 */
// (Never a number before a distance or a time: "a 5 min walk", "10 mins drive"; fifth review.)
const HOUSE_NUMBER = String.raw`(?<![\d/.:-])\b\d{1,4}[a-z]?(?!\s*(?:min|mins|minute|minutes|mile|miles|hour|hours|hr|hrs|km|metres|meters|yards|yds|times|days|weeks|months|years|stops|floors|flights|steps)\b),?\s+`;
const STREET_LOWER = new RegExp(String.raw`${HOUSE_NUMBER}(?:[a-z][a-z'’-]+\s+){1,2}(?:street|road|avenue|drive|crescent|terrace|gardens|lane|wynd|brae|quadrant|loan|vennel|mews)\b`, 'g');
/**
 * A street typed in lower case whose last word is also an everyday word or a short form ("18 ardbeg place", "4 mill
 * court", "22 kirkton rd", "9 main st"; not "dr", which follows "2 weeks" as a doctor): an address only when one of its
 * name words is no everyday word and none is a word never in a street's name ("2 carers in place" is a care package,
 * "3 kids at st ninian's" a school; fifth hostile review, thirty-fourth session). A replacer's pattern; see
 * streetLowerOut.
 */
const STREET_LOWER_COMMON = new RegExp(String.raw`${HOUSE_NUMBER}((?:[a-z][a-z'’-]+\s+){1,2})(place|court|grove|park|view|close|row|gate|hill|square|walk|way|green|circle|rd|st|ave|cres|tce|gdns|pl)\b`, 'g');
/**
 * Where someone stays, typed in lower case with no street word: "stays some nights at his daughter's at 7 west view",
 * "his brother's at 22 braehead", "ex now lives at 12 the square, kelso". After a word that says where someone lives
 * (lives, stays, moved, a flat, a house, someone's), "at", a house number and up to three lower-case words to the
 * next comma or joining word are an address (thirty-fifth session; the street rules above need a street's word).
 */
// (Not a time or a count: "staying at 10 pm", "lives at 3 weeks' notice"; HOUSE_NUMBER leaves out the units.)
// (Only after living or staying, or a relation's or a friend's "'s at": "left home at 16 after", "house at 12 degrees",
// "hearing's at 10 tomorrow", "he's at 2 litres" are an age, a temperature, a time and an amount; seventh review.)
// (And only words that end at a comma, a full stop, "or", "and" or the line's end: "at 7 west view, other nights".)
const AT_HOME_WORD = String.raw`(?!(?:or|and|with|but|so|for|since|until|till|when|because|on|in|to|from|as|then|if|after|before|most|every|each|am|pm|noon|midday|tonight|today|tomorrow|next|last|this|o['’]clock|weeks?|nights?|days?|times?|degrees?|litres?|different|more|less|units?|kg|kgs|mg|mcg|ml|mmol|stone|st|lbs?|pounds|percent|pw|bd|od|tds|qds|nocte|weekly|daily|monthly|fortnightly|hourly|bed|beds|bedroom|shifts?|the\s+(?:weekend|moment|time|minute))\b)[a-z][a-z'’-]*`;
const STAYS_WITH = [...lexicon.staysWith, ...genericLexicon.relations].map((w) => escapeRegExp(w.toLowerCase())).join('|');
// (Also "moved back to 23 glenbervie", and a flat's position before the number, "stays at 0/2, 17 lochview"; never a
// dose, a weight or a count, "stays at 60 units pw", "weight stays at 44 kg"; and not "moved to 5 mg bd" or "moved to
// 2 bed flat": an eighth review.)
const RESIDENCE_AT = new RegExp(String.raw`(\b(?:(?:lives?|living|stays?|staying|stayed|(?:${STAYS_WITH})['’]s)\s+at|(?:moved|moving|moves)\s+back\s+(?:to|in\s+to|into))\s+)(?:\d{1,2}\/\d{1,2},?\s+)?${HOUSE_NUMBER}${AT_HOME_WORD}(?:\s+${AT_HOME_WORD}){0,2}(?=\s*(?:[,.;)]|$|\s(?:or|and)\b))`, 'gi');
const streetLowerOut = (whole: string, words: string, street: string): string => {
  const list = words.trim().split(/\s+/);
  if (list.some((w) => NOT_IN_STREET.has(w))) return whole;
  // (A short form is a street's whatever its name: "9 main st".)
  return SHORT_STREET.has(street) || list.some((w) => !EVERYDAY.has(wordKey(w))) ? '[address]' : whole;
};
const SHORT_STREET: ReadonlySet<string> = new Set(lexicon.shortStreets);
/** Words never in a street's name: "3 kids at st ninian's", "£15 each way", "2 appearances at court", "60 units ave". */
const NOT_IN_STREET: ReadonlySet<string> = new Set(lexicon.notInStreetNames);
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A month's name, whole or short, and nothing else ("mar", "March"; not "marital", not "deceased"). */
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const STRICT_MONTH = `${MONTH_NAME}\\.?`;
/** "27 February, 1963": a month's name and a comma before a year (read as a date without the comma). */
const MONTH_COMMA_YEAR = new RegExp(`\\b(${MONTH_NAME}),[ \\t]+(\\d{4})\\b`, 'gi');
/**
 * A whole date right after a name taken out ("[name] 01/01/1948 - new ankle swelling", a household's list "[name],
 * 12/03/2019"): one more than two years old is that person's date of birth, a child's as much as an adult's, and only
 * its year is kept (thirty-fifth session; until then only dates over 16 years old, and children's birth dates in a list
 * were shown whole). A date of the last two years stays whole: a death, an eviction or a hearing after a name or a
 * place ("son [name] (11/12/2025, drug death)", "court: hamilton 02/09/2026"; seventh review). Only after a name: "Son died 07/12/2009 - anniversary on Monday" keeps its date (fifth hostile review,
 * thirty-fourth session).
 */
// (After a dash too, "kai - 03/04/2015", and with two digits of year, "ava 11/09/19": seventh review.)
const FULL_DATE = new RegExp(`(?<=\\[name\\](?:,\\s?|\\s\\(|\\s[-–]\\s|\\s))(?:\\d{1,2}[./-]\\d{1,2}[./-]|\\d{1,2}(?:st|nd|rd|th)?[\\s-]+${STRICT_MONTH}[\\s-]+)(\\d{4}|\\d{2})(?![\\d/.-]\\d)`, 'gi');
/**
 * Any whole date in the notes, wherever it stands (H23; thirty-sixth session): one more than two years old, that is not
 * the patient's own date of birth, keeps only its year. Consultation notes need the year of an old event ("homeless in
 * 2015", "MI 2019"), never its day; a whole old date in pasted text is far more often someone's date of birth (a
 * child's in a household list, a relative's card line, a second record's heading), written in shapes no list of
 * headings can foresee ("kids - [name]: 14/02/2016", "KERR, [name] (Mrs) 14-Aug-1961 · Repeat request",
 * "grandchildren billy 22/04/2015"; reviews 35q and 35r). FULL_DATE (after a name) was the narrow form of this rule.
 * A date with an age beside it ("09 Oct 2026 (0y 1m)", "30 Jan 1996 (30y)", "10/10/2026 (8/52)", "(8 wks)") is a date
 * of birth however recent. (Month first too, "Feb 14th 2016"; a hostile review of the round, review36.)
 */
const OLD_DATE_IN_NOTES = new RegExp(`(?<![\\d/.:-])(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH_NAME}\\.?,?[\\s-]+(?:\\d{4}|['’]?\\d{2})|${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?![\\d/.-]*\\d)(\\s*\\(\\s*(?:\\d{1,3}\\s*y(?:rs?|ears?)?(?:\\s*\\d{1,2}\\s*m(?:ths?|onths?)?)?|\\d{1,2}\\s*\\/\\s*(?:52|12)|\\d{1,3}\\s*(?:days?|d|wks?|weeks?|mths?|months?|m))\\s*\\))?`, 'gi');
/** The day a date in the notes names: a two-digit year is this century's unless that is more than a year ahead. */
function noteDate(written: string, now: Date): string | undefined {
  // ("3rd of June 2019" reads as "3 June 2019".)
  const raw = written.replace(/^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?(?=[\s-])/i, '$1').replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1');
  const full = parseUkDate(raw);
  if (full) return full;
  // Two digits of year: written out with the century chosen, and read as any other date ("14 Oct, 23": "14 Oct 2023").
  const short = /^(\d{1,2}[./-]\d{1,2}[./-]|\d{1,2}[\s-]+[a-z]+\.?,?[\s-]+)['’]?(\d{2})$/i.exec(raw);
  if (!short) return undefined;
  const yy = Number(short[2]);
  const year = 2000 + yy > now.getFullYear() + 1 ? 1900 + yy : 2000 + yy;
  return parseUkDate(`${(short[1] as string).replace(',', '')}${year}`);
}
/**
 * Every whole date of `text` as the notes show it (OLD_DATE_IN_NOTES): an old one as its year, one with an age beside it
 * as "[date of birth]", the patient's own and a death's whole. Exported for the paste corpora's scorer, which reads an
 * expected phrase as the notes would hold it.
 */
export function oldDatesOut(text: string, now: Date, ownDate?: string): string {
  return text.replace(OLD_DATE_IN_NOTES, (whole: string, age: string | undefined, at: number, all: string) => oldDateOut(whole, age, all.slice(0, at), now, ownDate));
}

/** Words of a death right before a date ("died 07/12/2009", "passed away on 3 May 2011"): lexicon `wordsBeforeADeathDate`. */
// (Only "on", "in" or "of" between, and no sentence's end: "dtr died. Grandson (14/02/2016)" is the grandson's; review36.)
const DEATH_BEFORE = new RegExp(`\\b(?:${lexicon.wordsBeforeADeathDate.map(escapeRegExp).join('|')})\\b(?:[ \\t]+(?:on|in|of))?[ \\t]*[:,(–-]?[ \\t]*$`, 'i');
/**
 * A whole date in the notes as it may be shown: its year when it is old (or "[date of birth]" with an age beside it),
 * unless it is the patient's own date of birth or a death's (`before` is the line up to the date).
 */
function oldDateOut(whole: string, age: string | undefined, before: string, now: Date, ownDate: string | undefined): string {
  const date = age ? whole.slice(0, whole.length - age.length) : whole;
  const iso = noteDate(date.trim(), now);
  if (iso === undefined || iso === ownDate) return whole;
  if (age) return '[date of birth]';
  if (recent(iso, now) || iso > now.toISOString().slice(0, 10)) return whole;
  if (DEATH_BEFORE.test(before.slice(-40))) return whole;
  // A year written with two digits stays two ("14/10/23" is "'23"): the prompts read a four-digit year as a past event,
  // and "partner punched her 14/10/23 and again last night" is no past event (review36).
  return /\d{4}(?!.*\d{4})/.test(date) ? iso.slice(0, 4) : `'${iso.slice(2, 4)}`;
}
/** A date of birth written into the notes ("Baby Ava DOB 01/10/2026", "born 1 Oct 2026"): someone's, and no prompt needs it. */
// (And "DOB - 14/02/2015", "b. 03.07.51", "dob 1988-07-21", "DOB 03071991", "DOB 14th Feb '79"; fifth review.)
const BIRTH_DATE_IN_NOTES = new RegExp(`\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?:\\s+on)?(?:\\s+the)?|b\\.)(?![a-z])\\s*(?:[:–-]\\s*)?(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{8}(?!\\d)|\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH}[\\s-]+(?:\\d{2,4}|['’]\\d{2})|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`, 'gi');
/** An organisation's name: its address follows (lexicon.json `organisations`). */
const ORGANISATION = new RegExp(`\\b(?:${lexicon.organisations.join('|')})\\b`, 'i');
const ORGANISATION_END = new RegExp(`\\b(?:${lexicon.organisations.join('|')})[\\s,.;:)]*$`, 'i');
/** Words of a screen's or document's title, never of a person's name (lexicon.json `notNameWords`). */
const NOT_NAME = new RegExp(`\\b(?:${lexicon.notNameWords.join('|')})\\b`, 'i');

type CellLabel = { kind: 'field'; field: GenericField | 'title' } | { kind: 'other'; staff: boolean };

interface Cell {
  text: string;
  /** The valid CHI or NHS numbers in the cell (not after another kind of number's label: "Hosp No", "Mobile"). */
  ids: string[];
  label?: CellLabel;
  /** The text after the label (the whole text when there is none). */
  value: string;
  /** Another person's or the staff's (a label says so, or it follows such a cell on its line). */
  other: boolean;
}

interface Line {
  text: string;
  cells: Cell[];
  /** Began with white space: a continuation of the line above (an address's next line, the next household member). */
  indented: boolean;
  /** Someone else's line: in another person's section, opened by a staff or relation label, or a relation with details. */
  other: boolean;
  /** The valid CHI or NHS numbers on the line. */
  ids: string[];
  /** A row of a household grid that is not the typed number's. */
  household?: boolean;
}

/**
 * The label `text` starts with, and what follows it: another person's or the staff's (the shortest such prefix:
 * "Usual GP Dr I Macleod" is "Usual GP" and a name) before a patient's field (the longest: "CHI No." over "CHI").
 */
function labelOf(text: string): { label: CellLabel; value: string } | undefined {
  const words = text.split(/\s+/);
  const split = (k: number) => {
    const head = words.slice(0, k).join(' ');
    return { head, colon: /:$/.test(head), key: normaliseLabel(head), value: words.slice(k).join(' ').replace(/^[:\-–—.\s]+/, '').trim() };
  };
  const firstKey = normaliseLabel(words[0] ?? '');
  for (let k = 1; k <= Math.min(4, words.length); k++) {
    const { head, colon, key, value } = split(k);
    if (!key) continue;
    // Only where it labels something ("Usual GP: ...", "NOK  Mrs X", a cell of its own); never the first words of a
    // sentence ("Lives with partner who controls the money").
    // "GP address:", "Practice Address:", "NOK tel:": a field of someone else's.
    const theirField = k >= 2 && (STAFF_LABELS.has(firstKey) || OTHER_LABELS.has(firstKey)) && labelField(words.slice(1, k).join(' ')) !== undefined;
    const labels = STAFF_LABELS.has(key) || OTHER_LABELS.has(key) || theirField || headingOf(head) === 'other' || (k <= 3 && namesOtherPerson(head));
    // ("Carer for husband Tom (dementia)": the patient is the carer, not a carer's label; hostile review.)
    // (Only a carer's label: "Correspondence to: Alison Baird" is someone else's; third hostile review.)
    const patientCares = /^(?:main |unpaid |young )?carers?$/.test(firstKey) && (/^(?:for|to|of)\b/i.test(value) || /\s(?:for|to)\s/i.test(head));
    if (labels && !patientCares && (colon || theirField || value === '' || namesSomeone(value))) return { label: { kind: 'other', staff: !OTHER_LABELS.has(key) && (STAFF_LABELS.has(key) || STAFF_LABELS.has(firstKey) || /\b(?:gp|practice|doctor|clinician|referr\w*|consultant)\b/.test(key)) }, value };
  }
  for (let k = Math.min(5, words.length); k >= 1; k--) {
    const { head, colon, key, value: after } = split(k);
    let value = after;
    if (!key) continue;
    // "Forename 1:", "Address line 2": a numbered label.
    if (/^\d\s*:?$/.test(value)) value = '';
    // ("Pt" without a colon labels a name only when a name follows: "Pt attended with Lorna Paterson", "PT HOMELESS - IN
    // B&B", "Pt struggling with Universal Credit" are notes, whose words became the patient's name; review36, dev6.)
    if (NAME_LABELS.has(key) && (colon || value === '' || k > 1 || (key !== 'patient' && key !== 'pt') || (key === 'pt' && nameLike(value)))) return { label: { kind: 'field', field: 'name' }, value };
    if (TITLE_LABELS.has(key)) return { label: { kind: 'field', field: 'title' }, value };
    // ("DOB/Age: 14/03/1962 (64y)": the first of two labels joined by a slash; hostile review.)
    const field = labelField(head) ?? (/^[A-Za-z .]+\/[A-Za-z .]+:?$/.test(head) ? labelField(head.split('/')[0] as string) : undefined);
    // Without a colon, "Tel" and "Home" label a value of their shape only: "Tel call from Alison Baird CPN 07700 ..." and
    // "Home visit with DN Fiona Reilly" are journal entries, whose nurse became the patient's phone or address
    // (hostile review, thirty-second session).
    if (field && !colon && value !== '' && ((field === 'phone' && !/^[(+0]/.test(value)) || (field === 'address' && /^\p{Ll}/u.test(value)) || (field === 'address' && narrative(value)))) continue;
    // "PATIENT DETAILS", "Patient summary": a heading, not the name "DETAILS".
    if (field && !(field === 'name' && key === 'patient' && !colon && value !== '')) return { label: { kind: 'field', field }, value };
  }
  return undefined;
}

function cellsOf(text: string): Cell[] {
  const parts: string[] = [];
  for (const part of text.replace(/[ \t]+:(?=\s|$)/g, ':').split(/\t| {2,}|\s[·•|]\s/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    // "Ms Shona URQUHART, date of birth 09/09/1984, CHI 090 984 4208": a comma before a label starts a cell.
    const pieces: string[] = [];
    for (const piece of trimmed.split(/,\s+/)) {
      if (pieces.length > 0 && !labelOf(piece)) pieces[pieces.length - 1] += `, ${piece}`;
      else pieces.push(piece);
    }
    // "GP address: ...", "NOK address: ...": a label of someone else's is not split into the patient's "address:".
    for (const piece of pieces) for (const bit of labelOf(piece)?.label.kind === 'other' ? [piece] : piece.split(INNER_LABEL)) if (bit.trim()) parts.push(bit.trim());
  }
  const cells: Cell[] = [];
  let other = false;
  let relative = false;
  for (const part of parts) {
    const found = labelOf(part);
    // Once a line turns to a relative ("NOK: son"), the rest of it is theirs ("... Tel 07700 900 593"); after the staff's
    // cells ("Usual GP Dr X") a patient's own label brings the patient back ("Address ..."), but not a phone (the surgery's).
    if (relationIn(part) || (found?.label.kind === 'other' && !found.label.staff)) relative = true;
    if (found?.label.kind === 'other' || relative) other = true;
    else if (found?.label.kind === 'field' && found.label.field !== 'phone') other = false;
    // ("Ref: CHI 2209451558": a reference that is a CHI or NHS number is one; hostile review.)
    const ids = OTHER_NUMBER.test(part) && !/\b(?:CHI|NHS)\b/i.test(part) ? [] : identifiersIn(part);
    cells.push({ text: part, ids, ...(found ? { label: found.label } : {}), value: found ? found.value : part, other });
  }
  return cells;
}

/** Ten digits that make a valid CHI or NHS number. */
const isIdentifier = (digits: string): boolean => digits.length === 10 && (isValidChi(digits) || isValidNhsNumber(digits));

/** Every valid CHI or NHS number in the text: ten digits, alone or in groups ("140 251 4301", "080376 4103"). */

export function identifiersIn(text: string): string[] {
  const groups: { digits: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\d+/g)) groups.push({ digits: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const out = new Set<string>();
  const joined = (a: (typeof groups)[number] | undefined, b: (typeof groups)[number] | undefined): boolean =>
    a !== undefined && b !== undefined && b.start - a.end === 1 && /[ -]/.test(text.charAt(b.start - 1));
  for (let i = 0; i < groups.length; i++) {
    // Not from the middle of a longer run of groups ("+44 7700 900000", "0141 554 2210").
    if (i > 0 && joined(groups[i - 1], groups[i])) continue;
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 10; j++) {
      const g = groups[j] as (typeof groups)[number];
      // Groups join across one space or dash only.
      if (j > i && !(g.start - (groups[j - 1] as (typeof groups)[number]).end === 1 && /[ -]/.test(text.charAt(g.start - 1)))) break;
      digits += g.digits;
    }
    if (isIdentifier(digits)) out.add(digits);
  }
  return [...out];
}

/** An HTML fragment (copied from a portal) as lines of text: block ends and <br> end lines, cells and labels split. */
function htmlToText(html: string): string {
  // In HTML a line break is only a space; paragraphs end lines with a blank line after them (as the page showed).
  // Every pattern is bounded, so a paste of many "<" cannot make it quadratic.
  // A blank line in the markup is a gap between cells, though: a banner copied as source, each field on its own line
  // with blank lines between, ran together into one "address" holding the name, the CHI and the phone (writer D).
  return html
    .replace(/[^\S\n]*\n(?:[^\S\n]*\n)+\s*/g, '  ')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<!--/g, '\u0000')
    .split('\u0000')
    .map((part, i) => (i === 0 ? part : part.slice(part.indexOf('-->') >= 0 ? part.indexOf('-->') + 3 : part.length)))
    .join(' ')
    .replace(/<(script|style|template)\b[^<>]{0,500}>[^<]{0,20000}<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|h[1-6]|table|ul|ol|dl|section|header|footer)\s*>/gi, '\n\n')
    .replace(/<\/(?:div|li|tr|dd|dt|address)\s*>/gi, '\n')
    .replace(/<\/?(?:td|th|label)\b[^<>]{0,500}>/gi, '  ')
    .replace(/<[^<>]{0,500}>/g, '')
    .replace(/&(?:#(\d{1,6})|#x([0-9a-f]{1,5})|([a-z]{2,8}));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec || hex) {
        const code = dec ? Number(dec) : parseInt(hex as string, 16);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", middot: '·', ndash: '–', mdash: '—', pound: '£' } as Record<string, string>)[(name as string).toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function plainText(raw: string): string {
  let text = raw.slice(0, MAX_PASTE).replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/[\u200b-\u200d\ufeff]/g, '');
  // Only real markup makes it HTML: an e-mail header's "<name@nhs.scot>" is text.
  if (/<\/?(?:div|span|p|br|td|tr|th|table|tbody|label|li|ul|ol|b|i|u|strong|em|h[1-6]|section|header|footer|a|font|dl|dt|dd|body|html)\b[^<>]{0,500}>/i.test(text)) text = htmlToText(text);
  return (
    text
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      // "DOB:02/11/1956" (a form's or an e-mail's label with no space) reads as its label and a date, and "27 February,
      // 1963" (a council letter's comma) as a date (fifth hostile review, thirty-fourth session).
      .replace(/\b(d\.?o\.?b\.?|date of birth|born|chi(?: no\.?| number)?|nhs(?: no\.?| number)?):(?=\d)/gi, '$1: ')
      .replace(MONTH_COMMA_YEAR, '$1 $2')
  );
}

/** A line that is only a heading ("JOURNAL", "Problems", "Next of Kin"), short enough to be one. */
function headingLine(line: Line): ReturnType<typeof headingOf> {
  // "Cc: FV Gynae Secretaries" is a label and its value, not a heading.
  if (!(line.cells.length === 1 && line.text.trim().split(/\s+/).length <= 6 && !/:\s*\S/.test(line.text))) return undefined;
  const text = line.text.trim();
  const kind = text.split(/\s+/).length <= 5 ? headingOf(text) : undefined;
  // "Carers and Next of Kin" (a KIS section): another person's when any part is (hostile review, thirty-second session).
  // (Only a heading's words, each part a heading: not "Dr A Macleod & Partners" or "Parents and siblings well".)
  const parts = text.split(/\s+(?:and|&)\s+/i);
  const titled = text.split(/\s+/).every((w) => /^(?:and|&|of|the|to|for)$/i.test(w) || /^\p{Lu}/u.test(w));
  if (kind === undefined && parts.length > 1 && titled && parts.every((part) => headingOf(part) !== undefined) && parts.some((part) => headingOf(part) === 'other')) return 'other';
  return kind;
}

/**
 * Rows copied one cell per line ("Surname", "SHARMA", or with blank lines between, as some grids copy) become
 * "label<TAB>value" rows; blank lines inside such a grid go.
 */
function joinCellLines(raw: string[]): string[] {
  const labelOnly = (line: string) => {
    const found = labelOf(line.trim());
    return found !== undefined && found.label.kind === 'field' && found.value === '' && line.trim().split(/\s+/).length <= 4;
  };
  const gridLike = raw.filter((l) => labelOnly(l)).length >= 3;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    if (gridLike && line.trim() === '') {
      // Inside a spaced grid, one or two blank lines are the grid's own spacing; more end a section.
      let j = i;
      while (j < raw.length && (raw[j] as string).trim() === '') j++;
      if (j - i >= 3) out.push('');
      i = j - 1;
      continue;
    }
    if (labelOnly(line)) {
      let j = i + 1;
      while (gridLike && j < raw.length && j - i <= 3 && (raw[j] as string).trim() === '') j++;
      const next = raw[j];
      if (next !== undefined && next.trim() !== '' && !labelOf(next.trim()) && !/^[\t ]/.test(next)) {
        out.push(`${line.trim()}\t${next.trim()}`);
        i = j;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

function readLines(text: string, typed: string): Line[] {
  const lines: Line[] = [];
  let otherSection = false;
  let organisation = false;
  let otherRows = false;
  let previous: Line | undefined;
  // A grid copied with its header row ("Surname  Forenames  Date of Birth  Sex ... CHI Number"): the labels of the rows
  // under it, column by column (writer D, thirty-second session: read cell by cell, a "Select Patient" row gave the
  // forenames without the surname, and a household grid was refused as two patients).
  let header: { cells: Cell[]; household: boolean } | undefined;
  // A form laid out in columns under headings ("Patient details <tab> Next of kin"): the columns under another person's
  // heading are theirs, row by row, to a blank line (fifth hostile review, thirty-fourth session: a discharge form's
  // next-of-kin column gave the patient its address).
  let columns: { count: number; other: readonly number[] } | undefined;
  for (const raw of joinCellLines(text.split('\n'))) {
    const trimmed = raw.trim();
    if (!trimmed) {
      columns = undefined;
      otherSection = false;
      organisation = false;
      otherRows = false;
      header = undefined;
      previous = undefined;
      lines.push({ text: '', cells: [], indented: false, other: false, ids: [] });
      continue;
    }
    const cells = cellsOf(trimmed);
    // (Only a row of headings opens the columns, each cell a heading and no value: "Next of kin <tab> Not recorded" is a
    // row of the patient's; a row with fewer cells, "DOB: 23/06/1948 <tab>" with nothing in the next of kin's column,
    // leaves them open; fifth review.)
    const headings = cells.length >= 2 && /\t/.test(trimmed) && cells.every((c) => c.value === '' || c.label === undefined) && cells.every((c) => (c.label?.kind === 'other' && c.value === '') || headingOf(c.text.trim()) !== undefined || PATIENT_COLUMN.test(c.text.trim()));
    if (headings) {
      const other = cells.flatMap((c, k) => ((c.label?.kind === 'other' && !c.label.staff && c.value === '') || (c.label === undefined && headingOf(c.text.trim()) === 'other') ? [k] : []));
      columns = other.length > 0 && other.length < cells.length ? { count: cells.length, other } : undefined;
    } else if (columns && cells.length === columns.count && /\t/.test(trimmed)) for (const k of columns.other) (cells[k] as Cell).other = true;
    if (header && cells.length === header.cells.length && /\t/.test(trimmed) && (header.household || cells.every((c) => c.label?.kind !== 'field'))) {
      header.cells.forEach((h, k) => {
        const cell = cells[k] as Cell;
        cell.other = h.label?.kind === 'other';
        if (!h.label) return;
        cell.label = h.label;
        cell.value = cell.text;
      });
    } else if (cells.length >= 3 && cells.every((c) => c.value === '' || !c.label) && cells.filter((c) => c.label).length >= Math.max(3, Math.ceil(cells.length * 0.6))) {
      header = { cells, household: cells.some((c) => /^(?:relationship|relation|rel\.?|role in household)$/i.test(c.text.trim())) };
    } else header = undefined;
    const line: Line = { text: trimmed, cells, indented: /^[\t ]/.test(raw), other: false, ids: [...new Set(cells.flatMap((c) => c.ids))] };
    // (In a household grid, every row but the one with the typed number is another person's.)
    if (header?.household && header.cells !== cells && !line.ids.includes(typed)) {
      line.other = true;
      line.household = true;
    }
    const heading = headingLine(line);
    // A heading of another person's section ("Next of Kin", "Other contacts", "Recent patients"): the label alone.
    if (heading === 'other' || (cells.length === 1 && cells[0]?.label?.kind === 'other' && cells[0].value === '')) {
      otherSection = true;
      line.other = true;
    } else if (heading) otherSection = false;
    const first = cells[0];
    // "Next of kin: Mrs Jean Watt" then "Address: ...", "Tel: ...": the rows under a relative's labelled line are theirs
    // until a blank line or a row only the patient has (the typed number, a date of birth, a sex). (Not under the
    // staff's: "Usual GP Dr X" comes before the patient's own address in EMIS Web's banner.)
    // (They go on only while they look like a row of details: a label, a number, an address, a name, an indent.)
    const rowLike = cells.some((c) => c.label !== undefined) || PHONE_TEST.test(trimmed) || POSTCODE_TEST.test(trimmed) || /^[\t ]/.test(raw) || nameLike(trimmed);
    if (otherRows && (line.ids.includes(typed) || cells.some((c) => c.label?.kind === 'field' && ['birthDate', 'sex', 'chi', 'nhsNumber', 'age'].includes(c.label.field)) || narrative(trimmed) || !rowLike)) otherRows = false;
    if (otherRows) line.other = true;
    // A relative's row that names them ("Daughter: Karen McLeod", "Key holder: Mr Bob Kerr"), not "Carer: yes".
    // (A single capitalised word counts here: "Emergency: Karen".)
    const names = (v: string) => namesSomeone(v) || /^\p{Lu}[\p{Ll}'’-]+$/u.test(v.trim());
    // (A value after a relation's label names someone whatever its words: "SON: PETER HOME", review39f.)
    const named = first?.label?.kind === 'other' && !first.label.staff && names(first.value || (cells[1]?.text ?? ''));
    // (A line in capitals that mentions a relation opens their rows even when its words are everyday ones: "WIFE IN
    // NURSING HOME" / "TEL 01505 612345", "SON IN PRISON" / "HMP BARLINNIE…": their phone or address below it had been
    // read as the patient's when such a line was let go, review39i. The short lines under it go with it, as before.)
    const mentioned = first !== undefined && relationIn(first.text) && !first.label && names(first.text.replace(/^[^:]*:\s*/, ''));
    if (!line.ids.includes(typed) && (named || mentioned)) otherRows = true;
    const details = line.ids.length > 0 || PHONE_TEST.test(trimmed) || POSTCODE_TEST.test(trimmed) || cells.some((c) => c.label?.kind === 'field');
    // An organisation's name (a practice, a hospital, a service) opens its address: the short lines under it, up to
    // a blank line or a patient's label, are the organisation's (a letterhead pasted right under a banner).
    // (Or a letterhead on one line, its cells spaced out: "LOCHEE HEALTH CENTRE   1 AIMER SQUARE   DUNDEE   DD2 3DB".)
    if ((organisationLine(trimmed) || (cells.length > 1 && organisationLine((first as Cell).text))) && !line.ids.includes(typed) && !cells.some((c) => c.label?.kind === 'field' && c.label.field !== 'phone' && c.label.field !== 'address' && c.label.field !== 'postcode')) {
      organisation = true;
      line.other = true;
    } else if (organisation && trimmed.length <= 60 && lowerWords(trimmed) < 3 && !line.ids.includes(typed) && !cells.some((c) => c.label?.kind === 'field' && !['phone', 'address', 'postcode'].includes(c.label.field))) line.other = true;
    else organisation = false;
    if (otherSection) line.other = true;
    // (Not a template's row of the patient's situation: "Partner: controlling, takes her bank card", "Household: 5 in a
    // 2-bed flat, overcrowded": no name, no number, words in lower case; hostile review, thirty-second session.)
    else if (first?.label?.kind === 'other' && cells.every((c) => c.other) && (/:/.test(first.text) || cells.length > 1 || trimmed.split(/\s+/).length <= 6 || details) && !(cells.length === 1 && !details && !/@/.test(trimmed) && lowerWords(first.value) >= 2 && !namesSomeone(first.value) && !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(first.value))) line.other = true;
    // (A sentence of the notes that names a relative with a number is kept, and its details redacted: see notesOf.)
    else if (details && !narrative(trimmed) && relationOutsideName(trimmed) && cells.every((c) => c.other || c.label?.kind !== 'field' || relationOutsideName(c.text))) line.other = true;
    // A line that starts as someone else's and carries details ("Alert: Son - Martin ... tel 07700 ..."), unless it is
    // the patient's own banner line (the typed number is on it).
    else if (details && !narrative(trimmed) && first?.other && cells.every((c) => c.other || c.label?.kind !== 'field') && !line.ids.includes(typed)) line.other = true;
    // The next line of a household or next-of-kin row, indented under it.
    else if (line.indented && previous?.other && (details || nameLike((first?.text ?? '').split(/,\s+(?=[A-Z][a-z]*\b)/)[0] ?? '') || /^[A-Z][A-Za-z'-]+,\s*[A-Z]/.test(trimmed))) line.other = true;
    lines.push(line);
    previous = line;
  }
  return lines;
}

/** A banner's field line: a label it reads by, a postcode, or nothing but a name, a date, a sex or a title. */
function bannerish(line: Line): boolean {
  return line.cells.some((c) => c.label !== undefined) || POSTCODE_TEST.test(line.text) || line.ids.length > 0;
}

/** The banner: the lines around `anchor` that belong with it (no blank line, heading, journal entry or narrative between). */
function bannerAround(lines: Line[], anchor: number): Set<number> {
  const block = new Set<number>([anchor]);
  const belongs = (line: Line | undefined): line is Line =>
    line !== undefined && line.text !== '' && headingLine(line) === undefined && (!DATED_LINE.test(line.text) || DOB_LINE.test(line.text)) && !(line.text.length > 90 && !bannerish(line));
  // A grid of labelled rows (Vision's "Surname / Forename / Title / ...") runs further than a free-form banner, and
  // across a blank line to a row of a field it has not had yet (never into a second person's "Surname", "DOB").
  const reach = (line: Line, distance: number, limit: number): boolean => distance <= limit || (distance <= MAX_ROWS && bannerish(line));
  const seen = new Set<string>();
  const fieldsOf = (line: Line): string[] => line.cells.filter((c) => !c.other && c.label?.kind === 'field').map((c) => (c.label as { field: string }).field);
  const note = (i: number) => {
    block.add(i);
    for (const f of fieldsOf(lines[i] as Line)) seen.add(f);
  };
  const across = (i: number, step: 1 | -1): number => {
    // A blank line, then a labelled row of a new field: the grid goes on.
    let j = i;
    while (lines[j]?.text === '' && Math.abs(j - anchor) <= MAX_ROWS) j += step;
    const far = lines[j];
    if (j === i || !far || far.other) return i;
    const fields = fieldsOf(far);
    if (narrative(far.text)) return i;
    if (anchorKey !== undefined && fields.includes('name')) {
      const theirs = nameKey(far.cells.find((c) => c.label?.kind === 'field' && c.label.field === 'name')?.value || (far.cells[1]?.text ?? '')).split(' ');
      if (!(theirs.every((w) => anchorKey.includes(w)) || anchorKey.every((w) => theirs.includes(w)))) return i;
    }
    // (Upward across a blank line only to the patient's own rows: a letterhead's "Tel:" or address above a "Re:" line
    // is the team's, whose postcode and phone were read as the patient's; hostile review.)
    if (step === -1 && fields.length > 0 && fields.every((f) => f === 'phone' || f === 'address' || f === 'postcode')) return i;
    if (step === -1 && fields.length === 0 && far.cells.length === 1 && nameLike(far.text) && !NOT_NAME.test(far.text) && !seen.has('name') && !leadOn(lines[anchor] as Line)) return j;
    return fields.length > 0 && fields.every((f) => !seen.has(f) && f !== 'chi' && f !== 'nhsNumber') ? j : i;
  };
  note(anchor);
  // (The number's line names the patient, "McGOWAN, Agnes (Mrs)  Born ...": a "Name:" row after a blank line is someone
  // else's card, a daughter's with her address and phone; third hostile review.)
  // Unless the row names the same person: EMIS Web's banner above its own "Name / Date of birth / Address" grid.
  const anchorName = (lines[anchor] as Line).cells.find((c) => !c.label && nameLike(c.text) && !NOT_NAME.test(c.text))?.text;
  const anchorKey = anchorName === undefined ? undefined : nameKey(anchorName).split(' ');
  for (let i = anchor - 1; i >= 0; i--) {
    const next = across(i, -1);
    if (!belongs(lines[next]) || (next === i && !reach(lines[i] as Line, anchor - i, MAX_ABOVE)) || anchor - next > MAX_ROWS) break;
    i = next;
    note(i);
  }
  for (let i = anchor + 1; i < lines.length; i++) {
    const next = across(i, 1);
    if (!belongs(lines[next]) || (next === i && !reach(lines[i] as Line, i - anchor, MAX_BELOW)) || next - anchor > MAX_ROWS) break;
    i = next;
    // An untitled line of words after the banner's details is where the notes begin.
    const words = (lines[i] as Line).text;
    // (Or, after someone else's row, a few words of the notes: "Next of kin: Mr A Docherty" then "Lonely, lives alone".)
    const afterOther = lines[i - 1]?.other === true;
    if (!bannerish(lines[i] as Line) && !(lines[i] as Line).indented && !nameLike(words) && ((i - anchor > 1 && words.split(/\s+/).length > 6) || (afterOther && (words.match(/(?<![\p{L}])\p{Ll}{2,}(?![\p{L}])/gu) ?? []).length >= 2))) break;
    note(i);
  }
  return block;
}

/**
 * Words that have a name's shape only by their capitals: every word an everyday word or a relation's, titles aside
 * ("NOT SLEEPING", "STRUGGLING WITH RENT ARREARS", "SON IN PRISON"). In capitals any short line looks like a name, and
 * such lines had been dropped as a name alone on its line, or read as a relative's row with every short line under it
 * (thirty-ninth session). A name the prompts read as a word ("BILL", "JOY") is no everyday word here.
 */
function everydayOnly(text: string): boolean {
  const words = text.split(/[\s,]+/).filter((w) => w && !TITLE_WORD.test(w));
  // (Not a line with a word that may be someone's given name though it is a word too, "JUNE WALKER", "May Little",
  // "PEG WALKER", "Olive Cook" (review39b: fourteen such names had been kept), nor one with a word the lists of given
  // names hold at all, an initial, or one of the names read after a relation, "KEN GRIEVE", "Billy PRICE", "S GRIEVE":
  // their surnames are need words, review39d.)
  const nameWord = (w: string): boolean => {
    const key = w.toLowerCase().replace(/['’]s$/, '');
    return NAMES_THAT_ARE_WORDS.has(key) || /^\p{L}\.?$/u.test(w) || isListedWhole(key) || isGivenName(key) || isNameAfterRelation(key);
  };
  if (words.length === 0 || words.some(nameWord)) return false;
  if (!words.every((w) => everydayWord(w) || RELATION_WORDS.has(w.toLowerCase()))) return false;
  // Last, what it is rather than what it is not: every word of it is read by a need's phrase, or is a word no name has,
  // a relation's, or a word of time or of what was done ("SON IN PRISON", "LOST JOB LAST MONTH", "FOOD BANK VOUCHER
  // GIVEN"). "PETER GRIEVE", "Pip Cook", "PEACE FOOD" (review39f: forenames no list holds beside a surname that is a need
  // word) and "SUNDAY PRICE WORK COACH", "SEEN WITH PEACE GRIEVE" (review39h: names beside a need's words) are not.
  return needsCover(text, (w) => NO_NAME_WORDS.test(w) || RELATION_WORDS.has(w) || SPARE_WORDS.has(w), (w) => NO_NAME_WORDS.test(w) || SPARE_WORDS.has(w));
}
/**
 * A line where a name stands: after a line that introduces someone ("SEEN WITH HUSBAND", "Phone call from
 * neighbour", "details:", ending in a relation, a role, "from", "with", "by" or a colon) or above a role or a phone
 * number ("Ken Cash" / "Welfare Rights Officer"; review39d). There a line of everyday words is read as the name it may be.
 */
function introducedOrSigned(lines: Line[], i: number): boolean {
  const words = (lines[i] as Line).text.split(/\s+/).filter((w) => !TITLE_WORD.test(w));
  // (A word no name has keeps it the notes: "CARER FOR HUSBAND" / "NOT COPING". Any length: "NEPHEW CALLED" / "PETER
  // LOST JOB" is the nephew's, thirty-ninth session.)
  if (words.some((w) => NO_NAME_WORDS.test(w))) return false;
  const before = lines[i - 1]?.text ?? '';
  const after = lines[i + 1]?.text ?? '';
  const lastWord = (before.match(/([\p{L}'’-]+)\W*$/u)?.[1] ?? '').toLowerCase();
  return /:\s*$/.test(before) || /^(?:from|with|by|wi|us|phoned|called|rang|contact|details)$/.test(lastWord) || RELATION_WORDS.has(lastWord) || OTHER_ROLE.test(lastWord) || OTHER_ROLE.test(after) || PHONE_TEST.test(after) || organisationLine(after);
}

const NO_NAME_WORDS = /^(?:not|no|nae|cannae|cant|can't|cannot|never|very|too|more|less|with|about|for|in|on|off|at|of|to|and|the|a|an)$/i;
/** Words of time and of what was done, which no name has, beside a need's phrase on a short line (lexicon.json `wordsBesideANeedOnALine`). */
const SPARE_WORDS: ReadonlySet<string> = new Set(lexicon.wordsBesideANeedOnALine);

/** Given names that are words too, besides `givenNamesThatAreWords` (lexicon.json `givenNamesThatAreWordsOnALine`). */
const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set(lexicon.givenNamesThatAreWordsOnALine);

/** Looks like one person's name: two to six name words (capitals as typed or all capitals), no digits. */
function nameLike(text: string): boolean {
  if (text.length < 3 || text.length > 70 || /[\d:@/|]/.test(text)) return false;
  const words = text.replace(/,/g, ' ').split(/\s+/).filter((w) => w && !TITLE_WORD.test(w));
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/**
 * The name on the number's own line, else the nearest above it with only banner rows between (a date of birth, a
 * label): a letter's sender above a job title, or an e-mail's sender above its date, is not the patient (hostile
 * review, thirty-second session: "Lorna Paterson / Welfare Rights Officer / ... / Mrs Margaret Quinn  05/11/1963  CHI").
 */
function leadOf(lines: Line[], fields: BannerFields, anchor: number): string | undefined {
  const own = fields.leadLines.indexOf(anchor);
  if (own >= 0) return fields.leads[own];
  for (let k = fields.leadLines.length - 1; k >= 0; k--) {
    const at = fields.leadLines[k] as number;
    if (at > anchor) continue;
    let joined = true;
    for (let j = at + 1; j < anchor; j++) {
      const between = lines[j] as Line;
      if (between.text !== '' && !(bannerish(between) && !between.other) && !DOB_LINE.test(between.text)) joined = false;
    }
    if (joined) return fields.leads[k];
  }
  return undefined;
}

function titleSex(text: string | undefined): 'female' | 'male' | undefined {
  const m = /\b(?:(mr|master)|(mrs|miss|ms))\b/i.exec(text ?? '');
  return m ? (m[1] ? 'male' : 'female') : undefined;
}

interface BannerFields {
  names: string[];
  /** Every date of birth the banner shows (more than one: two people). */
  dobs: string[];
  leads: string[];
  /** The line of each lead. */
  leadLines: number[];
  family?: string;
  given?: string;
  title?: string;
  dob?: string;
  age?: number;
  sex?: 'female' | 'male';
  postcodes: Set<string>;
  address?: string;
  phone?: string;
  /**
   * A date on its own in the banner: the date of birth only when none is labelled (EMIS PCS heads a screen with the
   * day's date, "SUMMARY   06/12/26", above "DOB 05.05.52": read first, it refused a clean banner; writer D).
   */
  bareDate?: string;
  /** A date on its own on the number's line. */
  anchorDate?: string;
  /** The date of birth is a bare date (no label said so). */
  dobBare?: boolean;
}

function postcodesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(POSTCODES)) {
    const pc = normalisePostcode(`${m[1] ?? ''}${m[2] ?? ''}`);
    if (pc) out.push(pc);
  }
  return out;
}

/** A name and then a date of birth, in a letter's "Re:" or an e-mail's subject: "Rhona MacAskill DOB 21/04/1998 - housing". */
const NAME_THEN_DATE = /^([^\d]*?\p{L})[\s,]+((?:d\.?o\.?b\.?|date of birth|born)\s*:?\s*)?(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4})(?!\d)/iu;
const AGE_SEX_SHORT = /(?<![\w/.])(\d{1,3})(?:\s*(?:yo|y\/o|y\.o\.)\s*(m|f|male|female)\b|([MF])\b)/i;
const AGE_AND_SEX = /(?<!\b(?:of|with|her|his|their|has|have)\s+(?:an?\s+)?)\b(\d{1,3})[\s-]*(?:years?|yrs?|y)[\s-]*old\s+(man|woman|male|female|gentleman|lady|boy|girl)\b/i;

function readBannerLines(lines: Line[], block: Set<number>, anchor: number): BannerFields {
  const out: BannerFields = { names: [], leads: [], leadLines: [], dobs: [], postcodes: new Set() };
  let lastField: GenericField | 'title' | undefined;
  for (const i of [...block].sort((a, b) => a - b)) {
    const line = lines[i] as Line;
    if (line.other) continue;
    const cells = line.cells;
    // A row of the patient's own banner (a date of birth or a sex on it): its first cell may be the name, even above the
    // number's line ("Mr Robert ELLIOT  (Rab)   DOB 17/12/1966   59 yrs   Male" over "CHI 171266 0519"; writer F).
    const ownRow = cells.some((x) => !x.other && ((x.label?.kind === 'field' && (x.label.field === 'birthDate' || x.label.field === 'sex')) || DATE_ONLY.test(x.text) || /^(?:m|f|male|female)$/i.test(x.text)));
    // "\tPollokshields": the next line of the field above (an address).
    if (line.indented && lastField === 'address' && cells.every((c) => !c.label)) {
      out.address = [out.address, line.text].filter(Boolean).join(', ');
      for (const pc of postcodesIn(line.text)) out.postcodes.add(pc);
      continue;
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as Cell;
      if (cell.other) continue;
      let value = cell.value;
      const label = cell.label;
      if (label?.kind === 'field' && value === '') {
        const next = cells[c + 1];
        if (next && !next.label && !next.other) {
          value = next.value;
          c++;
        }
      }
      if (label?.kind === 'field') {
        lastField = label.field;
        if (value === '' || isNoValue(value)) continue;
        switch (label.field) {
          case 'name':
            // "Preferred name  Roddy" under "Name  MATHESON, Roderick (Mr)": the same person, not a second name (writer F).
            if (/^(?:preferred|known as|aka\b|alias|nickname)/i.test(cell.text)) break;
            {
              // A letter's "Re:" or an e-mail's subject carries more than the name (writer F): "Rhona MacAskill DOB
              // 21/04/1998 - housing", "Ms Donna ROSS, 1 Castlegreen Road, Thurso KW14 7LS", "Rhona MacAskill,
              // 21/04/1998, Flat 3, 28 Matheson Road, Stornoway, HS1 2NQ". The name is what comes before.
              const head = value.replace(/^(?:(?:re|fw|fwd)\s*:\s*)+/i, '');
              const dob = NAME_THEN_DATE.exec(head);
              const rest = dob ? undefined : /^([^,\d]+?),\s*((?:flat\s+)?\d.*)$/i.exec(head);
              // ("Sandra Cowie (Allied Healthcare) re Jean Fraser DOB ...": the name after "re", and only a name.)
              // (A date after words that are no name is a date of birth only when labelled so: "Mrs Agnes Kerr,
              // admitted 28/11/2026", "Home visit request 08/12/2026 - ..." are not; second hostile review.)
              const said = dob ? (dob[1] as string).split(/\s+(?:re|regarding|about)\s+/i).pop()?.trim() ?? '' : '';
              if (dob && !nameLike(said)) {
                if (dob[2]) {
                  out.dob ??= dob[3];
                  out.dobs.push(dob[3] as string);
                }
              } else if (dob) {
                out.names.push(said);
                out.dob ??= dob[3];
                out.dobs.push(dob[3] as string);
              } else if (rest && POSTCODE_TEST.test(rest[2] as string)) {
                out.names.push(rest[1] as string);
                const parts = (rest[2] as string).split(/,\s*/);
                if (DATE_ONLY.test(parts[0] ?? '')) out.bareDate ??= parts.shift();
                out.address ??= parts.join(', ');
                for (const pc of postcodesIn(parts.join(', '))) out.postcodes.add(pc);
              } else out.names.push(value);
            }
            break;
          case 'family':
            out.family ??= value;
            break;
          case 'given':
            // Vision's "Forename 1" and "Forename 2": the second joins the first (a middle name, writer D).
            if (out.given && /\b(?:2|second|middle)\b/i.test(cell.text.slice(0, cell.text.length - cell.value.length))) out.given = `${out.given} ${value}`;
            else out.given ??= value;
            break;
          case 'title':
            out.title ??= value;
            break;
          case 'birthDate': {
            // ("4th of March 1962": a council's letter; unread, it was never checked against the CHI; hostile review.)
            const date = value.replace(/\b(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?=[A-Za-z]{3})/i, '$1 ');
            out.dob ??= date;
            out.dobs.push(date);
            break;
          }
          case 'age':
            out.age ??= parseAge(value);
            break;
          case 'sex':
            out.sex ??= parseSex(value);
            break;
          case 'address': {
            // "Home: 0141 554 2210": "Home" labels an address or a phone; a value that is only a phone number is the phone.
            const phone = PHONE_TEST.exec(value);
            if (phone && phone[0].trim() === value.trim()) {
              out.phone ??= phone[0].trim();
              break;
            }
            // ("c/o Kirsty Brown, 22 Quarry Road, ...": the post goes through someone; their name is not the address.)
            const address = value.replace(/^\s*(?:c\/o|care of)\s+[^,\d]+,\s*/i, '');
            out.address ??= address;
            for (const pc of postcodesIn(address)) out.postcodes.add(pc);
            break;
          }
          case 'postcode': {
            const pc = normalisePostcode(value) ?? postcodesIn(value)[0];
            if (pc) out.postcodes.add(pc);
            break;
          }
          case 'phone': {
            // ("07700 900388 (Shona's)": a number annotated as someone else's; third hostile review.)
            if (/\(\s*\p{Lu}[\p{Ll}'’-]+(?:['’]s)?\s*\)/u.test(value) || relationIn(value)) break;
            const m = PHONE_TEST.exec(value);
            if (m) out.phone ??= m[0].trim();
            break;
          }
          default:
            break;
        }
        continue;
      }
      // "75 year old man" in a banner written as prose: the age and sex it states are checked against the CHI number
      // like labelled ones (unread, a banner whose sex contradicted the typed CHI was read: hostile review). Not
      // someone else's ("mother of a 5 year old boy", "with her 80-year-old husband").
      // ("81yo M", "74 y/o female": an out-of-hours summary's shorthand; hostile review.)
      const prose = AGE_AND_SEX.exec(cell.text) ?? AGE_SEX_SHORT.exec(cell.text);
      if (prose) {
        out.age ??= Number(prose[1]);
        out.sex ??= /^(?:man|male|gentleman|boy|m)$/i.test(prose[2] ?? prose[3] ?? '') ? 'male' : 'female';
      }
      // Cells without a label: what they plainly are.
      const text = cell.text;
      if (/^(?:m|f|male|female)$/i.test(text)) out.sex ??= parseSex(text);
      else if (TITLE_WORD.test(text)) out.title ??= text;
      else if (DATE_ONLY.test(text)) {
        // (Not after another label's colon, "Clinic date:  02/12/2026"; and the number's own line first; hostile review.)
        if (!/:\s*$/.test(cells[c - 1]?.text ?? '')) {
          if (i === anchor) out.anchorDate ??= text;
          out.bareDate ??= text;
        }
      }
      else if (normalisePostcode(text)) out.postcodes.add(normalisePostcode(text) as string);
      else if (POSTCODE_TEST.test(text) && (ORGANISATION.test(text) || /\bward\s+\d/i.test(text))) continue;
      else if (POSTCODE_TEST.test(text) && /[A-Za-z]{3}/.test(text.replace(POSTCODE_ONE, ''))) {
        out.address ??= text;
        for (const pc of postcodesIn(text)) out.postcodes.add(pc);
        lastField = 'address';
      } else if (PHONE_TEST.test(text) && !/[A-Za-z]{4}/.test(text)) out.phone ??= text.trim();
      else if (nameLike(text) && !NOT_NAME.test(text) && (i === anchor || (i < anchor && (cells.length === 1 || (c === 0 && ownRow)))) && cells.slice(0, c).every((p) => !p.label && !(nameLike(p.text) && !NOT_NAME.test(p.text)))) {
        out.leads.push(text);
        out.leadLines.push(i);
      }
      // EMIS PCS: "MACKAY   DONALD JOHN   MR   M   21.09.44   82Y", the surname and the forenames in cells of their own.
      else if (c === 0 && ownRow && i <= anchor && /^\p{Lu}[\p{Lu}'’-]+$/u.test(text) && !NOT_NAME.test(text) && !cell.label) {
        const next = cells[1];
        if (next && !next.label && !next.other && nameLike(next.text) && !NOT_NAME.test(next.text) && next.text === next.text.toUpperCase()) {
          out.leads.push(`${text}, ${next.text}`);
          out.leadLines.push(i);
          c++;
        }
      }
    }
  }
  if (out.dob === undefined && (out.anchorDate ?? out.bareDate) !== undefined) {
    out.dob = out.anchorDate ?? out.bareDate;
    out.dobBare = true;
  }
  return out;
}

/** Where a letterhead, a signature or another address block is: not the patient's notes. */
function notNotes(lines: Line[]): Set<number> {
  const out = new Set<number>();
  let start = 0;
  while (start < lines.length) {
    if ((lines[start] as Line).text === '') {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < lines.length && (lines[end + 1] as Line).text !== '') end++;
    const block = lines.slice(start, end + 1);
    // A few short lines with a postcode or a phone number and no sentence: an address or letterhead.
    const short = block.length <= 8 && block.every((l) => l.text.length <= 60 && !/\w[.!?]\s+\w.*\w[.!?]?$/.test(l.text));
    // (Not a journal entry that ends with a service's name and number: "History: lost job 3 wks ago, can't afford food
    // or heating / Plan: foodbank voucher given / Glasgow North East Foodbank / 0141 552 1234"; hostile review.)
    if (short && (block.some((l) => POSTCODE_TEST.test(l.text)) || (block.some((l) => PHONE_TEST.test(l.text)) && block.some((l) => organisationLine(l.text)) && !block.some((l) => narrative(l.text))))) for (let i = start; i <= end; i++) out.add(i);
    start = end + 1;
  }
  let signature = 0;
  lines.forEach((line, i) => {
    if (SALUTATION.test(line.text) && line.text.length <= 40) out.add(i);
    if (SIGN_OFF.test(line.text) && line.text.length <= 40) {
      out.add(i);
      signature = 5;
      return;
    }
    if (signature > 0 && line.text !== '') {
      out.add(i);
      signature = signature === 5 ? -4 : signature + 1;
    } else if (signature < 0 && line.text === '') signature = 0;
    else if (signature < 0) {
      out.add(i);
      signature = signature + 1 === 0 ? 0 : signature + 1;
    }
  });
  return out;
}

/** Written in capitals (EMIS PCS, older letters): most of its letters are. */
function shouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters.replace(/\p{Lu}/gu, '').length / letters.length < 0.15;
}

/**
 * A line of prose that can name nobody: five words or more in lower case, no digit, and no capital but a sentence's
 * first letter and "I". It is the notes even right under the number, where the banner's reach takes it in (an Accurx
 * message under its header; hostile review, thirty-second session). Only the line leaves the banner, which reaches as
 * far as before: cutting the banner short at any prose line, as first written, sent the rows after it to the notes and
 * a held-out paste showed someone else's detail there (measured in aggregate only).
 */
function plainProse(text: string): boolean {
  if (lowerWords(text) < 5 || /\d/.test(text)) return false;
  return !/(?<![.!?:]\s|^|["'(]\s?)\b(?!I\b|I['’])\p{Lu}/u.test(text.trim());
}

/**
 * A letter addressed to the patient, or copied to them: a block that opens with the patient's own name (all of its
 * words, nothing else on that line but the address) and runs to one postcode ("Mr Hector MacKenzie / Tigh an Uillt /
 * Inverroy / Roy Bridge / PH31 4AQ", "cc: Miss Eilidh Munro, Flat 1, Tigh na Drochaid, Bridge Road, Portree IV51
 * 9ER"; writer F). Only when the banner gave no postcode; never a block with a relation word, a phone number or a
 * second postcode.
 */
function addresseeBlock(lines: Line[], block: Set<number>, own: string[]): { postcode: string; address: string } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const copied = /^(?:cc|copy|copy to|copies to)\s*:?\s+/i.test(line.text);
    if (block.has(i) || (line.other && !copied) || line.text === '') continue;
    const text = line.text.replace(/^(?:cc|copy|copy to|copies to|re|regarding)\s*:?\s+/i, '');
    const m = /^((?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?[^,\d]+?)(?:,\s*(.*))?$/i.exec(text);
    if (!m || !nameLike(m[1] as string)) continue;
    const theirs = nameKey(m[1] as string).split(' ');
    if (theirs.length !== own.length || !theirs.every((w) => own.includes(w))) continue;
    // (A date of birth after the name, "Re: Rhona MacAskill, 21/04/1998, Flat 3, ...", is not the address.)
    const parts: string[] = m[2] ? [m[2].replace(/^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*,\s*/, '')] : [];
    for (let j = i + 1; j < lines.length && j <= i + 6 && (lines[j] as Line).text !== '' && !POSTCODE_TEST.test(parts.join(', ')); j++) parts.push((lines[j] as Line).text);
    const joined = parts.join(', ');
    const found = postcodesIn(joined);
    if (found.length !== 1 || hasRelationWord(joined) || relationIn(joined) || PHONE_TEST.test(joined) || /\bc\/o\b|\bcare of\b/i.test(joined)) return undefined;
    return { postcode: found[0] as string, address: joined };
  }
  return undefined;
}

/** A whole line that is a name and a date of birth ("Derek Brodie, 12/05/1979"), its date cell. */
const DATE_SHAPE = String.raw`(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4})(?!\d)`;
const NAME_COMMA_DATE = /^\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),?\s+(\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$/u;
// (A surname in capitals after "Mc", "Mac" or "O'": "McDONALD, Ewan (Mr)"; no clinician's title; seventh review.)
// (And a surname of two or three words, "DE SOUSA, Maria (Mrs)"; eighth review. Not "(Dr)" or "(Prof)": a task list
// starts each task with its author and the task's date, "PATERSON, Iain (Dr)"; ninth review.)
const TITLE_PREFIX = /^(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+/;
const LISTED_SURNAME = String.raw`(?:Mc|Mac|O['’]|De|Di|Le)?\p{Lu}[\p{Lu}'’-]+(?:\s(?:Mc|Mac|O['’]|De|Di|Le)?\p{Lu}[\p{Lu}'’-]+){0,2}`;
const LISTED_WITH_DATE = new RegExp(String.raw`^\s*(${LISTED_SURNAME},\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*\((Mr|Mrs|Ms|Miss|Mx|Master|Rev)\.?\)\s*[,·•|-]?\s*${DATE_SHAPE}`, 'u');
/** A request's heading with a title, a name and a date of birth between dashes: "Mr Callum REID - 12/05/1979 - Fit note request" (eighth review). */
const TITLED_WITH_DATE = new RegExp(String.raw`^\s*((?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*[-–·•|,]\s*${DATE_SHAPE}\s*(?:[-–·•|,]|$)`, 'u');
/** A listed heading's date older than this is a date of birth, a child's too ("BROWN, Ava (Miss) 14-Mar-2025"); a newer one may be the entry's. */
const LISTED_ENTRY_DAYS = 60;
/** A listed or titled record heading's name (title aside), date and whether its title is a child's; one parser for both shapes. */
function listedHeading(text: string): { name: string; date: string; child: boolean } | undefined {
  const listed = LISTED_WITH_DATE.exec(text);
  if (listed) return { name: (listed[1] as string).replace(',', ''), date: listed[3] as string, child: /^(?:Miss|Master)$/.test(listed[2] as string) };
  const titled = TITLED_WITH_DATE.exec(text);
  return titled ? { name: (titled[1] as string).replace(TITLE_PREFIX, ''), date: titled[2] as string, child: false } : undefined;
}
function dateAfterName(line: Line): Cell | undefined {
  const date = listedHeading(line.text)?.date ?? NAME_COMMA_DATE.exec(line.text)?.[2];
  return date ? ({ ...(line.cells[0] as Cell), text: date, value: date } as Cell) : undefined;
}
/**
 * A line that is a person's heading: a name and a date of birth alone ("Derek Brodie, 12/05/1979"), with no relation
 * word, or short cells of which one is a title and one a date ("BRODIE   THOMAS   MR   M   12.05.79   47Y").
 */
function personHeading(line: Line, now: Date): boolean {
  // A record's heading as EMIS Web lists one, with its date of birth: "BRODIE, Derek (Mr) 12-May-1979 · Prescription
  // request" (fifth hostile review, thirty-fourth session: a second patient's request copied under the first's).
  const listed = listedHeading(line.text);
  if (listed) {
    if (hasRelationWord(line.text)) return false;
    const born = readBirth(listed.date, now).birthDate;
    // (A child's title with a date over 60 days old, "BROWN, Ava (Miss) 14-Mar-2025"; any other a date over two years
    // old: a letter's, a task's or a review's date beside a surgeon's or a pharmacist's name is newer; ninth review.)
    return born !== undefined && (listed.child ? Date.parse(born) < now.getTime() - LISTED_ENTRY_DAYS * 86_400_000 : !recent(born, now));
  }
  const m = NAME_COMMA_DATE.exec(line.text);
  if (m) {
    const born = readBirth(m[2] as string, now).birthDate;
    // (An adult's date: a child's beside a name is a household's list, "Lives with partner and 2 children:".)
    return born !== undefined && Number(born.slice(0, 4)) <= now.getUTCFullYear() - ADULT_YEARS && !hasRelationWord(m[1] as string) && !NOT_NAME.test(m[1] as string) && !line.cells.some((c) => c.label !== undefined) && (m[1] as string).split(/\s+/).every((w) => !EVERYDAY.has(wordKey(w)));
  }
  // An EMIS PCS header: short cells, a date, and a title or a sex with an age ("BRODIE   KAYLA   F   12.05.15   11Y").
  const short = line.cells.length >= 4 && line.cells.every((c) => c.text.trim().split(/\s+/).length <= 3) && line.cells.some((c) => DATE_ONLY.test(c.text));
  if (!short) return false;
  // (A row with a date and the years since it but neither title nor sex is not enough: a recall's "LAST DONE 14.02.23
  // 3Y" and a register's "DIAG 14.03.19 7Y" have that shape; ninth review, the eighth's rule withdrawn.)
  return line.cells.some((c) => TITLE_WORD.test(c.text.trim())) || (line.cells.some((c) => SEX_CELL.test(c.text.trim())) && line.cells.some((c) => AGE_CELL.test(c.text.trim())));
}
const AGE_CELL = /^(\d{1,3})\s?y(?:rs?)?$/i;
/**
 * A name-and-date line that stands alone, as a handover list's entry does: after a blank line or at the start, and
 * not one of a list of such lines ("Others at home: / Lorraine Brodie, 04/09/1981 / Connor Brodie, …", "Past Medical
 * History / Myocardial Infarction 03/04/2009": sixth hostile review). An EMIS PCS header is a heading wherever it is.
 */
function standsAlone(lines: readonly Line[], i: number): boolean {
  if (!NAME_COMMA_DATE.test((lines[i] as Line).text)) return true;
  const before = lines[i - 1];
  const after = lines[i + 1];
  return (before === undefined || before.text === '') && !(after !== undefined && NAME_COMMA_DATE.test(after.text));
}
/** The name on a person's heading line: its capitalised words before the first cell with a digit. */
function headingName(line: Line): string {
  const listed = listedHeading(line.text);
  if (listed) return listed.name;
  const m = NAME_COMMA_DATE.exec(line.text);
  if (m) return m[1] as string;
  const words: string[] = [];
  for (const c of line.cells) {
    const t = c.text.trim();
    if (/\d/.test(t)) break;
    if (!TITLE_WORD.test(t) && !SEX_CELL.test(t)) words.push(t);
  }
  return words.join(' ');
}
/** A cell that is only a sex, as an EMIS PCS header prints one. */
const SEX_CELL = /^(?:m|f|male|female)$/i;
/** Years old at which a date beside a name is an adult's. */
const ADULT_YEARS = 16;
/** A line that says whose the text is: a letter's "Re:", a message's "From:", a handover's "Resident:", "Also seen today:". */
const HEADING = /^\s*(re|from|patient|resident|client|name|pt|also seen(?: today)?|seen with)\s*:\s*(.+)$/i;
/** The headings whose line is a person's own: an age there is theirs ("Resident: Morag Matheson, 67 yrs"). */
const AGED_HEADINGS: ReadonlySet<string> = new Set(lexicon.agedHeadings);
/** A date after a birth label, or a bare date right after a capitalised name ("James McGOWAN 01/01/1948"). */
const HEADING_DATE = new RegExp(String.raw`\b(?:born|b\.|d\.?o\.?b\.?|date of birth)\s*:?\s*${DATE_SHAPE}`, 'iu');
/** After "Also seen today:", a bare date after a capitalised name is that person's date of birth. */
const SEEN_DATE = new RegExp(String.raw`(?<=\p{Lu}[\p{L}'’-]+\s+)${DATE_SHAPE}`, 'u');
/** An age in a heading ("67 yrs", "aged 67", "67-year-old"). */
const HEADING_AGE = /^(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}\s*,\s*(?:aged?\s+(\d{1,3})|(\d{1,3})\s*(?:y|yo|yrs?|years?)(?:[\s-]*old)?)(?=\s*(?:,|$|chi\b|\())/iu;
/** How far a heading's age may be from the number's (an older document, a birthday between). */
const AGE_SLACK = 3;
// (Or the date first and the sex after it, "12 May 1979 (47y) · Male", as a second Accurx card has it; eighth review.)
const BORN_AGE = String.raw`${DATE_SHAPE}\s*\(\s*(\d{1,3})\s*(?:y|yo|yrs?|years?)?(?:\s*\d{1,2}\s*m)?\s*\)`;
const BORN_LINE = new RegExp(String.raw`^(?:(?:born|b\.|d\.?o\.?b\.?|date of birth)\s*:?\s*|(?:female|male|f|m)\s*[·•,|/-]\s*)${BORN_AGE}|^${BORN_AGE}\s*[·•,|/-]\s*(?:female|male)\b`, 'iu');
/** Whether line i sits under a line that names someone else (a relation's word, another person's label or section). */
function underAnother(lines: readonly Line[], i: number): boolean {
  const line = lines[i] as Line;
  if (hasRelationWord(line.text)) return true;
  // (The lines above it back to a blank line, at most three: "Kinship carer (gran)" / "Mrs Elizabeth DEVLIN" / its card.)
  for (let k = i - 1; k >= 0 && k >= i - 3; k -= 1) {
    const prev = lines[k] as Line;
    if (prev.text.trim() === '') return false;
    if (prev.other || hasRelationWord(prev.text) || namesOtherPerson(prev.text.replace(/:.*$/, '')) || /^\s*(?:baby|contact|sent by|carer|guardian)\b/i.test(prev.text)) return true;
  }
  return false;
}
/** Whether a heading line gives a date of birth or an age that this patient's (`own`, ISO) cannot be. */
function headingDisagrees(lines: readonly Line[], own: string, now: Date): boolean {
  const ownAge = ageOn(own, now);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    // (Only the line's first cell, and never in another person's section: "Next of Kin / Name: Mr James Kerr DOB …",
    // "…<tab>Main carer: husband Tom Mackie aged 84"; sixth hostile review.)
    const first = (line.text.split('\t')[0] ?? '').trim();
    // A banner's birth line, a date with the age it gives ("Female · 14 Aug 1961 (65y)", "Born 03-May-1972 (54y)"):
    // a date of birth whatever heads it, the age confirming it is one (a second record's card copied with the first).
    // (Nor a card under a line that names someone else, "Contact: Mother – Jade Brown", "Baby", "Kinship carer (gran)",
    // "Sent by (on behalf of patient): Craig Wallace, father": ninth review.)
    const born = line.other || underAnother(lines, i) ? null : BORN_LINE.exec(first);
    if (born) {
      const theirs = readBirth((born[1] ?? born[3]) as string, now).birthDate;
      const years = Number(born[2] ?? born[4]);
      if (theirs !== undefined && Math.abs(ageOn(theirs, now) - years) <= 1 && theirs !== own && theirs.slice(2) !== own.slice(2)) return true;
    }
    const m = HEADING.exec(first);
    if (!m) continue;
    const kind = (m[1] as string).toLowerCase();
    // (A message's "From:" reads as someone else's label, and is still the sender's heading.)
    if (line.other && kind !== 'from') continue;
    const heading = m[2] as string;
    const date = HEADING_DATE.exec(heading) ?? (kind.startsWith('also seen') ? SEEN_DATE.exec(heading) : null);
    if (date) {
      const theirs = readBirth(date[1] as string, now).birthDate;
      // (A two-digit year may be a century out: "12.03.24" for a woman of 102.)
      if (theirs !== undefined && theirs !== own && theirs.slice(2) !== own.slice(2) && !recent(theirs, now)) return true;
    }
    if (!AGED_HEADINGS.has(kind)) continue;
    const age = HEADING_AGE.exec(heading);
    const years = age ? Number(age[1] ?? age[2]) : undefined;
    // (The number's century is a guess: a CHI of 1925 reads as 2025, so 101 and 1 are the same person.)
    if (years !== undefined && years <= 125 && Math.abs(years - ownAge) > AGE_SLACK && Math.abs(years - ownAge - 100) > AGE_SLACK) return true;
  }
  return false;
}
/** A date in the last two years (or the future): a consultation's, a letter's or a filing date, not a date of birth. */
function recent(iso: string, now: Date): boolean {
  return Date.parse(iso) > now.getTime() - 2 * 365.25 * 86_400_000;
}

/** How many words in lower case ("rent arrears, no gas" has four): an address line has few. */
function lowerWords(text: string): number {
  return (text.match(/(?<![\p{L}])\p{Ll}{2,}(?![\p{L}])/gu) ?? []).length;
}

/**
 * A heading that names a problem or a risk, which "No" or "None" answers as absent ("FOOD INSECURITY" / "No", "DRUG
 * MISUSE" / "None"), and one that names something the patient has, where "None" or "Nil" says the need is there
 * ("Family support" / "Nil", "Money for food" / "None": review39f). A heading with neither ("LIVES ALONE" / "No") is joined.
 */
const PROBLEM_HEADING = /\b(?:alone|abuse|violence|dv|da|drugs?|alcohol|smok\w*|self[- ]?harm|gambling|safeguarding|protection|suicid\w*|substances?|misuse|weapons?|risk|concerns?|insecurity|poverty|worr\w*|difficult\w*|debts?|arrears|rough|homeless\w*|isolat\w*|lonel\w*|safe|unsafe|eviction)\b/i;
// (Also help, support, a service or engagement with one: "Support with rent arrears" / "None", "Engaged with drug
// services" / "No" say the need is there, review39i.)
const REPORTED = /\b(?:reports?|reported|says|said|states|told|tells|smells?|seen|noted|admits|alleges|found|concerned|worried|takes|hits|help|helps|support|supported|services?|engag\w*|referred|referral|access|input|advice)\b/i;
const RESOURCE_HEADING = /\b(?:support|help|money|income|heating|food|family|friends|contact|visitors|carers?|package|savings|benefits?|able)\b/i;

/** A line that is only a negative answer to the line above it: "No", "None", "Denies", "NONE REPORTED", "No concerns". */
const NEGATIVE_ANSWER = /^(?:(routine enquiry|asked|screened)\s*[-–—:,]?\s*)?((?:no|none|nil|denies|denied|negative|no concerns?|none reported|nothing reported|none known|not known|never|n\/a)\.?)$/i;

/** A sentence of notes rather than a row of details: long, or more than one sentence. */
function narrative(text: string): boolean {
  return /\w[.!?;]\s+\S/.test(text) || lowerWords(text) >= 4;
}

/**
 * The consultation words, for the prompts: every line but the banner, other people's lines, letterheads, address
 * blocks, salutations and signatures, and lines with an identifier or a date of birth; in what is kept, phone
 * numbers, e-mail addresses, postcodes, street addresses, practices and people's names are taken out (a name is
 * "[name]", the relation before it kept: the prompts need "daughter", never "Karen"). A name found beside a title,
 * a relation, a role or "by", or on another person's line, is taken out wherever else it appears in the notes
 * ("son Gary on 07700 ..." ... "Gary to ring back").
 */
function notesOf(lines: Line[], block: Set<number>, patientName: string | undefined, now: Date, ownDate: string | undefined): string {
  const own = new Set((patientName ?? '').toLowerCase().split(/[^\p{L}'’-]+/u).filter(Boolean));
  const theirs = new Set<string>();
  // An everyday word that names someone ("husband Grant") is taken out only where it is written with its capital: "a
  // crisis grant" stays, "Grant was a joiner" goes.
  const theirsCapitalised = new Set<string>();
  // (A service's word is taken out only as a name on its own, "husband Grant": "from Karen Smith Welfare Rights" keeps
  // "Welfare Rights" wherever else it is written.)
  const harvest = (names: string) => {
    const words = names.split(/\s+/);
    for (const word of words) {
      // (Two letters will do for a capitalised name: "Daughter Jo phoned ... Jo says"; fourth review.)
      if (word.length < (/^\p{Lu}\p{Ll}$/u.test(word) ? 2 : 3) || own.has(word.toLowerCase()) || NOT_NAME.test(word)) continue;
      if (!SOCIAL.has(word.toLowerCase()) && !EVERYDAY.has(wordKey(word))) theirs.add(word.toLowerCase());
      else if ((words.length === 1 || !SOCIAL.has(wordKey(word))) && /^\p{Lu}\p{Ll}/u.test(word) && !IN_NOTES.has(wordKey(word))) theirsCapitalised.add(word.replace(/['’]s$/, ''));
    }
  };
  const skip = notNotes(lines);
  const kept: string[] = [];
  // Whether the line before was someone else's row, or a line dropped under one (see the name-alone check below).
  let underTheirs = false;
  // The line each kept line came from, so a heading and its answer on the next line can be joined (below).
  const keptAt: number[] = [];
  lines.forEach((line, i) => {
    const loud = shouting(line.text);
    // In capitals ("HUSBAND RECENTLY MADE REDUNDANT") a capital says nothing: only a title marks a name there.
    for (const re of loud ? [TITLED_NAME, SHOUTED_RELATION_NAME, SHOUTED_NAME_BEFORE_RELATION] : [TITLED_NAME, RELATION_NAME, BY_NAME, FROM_NAME, NAME_BEFORE_RELATION]) {
      for (const m of line.text.matchAll(re)) {
        const who = m[m.length - 1] ?? '';
        if (re === RELATION_NAME ? relationKept(m[0], m[1] ?? '', m[2], who, line.text.slice((m.index ?? 0) + m[0].length)) : re === NAME_BEFORE_RELATION ? keptBeforeRelation(who) : socialName(who)) continue;
        // (In capitals, only words that are no everyday word: "DAUGHTER VERY WORRIED -" names nobody.)
        harvest(re === SHOUTED_RELATION_NAME || re === SHOUTED_NAME_BEFORE_RELATION ? who.split(/\s+/).filter((w) => !EVERYDAY.has(w.toLowerCase())).join(' ') : who);
      }
    }
    if (!loud) {
      for (const m of line.text.matchAll(LOWER_NAME_BEFORE_RELATION)) if (!everydayWord(m[1] ?? '')) harvest(m[1] ?? '');
      for (const m of line.text.matchAll(RELATION_LOWER)) {
        const named = lowerNamed(m[3] ?? '', m[4], m[5], line.text.slice((m.index ?? 0) + m[0].length), lowerSeparated(m[0]));
        if (named) harvest(named);
      }
    }
    if (line.other) {
      for (const cell of line.cells) {
        const value = cell.value.replace(/<[^<>]{0,200}>/g, ' ').replace(EMAIL, ' ').replace(/\([^()]{0,40}\)/g, ' ').trim();
        if (nameLike(value)) harvest(tidyName(value));
      }
    }
    // A template's heading with its answer alone on the next line ("DOMESTIC ABUSE" / "No", "DRUG MISUSE" / "None") is a
    // label and its value: joined, the prompts read the answer as the heading's ("DOMESTIC ABUSE: No"), where the
    // heading alone had read as the need (review39b, thirty-ninth session). Before a name's shape is looked for: "NONE
    // REPORTED" has one. Only a heading of five words at most, no comma ("…she says he has hit her" / "Denies" keeps its
    // need, review39d), no relation and no report, help or service (`REPORTED`: "Mum reports partner hits her" /
    // "Denies", review39h; "Support with rent arrears" / "None", review39i); one that names a problem (`PROBLEM_HEADING`)
    // or, but to "Denies", nothing the patient has (`RESOURCE_HEADING`: "Family support" / "Nil", review39f).
    const previous = kept.length - 1;
    const heading = kept[previous] ?? '';
    const denial = /^(?:denies|denied)\.?$/i.test(line.text);
    const headingLike = !/[.:;!?,]/.test(heading) && heading.split(/\s+/).length <= 5 && !REPORTED.test(heading) && !heading.split(/\s+/).some((w) => RELATION_WORDS.has(w.toLowerCase()));
    if (previous >= 0 && !block.has(i) && !skip.has(i) && !line.other && keptAt[previous] === i - 1 && NEGATIVE_ANSWER.test(line.text) && headingLike && (PROBLEM_HEADING.test(heading) || (!denial && !RESOURCE_HEADING.test(heading)))) {
      // ("Routine enquiry - no concerns" is written "no concerns (Routine enquiry)": the answer first, as the prompts read a label's value.)
      const [, asked, answer] = NEGATIVE_ANSWER.exec(line.text) as RegExpExecArray;
      kept[previous] = `${kept[previous] as string}: ${answer as string}${asked ? ` (${asked})` : ''}`;
      keptAt[previous] = i;
      return;
    }
    // A row of a list of patients ("09:20  KERRIGAN, Jane (Mrs)  Booked", an appointment book copied with the
    // banner): someone else's whenever the name is not this patient's (hostile review, thirty-second session).
    const listed = block.has(i) ? undefined : line.cells.find((c) => LISTED_PERSON.test(c.text) && !c.text.replace(/\(.*\)/, '').split(/[\s,]+/).filter(Boolean).every((w) => own.has(w.toLowerCase())));
    if (listed) {
      harvest(tidyName(listed.text.replace(/\s*\([^)]*\)\s*$/, '')));
      return;
    }
    // A name on a line of its own outside the banner (a signature, someone else's card): no words for the prompts. Not
    // a line of everyday words only, which in capitals has a name's shape: "DRINKS HEAVILY", "STRUGGLING WITH RENT
    // ARREARS", "NOT EATING" had been dropped whole (thirty-ninth session; review38 noticed capitals losing words).
    // (Not under someone else's row, or a line of theirs: "NOK: SON - IAN DUNCAN" / "NO FIXED ABODE", "CARER: SON - GARY
    // O'NEILL" / "IN RECOVERY" / "ON METHADONE" are the son's, review39h.)
    if (line.text === '') underTheirs = false;
    else if (line.other) underTheirs = true;
    // (The line-and-neighbour checks first: `everydayOnly` reads the line for needs.)
    if (!block.has(i) && line.cells.length === 1 && nameLike(line.text) && !NOT_NAME.test(line.text) && line.text.split(/\s+/).length <= 4 && (underTheirs || introducedOrSigned(lines, i) || !everydayOnly(line.text))) {
      harvest(line.text);
      return;
    }
    if (line.text === '' || block.has(i) || skip.has(i) || line.other || line.ids.length > 0) return;
    // A short line with a postcode outside the banner is an address (a letterhead, a relative's, a service's).
    if (POSTCODE_TEST.test(line.text) && !narrative(line.text)) return;
    if (line.cells.some((c) => c.label?.kind === 'field' && (c.label.field === 'birthDate' || c.label.field === 'chi' || c.label.field === 'nhsNumber'))) return;
    kept.push(line.text);
    keptAt.push(i);
    underTheirs = false;
  });
  // (At most 200 names: a paste of thousands would make one huge pattern.)
  const escaped = (words: Set<string>): string => [...words].map(escapeRegExp).join('|');
  const names = theirs.size > 0 && theirs.size <= 200 ? new RegExp(`(?<![\\p{L}'’-])(?:${escaped(theirs)})(?![\\p{L}'’-])`, 'giu') : undefined;
  const capitalisedNames = theirsCapitalised.size > 0 && theirsCapitalised.size <= 200 ? new RegExp(`(?<![\\p{L}'’-])(?<!\\p{Lu}[\\p{L}'’-]* )(?:${escaped(theirsCapitalised)})(?![\\p{L}-])`, 'gu') : undefined;
  const notes = kept
    .map((line) => {
      // A national service's name is set aside while names are taken out, then put back (lexicon `servicesInNotes`).
      const services: string[] = [];
      const text = line.replace(SERVICES_IN_NOTES, (service: string) => `\uE000${services.push(service) - 1}\uE001`);
      const loud = shouting(text);
      let out = text.replace(LISTED_STAFF, '[name]').replace(LOOSE_EMAIL, ' ').replace(EMAIL, ' ').replace(PHONE, ' ').replace(BIRTH_DATE_IN_NOTES, '[date of birth]').replace(STREET, '[address]').replace(STREET_ONE_WORD, '[address]').replace(STREET_LOWER, '[address]').replace(STREET_LOWER_COMMON, streetLowerOut).replace(RESIDENCE_AT, '$1[address]').replace(LOCAL_PHONE, '$1 [phone]').replace(BARE_LOCAL_PHONE, '[phone]').replace(POSTCODES, ' ')
        .replace(TITLED_NAME, titledOut);
      if (!loud) {
        out = out
          .replace(PRACTICE_NAME, '[practice]')
          .replace(RELATION_NAME, (whole: string, relation: string, suffix: string | undefined, who: string, at: number, text: string) => (relationKept(whole, relation, suffix, who, text.slice(at + whole.length)) ? whole : `${relation}${suffix ?? ''} ${redactNamed(who)}`))
          .replace(BY_NAME, (whole: string, verb: string, who: string) => (socialName(who) ? whole : `${verb} ${redactRun(who)}`))
          .replace(FROM_NAME, (whole: string, verb: string, who: string) => (socialName(who) ? whole : `${verb} ${redactRun(who)}`))
          .replace(NAME_BEFORE_RELATION, namedBeforeOut)
          .replace(RELATION_LOWER, lowerOut)
          .replace(RELATION_BRACKET_NAME, (whole: string, relation: string) => `${relation} ([name])`);
      }
      // (A word in lower case between a name taken out and a closing bracket is its surname: "(kirsty duthie)".)
      if (names) out = out.replace(names, '[name]').replace(/\[name\] ([a-z][a-z'’-]+)(?=\))/g, (whole: string, word: string) => (everydayWord(word) ? whole : '[name]'));
      if (!loud) {
        if (capitalisedNames) out = out.replace(capitalisedNames, '[name]');
        out = out
          .replace(INITIAL_NAME, (run: string) => (EVERYDAY.has(wordKey(run.replace(/^\p{Lu}\.\s?/u, ''))) ? run : '[name]'))
          .replace(CAPITALISED_RUN, redactRun)
          .replace(SURNAME_COMMA_NAME, (run: string) => (nameRun(run.replace(',', '')) ? '[name]' : run))
          .replace(LONE_CAPITAL, (word: string) => (everydayWord(word) ? word : '[name]'))
          .replace(NAME_WITH_AGE, (word: string) => (everydayWord(word) ? word : '[name]'))
          .replace(DATE_AFTER_NAME, '[date of birth]')
          .replace(NAME_BY_SHAPE, (word: string) => (everydayWord(word) ? word : '[name]'))
          .replace(NAME_OPENING, (word: string) => (everydayWord(word) ? word : '[name]'))
          .replace(LOWER_TITLED, (whole: string, title: string, who: string) => (everydayWord(who) ? whole : `${title} [name]`))
          .replace(LOWER_WORD, (word: string, at: number, all: string) => nameOut(word, at, all, own))
          .replace(OPENING_NAME, (word: string, at: number, all: string) => nameOut(word, at, all, own));
      } else {
        out = out.replace(SHOUTED_INITIAL_NAME, '[name]');
      }
      // (Last, once the names are out: a date of birth after a name taken out keeps only its year.)
      out = out.replace(FULL_DATE, (whole: string) => {
        const iso = readBirth(whole, now).birthDate;
        return iso !== undefined && !recent(iso, now) ? iso.slice(0, 4) : whole;
      });
      out = oldDatesOut(out, now, ownDate);
      return out.replace(/\uE000(\d+)\uE001/g, (_: string, k: string) => services[Number(k)] ?? '').replace(/[ \t]{2,}/g, ' ').trim();
    })
    .filter(Boolean)
    .join('\n');
  // Last: only the words the prompts can read stay, every other is "…" (ADR 0013). The rules above still matter for a
  // name that is also a word a phrase uses ("Grant", "Joy", "June"). Over the whole notes, not line by line: a name
  // taken after its relation on one line is taken again where it opens a sentence on the next ("Husband bill drinking
  // heavily." / "Bill punched her"; review39).
  return promptWordsOnly(notes);
}

/**
 * Everyday words: every word of the prompt lexicons' phrases (what the notes are read for: "Rent Arrears", "Low Mood",
 * "Breathe Easy", "Universal Credit"), the service words and the words never in a name, months and days.
 */
const WORD_ENDING = /^(?:s|es|ed|d|ing|er|ers|ion|ions|ation|ment|ments|ly|ive|ies|y|al|ness|ity|ful)$/;
const EVERYDAY: { has(word: string): boolean } = (() => {
  const words = new Set<string>([...SOCIAL, ...lexicon.notNameWords, ...lexicon.wordsInNotes, ...lexicon.organisations.flatMap((o) => o.toLowerCase().split(/[^\p{L}]+/u))]);
  // A phrase's word stem ("overcrowd*", "surf*", "shelter*"): every word it begins is everyday too ("Overcrowding",
  // "Sofa Surfing", "Sheltered Housing" were taken out as names; fourth hostile review, thirty-third session).
  const stems = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const text = v.toLowerCase();
      for (const w of text.match(/\p{L}[\p{L}'’]*/gu) ?? []) words.add(w);
      for (const m of text.matchAll(/(\p{L}[\p{L}'’]{3,})\*/gu)) stems.add(m[1] as string);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) walk(x);
  };
  walk(DEFAULT_LEXICON_FILES);
  for (const w of 'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun i im ive the a an and or of in on at to for with by from'.split(' ')) words.add(w);
  // (Only with an ending English words take, so a stem does not make a name everyday: "call*" is no "Callum", "card*"
  // no "Cardonald".)
  const stemmed = (word: string): boolean => {
    for (let end = 4; end < word.length; end += 1) if (stems.has(word.slice(0, end)) && WORD_ENDING.test(word.slice(end))) return true;
    return false;
  };
  return { has: (word: string) => words.has(word) || stemmed(word) };
})();
/**
 * Two or three capitalised words in a row, in text that is not in capitals throughout: a person's name unless every
 * word is an everyday one ("Lorna Paterson, Welfare Rights Officer", "Andrew Grant", "Karen Brodie (daughter)"). The
 * rules that find a name by what stands beside it (a title, a relation, "by", "from") missed names in shapes a second
 * hostile review wrote by the dozen (thirty-second session); in the notes, a place or a service's name is lost at
 * worst, never a word a prompt reads.
 */
// (One space between the words: a tab or a run of spaces is a gap between cells, "Comment\tDomestic abuse".)
const CAPITALISED_RUN = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){1,4}(?![\p{L}'’-])/gu;
const wordKey = (w: string): string => w.toLowerCase().replace(/['’]s$/, '');
// (Or a given name that is a word, unless a service's word makes it a service's name: "Bill Young" is a name, "Best
// Start Grant" is not.)
const nameRun = (run: string): boolean => {
  const words = run.split(/\s+/).map(wordKey);
  return words.some((w) => !EVERYDAY.has(w)) || GIVEN_NAME_WORDS.has(words[0] ?? '') || (words.some((w) => GIVEN_NAME_WORDS.has(w)) && !words.some((w) => SOCIAL.has(w)));
};
/**
 * A run that names someone, out: but a service's name that ends it stays ("Sutherland Women's Aid": "[name] Women's
 * Aid"), two words or more from a service word on, every one an everyday word ("Andrew Grant" is all a name).
 */
function redactRun(run: string): string {
  return nameRun(run) ? redactNamed(run) : run;
}
/** A run known by what stands before it to name someone ("husband Grant"), out, a service's name that ends it kept. */
function redactNamed(run: string): string {
  const words = run.split(/\s+/);
  const from = words.findIndex((w) => SOCIAL.has(wordKey(w)) || SOCIAL.has(w.toLowerCase()));
  const tail = from > 0 ? words.slice(from) : [];
  return tail.length >= 2 && !nameRun(tail.join(' ')) ? `[name] ${tail.join(' ')}` : '[name]';
}

/**
 * One capitalised word inside a sentence, after a small word, a comma, "&" or a name taken out ("lives with parents
 * Jim and Senga", "at Dougie & Morag's", "[name] Gallacher happy to be contact"): a name or a place unless it is an
 * everyday word (third hostile review, thirty-second session). Capitals only where the text is not in capitals
 * throughout; a word in capitals ("COPD", "PIP") is an abbreviation, not a name. What this loses is a place's or a
 * service's name the lexicons do not hold: never a word a prompt reads.
 */
// (After a word in lower case, not after a full stop, a number or a date: "Rv 2/52. Omeprazole 20mg", "04/12 Telephone".)
// (And alone in brackets: "senior carer (Lynne)", "ADA (Nicola)"; writer I.)
const LONE_CAPITAL = /(?:(?<=(?:(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*|[,;&]|\[name\]) )|(?<=\()(?=[\p{L}'’-]+\)))\p{Lu}\p{Ll}[\p{L}'’-]*(?![\p{L}'’-])/gu;
/** A name with an age or a date of birth in brackets, wherever it stands: "Tyler (7) needs new school shoes" (writer I). */
const NAME_WITH_AGE = /(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}'’-]*(?=\s?\((?:\d{1,2}\s?(?:y|yo|yrs?|years?|m|mo|months?|\/12|\/52)?|\[date of birth\]|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\))/gu;
/** The date in brackets after a child's name taken out: "Callum (12/03/19)" is "[name] ([date of birth])" (third review). */
const DATE_AFTER_NAME = /(?<=\[name\]\s?\()\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?=\))/g;
/**
 * A capitalised word that is no everyday word, wherever it stands, when it is possessive, beside a name taken out, or a
 * nickname in quotes: "Fiona's own health poor", "Lynsey [name] works nights", "(Davie, \"Dazza\")" (writer I).
 */
const NAME_BY_SHAPE = /(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}-]*(?=['’]s\b| \[name\])|(?<=["“])\p{Lu}\p{Ll}[\p{L}'’-]*(?=["”])/gu;
/** In capitals, a name before its relation in brackets: "SEEN WITH MORAG MCPHEE (NEIGHBOUR)" (fourth review). */
const SHOUTED_NAME_BEFORE_RELATION = new RegExp(`(?<![\\p{L}'’-])(\\p{Lu}[\\p{Lu}'’-]+(?:\\s+\\p{Lu}[\\p{Lu}'’-]+){0,2})(?=\\s*\\((?:${RELATIVES.map((w) => w.toUpperCase().replace(/ /g, '\\s+')).join('|')})\\))`, 'gu');
/**
 * A name at the start of a sentence, a line, a cell or after a clock time, told by what follows it ("Isobel from across
 * the landing pops in", "10:15 Alison from Care at Home rang", "Jordan controls all the money"; fourth review), or
 * between a bracket and a slash ("(Shona/Kirsty)"). What such a rule takes out when it is wrong is a word no prompt reads.
 */
const NAME_OPENING = new RegExp(`(?<=^|[.!?;:]\\s+|\\t|\\d\\s|["“]|\\s[-–]\\s)\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?=\\s+(?:(?:from\\s+)?(?:across|next door|upstairs|downstairs|over the road|down the road|along the road)|who|${lexicon.personVerbs.join('|')})\\b|\\s+from\\s+\\p{Lu})|(?<=[(/])\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?=/)|(?<=/)\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?=\\))`, 'gu');
/** In capitals, an initial and a surname: "(D. SANGSTER)" (writer I). */
const SHOUTED_INITIAL_NAME = /(?<![\p{L}.])\p{Lu}\.\s?\p{Lu}{2,}[\p{Lu}'’-]*(?![\p{L}'’-])/gu;
/** A title typed in lower case and a name: "neighbour mr mcrobbie" (writer I). */
const LOWER_TITLED = /\b(mr|mrs|ms|miss|dr)\.?\s+([a-z][a-z'’-]+)/g;
/** A column heading for the patient's own details in a form laid out in columns ("Patient details", "PATIENT"). */
const PATIENT_COLUMN = /^(?:patient|patient'?s|client|resident)(?:'s)?(?:\s+(?:details|information|info|demographics))?$/i;
/** Words that open a second person joined on after a name: "kirsty and her 3 kids". */
const OWNERS: ReadonlySet<string> = new Set(lexicon.joinedOnOwners);
/** A second person joined on after "and": "son ryan and girlfriend". */
const JOINED_ON: ReadonlySet<string> = new Set(lexicon.joinedOn);
/** After a lone lower-case word: "& her 3 kids", ", her partner". */
const JOINED_AFTER = /^\s*(?:&\s*(?:her|his|their)\b|,\s*(?:her|his|their)\s+(?:partner|husband|wife|boyfriend|girlfriend|kids|children|baby|bairns|weans)\b)/;
/** Endings of conditions and states, never of a name typed in lower case before a possessive or "and his". */
const CONDITION_ENDING = /(?:ic|ia|osis|itis|ism|ed|ing|ous|ive|less|ful|able|ible|ics)(?:['’]s)?$/;
/** Whether a relation's lower-case match has a colon, a comma or a dash between the relation and the name. */
const lowerSeparated = (whole: string): boolean => /^\S+?(?:'s|s)?\s*[:,–—-]/.test(whole);
/**
 * The name words of a RELATION_LOWER match (its first and second words, the word after them, and the text after the
 * match), or undefined when what follows does not read as a name's.
 */
function lowerNamed(first: string, second: string | undefined, after: string | undefined, rest: string, separated = false): string | undefined {
  const surname = second !== undefined && !everydayWord(second);
  const does = (w: string | undefined): boolean => w !== undefined && (IN_NOTES.has(w) || PERSON_VERBS.has(w));
  const doing = does(second) || (surname && does(after));
  // "my pal jolene's", "dtr kirsty and her 3 kids": a possessive, or a second person joined on, follows a name (fifth
  // hostile review, thirty-fourth session).
  // (Not after a dash or a colon, where a condition follows: "son - tourette's and adhd"; nor a word with a condition's
  // ending: "husband paraplegic and his care package"; fifth review.)
  const owned = !separated && !CONDITION_ENDING.test(first) && (/['’]s$/.test(first) || (second === 'and' && after !== undefined && (OWNERS.has(after) || JOINED_ON.has(after))) || (second === undefined && JOINED_AFTER.test(rest)));
  // ("dtr june rang": a month that is a name, before what a person does.)
  // (Not "may": "dtr may also come", "son may not" are the verb; sixth review.)
  if (everydayWord(first) && !(NAMES_AFTER_RELATION.has(wordKey(first)) && wordKey(first) !== 'may' && does(second))) return undefined;
  if (!surname && !doing && !owned && !/^\s*\(/.test(rest)) return undefined;
  // (A possessive is harvested without its 's, so the bare name elsewhere goes too: "jolene's ... jolene also".)
  const bare = first.replace(/['’]s$/, '');
  return surname ? `${bare} ${second}` : bare;
}
/**
 * A lower-case name after a relation out where it stands, not only where it is harvested: a surname that is an
 * everyday word ("daughter margaret young") is taken out only here. A replacer for RELATION_LOWER.
 */
function lowerOut(whole: string, relation: string, suffix: string | undefined, first: string, second: string | undefined, after: string | undefined, at: number, text: string): string {
  const named = lowerNamed(first, second, after, text.slice(at + whole.length), lowerSeparated(whole));
  if (!named) return whole;
  return `${relation}${suffix ?? ''} [name]${named.includes(' ') || second === undefined ? '' : ` ${second}`}`;
}
/**
 * A relation and a name typed in lower case: "dtr kirsty (", "hc jolene says", "son gary paterson in prison" (third
 * review, writer I). Only where what follows reads as a name's: a second word that is no everyday word (a surname), a
 * word of what people do ("says", "works", "helps"), or a bracket; "staying with sister meantime," names nobody.
 */
// (The look-ahead is an alternation with an empty branch, not an optional group: a quantified look-ahead always takes
// its empty way round, so the word after was never captured; thirty-fourth session.)
const RELATION_LOWER = new RegExp(`\\b(${lexicon.relationsBeforeLowerNames.join('|')})('s|s)?(?:\\s*[:,–—-])?\\s+([a-z][a-z'’-]+)(?:\\s+([a-z][a-z'’-]+))?(?=\\s*\\(|\\s+([a-z][a-z'’-]+)|)`, 'g');
// (Not after a title or a capitalised word: "Mrs Macmillan", "Kevin Macmillan", "Friend Maggie's son"; fourth review.)
// (A service of two words or more is matched in lower case too, "marie curie doing 2 nights", "simon community", and so are the
// employers, bookmakers and drinks named after people in `namedThingsInNotes`; seventh review.)
const SERVICES_IN_NOTES = new RegExp(`(?<![\\p{L}'’-])(?<!(?:\\p{Lu}[\\p{L}'’-]*|Mr|Mrs|Ms|Dr)\\.? )(?:${[...new Set([...lexicon.servicesInNotes, ...lexicon.servicesInNotes.filter((w: string) => w.includes(' ')).map((w: string) => w.toLowerCase()), ...lexicon.namedThingsInNotes])].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}'’-])`, 'gu');
/** Whether every part of a word ("Jan-Mar", "Co-codamol") is an everyday word or never a name. */
// (A given name that is also a word, capitalised inside a sentence, is the name: "parents Jim and Joy", "Bill Young".)
const everydayWord = (word: string): boolean =>
  !GIVEN_NAME_WORDS.has(wordKey(word)) && (EVERYDAY.has(wordKey(word)) || NOT_NAME.test(word) || word.split(/[-–]/).every((part) => EVERYDAY.has(wordKey(part))));
/**
 * A given name in lower case, wherever it stands ("son jamie in barlinnie", "after kirsty's eviction", "bf jordan
 * controls the money"). The rules above find a lower-case name by what stands beside it (a relation, a bracket), and
 * each review wrote a shape they missed; this is a list, not a shape: the names given to babies in Scotland (1974-2020)
 * and in England and Wales (1996-2020) that are no English word (src/context/given-names.ts, shared with a prompt's
 * quoted reason). A word the prompts read, a relation's word, the patient's own name and the words that are names
 * only in capitals ("fae", "kirk", "reg": its lexicon) stay. In notes a name is lost at worst, never a word a prompt reads (thirty-fifth session).
 */
const RELATION_WORDS: ReadonlySet<string> = new Set(RELATIVES.map((w) => w.toLowerCase()));
/**
 * Words after a name that make it a thing's name: a place or a service named after someone ("hamish allan centre",
 * "skye house", "murray royal"; not after a possessive, "jamie's house") or an eponym ("addison's disease", "iga
 * nephropathy"). Eighth review.
 */
const PLACE_NEXT = new RegExp(String.raw`^\s+(?:${lexicon.wordsAfterANamedThing.join('|')})\b`, 'u');
const EPONYM_AFTER = new RegExp(String.raw`^\s+(?:${lexicon.eponymWords.join('|')})\b`, 'u');
/**
 * Words before a name that make it a place or a thing: "lives alone on tiree", "a let in leith", "moved fae keith", "8
 * cans of stella", "using tina", "6-8 stella", "cash isa", "home to india" (seventh and eighth reviews). Never before a
 * possessive, which is a person's ("stays at kirsty's", "on jordan's couch"), and not "from" or "of" alone, which are as
 * often a person's ("texts from ryan", "frightened of ryan"): only after a move ("moved from", "originally from") or a
 * measure ("cans of", "bottle of").
 */
const PLACE_BEFORE = /(?:^|[^\p{L}'’-])(?:in|on|at|fae|frae|near|into|onto|via|around|outside|across|up|down|over|back|went|go|goes|going|moved|move|moving|lives|living|trip|bus|ferry|sheriff|some|any|using|uses|used|smokes|smoking|snorting|sniffing|injecting|dealing|selling|buying|cash|(?:home|back|flew|fly|flying|trip|holiday|visit|visiting|went|go|going|return|returned|returning|moved|moving) to|(?:moved|moving|up|down|over|came|comes|originally|evicted|discharged|transferred|train|bus|ferry) (?:from|fae|frae)|(?:cans?|bottles?|pints?|glass|half|quarter|litres?|shots?) of|\d[\d-]*) $/u;
/** A lower-case word, for the list ("son jamie in barlinnie", "after kirsty's eviction"). */
const LOWER_WORD = /(?<![\p{L}'’[-])\p{Ll}[\p{Ll}'’-]*\p{Ll}(?:['’]s)?(?![\p{L}'’\]-])/gu;
/** Whether the word at `at` in `text` is a place's or a thing's name by what stands beside it, not a person's. */
function namedThing(word: string, at: number, text: string): boolean {
  const after = text.slice(at + word.length, at + word.length + 60);
  if (EPONYM_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, at - 40), at);
  // (A saint's is a church's or a school's: "foodbank at st margaret's".)
  if (/(?:^|[^\p{L}'’-])(?:[Ss][Tt]\.?|[Ss]aint) $/u.test(before)) return true;
  if (/['’]s$/.test(word)) return false;
  // (A place's word right after, "skye house", "murray royal", or after a second listed name, "hamish allan centre".)
  if (PLACE_NEXT.test(after)) return true;
  const second = /^\s+([\p{L}'’-]+)(?=\s)/u.exec(after);
  if (second && isGivenName(second[1] as string) && PLACE_NEXT.test(after.slice(second[0].length))) return true;
  return PLACE_BEFORE.test(before);
}
/**
 * A given name at the start of a line, a sentence or after a dash, with its capital: "Moira will phone", "- Kirsty to
 * collect". A capital there says nothing, so only the list can tell a name from a word ("Will", "Grace" and "Dawn" are
 * words too and stay; thirty-fifth session).
 */
const OPENING_NAME = /(?<=^|[.!?;:]\s+|\t|\s[-–]\s|^[-–•*]\s?)\p{Lu}[\p{Ll}'’-]*\p{Ll}(?![\p{L}'’\]-])(?! \p{Lu})/gu;
/** The name out, its possessive kept: "after [name]'s eviction". (The list first: most words are no name, and cheap to tell.) */
const nameOut = (word: string, at: number, text: string, own: ReadonlySet<string>): string =>
  givenNameWord(word, own) && !namedThing(word, at, text) ? `[name]${/['’]s$/.test(word) ? word.slice(-2) : ''}` : word;
/** Whether the reader keeps a word of the list as a word: one the prompts read, a relation's, or never a name (for the property test). */
export function keptAsWord(word: string): boolean {
  const key = givenNameKey(word);
  return !isGivenName(word) || RELATION_WORDS.has(key) || EVERYDAY.has(key) || NOT_NAME.test(word) || THINGS_IN_LOWER_CASE.has(key);
}
/** A thing's one-word name as matched in lower case ("maximus"): set aside, never a name. (A service's is matched in lower case only when it is two words or more: "maggie's" alone is as often a person's.) */
const THINGS_IN_LOWER_CASE: ReadonlySet<string> = new Set(
  lexicon.namedThingsInNotes.filter((w: string) => w === w.toLowerCase() && !w.includes(' ')),
);
function givenNameWord(word: string, own: ReadonlySet<string>): boolean {
  const key = givenNameKey(word);
  if (keptAsWord(word) || own.has(key) || own.has(wordKey(word))) return false;
  // (A hyphenated name is one when its first part is listed, "kai-lee", unless its second is a word: seventh review.)
  const dash = key.indexOf('-');
  return dash < 0 || isListedWhole(key) || !EVERYDAY.has(key.slice(dash + 1));
}
/** Initials and a surname, or a surname before a forename: "K. Brodie", "J.Macpherson", "Brodie, Karen" (third review). */
const INITIAL_NAME = /(?<![\p{L}.])\p{Lu}\.\s?\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}[\p{Ll}'’-]+)?/gu;
const SURNAME_COMMA_NAME = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+,\s\p{Lu}[\p{Ll}'’-]+(?![\p{L}'’-])/gu;
/** E-mail addresses written around the filters: "k.brodie @ btinternet.com", "kbrodie72 at hotmail dot co dot uk". */
const LOOSE_EMAIL = /[\w.+-]{2,64}\s?@\s?[\w-]{2,63}(?:\s?\.\s?[\w-]{2,63}){1,4}|\b[\w.+-]{2,64}\s+at\s+[\w-]{2,63}(?:\s+dot\s+[a-z]{2,6}){1,3}\b/gi;

/** "NICOLSON, Fiona (Dr)": a clinician as a journal shows one. */
const LISTED_STAFF = /\b\p{Lu}[\p{Lu}'’-]+,\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*\((?:Dr|Nurse|Sister|Prof|Rev)\.?\)/gu;
/** "KERRIGAN, Jane (Mrs)": a patient as a list shows one. */
const LISTED_PERSON = /^\p{Lu}[\p{Lu}'’-]+,\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?(?:\s*\((?:Mr|Mrs|Ms|Miss|Mx|Master)\))?$/u;

/** A title's name out ("Practice Nurse Diabetes review": no name follows the title when its first word is never one). */
const titledOut = (whole: string, who: string): string => (NOT_NAME.test(who.split(/\s+/)[0] ?? '') ? whole : '[name]');
/** A name before a relation out, a service's name kept. */
const namedBeforeOut = (who: string): string => (keptBeforeRelation(who) ? who : '[name]');

/**
 * A relation and, after it, a name the shape rules let by because it is a word or in lower case: "carer for husband bill
 * 24/7", "domestic abuse by ex-partner charlie" (review37: problem titles are shown in the confirmation). Never a month:
 * "Bereavement - wife Jan/23", "mum - April to Sept", "ex - June court date" (review37b); "granddaughter april" stays.
 */
// (The relation is looked behind, so one relation's word may be the next one's name: "carer - granddaughter april".)
const RELATION_LOWER_NAME_IN_TITLE = new RegExp(`(?<=\\b(?:${RELATIVES.map(eitherCase).join('|')}))(\\s*[:,–—-]?\\s+)([\\p{L}'’]+)(?![\\p{L}'’-])`, 'gu');

/** Other people's names, streets and numbers out of a short text of the patient's own (a problem title). */
// (With the notes' rules for "by" a name, a lone capitalised name, a date of birth and a street in lower case: a problem
// title is shown and quoted like the notes, "Victim of assault by Steven Boyle", "Kinship carer for grandson Kai dob
// 12/03/2019", "Lives with brother-in-law at 18 ardbeg place"; fourth review, thirty-third session.)
function redactPeople(text: string): string {
  return text
    .replace(PHONE, ' ')
    .replace(BIRTH_DATE_IN_NOTES, '[date of birth]')
    .replace(STREET, '[address]')
    .replace(STREET_LOWER, '[address]')
    .replace(STREET_LOWER_COMMON, streetLowerOut)
    .replace(TITLED_NAME, titledOut)
    .replace(RELATION_NAME, (whole: string, relation: string, suffix: string | undefined, who: string, at: number, text: string) => (relationKept(whole, relation, suffix, who, text.slice(at + whole.length)) ? whole : `${relation}${suffix ?? ''} [name]`))
    .replace(BY_NAME, (whole: string, verb: string, who: string) => (socialName(who) ? whole : `${verb} ${redactRun(who)}`))
    .replace(NAME_BEFORE_RELATION, namedBeforeOut)
    .replace(CAPITALISED_RUN, (run: string, at: number) => (at === 0 ? run : redactRun(run)))
    .replace(LONE_CAPITAL, (word: string) => (everydayWord(word) ? word : '[name]'))
    .replace(NAME_WITH_AGE, (word: string, at: number) => (at === 0 || everydayWord(word) ? word : '[name]'))
    // (Last, once the shape rules have taken whole capitalised names: "perpetrator Steven BOYLE" is theirs.)
    .replace(RELATION_LOWER_NAME_IN_TITLE, (whole: string, between: string, who: string) => (isNameAfterRelation(who) ? `${between}[name]` : whole))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function problemsIn(lines: Line[]): Problem[] {
  const out: Problem[] = [];
  let inList = false;
  for (const line of lines) {
    if (line.text === '') {
      inList = false;
      continue;
    }
    // A relative's conditions ("Family history", "FH") or past ones end the patient's list.
    if (/^(?:inactive|past|resolved|minor|social|significant past|history|family history|fh)\b/i.test(line.text)) {
      inList = false;
      continue;
    }
    const heading = headingLine(line);
    if (heading) {
      inList = heading === 'problems';
      continue;
    }
    if (!inList || line.other) continue;
    if (/^(?:active|current|significant|major|ongoing)$/i.test(line.text)) continue;
    const term = line.text.replace(DATED_LINE, '').replace(READ_CODE, '').replace(/^[\s\t:-]+/, '').trim();
    // (A problem title may name someone: "Victim of domestic abuse - ex-partner Steven Boyle", "Bereavement - son Ryan
    // Quigley died"; hostile review.)
    if (term.length >= 3 && term.length <= 120 && /[a-z]{3}/i.test(term)) out.push({ term: redactPeople(term) });
  }
  return out;
}

/** Reads pasted desktop-record text for the patient whose number was typed. Never throws. */
export function readPasted(pasted: string, typed: TypedNumber, now: Date = new Date()): PastedRead {
  try {
    return read(pasted, typed, now);
  } catch {
    return { ok: false, refusal: 'unreadable', message: MESSAGES.unreadable };
  }
}

/** Valid CHI or NHS numbers right after their label, their digit groups joined across any short run of spaces or tabs. */
function spreadIdentifiersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:CHI|NHS)(?:[ \t]*(?:No\.?|Number|#))?[ \t]*:?[ \t]*(\d{3,6}(?:[ \t-]{1,4}\d{3,6}){1,2})(?!\d)/gi)) {
    const digits = (m[1] ?? '').replace(/\D/g, '');
    if (isIdentifier(digits)) out.push(digits);
  }
  return out;
}

const refuse = (refusal: PastedRefusal): PastedRead => ({ ok: false, refusal, message: MESSAGES[refusal] });

function read(pasted: string, typed: TypedNumber, now: Date): PastedRead {
  const lines = readLines(plainText(pasted), typed.value);
  // Whose numbers are on patients' lines (not a relative's, a household member's or the staff's).
  let anchor = -1;
  let typedAsOther = false;
  let anotherOnPatientLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A second patient's CHI or NHS number with its groups spread wider than one space ("Mr James WATT   CHI 010123  3000",
    // a grid's column gap) splits into cells that are no number: without this, the notes under that banner were read as
    // this patient's (hostile review). Only a valid number right after its label, and never the typed one.
    if (!line.other) for (const id of spreadIdentifiersIn(line.text)) if (id !== typed.value && !line.ids.includes(id)) anotherOnPatientLine = true;
    for (const id of line.ids) {
      if (id === typed.value) {
        const own = !line.other && line.cells.some((c) => !c.other && c.ids.includes(id));
        if (own) anchor = anchor < 0 ? i : anchor;
        else typedAsOther = true;
      } else if (!line.other && line.cells.some((c) => !c.other && c.ids.includes(id))) anotherOnPatientLine = true;
    }
  }
  const numberShown = anchor >= 0;
  // Another patient's number: the text is about someone else (the typed number nowhere), or about two people.
  if (anotherOnPatientLine) return refuse(anchor < 0 && !typedAsOther ? 'typed-number-absent' : 'another-number');
  if (anchor < 0 && typedAsOther) return refuse('relative-number');
  // A household grid without the typed number in it: about other people.
  if (anchor < 0 && lines.some((l) => l.household && l.ids.length > 0)) return refuse('typed-number-absent');
  if (anchor < 0) {
    // No number on a patient's line: a banner without one, if any line has the patient's labelled details.
    anchor = lines.findIndex((l) => !l.other && l.cells.some((c) => !c.other && c.label?.kind === 'field' && ['name', 'family', 'given', 'birthDate', 'sex'].includes(c.label.field)));
  }
  const block = anchor >= 0 ? bannerAround(lines, anchor) : new Set<number>();
  for (const i of block) if (i !== anchor && plainProse((lines[i] as Line).text)) block.delete(i);
  // (A doctor's name above the number's line opens the letter's addressee, "Dr A Macleod / 200 Springburn Way / Glasgow
  // G21 1TR / Re: Mrs Lorraine DUFFY, ...": those lines are the practice's; third hostile review.)
  const doctor = [...block].filter((i) => i < anchor && /^(?:dr|doctor|prof)\.?\s+\p{Lu}/iu.test((lines[i] as Line).text) && (lines[i] as Line).cells.length === 1).sort((a, b) => b - a)[0];
  if (doctor !== undefined) for (let i = doctor; i < anchor; i++) block.delete(i);
  const fields = anchor >= 0 ? readBannerLines(lines, block, anchor) : { names: [], leads: [], leadLines: [], dobs: [], postcodes: new Set<string>() };
  // Two dates of birth, or two different names, in the banner: two people.
  if (new Set(fields.dobs.map((d) => readBirth(d, now).birthDate).filter(Boolean)).size > 1) return refuse('another-banner');
  const keys = fields.names.map((n) => nameKey(n).split(' '));
  // ("Name: Mrs Isobel KERR" and "Preferred name: Isobel" are one person: one name holds the other's words.)
  const within = (a: string[], b: string[]) => a.every((w) => b.includes(w));
  const samePerson = (a: string[], b: string[]) => within(a, b) || within(b, a);
  if (keys.some((a) => keys.some((b) => !samePerson(a, b)))) return refuse('another-banner');
  const refused: ('name' | 'postcode')[] = [];
  let name = fields.names.find((n) => n.length <= 80 && !/\d/.test(n) && n.split(/[\s,]+/).filter((w) => w && !TITLE_WORD.test(w)).length >= 2) ?? (fields.family ? `${fields.given ?? ''} ${fields.family}`.trim() : undefined) ?? leadOf(lines, fields, anchor);
  if (name && relationOutsideName(name)) {
    refused.push('name');
    name = undefined;
  }
  // ("Ms Jennifer LAIDLAW (known as Jenny)": the preferred name in brackets, as a banner shows it; writer F.)
  if (name) name = tidyName(name.replace(/^(?:(?:re|fw|fwd|patient)\s*:\s*)+/i, '').replace(/\(\s*(?:known as|aka|a\.k\.a\.|prefers|preferred name:?|preferred)\s+([^()]+)\)/i, '($1)'));
  // (A bare date of the last two years is a filing or a clinic date beside the banner, "01/12/2026  KERR, Agnes (Mrs)
  // 140 362 5107  Discharge letter", never taken for the date of birth; second hostile review.)
  const bareRecent = fields.dobBare === true && fields.dob !== undefined && recent(readBirth(fields.dob, now).birthDate ?? '0000-01-01', now);
  const birth = fields.dob && !bareRecent ? readBirth(fields.dob, now, fields.age) : fields.age !== undefined ? { age: fields.age } : {};
  const shownSex = fields.sex ?? titleSex(fields.title) ?? titleSex(name);
  const contradiction = crossCheck({ ...(typed.kind === 'chi' ? { chi: typed.value } : {}), birthDate: birth.birthDate, sex: shownSex, age: birth.age }, now);
  if (contradiction) return refuse('contradiction');

  // Another banner elsewhere: a date of birth outside the banner that is not this patient's (labelled, or beside a
  // name on a line of its own: "WATT, James   01/01/1923   M").
  const ownDate = birth.birthDate ?? (typed.kind === 'chi' ? chiBirthDate(typed.value, now) : undefined);
  // This patient's name as words (with no name read, no banner name is this patient's).
  const ownKey = name !== undefined ? nameKey(name).split(' ') : keys[0];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (block.has(i) || line.other) continue;
    const dobCell = line.cells.find((c) => !c.other && c.label?.kind === 'field' && c.label.field === 'birthDate' && c.value !== '');
    // (A person, not a journal entry: "SURNAME, Forename" or a title and a name, beside the date.)
    // (Not a clinician: "NICOLSON, Fiona (Dr)" beside a journal entry's date; hostile review.)
    const person = (c: Cell) => nameLike(c.text) && !NOT_NAME.test(c.text) && !/\((?:dr|nurse|sister|prof|rev)\.?\)|^dr\b/i.test(c.text) && (/^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}/u.test(c.text) || /^(?:mr|mrs|ms|miss|master)\b/i.test(c.text));
    // (Or a line that is a person's heading and nothing else: "Derek Brodie, 12/05/1979" on a handover list, an EMIS PCS
    // header "BRODIE   THOMAS   MR   M   12.05.79   47Y" with no number; fifth hostile review, thirty-fourth session.)
    // (Not the patient's own heading again, "KERR   AGNES   MRS   F   12.03.24   102Y" on a scanned summary, nor one read
    // without a date of birth to set it beside and no name to tell it by; nor a child listed with a date, "Kai Brown,
    // 12/03/2019", a household's; fifth hostile review.)
    const heading = !dobCell && !line.cells.some(person) && personHeading(line, now) && standsAlone(lines, i) && !underAnother(lines, i) && !(ownKey !== undefined && samePerson(nameKey(headingName(line)).split(' '), ownKey)) && (ownDate !== undefined || ownKey !== undefined);
    const dated = dobCell ?? (line.cells.some(person) || heading ? line.cells.find((c) => DATE_ONLY.test(c.text)) ?? dateAfterName(line) : undefined);
    // A second banner row under another name, even with this patient's date of birth (a twin's record pasted after
    // this one: "Name: John DOCHERTY   DOB: 14/02/1951   Sex: M"): a labelled name beside a labelled date of birth or
    // sex is a person's banner, and one that is not this patient's name is someone else's (hostile review).
    const banner = dobCell ?? line.cells.find((c) => !c.other && c.label?.kind === 'field' && c.label.field === 'sex' && c.value !== '');
    const named = banner && line.cells.find((c) => !c.other && c.label?.kind === 'field' && c.label.field === 'name' && c.value !== '' && !isNoValue(c.value));
    if (named && !(ownKey !== undefined && samePerson(nameKey(named.value).split(' '), ownKey))) return refuse('another-banner');
    // A second letter's "Re: Mr Robert Smith DOB 12/01/1950" (no colon to split it by): another person's date of birth.
    const second = line.cells.find((c) => !c.other && c.label?.kind === 'field' && c.label.field === 'name' && c.value !== '');
    const secondDate = second && NAME_THEN_DATE.exec(second.value.replace(/^(?:(?:re|fw|fwd)\s*:\s*)+/i, ''));
    if (secondDate) {
      const theirs = readBirth(secondDate[3] as string, now).birthDate;
      if (theirs && theirs !== ownDate && (secondDate[2] || nameLike((secondDate[1] as string).trim())) && !recent(theirs, now)) return refuse('another-banner');
    }
    if (!dated) continue;
    const theirs = readBirth(dated.value, now).birthDate;
    // (An unlabelled date of the last two years beside a name is a journal entry's or a document's: "05-Dec-2026
    // Telephone encounter BAIRD, Alison (Mrs)", its author; second hostile review.)
    if (theirs && theirs !== ownDate && !(heading && ownDate !== undefined && theirs.slice(2) === ownDate.slice(2)) && !(dated !== dobCell && recent(theirs, now) && !(heading && listedHeading(line.text) !== undefined))) return refuse('another-banner');
  }

  // A heading line that says whose the text is ("Re: Mrs Alice WEIR (born 12/03/1950)", "From: Alexander Gunn (b.
  // 14/05/1955)", "Resident: Morag Matheson, 67 yrs, CHI …", "Also seen today: James McGOWAN 01/01/1948"): a date of
  // birth or an age there that is not this patient's is another person's, or the wrong number typed (fifth hostile
  // review, thirty-fourth session). Refused rather than read.
  if (ownDate !== undefined && headingDisagrees(lines, ownDate, now)) return refuse('contradiction');

  let postcode: string | undefined;
  let address = fields.address;
  if (fields.postcodes.size === 1) postcode = [...fields.postcodes][0];
  else if (fields.postcodes.size > 1) refused.push('postcode');
  else if (name !== undefined) {
    const own = addresseeBlock(lines, block, nameKey(name).split(' '));
    if (own) ({ postcode, address } = own);
  }

  // "Address: No fixed abode" in the banner is the patient's situation, and a prompt's: it goes to the notes (writer D).
  const noHome = [...block].map((i) => (lines[i] as Line).text).join('\n').match(/\b(?:no fixed (?:abode|address)|no permanent address|NFA|homeless)\b/i);
  const notes = [noHome?.[0], notesOf(lines, block, name, now, ownDate)].filter(Boolean).join('\n');

  return {
    ok: true,
    ...(name ? { name } : {}),
    ...(birth.birthDate ? { birthDate: birth.birthDate } : {}),
    ...(birth.age !== undefined ? { age: birth.age } : {}),
    ...(shownSex ? { sex: shownSex } : {}),
    ...(postcode ? { postcode } : {}),
    ...(address && !refused.includes('postcode') && !hasRelationWord(address) ? { address } : {}),
    ...(fields.phone ? { phone: fields.phone } : {}),
    problems: problemsIn(lines),
    notes,
    numberShown,
    refused,
  };
}
