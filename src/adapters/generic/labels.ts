import lexicon from './lexicon.json';

/**
 * The words the generic detector reads by, as data (lexicon.json, checked by
 * test/adapters/lexicon.test.ts): field labels ("CHI No.", "Post Code"),
 * headings and labels that introduce ANOTHER person ("Next of kin", "Usual GP",
 * "Recent patients"), relation words a patient's name never holds, section
 * headings, and values that mean "not shown" ("Withheld").
 */
export type GenericField = 'chi' | 'nhsNumber' | 'birthDate' | 'age' | 'sex' | 'postcode' | 'address' | 'name' | 'family' | 'given' | 'phone';
/** What a heading opens: a clinical list, the notes, another section, or another person's details. */
export type HeadingKind = 'problems' | 'medications' | 'stop' | 'notes' | 'other';

function index<T extends string>(groups: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const key in groups) for (const phrase of groups[key]) map.set(phrase, key);
  return map;
}

const FIELDS = index(lexicon.fields as Record<GenericField, string[]>);
const HEADINGS = index({ ...(lexicon.sections as Record<Exclude<HeadingKind, 'other'>, string[]>), other: lexicon.otherPerson });
const QUALIFIERS = new Set(lexicon.qualifiers);
const RELATIONS = new Set(lexicon.relations);
const NO_VALUE = lexicon.noValue;
const WITHIN = new RegExp(`\\b(?:${lexicon.otherWithin.join('|')})\\b`);
const LIST_SCREENS = new Set(lexicon.listScreens);

/** First three letters (dots dropped) of every phrase: most page text is rejected on this alone. */
const PREFIXES = new Set<number>();
/** Up to three first letters, lower case, skipping punctuation ("D.O.B." -> "dob", "To:" -> "to"), as a number. */
function prefixOf(text: string): number {
  let key = 0;
  let letters = 0;
  for (let i = 0; i < text.length && i < 6 && letters < 3; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) {
      key = key * 32 + c - 96;
      letters++;
    } else if (c === 0x20 && letters > 0) break;
  }
  return key;
}

for (const phrase of [...FIELDS.keys(), ...HEADINGS.keys(), ...QUALIFIERS]) PREFIXES.add(prefixOf(phrase));

/** True when `text` may start a label or heading: the cheap test every line of the page gets first. */
export function startsKnown(text: string): boolean {
  return PREFIXES.has(prefixOf(text));
}

/** Lower case, no dots or bracketed asides, single spaces, no trailing ":"/"#"/"-". */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)|\./g, '')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:#*-]+$/, '')
    .trim();
}

/**
 * `read` with its answers kept per text. A record repeats its lines ("Reviewed.
 * Plan as before." in every journal entry, the same cells down a results
 * table) and the watcher walks the page again after each change, so most
 * texts have been read before. Bounded: past `limit` texts it starts afresh.
 */
export function remembered<T>(read: (text: string) => T | undefined, limit = 4096): (text: string) => T | undefined {
  const known = new Map<string, T | null>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit ?? undefined;
    const value = read(text);
    if (known.size >= limit) known.clear();
    known.set(text, value ?? null);
    return value;
  };
}

const fieldOf = remembered((text: string): GenericField | undefined => {
  const field = FIELDS.get(normaliseLabel(text));
  // "Tel (daughter)", "Address (NOK)": another person's detail under a patient label.
  return field && text.indexOf('(') >= 0 && hasRelationWord(text) ? undefined : field;
});

/** The field a label names, if any: "CHI No.", "D.O.B.:", "Post Code", "Tel (home)". */
export function labelField(text: string): GenericField | undefined {
  return text.length > 40 || !PREFIXES.has(prefixOf(text)) ? undefined : fieldOf(text);
}

/**
 * A heading's key: "Problems (3)" -> "problems", "Last consultation · 12-May-2026 · Dr X"
 * -> "last consultation", "Referred by: Dr X" -> "referred by".
 */
