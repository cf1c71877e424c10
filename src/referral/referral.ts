import type { PatientContext } from '../context/patient-context';

/** Suggested level of support, the three levels of the links approach. */
export type ReferralLevel = 'information' | 'support' | 'clp';
export type Urgency = 'routine' | 'soon' | 'urgent';
export type ContactMethod = 'phone' | 'text' | 'letter' | 'email';
/** Where the CLP sends the response (the PRSB "message back"): the practice's shared contact, or the referrer's own. */
export type ReturnTo = 'practice' | 'referrer';

/** The person's GP practice, which is also the referrer's organisation (referrals start in the practice). */
export interface PracticeDetails {
  name: string;
  phone?: string;
  /** A secure mailbox (nhs.scot) for the CLP's reply. */
  email?: string;
}

/**
 * One referral to the Community Links Practitioner, carrying the PRSB Social
 * Prescribing (v1.1) referral items (docs/referral.md maps each one). `id` is
 * the idempotency key, fixed when the draft is created, so a retry can never
 * create a second referral at the destination.
 */
export interface Referral {
  id: string;
  patient: PatientContext;
  /** Need ids: the coded reasons for referral. */
  needs: string[];
  /** Reason for referral in the clinician's words, beside the coded needs. */
  reason?: string;
  whatMatters: string;
  /** Barriers the person faces in getting support (free text). */
  barriers?: string;
  level: ReferralLevel;
  urgency: Urgency;
  /**
   * How to contact the person, as confirmed in the consultation. It travels on
   * the ServiceRequest itself, so it reaches the CLP even when their server
   * already knows the person (and keeps its own Patient).
   */
  contact: {
    method: ContactMethod;
    /** The number confirmed with the person (the record's number unless changed in the form). */
    phone?: string;
    /** Email address, when the person prefers email (the record page rarely shows one). */
    email?: string;
    times?: string;
    safetyNotes?: string;
  };
  /** Known risks to the person or to a lone worker visiting them; "no known risks" is recorded, never assumed. */
  risks: { noneKnown: true } | { noneKnown: false; details: string };
  /** Safeguarding concerns, if any. */
  safeguarding?: string;
  /** Consent to be referred and contacted, and to this information being shared with the CLP service. */
  consent: { given: boolean; shareInformation: boolean; recordedAt: string };
  referrer: { name: string; role: string; phone?: string; email?: string };
  practice: PracticeDetails;
  returnTo: ReturnTo;
  createdAt: string;
}
