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
  noRisks: 'Describe any risks to the person or to someone visiting them, or tick "No known risks".',
  risksAndNone: 'You ticked "No known risks" and also described risks. Untick it, or clear the risks.',
  noShareConsent: 'The person must agree to their details being shared with the Community Links service before you can send this.',
  noPractice: 'Add the practice name so the Community Links Practitioner knows where the referral came from.',
  noReferrerContact: 'Add a phone number or email address for the practice or for you, so the Community Links Practitioner can reach the referrer.',
  badReferrerEmail: 'Your email address does not look right. Check it.',
  badPracticeEmail: "The practice's email address does not look right. Check it.",
  noReturnToPractice: "The reply goes to the practice: add the practice's phone number or email address, or send the reply to you.",
  noReturnToReferrer: 'The reply goes to you: add your phone number or email address, or send the reply to the practice.',
} as const;

/** UK numbers as digits: 0 + 10 digits once +44 is folded back to 0. */
function ukDigits(phone: string): string {
  const digits = phone.replace(/[\s()-]/g, '').replace(/^\+44/, '0').replace(/^0044/, '0');
  return /^\d+$/.test(digits) ? digits : '';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactProblems(draft: ReferralDraft): FieldProblem[] {
  const { method } = draft.contact;
  const phone = cleanText(draft.contact.phone);
  const email = cleanText(draft.contact.email);
  if (!method) return [{ field: 'contact.method', message: MESSAGES.noMethod }];
  if (method === 'phone' || method === 'text') {
    if (!phone) return [{ field: 'contact.phone', message: MESSAGES.noPhone }];
    const digits = ukDigits(phone);
    if (digits.length < 10 || digits.length > 11) return [{ field: 'contact.phone', message: MESSAGES.badPhone }];
    if (method === 'text' && !digits.startsWith('07')) return [{ field: 'contact.phone', message: MESSAGES.noMobile }];
  }
  if (method === 'letter' && !cleanText(draft.patient.address)) {
    return [{ field: 'patient.address', message: MESSAGES.noAddress }];
  }
  if (method === 'email') {
    if (!email) return [{ field: 'contact.email', message: MESSAGES.noEmail }];
    if (!EMAIL.test(email)) return [{ field: 'contact.email', message: MESSAGES.badEmail }];
  }
  return [];
}

/** PRSB: risks are recorded either as text or as an explicit "no known risks", never left to be assumed. */
function riskProblems(draft: ReferralDraft): FieldProblem[] {
  // `?? {}`: a draft saved before version 2 has no risks yet (see parseDraft).
  const risks = draft.risks ?? {};
  const details = cleanText(risks.details);
  if (risks.noneKnown && details) return [{ field: 'risks', message: MESSAGES.risksAndNone }];
  if (!risks.noneKnown && !details) return [{ field: 'risks', message: MESSAGES.noRisks }];
  return [];
}

/** The referrer's organisation (the practice), a way to reach the referrer, and a place for the reply. */
function referrerProblems(draft: ReferralDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const practice = draft.practice ?? {};
  if (!cleanText(draft.referrer.name)) problems.push({ field: 'referrer.name', message: MESSAGES.noReferrerName });
  if (!cleanText(draft.referrer.role)) problems.push({ field: 'referrer.role', message: MESSAGES.noReferrerRole });
  if (!cleanText(practice.name)) problems.push({ field: 'practice.name', message: MESSAGES.noPractice });
  const referrerEmail = cleanText(draft.referrer.email);
  const practiceEmail = cleanText(practice.email);
  if (referrerEmail && !EMAIL.test(referrerEmail)) problems.push({ field: 'referrer.email', message: MESSAGES.badReferrerEmail });
  if (practiceEmail && !EMAIL.test(practiceEmail)) problems.push({ field: 'practice.email', message: MESSAGES.badPracticeEmail });
  const referrerReachable = Boolean(referrerEmail || cleanText(draft.referrer.phone));
  const practiceReachable = Boolean(practiceEmail || cleanText(practice.phone));
  if (!referrerReachable && !practiceReachable) {
    problems.push({ field: 'referrer.contact', message: MESSAGES.noReferrerContact });
  } else if (draft.returnTo === 'referrer' && !referrerReachable) {
    problems.push({ field: 'returnTo', message: MESSAGES.noReturnToReferrer });
  } else if (draft.returnTo !== 'referrer' && !practiceReachable) {
    problems.push({ field: 'returnTo', message: MESSAGES.noReturnToPractice });
  }
  return problems;
}

function lengthProblems(draft: ReferralDraft): FieldProblem[] {
  const texts = [
    ['reason', 'Reason for referral', draft.reason],
    ['whatMatters', 'What matters', draft.whatMatters],
    ['barriers', 'Barriers', draft.barriers],
    ['contact.times', 'Best times', draft.contact.times],
    ['contact.safetyNotes', 'Safety notes', draft.contact.safetyNotes],
    ['risks', 'Risks', draft.risks?.details],
    ['safeguarding', 'Safeguarding concerns', draft.safeguarding],
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
  problems.push(...riskProblems(draft));
  problems.push(...lengthProblems(draft));
  if (!draft.consent.given) problems.push({ field: 'consent', message: MESSAGES.noConsent });
  if (!draft.consent.shareInformation) problems.push({ field: 'consent.shareInformation', message: MESSAGES.noShareConsent });
  problems.push(...referrerProblems(draft));
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
