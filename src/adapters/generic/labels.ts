/**
 * Label words the generic detector recognises, as data. Keys are normalised:
 * lower case, dots removed, spaces collapsed, trailing ":" or "#" dropped,
 * so "D.O.B.:" and "CHI No." both match.
 */
export type GenericField = 'chi' | 'nhsNumber' | 'birthDate' | 'age' | 'sex' | 'postcode' | 'address' | 'name' | 'phone';

export const FIELD_LABELS = {
  chi: 'chi', 'chi no': 'chi', 'chi number': 'chi', 'chi num': 'chi',
  'nhs no': 'nhsNumber', 'nhs number': 'nhsNumber', 'nhs num': 'nhsNumber',
  dob: 'birthDate', 'date of birth': 'birthDate', born: 'birthDate', 'birth date': 'birthDate',
  age: 'age',
  sex: 'sex', gender: 'sex',
  postcode: 'postcode', 'post code': 'postcode',
  address: 'address', 'home address': 'address',
  name: 'name', patient: 'name', 'patient name': 'name', 'full name': 'name',
  tel: 'phone', telephone: 'phone', phone: 'phone', mobile: 'phone',
} satisfies Record<string, GenericField>;

/** Headings that introduce a problem list, a medication list or the notes box. */
export const SECTION_HEADINGS = {
  problems: /^(?:active |current |significant |major |past )?(?:problems?|problem list|conditions?|diagnos[ie]s|medical history)(?: list)?$/i,
  medications: /^(?:repeat |current |acute |active )?(?:medications?|medicines?|prescriptions?|drugs|repeats)(?: list)?$/i,
  notes: /^(?:consultation(?: notes| text)?|notes|clinical notes|history|presenting complaint|free text|comments?)$/i,
} satisfies Record<string, RegExp>;

/** Attribute words that mark a text box as the consultation notes. */
export const NOTES_HINT = /note|consult|history|free.?text|narrative|comment/i;

/** Lower case, no dots, single spaces, no trailing ":"/"#"/"-". */
export function normaliseLabel(text: string): string {
  return text.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').replace(/[\s:#-]+$/, '').trim();
}

/** Cheap first test: every label starts with one of these, so most text is rejected before normalising. */
const LABEL_START = /^\s*(?:chi|nhs|d\.?o|date|born|birth|age|sex|gender|post|address|home|name|patient|full|tel|phone|mobile)/i;
const SECTION_START = /^\s*(?:active|current|significant|major|past|problem|condition|diagnos|medical|repeat|acute|medic|prescri|drugs|consult|notes|clinical|history|presenting|free|comment)/i;

/** The field a label names, if any. */
export function labelField(text: string): GenericField | undefined {
  if (text.length > 40 || !LABEL_START.test(text)) return undefined;
  const key = normaliseLabel(text);
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key as keyof typeof FIELD_LABELS] : undefined;
}

/** Which section a heading opens, if any. */
export function sectionOf(text: string): keyof typeof SECTION_HEADINGS | undefined {
  if (text.length > 40 || !SECTION_START.test(text)) return undefined;
  const t = text.replace(/\s+/g, ' ').replace(/[\s:]+$/, '').trim();
  if (SECTION_HEADINGS.problems.test(t)) return 'problems';
  if (SECTION_HEADINGS.medications.test(t)) return 'medications';
  if (SECTION_HEADINGS.notes.test(t)) return 'notes';
  return undefined;
}
