/**
 * What to add to the clinical record after each step of the links approach
 * (issue #15): signposting, supported signposting, a referral to the
 * Community Links Practitioner, or an offer the person declined.
 *
 * Only codes checked against a published list are offered for copying. Where
 * no code could be checked, the entry gives words to write instead and says
 * why; docs/referral.md lists what was checked, where, and the candidates
 * still waiting for a clinical safety officer to confirm them in a
 * terminology browser. A wrong code in a record is worse than none.
 */
import { SOCIAL_PRESCRIBING_REFERRAL, SYSTEMS } from './codes';

/** The steps of the links approach that leave a mark in the record. */
export type RecordEvent = 'signposting' | 'supported-signposting' | 'clp-referral' | 'declined';

export interface RecordCode {
  system: string;
  code: string;
  term: string;
  /** What the clinician pastes into the record, term and code together. */
  copyText: string;
}

export interface RecordEntry {
  event: RecordEvent;
  /** The SNOMED CT UK code, when one has been checked against a published list. */
  code?: RecordCode;
  /** What to write in the record: the code's copy text, or plain words when there is no code. */
  text: string;
  /** Why there is no code, in words for the clinician. */
  note?: string;
}

const sct = (code: string, term: string): RecordCode => ({
  system: SYSTEMS.snomed,
  code,
  term,
  copyText: `${term} (SNOMED CT ${code})`,
});

/** Checked codes; `docs/referral.md` names the lists each was found in. */
const CHECKED: Partial<Record<RecordEvent, RecordCode>> = {
  'clp-referral': sct(SOCIAL_PRESCRIBING_REFERRAL.code, SOCIAL_PRESCRIBING_REFERRAL.display),
  declined: sct('871711000000103', 'Social prescribing declined'),
};

/** Words for the record where no checked code exists. */
const WORDS: Record<RecordEvent, string> = {
  signposting: 'Signposted to a community service (links approach: information)',
  'supported-signposting': 'Supported signposting to a community service (links approach: support)',
  'clp-referral': 'Referred to the Community Links Practitioner',
  declined: 'Offered a Community Links referral; declined',
};

const NO_CODE_NOTE =
  'No SNOMED CT code for this step could be checked against a published code list, so none is suggested. Write it in words, or use the code your health board advises.';

/** The record entry for one step. Pure; never throws. */
export function recordCodeFor(event: RecordEvent): RecordEntry {
  const code = CHECKED[event];
  return code ? { event, code, text: code.copyText } : { event, text: WORDS[event], note: NO_CODE_NOTE };
}

/** The code to add to the clinical record once a referral has been sent (whatever level it suggests, it is a referral). */
export function snomedForRecord(): RecordCode {
  return CHECKED['clp-referral'] ?? sct(SOCIAL_PRESCRIBING_REFERRAL.code, SOCIAL_PRESCRIBING_REFERRAL.display);
}
