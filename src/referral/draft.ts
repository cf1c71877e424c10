import type { PatientContext } from '../context/patient-context';
import type { ContactMethod, PracticeDetails, Referral, ReferralLevel, ReturnTo, Urgency } from './referral';

/** Version of the draft shape; bump it (and teach `parseDraft` the old one) when the shape changes. */
export const DRAFT_VERSION = 2;

/**
 * A referral as the form edits it: the choices the clinician has not made yet
 * are optional. `id` is fixed at creation and becomes the idempotency key.
 * Version 2 (issue #15) added the PRSB items: reason, risks, safeguarding,
 * consent to share, referrer contact, the practice and where to reply, and
 * moved the confirmed phone number into `contact`.
 */
export interface ReferralDraft {
  version: typeof DRAFT_VERSION;
  id: string;
  patient: PatientContext;
  needs: string[];
  reason?: string;
  whatMatters?: string;
  barriers?: string;
  level?: ReferralLevel;
  urgency?: Urgency;
  contact: { method?: ContactMethod; phone?: string; email?: string; times?: string; safetyNotes?: string };
  risks: { noneKnown?: boolean; details?: string };
  safeguarding?: string;
  consent: { given: boolean; shareInformation?: boolean; recordedAt?: string };
  referrer: { name?: string; role?: string; phone?: string; email?: string };
  practice: Partial<PracticeDetails>;
  returnTo?: ReturnTo;
  createdAt: string;
}

/** Who is sending, as the settings hold it; `practice` fills the practice details (and the place to reply). */
export interface Referrer {
  name: string;
  role: string;
  phone?: string;
  email?: string;
  practice?: Partial<PracticeDetails>;
}

/** A fresh id (WebCrypto's random UUID: every supported browser and Node 20 have it). */
export function newReferralId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A new draft for the patient on screen. Defaults are the common case
 * (routine, Community Links Practitioner level, phone if the record has a
 * number, the reply to the practice); consent and risks always start unset:
 * the clinician must say them.
 */
export function newReferralDraft(
  patient: PatientContext,
  referrer: Partial<Referrer>,
  needs: readonly string[],
  now: Date,
  id: string = newReferralId(),
): ReferralDraft {
  const { practice, ...person } = referrer;
  const phone = patient.phone?.trim();
  return {
    version: DRAFT_VERSION,
    id,
    patient,
    needs: [...new Set(needs)],
    whatMatters: '',
    level: 'clp',
    urgency: 'routine',
    contact: phone ? { method: 'phone', phone } : {},
    risks: {},
    consent: { given: false },
    referrer: { ...person },
    practice: { ...practice },
    returnTo: 'practice',
    createdAt: now.toISOString(),
  };
}

/** Thrown by draftToReferral when the draft still has problems; `problems` says which. */
export class ReferralInvalidError extends Error {
  override name = 'ReferralInvalid';
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/** Trimmed text, or undefined when blank, so empty boxes never reach the CLP. */
export function cleanText(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

/** Copies only the fields that have text, trimmed. */
function present<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = cleanText(fields[key]);
    if (value) out[key] = value;
  }
  return out;
}

/** Builds the Referral from a draft already known to be valid (see validateReferral). */
export function buildReferral(draft: ReferralDraft, now: Date): Referral {
  const { phone, email, times, safetyNotes } = draft.contact;
  const details = cleanText(draft.risks.details);
  const referral: Referral = {
    id: draft.id,
    patient: draft.patient,
    needs: [...new Set(draft.needs)],
    whatMatters: cleanText(draft.whatMatters) ?? '',
    level: draft.level ?? 'clp',
    urgency: draft.urgency ?? 'routine',
    contact: { method: draft.contact.method ?? 'phone', ...present({ phone, email, times, safetyNotes }) },
    risks: draft.risks.noneKnown || !details ? { noneKnown: true } : { noneKnown: false, details },
    consent: {
      given: draft.consent.given,
      shareInformation: draft.consent.shareInformation ?? false,
      recordedAt: draft.consent.recordedAt ?? now.toISOString(),
    },
    referrer: {
      name: cleanText(draft.referrer.name) ?? '',
      role: cleanText(draft.referrer.role) ?? '',
      ...present({ phone: draft.referrer.phone, email: draft.referrer.email }),
    },
    practice: { name: cleanText(draft.practice.name) ?? '', ...present({ phone: draft.practice.phone, email: draft.practice.email }) },
    returnTo: draft.returnTo ?? 'practice',
    createdAt: now.toISOString(),
  };
  const optional = present({ reason: draft.reason, barriers: draft.barriers, safeguarding: draft.safeguarding });
  return { ...referral, ...optional };
}
