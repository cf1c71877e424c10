/**
 * The typed CHI or NHS number of standalone mode, checked as it is typed. Kept
 * apart from standalone-read.ts, which brings the pasted-text reader: the
 * side panel loads that only when the standalone entry is on screen (#17: the
 * panel beside a readable record never needs it).
 */
import { chiBirthDate, chiSex, isValidChi, isValidNhsNumber, normaliseIdentifier } from '../../context/identifiers';

export type TypedId = { kind: 'chi' | 'nhs'; value: string };

/** What a typed identifier is, as it is typed: valid, still short, or wrong (and why). */
export function checkTypedId(raw: string, now = new Date()): { ok: true; id: TypedId; birthDate?: string; sex?: 'female' | 'male' } | { ok: false; message: string } {
  // Spaces and dashes are fine ("140352 2103"); a letter (an O for a 0) is not.
  if (/[^\d\s-]/.test(raw.trim())) return { ok: false, message: 'A CHI or NHS number has digits only.' };
  const digits = normaliseIdentifier(raw);
  if (digits.length < 10) return { ok: false, message: `${10 - digits.length} more digit${digits.length === 9 ? '' : 's'} needed.` };
  if (digits.length > 10) return { ok: false, message: 'That is more than 10 digits.' };
  if (isValidChi(digits)) {
    const birthDate = chiBirthDate(digits, now);
    return { ok: true, id: { kind: 'chi', value: digits }, ...(birthDate ? { birthDate } : {}), sex: chiSex(digits) };
  }
  if (isValidNhsNumber(digits)) return { ok: true, id: { kind: 'nhs', value: digits } };
  return { ok: false, message: 'This is not a valid CHI or NHS number: check the digits.' };
}
