import { isValidChi, isValidNhsNumber, normaliseIdentifier } from '../context/identifiers';
import { normalisePostcode } from '../context/postcode';
import { parseUkDate } from '../context/dates';
import { parseSex } from './dom-text';
import type { FieldName } from './field-names';

export type FieldResult = { ok: true; value: string } | { ok: false; problem: string };

/**
 * Turn the raw text read for a field into the value we store, or a reason a
 * practice manager can act on ("not a valid CHI: the check digit is wrong").
 */
export function convertField(field: FieldName, raw: string): FieldResult {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'the element was found but it is empty' };
  switch (field) {
    case 'chi': {
      const digits = normaliseIdentifier(text);
      if (digits.length !== 10) return { ok: false, problem: `"${text}" is not ten digits, so it is not a CHI number` };
      if (!isValidChi(digits)) return { ok: false, problem: `"${text}" is not a valid CHI number (the date or check digit is wrong)` };
      return { ok: true, value: digits };
    }
    case 'nhsNumber': {
      const digits = normaliseIdentifier(text);
      if (digits.length !== 10) return { ok: false, problem: `"${text}" is not ten digits, so it is not an NHS number` };
      if (!isValidNhsNumber(digits)) return { ok: false, problem: `"${text}" is not a valid NHS number (the check digit is wrong)` };
      return { ok: true, value: digits };
    }
    case 'birthDate': {
      const iso = parseUkDate(text);
      return iso ? { ok: true, value: iso } : { ok: false, problem: `"${text}" is not a date we recognise (try 14-Mar-1952 or 14/03/1952)` };
    }
    case 'sex': {
      const sex = parseSex(text);
      return sex ? { ok: true, value: sex } : { ok: false, problem: `"${text}" is not Male/Female (or M/F)` };
    }
    case 'postcode': {
      const pc = normalisePostcode(text);
      return pc ? { ok: true, value: pc } : { ok: false, problem: `"${text}" is not a UK postcode` };
    }
    default:
      return { ok: true, value: text };
  }
}
