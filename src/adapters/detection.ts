import type { PatientContext } from '../context/patient-context';

/**
 * Why no patient is shown for a page (issue #13):
 * - `no-identifier`: no valid CHI or NHS number labelled as one;
 * - `several-patients`: a list of patients (day book, waiting room, search results);
 * - `ambiguous`: several identifiers and none clearly the banner's;
 * - `birth-date-mismatch`, `sex-mismatch`, `age-mismatch`: the identifier and the
 *   details beside it disagree (`check: true`: the record itself needs checking);
 * - `deceased`: the banner says the patient has died (no prompts or referral, `check: true`);
 * - `error`: reading the page failed.
 */
export type DeclineReason =
  | 'no-identifier'
  | 'several-patients'
  | 'ambiguous'
  | 'birth-date-mismatch'
  | 'sex-mismatch'
  | 'age-mismatch'
  | 'deceased'
  | 'error';

/** A page declined, and whether the person at the screen should check the record itself. */
export interface Declined {
  declined: DeclineReason;
  /** The identifier and the details beside it contradict each other: say "check this record". */
  check?: true;
  /** Which reader declined: an adapter id, or "generic". */
  source?: string;
}

/** The outcome of reading a page: the patient, or why not. */
export type Detection = { context: PatientContext } | Declined;

/** True for the contradictions a person must check in the record itself. */
export function needsCheck(reason: DeclineReason): boolean {
  return reason === 'birth-date-mismatch' || reason === 'sex-mismatch' || reason === 'age-mismatch' || reason === 'deceased';
}
