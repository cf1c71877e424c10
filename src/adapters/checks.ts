import { ageOn, parseUkDate } from '../context/dates';
import { chiSex, isoDate } from '../context/identifiers';

/**
 * Safety cross-checks between the identifier and the details beside it
 * (issue #13). A CHI carries the date of birth (DDMMYY) and sex (ninth digit,
 * odd for male); a page that shows a different date or sex, or an age that
 * does not follow from the date, is showing either a mistyped identifier or
 * someone else's details. Either way the patient is not confirmed.
 */
export type Contradiction = 'birth-date-mismatch' | 'sex-mismatch' | 'age-mismatch';

export interface Shown {
  chi?: string;
  /** ISO date of birth as shown on the page. */
  birthDate?: string;
  sex?: 'female' | 'male';
  /** Age in whole years as shown on the page. */
  age?: number;
}

/** The age shown agrees when it is the age today, or yesterday (a page drawn before midnight). */
function ageAgrees(birthDate: string, age: number, now: Date): boolean {
  return ageOn(birthDate, now) === age || ageOn(birthDate, new Date(now.getTime() - 86_400_000)) === age;
}

/** The first contradiction between what is shown and the identifier, if any. */
export function crossCheck(shown: Shown, now: Date): Contradiction | undefined {
  const { chi, birthDate, sex, age } = shown;
  if (chi && birthDate && chi.slice(0, 6) !== `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`) return 'birth-date-mismatch';
  if (chi && sex && chiSex(chi) !== sex) return 'sex-mismatch';
  if (birthDate && age !== undefined && !ageAgrees(birthDate, age, now)) return 'age-mismatch';
  // An age with no date shown: some century of the CHI's date must give it.
  if (chi && !birthDate && age !== undefined) {
    const yy = Number(chi.slice(4, 6));
    let agrees = false;
    for (const century of [1800, 1900, 2000]) {
      const iso = parseUkDate(`${century + yy}-${chi.slice(2, 4)}-${chi.slice(0, 2)}`);
      if (iso && ageAgrees(iso, age, now)) agrees = true;
    }
    if (!agrees) return 'age-mismatch';
  }
  return undefined;
}

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const SHORT_NUMERIC = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?![\d/.-])/;
const SHORT_NAMED = /(?<!\d)(\d{1,2})[\s-]([A-Za-z]{3})[a-z]*\.?[\s-](\d{2})(?![\d:])/;
const AGE = /\bage\s*:?\s*(\d{1,3})\b|(?<![\d/.-])(\d{1,3})\s*(?:y|yr|yrs|years?)\b/i;

export interface BirthRead {
  birthDate?: string;
  /** An age printed beside the date: "(74y)", "Age: 84". */
  age?: number;
  /** The century was guessed (a two-digit year with no age to settle it). */
  guessed?: boolean;
}

/**
 * A date of birth as pages print it, with any age beside it. Two-digit years
 * ("07.08.41") take the century that agrees with the age shown (`age` from
 * elsewhere in the banner when the value has none); without one, the latest
 * date not in the future, marked as guessed.
 */
export function readBirth(raw: string, now: Date, age?: number): BirthRead {
  const ageMatch = AGE.exec(raw);
  const shownAge = ageMatch ? Number(ageMatch[1] ?? ageMatch[2]) : age;
  const out: BirthRead = shownAge !== undefined && shownAge <= 125 ? { age: shownAge } : {};
  const full = parseUkDate(raw);
  if (full) return { ...out, birthDate: full };
  let day = 0;
  let month = 0;
  let yy = -1;
  const numeric = SHORT_NUMERIC.exec(raw);
  const named = numeric ? null : SHORT_NAMED.exec(raw);
  if (numeric) [day, month, yy] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (named) {
    const m = MONTHS.indexOf((named[2] ?? '').toLowerCase());
    [day, month, yy] = [Number(named[1]), m >= 0 && m % 3 === 0 ? m / 3 + 1 : 0, Number(named[3])];
  }
  if (yy < 0) return out;
  let fallback: string | undefined;
  for (const century of [2000, 1900, 1800]) {
    const iso = parseUkDate(isoDate(century + yy, month, day));
    if (!iso || iso > isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())) continue;
    if (out.age !== undefined && ageAgrees(iso, out.age, now)) return { ...out, birthDate: iso };
    fallback ??= iso;
  }
  return fallback ? { ...out, birthDate: fallback, guessed: out.age === undefined } : out;
}
