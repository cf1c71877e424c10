/**
 * Standalone mode (issue #17): beside a desktop record the sidebar cannot
 * read, a clinician types the identifier and may paste text copied from the
 * record's banner or consultation. The pasted text is read as the lines and
 * cells a desktop record copies as (src/adapters/paste/read-pasted.ts), with
 * the detector's own words: labels such as "DOB:", "Post Code" or "CHI No.",
 * other-person headings, relation words and the CHI cross-checks.
 */
import { type PastedRead, readPasted } from '../../adapters/paste/read-pasted';
import { chiBirthDate, chiSex } from '../../context/identifiers';
import type { TypedId } from './typed-id';
import { ageOn } from '../../context/dates';
import { normalisePostcode } from '../../context/postcode';
import type { PatientContext } from '../../context/patient-context';

export { checkTypedId, type TypedId } from './typed-id';

export interface StandaloneInput {
  id: TypedId;
  postcode?: string;
  /** Text copied from the desktop record (banner, consultation). */
  pasted?: string;
  /** A few words of the situation ("lost job, rent arrears"). */
  situation?: string;
}

/**
 * What was read, for the clinician to confirm; `warning` when the pasted details could not be tied to the number typed
 * (shown above what was read).
 */
export type StandaloneRead = { ok: true; patient: PatientContext; read: string[]; warning?: string } | { ok: false; message: string };

/** Reads the typed and pasted details into a context for the clinician to confirm. Never throws. */
export function readStandalone(input: StandaloneInput, now = new Date()): StandaloneRead {
  const typedKey = input.id.kind === 'chi' ? { chi: input.id.value } : { nhsNumber: input.id.value };
  const pasted = (input.pasted ?? '').slice(0, 40_000);
  let fromText: Extract<PastedRead, { ok: true }> | undefined;
  if (pasted.trim()) {
    const read = readPasted(pasted, input.id, now);
    if (!read.ok) return { ok: false, message: read.message };
    fromText = read;
  }
  const typedPostcode = input.postcode ? normalisePostcode(input.postcode) : undefined;
  if (input.postcode && !typedPostcode) return { ok: false, message: 'That postcode does not look right.' };
  const chiDate = input.id.kind === 'chi' ? chiBirthDate(input.id.value, now) : undefined;
  const birthDate = fromText?.birthDate ?? chiDate;
  const sex = fromText?.sex ? fromText.sex : input.id.kind === 'chi' ? chiSex(input.id.value) : 'unknown';
  const notes = [input.situation?.trim(), fromText?.notes?.trim()].filter(Boolean).join('\n');
  const patient: PatientContext = {
    ...typedKey,
    ...(fromText?.name ? { name: fromText.name } : {}),
    ...(birthDate ? { birthDate, age: ageOn(birthDate, now) } : {}),
    sex,
    ...(typedPostcode ?? fromText?.postcode ? { postcode: typedPostcode ?? fromText?.postcode } : {}),
    ...(fromText?.address ? { address: fromText.address } : {}),
    ...(fromText?.phone ? { phone: fromText.phone } : {}),
    problems: fromText?.problems ?? [],
    notes,
    pageKind: 'consultation',
    source: { adapter: 'standalone', confidence: 1 },
  };
  // Details read from a paste that does not show the typed number: nothing ties them to the number (an NHS number
  // holds no date of birth to check), so the clinician is told before confirming (hostile probe: a paste of another
  // person's banner with no number, beside a typed NHS number, was shown as read).
  const unchecked = fromText !== undefined && !fromText.numberShown && (fromText.name !== undefined || fromText.birthDate !== undefined);
  const warning = !unchecked
    ? undefined
    : input.id.kind === 'chi'
      ? 'Check: the pasted text does not show the CHI number typed, so its name and details were checked only against the date of birth and sex the CHI holds.'
      : 'Check: the pasted text does not show the NHS number typed, so nothing in it could be checked against the number. Make sure it is this patient’s.';
  const read = [
    patient.name ? `Name: ${patient.name}` : 'Name: not read (fine: the number identifies the person)',
    patient.birthDate ? `Date of birth: ${patient.birthDate}${chiDate && !fromText?.birthDate ? ' (from the CHI)' : ''}` : 'Date of birth: not known',
    `Sex: ${patient.sex === 'unknown' ? 'not known' : patient.sex}`,
    `Postcode: ${patient.postcode ?? 'none (nearby support uses the practice location)'}`,
    ...(patient.problems.length ? [`Problems read: ${patient.problems.map((p) => p.term).join(', ')}`] : []),
  ];
  return warning ? { ok: true, patient, read, warning } : { ok: true, patient, read };
}
