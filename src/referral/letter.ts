import { needLabel } from '../prompts/needs';
import { LEVEL_LABELS, URGENCY_LABELS } from './codes';
import type { ContactMethod, Referral } from './referral';

/** Subject for every referral email: nothing in it may identify the person. */
export const EMAIL_SUBJECT = 'Community Links referral';

const METHOD_LABELS = {
  phone: 'Phone call',
  text: 'Text message',
  letter: 'Letter',
  email: 'Email',
} as const satisfies Record<ContactMethod, string>;

function line(label: string, value: string | undefined): string[] {
  return value?.trim() ? [`${label}: ${value.trim()}`] : [];
}

/** dd/mm/yyyy, as Scottish practices write dates; the ISO text if it does not parse. */
function ukDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The referral as plain text, for printing, copying into a letter or an email
 * body. Sections in the order a CLP reads them: who, why, how to contact.
 */
export function referralLetter(referral: Referral): string {
  const p = referral.patient;
  const c = referral.contact;
  const reply = referral.returnTo === 'referrer' ? referral.referrer : referral.practice;
  const replyName = referral.returnTo === 'referrer' ? referral.referrer.name : referral.practice.name;
  const lines = [
    'Community Links referral',
    `Reference: ${referral.id}`,
    `Date: ${ukDate(referral.createdAt) ?? ''}`,
    '',
    'Person',
    ...line('Name', p.name),
    ...line('CHI number', p.chi),
    ...line('NHS number', p.nhsNumber),
    ...line('Date of birth', ukDate(p.birthDate)),
    ...line('Address', p.address),
    ...line('Postcode', p.postcode),
    ...line('Phone', c.phone ?? p.phone),
    ...line('Email', c.email),
    '',
    'Referral',
    `Needs: ${referral.needs.map(needLabel).join('; ')}`,
    ...line('Reason for referral', referral.reason),
    `What matters to the person: ${referral.whatMatters}`,
    ...line('Barriers to getting support', referral.barriers),
    `Level of support: ${LEVEL_LABELS[referral.level]}`,
    `Urgency: ${URGENCY_LABELS[referral.urgency]}`,
    `Risks: ${referral.risks.noneKnown ? 'no known risks' : referral.risks.details}`,
    ...line('Safeguarding concerns', referral.safeguarding),
    '',
    'Contact',
    `Preferred contact: ${METHOD_LABELS[c.method]}`,
    ...line('Best times', c.times),
    ...line('Safety notes', c.safetyNotes),
    `Consent to referral and contact: ${referral.consent.given ? `given (${ukDate(referral.consent.recordedAt) ?? ''})` : 'NOT given'}`,
    `Consent to share this information: ${referral.consent.shareInformation ? 'given' : 'NOT given'}`,
    '',
    `Referred by: ${referral.referrer.name}${referral.referrer.role ? `, ${referral.referrer.role}` : ''}`,
    ...line('Referrer phone', referral.referrer.phone),
    ...line('Referrer email', referral.referrer.email),
    ...line('Practice', referral.practice.name),
    ...line('Practice phone', referral.practice.phone),
    ...line('Practice email', referral.practice.email),
    `Please send the response to: ${[replyName, reply.email, reply.phone].filter(Boolean).join(', ')}`,
  ];
  return lines.join('\n');
}

/**
 * A mailto: link with the letter as body. The subject is always the fixed
 * {@link EMAIL_SUBJECT}: subjects show in inbox lists and notifications.
 * Line breaks are CRLF as RFC 6068 asks.
 */
export function mailtoLink(referral: Referral, to: string): string {
  const body = referralLetter(referral).replace(/\n/g, '\r\n');
  return `mailto:${encodeURIComponent(to.trim()).replace(/%40/g, '@')}?subject=${encodeURIComponent(EMAIL_SUBJECT)}&body=${encodeURIComponent(body)}`;
}
