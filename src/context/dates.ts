import { daysInMonth, isoDate } from './identifiers';

/** Month names and common abbreviations as clinical systems print them. */
const MONTHS = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4,
  may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
} satisfies Record<string, number>;

const NUMERIC_DMY = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const NAMED_DMY = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})(?!\d)/;
const ISO_YMD = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
// Month first ("Feb 2, 1951", "February 2nd 1951"), as some web systems and copied letters print it. A named month
// makes it unambiguous; not reading it left a banner's date of birth unread and so never checked against the CHI
// number (a paste whose date contradicted the typed CHI was read as that patient's: hostile review).
const NAMED_MDY = /(?<![A-Za-z])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/;

/** A month's number from its name or abbreviation; 0 for any other word. */
function monthOf(word: string | undefined): number {
  const key = (word ?? '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? MONTHS[key as keyof typeof MONTHS] : 0;
}

function checked(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (year < 1850 || year > 2200) return undefined;
  return isoDate(year, month, day);
}

/**
 * The first UK-style date in `text` as ISO yyyy-mm-dd: 14-Mar-1952, 14/03/1952,
 * 14.03.1952, 14 March 1952, 14 Mar 1952, Mar 14, 1952 or 1952-03-14. Numeric dates are
 * always day-first (UK). Impossible dates (31/02/2000) give undefined.
 */
export function parseUkDate(text: string): string | undefined {
  const iso = ISO_YMD.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC_DMY.exec(text);
  if (numeric) return checked(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = NAMED_DMY.exec(text);
  if (named) return checked(Number(named[3]), monthOf(named[2]), Number(named[1]));
  const monthFirst = NAMED_MDY.exec(text);
  if (monthFirst && monthOf(monthFirst[1]) > 0) return checked(Number(monthFirst[3]), monthOf(monthFirst[1]), Number(monthFirst[2]));
  return undefined;
}

/** Whole years from an ISO birth date to `now` (birthday counts on the day itself). */
export function ageOn(birthDate: string, now: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  let age = now.getFullYear() - year;
  const beforeBirthday = now.getMonth() + 1 < month || (now.getMonth() + 1 === month && now.getDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}
