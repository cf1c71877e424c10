/**
 * Patient identifiers: Scottish CHI and NHS (England/Wales) numbers.
 * Both are ten digits with a modulus-11 check digit; the CHI also starts with
 * the date of birth (DDMMYY) and carries sex in its ninth digit.
 */

/** Digits only: "140352 1234" and "140-352-1234" both become "1403521234". */
export function normaliseIdentifier(value: string): string {
  return value.replace(/\D+/g, '');
}

/** Weights 10..2 on the first nine digits; returns the check digit, or -1 when it would be 10 (never issued). */
function mod11CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits.charAt(i)) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return -1;
  return check;
}

/** Ten digits once separators are removed; anything else (letters, other punctuation) is rejected. */
function tenDigits(value: string): string | undefined {
  if (!/^[\d\s-]+$/.test(value)) return undefined;
  const digits = normaliseIdentifier(value);
  return digits.length === 10 ? digits : undefined;
}

function passesMod11(digits: string): boolean {
  const check = mod11CheckDigit(digits);
  return check >= 0 && check === Number(digits.charAt(9));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month for a four-digit year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether the first six digits are a real DDMMYY date. The CHI does not carry
 * the century, so a leap day is accepted when the year is a leap year in
 * either the 1900s or the 2000s: "00" means 1900 (not leap) or 2000 (leap),
 * and we accept 29 Feb because a patient born on 29-02-2000 is real.
 */
function isChiDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const max = Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month));
  return day <= max;
}

/** A CHI number: ten digits, a real DDMMYY date, and a correct modulus-11 check digit. */
export function isValidChi(value: string): boolean {
  const digits = tenDigits(value);
  return digits !== undefined && isChiDate(digits) && passesMod11(digits);
}

/** An NHS number: ten digits and a correct modulus-11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = tenDigits(value);
  return digits !== undefined && passesMod11(digits);
}

/** Sex recorded in a CHI: the ninth digit is odd for male, even for female. */
export function chiSex(chi: string): 'female' | 'male' {
  const ninth = Number(normaliseIdentifier(chi).charAt(8));
  return ninth % 2 === 1 ? 'male' : 'female';
}

/**
 * Birth date (ISO) from a CHI. The century is the one giving the latest date
 * not after `now`, so 010120 is 2020 today but 010199 is 1999. People over
 * 100 are therefore read as babies: pages usually show the DOB, which wins.
 */
export function chiBirthDate(chi: string, now: Date = new Date()): string | undefined {
  if (!isValidChi(chi)) return undefined;
  const digits = normaliseIdentifier(chi);
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const today = isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  for (const century of [2000, 1900, 1800]) {
    const year = century + yy;
    if (day > daysInMonth(year, month)) continue;
    const iso = isoDate(year, month, day);
    if (iso <= today) return iso;
  }
  return undefined;
}

/** yyyy-mm-dd with zero padding. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
