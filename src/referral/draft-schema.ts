/**
 * The referral draft as it crosses the messaging boundary (form -> background)
 * and as it is stored. Versioned: a stored draft of an older shape is refused
 * with a plain message instead of being cast and trusted (issue #12).
 */
import * as v from 'valibot';
import { PatientContextSchema } from '../context/patient-context-schema';
import { patientKey } from '../context/patient-context';
import type { ReferralDraft } from './draft';

/** Bumped whenever the draft's shape changes; older stored drafts are not restored. */
export const DRAFT_VERSION = 1;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const ReferralDraftSchema = v.object({
  version: v.literal(DRAFT_VERSION),
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,80}$/, 'A referral id is up to 80 letters, digits or dashes')),
  patient: PatientContextSchema,
  needs: v.pipe(v.array(text(40)), v.maxLength(20)),
  whatMatters: v.optional(text(4000)),
  barriers: v.optional(text(4000)),
  level: v.optional(v.picklist(['information', 'support', 'clp'])),
  urgency: v.optional(v.picklist(['routine', 'soon', 'urgent'])),
  contact: v.object({
    method: v.optional(v.picklist(['phone', 'text', 'letter', 'email'])),
    times: v.optional(text(400)),
    safetyNotes: v.optional(text(2000)),
    email: v.optional(text(200)),
  }),
  consent: v.object({ given: v.boolean(), recordedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())) }),
  referrer: v.object({ name: v.optional(text(200)), role: v.optional(text(80)) }),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});

const _same: (x: v.InferOutput<typeof ReferralDraftSchema>) => ReferralDraft = (x) => x;
void _same;

export type DraftCheck = { ok: true; draft: ReferralDraft } | { ok: false; reason: string };

/**
 * Checks a draft that arrived from elsewhere. `owner` is the key it is filed
 * under (`chi:…`, `nhs:…`, or the popup's manual key): a draft whose patient
 * does not match its key is refused, so a bug elsewhere can never file one
 * person's referral under another's record.
 */
export function checkDraft(input: unknown, owner?: string): DraftCheck {
  const parsed = v.safeParse(ReferralDraftSchema, input);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? v.getDotPath(issue) : undefined;
    return { ok: false, reason: `The referral draft could not be read${where ? ` (${where})` : ''}: ${(issue?.message ?? 'unknown problem').replace(/\.$/, '')}.` };
  }
  const draft = parsed.output;
  if (owner !== undefined && owner.includes(':') && !owner.startsWith('manual:') && patientKey(draft.patient) !== owner) {
    return { ok: false, reason: 'This referral belongs to a different patient from the one it was filed under, so it was not accepted.' };
  }
  return { ok: true, draft };
}
