import type { PatientContext } from '../context/patient-context';
import type { ContactMethod, Referral, ReferralLevel, Urgency } from './referral';

/**
 * A referral as the form edits it: the choices the clinician has not made yet
 * are optional. `id` is fixed at creation and becomes the idempotency key.
 */
export interface ReferralDraft {
  /** Shape version (src/referral/draft-schema.ts); older stored drafts are not restored. */
  version: 1;
  id: string;
  patient: PatientContext;
  needs: string[];
  whatMatters?: string;
  barriers?: string;
  level?: ReferralLevel;
  urgency?: Urgency;
  contact: { method?: ContactMethod; times?: string; safetyNotes?: string; email?: string };
  consent: { given: boolean; recordedAt?: string };
  referrer: { name?: string; role?: string };
  createdAt: string;
}

/** Who is sending, as the settings hold it. */
export interface Referrer {
  name: string;
  role: string;
}

/** A fresh id (WebCrypto's random UUID: every supported browser and Node 20 have it). */
export function newReferralId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A new draft for the patient on screen. Defaults are the common case
 * (routine, Community Links Practitioner level, phone if the record has a number);
 * consent always starts as not given, the clinician must tick it.
 */
export function newReferralDraft(
  patient: PatientContext,
  referrer: Partial<Referrer>,
  needs: readonly string[],
  now: Date,
  id: string = newReferralId(),
): ReferralDraft {
  const draft: ReferralDraft = {
    version: 1,
    id,
    patient,
    needs: [...new Set(needs)],
    whatMatters: '',
    level: 'clp',
    urgency: 'routine',
    contact: patient.phone ? { method: 'phone' } : {},
    consent: { given: false },
    referrer: { ...referrer },
    createdAt: now.toISOString(),
  };
  return draft;
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

/** Builds the Referral from a draft already known to be valid (see validateReferral). */
export function buildReferral(draft: ReferralDraft, now: Date): Referral {
  const method = draft.contact.method ?? 'phone';
  const contact: Referral['contact'] = { method };
  const times = cleanText(draft.contact.times);
  const safetyNotes = cleanText(draft.contact.safetyNotes);
  const email = cleanText(draft.contact.email);
  if (times) contact.times = times;
  if (safetyNotes) contact.safetyNotes = safetyNotes;
  if (email) contact.email = email;
  const referral: Referral = {
    id: draft.id,
    patient: draft.patient,
    needs: [...new Set(draft.needs)],
    whatMatters: cleanText(draft.whatMatters) ?? '',
    level: draft.level ?? 'clp',
    urgency: draft.urgency ?? 'routine',
    contact,
    consent: { given: draft.consent.given, recordedAt: draft.consent.recordedAt ?? now.toISOString() },
    referrer: { name: cleanText(draft.referrer.name) ?? '', role: cleanText(draft.referrer.role) ?? '' },
    createdAt: now.toISOString(),
  };
  const barriers = cleanText(draft.barriers);
  if (barriers) referral.barriers = barriers;
  return referral;
}
