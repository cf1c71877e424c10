import type { PatientContext } from '../context/patient-context';

/** Suggested level of support, the three levels of the links approach. */
export type ReferralLevel = 'information' | 'support' | 'clp';
export type Urgency = 'routine' | 'soon' | 'urgent';
export type ContactMethod = 'phone' | 'text' | 'letter' | 'email';

/**
 * One referral to the Community Links Practitioner. `id` is the idempotency
 * key, fixed when the draft is created, so a retry can never create a second
 * referral at the destination.
 */
export interface Referral {
  id: string;
  patient: PatientContext;
  /** Need ids. */
  needs: string[];
  whatMatters: string;
  /** Barriers the person faces in getting support (free text). */
  barriers?: string;
  level: ReferralLevel;
  urgency: Urgency;
  contact: {
    method: ContactMethod;
    times?: string;
    safetyNotes?: string;
    /** Email address, when the person prefers email (the record page rarely shows one). */
    email?: string;
  };
  consent: { given: boolean; recordedAt: string };
  referrer: { name: string; role: string };
  createdAt: string;
}
