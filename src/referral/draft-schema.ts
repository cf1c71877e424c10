/**
 * The referral draft's schema, for every boundary a draft crosses: the
 * messaging layer (`draft.save`, `referral.send`), storage read back after an
 * upgrade, and tests. Valibot checks the shape; `validateReferral` still says
 * whether the draft is complete enough to send.
 *
 * `parseDraft` also reads the version-1 drafts saved before issue #15 (no
 * `version` field, the phone only on the patient) and returns them as version 2.
 */
import * as v from 'valibot';
import { PatientContextSchema } from '../context/patient-context-schema';
import { patientKey } from '../context/patient-context';
import { DRAFT_VERSION, type ReferralDraft } from './draft';

export { DRAFT_VERSION };

/** Longest free text a draft field may hold; the form says "too long" at 1000 (MAX_TEXT), this only stops abuse. */
const MAX_FIELD = 4000;
const text = v.pipe(v.string(), v.maxLength(MAX_FIELD));
const shortText = v.pipe(v.string(), v.maxLength(400));
const isoTime = v.pipe(v.string(), v.isoTimestamp());

/** The patient as read from the screen; identifiers must pass their check digits (src/context). */
const PatientSchema = PatientContextSchema;

const fields = {
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  patient: PatientSchema,
  needs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(40)),
  reason: v.optional(text),
  whatMatters: v.optional(text),
  barriers: v.optional(text),
  level: v.optional(v.picklist(['information', 'support', 'clp'])),
  urgency: v.optional(v.picklist(['routine', 'soon', 'urgent'])),
  safeguarding: v.optional(text),
  createdAt: isoTime,
};
const contactFields = {
  method: v.optional(v.picklist(['phone', 'text', 'letter', 'email'])),
  email: v.optional(shortText),
  times: v.optional(text),
  safetyNotes: v.optional(text),
};
const person = { name: v.optional(shortText), phone: v.optional(v.pipe(v.string(), v.maxLength(40))), email: v.optional(shortText) };

/** A version-2 referral draft, exactly as the form makes it. */
export const ReferralDraftSchema = v.object({
  version: v.literal(DRAFT_VERSION),
  ...fields,
  contact: v.object({ ...contactFields, phone: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
  risks: v.object({ noneKnown: v.optional(v.boolean()), details: v.optional(text) }),
  consent: v.object({ given: v.boolean(), shareInformation: v.optional(v.boolean()), recordedAt: v.optional(isoTime) }),
  referrer: v.object({ ...person, role: v.optional(shortText) }),
  practice: v.object(person),
  returnTo: v.optional(v.picklist(['practice', 'referrer'])),
});

/** A draft saved before issue #15: no version, no PRSB items, the phone only on the patient. */
const DraftV1Schema = v.object({
  version: v.optional(v.literal(1)),
  ...fields,
  contact: v.object(contactFields),
  consent: v.object({ given: v.boolean(), recordedAt: v.optional(isoTime) }),
  referrer: v.object({ name: v.optional(shortText), role: v.optional(shortText) }),
});

// Compile-time guard: what the schema accepts is a ReferralDraft.
const _sameShape: (x: v.InferOutput<typeof ReferralDraftSchema>) => ReferralDraft = (x) => x;
void _sameShape;

export type ParseDraftResult = { ok: true; draft: ReferralDraft; migrated: boolean } | { ok: false; reason: string };

/**
 * Reads a draft from outside (a message, storage). Version 2 is checked as is;
 * version 1 is upgraded (phone copied to `contact.phone`, reply to the
 * practice, the new items left for the clinician). Never throws.
 */
export function parseDraft(input: unknown): ParseDraftResult {
  const current = v.safeParse(ReferralDraftSchema, input);
  if (current.success) return { ok: true, draft: current.output, migrated: false };
  const old = v.safeParse(DraftV1Schema, input);
  if (old.success) {
    const { version: _v, contact, ...rest } = old.output;
    const phone = contact.method === 'phone' || contact.method === 'text' ? rest.patient.phone?.trim() : undefined;
    const draft: ReferralDraft = {
      ...rest,
      version: DRAFT_VERSION,
      contact: phone ? { ...contact, phone } : contact,
      risks: {},
      practice: {},
      returnTo: 'practice',
    };
    return { ok: true, draft, migrated: true };
  }
  const issue = current.issues[0];
  const where = issue ? v.getDotPath(issue) : undefined;
  return { ok: false, reason: `The referral draft could not be read${where ? ` (${where})` : ''}: ${issue?.message ?? 'unknown shape'}.` };
}

export type DraftCheck = { ok: true; draft: ReferralDraft } | { ok: false; reason: string };

/**
 * Reads a draft that arrived from elsewhere (parseDraft) and checks the key it
 * is filed under (`chi:…`, `nhs:…`, or the popup's `manual:` key): a draft
 * whose patient does not match its key is refused, so a bug elsewhere can
 * never file one person's referral under another's record (issue #12).
 */
export function checkDraft(input: unknown, owner?: string): DraftCheck {
  const parsed = parseDraft(input);
  if (!parsed.ok) return parsed;
  if (owner !== undefined && !owner.startsWith('manual:') && patientKey(parsed.draft.patient) !== owner) {
    return { ok: false, reason: 'This referral belongs to a different patient from the one it was filed under, so it was not accepted.' };
  }
  return { ok: true, draft: parsed.draft };
}
