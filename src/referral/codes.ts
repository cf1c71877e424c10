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

/**
 * UK Core profiles we declare in `meta.profile`. Each resource we build meets
 * the profile's constraints (checked against the UK Core differentials: they
 * add no required elements beyond the fixed NHS number system, which we use);
 * see docs/referral.md.
 */
export const UK_CORE = {
  patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
  serviceRequest: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest',
  task: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task',
  practitionerRole: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole',
  organization: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization',
} as const;

const EXTENSION_BASE = 'https://links-sidebar.scot/fhir/StructureDefinition';

/**
 * Our extensions on the ServiceRequest, for PRSB items FHIR R4 has no element
 * for. Each one is also written as a plain `note`, so a server that ignores
 * extensions still shows it to the CLP.
 */
export const EXTENSIONS = {
  /** Complex: `method` (code), `telecom` (ContactPoint, 0..*), `times`, `safety` (string). */
  contact: `${EXTENSION_BASE}/referral-contact`,
  /** Complex: `noneKnown` (boolean), `details` (string). */
  risks: `${EXTENSION_BASE}/referral-risks`,
  /** string. */
  safeguarding: `${EXTENSION_BASE}/referral-safeguarding`,
  /** Complex: `referral`, `shareInformation` (boolean), `recordedAt` (dateTime). */
  consent: `${EXTENSION_BASE}/referral-consent`,
  /** Reference to the contained practice (Organization) or referrer (PractitionerRole). */
  responseRecipient: `${EXTENSION_BASE}/referral-response-recipient`,
  /** string: what matters to the person. */
  whatMatters: `${EXTENSION_BASE}/referral-what-matters`,
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
