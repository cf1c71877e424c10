import { isNeedId, needLabel } from '../prompts/needs';
import { buildReferral, cleanText, ReferralInvalidError, type ReferralDraft } from './draft';
import type { Referral } from './referral';

export type { ReferralDraft } from './draft';
export { newReferralDraft, ReferralInvalidError } from './draft';

/** One problem with the form, shown beside `field`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Longest free text we send; a referral is a summary, not the notes. */
export const MAX_TEXT = 1000;

/** Messages, in the words shown beside each field. */
export const MESSAGES = {
  noNeeds: 'Choose at least one need.',
  unknownNeed: (id: string) => `"${needLabel(id)}" is not on the list of needs. Remove it and choose again.`,
  noIdentifier:
    "This referral has no CHI or NHS number. Open the person's record so the sidebar can read it, then try again.",
  noWhatMatters: 'Say in a few words what matters to the person.',
  tooLong: (what: string) => `${what} is too long. Keep it under ${MAX_TEXT} characters.`,
  noLevel: 'Choose the level of support.',
  noUrgency: 'Choose how soon they should be contacted.',
  noMethod: 'Choose how the Community Links Practitioner should contact them.',
  noPhone: 'Add a phone number or choose another way to contact them.',
  badPhone: 'This phone number does not look right. Check it, or choose another way to contact them.',
  noMobile: 'Text messages need a mobile number (starting 07 or +447). Add one or choose another way to contact them.',
  noAddress: 'Add an address or choose another way to contact them.',
  noEmail: 'Add an email address or choose another way to contact them.',
  badEmail: 'This email address does not look right. Check it, or choose another way to contact them.',
  noConsent:
    'The person must agree to be contacted by the Community Links Practitioner before you can send this.',
  noReferrerName: 'Add your name so the Community Links Practitioner knows who referred.',
  noReferrerRole: 'Add your role, for example GP or practice nurse.',
} as const;

/** UK numbers as digits: 0 + 10 digits once +44 is folded back to 0. */
function ukDigits(phone: string): string {
  const digits = phone.replace(/[\s()-]/g, '').replace(/^\+44/, '0').replace(/^0044/, '0');
  return /^\d+$/.test(digits) ? digits : '';
}

function contactProblems(draft: ReferralDraft): FieldProblem[] {
  const { method } = draft.contact;
  const phone = cleanText(draft.patient.phone);
  const email = cleanText(draft.contact.email);
  if (!method) return [{ field: 'contact.method', message: MESSAGES.noMethod }];
  if (method === 'phone' || method === 'text') {
    if (!phone) return [{ field: 'patient.phone', message: MESSAGES.noPhone }];
    const digits = ukDigits(phone);
    if (digits.length < 10 || digits.length > 11) return [{ field: 'patient.phone', message: MESSAGES.badPhone }];
    if (method === 'text' && !digits.startsWith('07')) return [{ field: 'patient.phone', message: MESSAGES.noMobile }];
  }
  if (method === 'letter' && !cleanText(draft.patient.address)) {
    return [{ field: 'patient.address', message: MESSAGES.noAddress }];
  }
  if (method === 'email') {
    if (!email) return [{ field: 'contact.email', message: MESSAGES.noEmail }];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return [{ field: 'contact.email', message: MESSAGES.badEmail }];
  }
  return [];
}

function lengthProblems(draft: ReferralDraft): FieldProblem[] {
  const texts = [
    ['whatMatters', 'What matters', draft.whatMatters],
    ['barriers', 'Barriers', draft.barriers],
    ['contact.times', 'Best times', draft.contact.times],
    ['contact.safetyNotes', 'Safety notes', draft.contact.safetyNotes],
  ] as const;
  return texts
    .filter(([, , text]) => (text?.trim().length ?? 0) > MAX_TEXT)
    .map(([field, what]) => ({ field, message: MESSAGES.tooLong(what) }));
}

/**
 * Everything still wrong with the draft, in form order; empty when it can be
 * sent. Never throws.
 */
export function validateReferral(draft: ReferralDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!draft.patient.chi && !draft.patient.nhsNumber) problems.push({ field: 'patient', message: MESSAGES.noIdentifier });
  if (draft.needs.length === 0) problems.push({ field: 'needs', message: MESSAGES.noNeeds });
  for (const id of draft.needs) {
    if (!isNeedId(id)) problems.push({ field: 'needs', message: MESSAGES.unknownNeed(id) });
  }
  if (!cleanText(draft.whatMatters)) problems.push({ field: 'whatMatters', message: MESSAGES.noWhatMatters });
  if (!draft.level) problems.push({ field: 'level', message: MESSAGES.noLevel });
  if (!draft.urgency) problems.push({ field: 'urgency', message: MESSAGES.noUrgency });
  problems.push(...contactProblems(draft));
  problems.push(...lengthProblems(draft));
  if (!draft.consent.given) problems.push({ field: 'consent', message: MESSAGES.noConsent });
  if (!cleanText(draft.referrer.name)) problems.push({ field: 'referrer.name', message: MESSAGES.noReferrerName });
  if (!cleanText(draft.referrer.role)) problems.push({ field: 'referrer.role', message: MESSAGES.noReferrerRole });
  return problems;
}

/**
 * The Referral to send. `createdAt` (and consent time, if the form did not
 * stamp it) is `now`.
 * @throws ReferralInvalidError (name 'ReferralInvalid') listing the problems if the draft is not valid.
 */
export function draftToReferral(draft: ReferralDraft, now: Date): Referral {
  const problems = validateReferral(draft);
  if (problems.length > 0) throw new ReferralInvalidError(problems);
  return buildReferral(draft, now);
}
