import type { ReferralLevel, Urgency } from './referral';

/**
 * Code systems and fixed codes used when a referral leaves the practice.
 * Kept in one table so the FHIR mapping, the docs and the record-code helper
 * cannot drift apart.
 */
export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  need: 'https://links-sidebar.scot/need',
  level: 'https://links-sidebar.scot/referral-level',
  referralId: 'https://links-sidebar.scot/referral-id',
  chi: 'https://fhir.nhs.uk/Id/chi-number',
  nhs: 'https://fhir.nhs.uk/Id/nhs-number',
} as const;

/** |Referral to social prescribing service| in SNOMED CT UK edition. */
export const SOCIAL_PRESCRIBING_REFERRAL = {
  system: SYSTEMS.snomed,
  code: '871731000000106',
  display: 'Referral to social prescribing service',
} as const;

/**
 * Our three urgencies onto FHIR request priority (routine | urgent | asap | stat).
 * "soon" is more than routine but not an emergency, so it becomes `urgent`;
 * "urgent" becomes `asap`. `stat` is never used: a CLP is not an emergency service.
 */
export const PRIORITY_BY_URGENCY = {
  routine: 'routine',
  soon: 'urgent',
  urgent: 'asap',
} as const satisfies Record<Urgency, 'routine' | 'urgent' | 'asap' | 'stat'>;

/** Plain-words labels, shared by the FHIR displays, the letter and the email. */
export const LEVEL_LABELS = {
  information: 'Information: signposting to a local service',
  support: 'Support: help to get to a service',
  clp: 'Community Links Practitioner: one-to-one support',
} as const satisfies Record<ReferralLevel, string>;

export const URGENCY_LABELS = {
  routine: 'Routine',
  soon: 'Soon (within a week)',
  urgent: 'Urgent (within two working days)',
} as const satisfies Record<Urgency, string>;

export interface RecordCode {
  system: string;
  code: string;
  term: string;
  /** What the clinician pastes into the record, term and code together. */
  copyText: string;
}

/** The code to add to the clinical record once the referral has been sent. */
export function snomedForRecord(): RecordCode {
  const { system, code, display } = SOCIAL_PRESCRIBING_REFERRAL;
  return { system, code, term: display, copyText: `${display} (SNOMED CT ${code})` };
}