function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\([^)]*\)?/g, ' ')
    .split(/\s[·•|–—-]\s|:/)[0]!
    .replace(/[^a-z/, ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(key: string): HeadingKind | undefined {
  const direct = HEADINGS.get(key) ?? (key.endsWith('s') ? HEADINGS.get(key.slice(0, -1)) : undefined);
  if (direct) return direct;
  const space = key.indexOf(' ');
  if (space > 0 && QUALIFIERS.has(key.slice(0, space))) {
    const rest = HEADINGS.get(key.slice(space + 1));
    if (rest && rest !== 'other') return rest;
  }
  return undefined;
}

/**
 * What a heading or label opens, if anything. "Next of Kin / Carer" is
 * another person's section because one of its parts is; "Repeats / Current medication" a list of the kind every part names.
 */
export function headingOf(text: string): HeadingKind | undefined {
  if (text.length > 80) return undefined;
  const kind = PREFIXES.has(prefixOf(text)) ? kindOfHeading(text) : undefined;
  return kind ?? (mayNameNotes(text) ? notesByWriter(text) : undefined);
}

const NOTES_HEADS = new Set(lexicon.notesHeads);
const NOTES_WRITERS = new Set(lexicon.notesWriters);
const NOTES_HEAD_HINT = new RegExp(`\\b(?:${lexicon.notesHeads.join('|')})\\b`, 'i');

/** Whether a short line may be a notes heading by its last word ("Round notes"): the cheap test before `notesByWriter`. */
export function mayNameNotes(text: string): boolean {
  return text.length <= 60 && NOTES_HEAD_HINT.test(text);
}

/**
 * A notes heading named by who wrote the notes or where ("Round notes", "Pharmacist notes", "Nursing / Medical Notes
 * (last 24h)", "Ward journal"): a word of `notesHeads` last, and before it only words of `notesWriters` (lexicon.json).
 * Three screen authors named their journals so (dev5, dev6, dev8); the list of words, not any word before "notes", keeps
 * "Carer notes" and "See notes" out.
 */
const notesByWriter = remembered((text: string): HeadingKind | undefined => {
  const words = headingKey(text).split(/[\s/,]+/).filter((w) => w !== '');
  if (words.length < 2 || words.length > 5 || !NOTES_HEADS.has(words[words.length - 1] as string)) return undefined;
  for (let i = 0; i < words.length - 1; i++) if (!NOTES_WRITERS.has(words[i] as string)) return undefined;
  return 'notes';
});

const kindOfHeading = remembered((text: string): HeadingKind | undefined => {
  const key = headingKey(text);
  const whole = kindOf(key);
  if (whole || !/[/,]/.test(key)) return whole;
  const parts = key.split(/\s*[/,]\s*/);
  const kinds = parts.map(kindOf);
  if (kinds.includes('other')) return 'other';
  // "Repeat Templates / Current Medication" (dev7): every part a heading of the same kind. "Medication / Allergies"
  // mixes two and stays no heading.
  const first = kinds[0];
  return first !== undefined && kinds.every((k) => k === first) ? first : undefined;
});

/**
 * A heading-like label that names another person among other words:
 * "Carer details", "NOK contact", "Recently viewed patients". Only for
 * headings and labels (the caller checks), never "Is a carer".
 */
export function namesOtherPerson(text: string): boolean {
  if (text.length > 50 || /^\s*(?:is|has|was)\s/i.test(text)) return false;
  const key = headingKey(text);
  return key.split(' ').length <= 5 && WITHIN.test(key);
}

/**
 * A sub-heading that only qualifies the list it sits in ("Active", "Current" under "Problems", dev8): it does not end
 * that list, as "Past" or "Resolved" do.
 */
export function qualifierOnly(text: string): boolean {
  return text.length <= 20 && QUALIFIERS.has(text.toLowerCase().replace(/[^a-z ]+/g, ' ').trim());
}

/** A page title naming a list of patients ("Appointment Book", "Waiting room", "Find patient"). */
export function listScreenTitle(title: string): boolean {
  for (const part of title.split(/\s+(?:::|[·•|–—-])\s+|:{2}/)) if (LIST_SCREENS.has(normaliseLabel(part))) return true;
  return false;
}

/** True when `text` holds a relation word ("daughter", "carer", "NOK"): not a patient's name. */
export function hasRelationWord(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
  for (const word of words) if (RELATIONS.has(word)) return true;
  return /next of kin/i.test(text);
}

/** True for a value that says the detail is not shown: "Withheld", "none recorded", "– (contact via parent)". */
export function isNoValue(raw: string): boolean {
  return noValue(raw) === true;
}

const noValue = remembered((raw: string): boolean => {
  const text = raw.toLowerCase().replace(/^[\s\-–—([*?.]+/, '').trim();
  if (text === '') return true;
  for (const phrase of NO_VALUE) if (text.startsWith(phrase) && !/[a-z0-9]/.test(text.charAt(phrase.length))) return true;
  return false;
});

/** Attribute words that mark a text box as the consultation notes. */
export const NOTES_HINT = /note|consult|history|free.?text|narrative|comment|journal/i;
