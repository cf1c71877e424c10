/**
 * Standalone mode (issue #17): beside a desktop record the sidebar cannot
 * read, a clinician types the identifier and may paste text copied from the
 * record's banner or consultation. The pasted text is read by the same
 * detector that reads web record pages: each line becomes a line of a small
 * document of its own (never the panel's), so labels such as "DOB:", "Post
 * Code" or "CHI No." are understood exactly as on a screen.
 */
import { detectPatient } from '../../adapters/detect';
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

export type StandaloneRead = { ok: true; patient: PatientContext; read: string[] } | { ok: false; message: string };

function pastedDocument(lines: string[]): Document {
  const doc = document.implementation.createHTMLDocument('pasted');
  const main = doc.createElement('main');
  for (const line of lines) {
    const div = doc.createElement('div');
    div.textContent = line;
    main.append(div);
  }
  doc.body.append(main);
  return doc;
}

/** Reads the typed and pasted details into a context for the clinician to confirm. Never throws. */
export function readStandalone(input: StandaloneInput, now = new Date()): StandaloneRead {
  const typedKey = input.id.kind === 'chi' ? { chi: input.id.value } : { nhsNumber: input.id.value };
  const pasted = (input.pasted ?? '').replace(/\r/g, '').slice(0, 20_000);
  const lines = pasted.split('\n').map((l) => l.trim()).filter(Boolean);
  let fromText: PatientContext | null = null;
  if (lines.length > 0) {
    // The typed number first: the detector anchors on an identifier, and refuses a text naming several people.
    const label = input.id.kind === 'chi' ? 'CHI' : 'NHS number';
    try {
      fromText = detectPatient(pastedDocument([`${label}: ${input.id.value}`, ...lines]), 'about:blank#standalone', [], now);
    } catch {
      fromText = null;
    }
    if (!fromText) {
      return { ok: false, message: 'The pasted text could not be read as one patient (it may name another person or another number). Type the details instead, or paste only the banner.' };
    }
    if ((fromText.chi ?? fromText.nhsNumber) !== input.id.value) {
      return { ok: false, message: 'The pasted text is about a different CHI or NHS number from the one typed. Check which patient this is.' };
    }
  }
  const typedPostcode = input.postcode ? normalisePostcode(input.postcode) : undefined;
  if (input.postcode && !typedPostcode) return { ok: false, message: 'That postcode does not look right.' };
  const chiDate = input.id.kind === 'chi' ? chiBirthDate(input.id.value, now) : undefined;
  const birthDate = fromText?.birthDate ?? chiDate;
  const sex = fromText && fromText.sex !== 'unknown' ? fromText.sex : input.id.kind === 'chi' ? chiSex(input.id.value) : 'unknown';
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
    ...(fromText?.medicationCount !== undefined ? { medicationCount: fromText.medicationCount } : {}),
    notes,
    pageKind: 'consultation',
    source: { adapter: 'standalone', confidence: 1 },
  };
  const read = [
    patient.name ? `Name: ${patient.name}` : 'Name: not read (fine: the number identifies the person)',
    patient.birthDate ? `Date of birth: ${patient.birthDate}${chiDate && !fromText?.birthDate ? ' (from the CHI)' : ''}` : 'Date of birth: not known',
    `Sex: ${patient.sex === 'unknown' ? 'not known' : patient.sex}`,
    `Postcode: ${patient.postcode ?? 'none (nearby support uses the practice location)'}`,
    ...(patient.problems.length ? [`Problems read: ${patient.problems.map((p) => p.term).join(', ')}`] : []),
  ];
  return { ok: true, patient, read };
}
