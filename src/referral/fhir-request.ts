/**
 * The ServiceRequest and Task of a referral, with the PRSB Social
 * Prescribing referral items (docs/referral.md maps each one). The practice
 * and the referrer travel as contained resources (an Organization and a
 * PractitionerRole) so the requester is a real reference without creating
 * records on the CLP's server on every send.
 */
import { needLabel } from '../prompts/needs';
import { EXTENSIONS, LEVEL_LABELS, PRIORITY_BY_URGENCY, SOCIAL_PRESCRIBING_REFERRAL, SYSTEMS, UK_CORE, URGENCY_LABELS } from './codes';
import type { ContactMethod, Referral } from './referral';

const METHOD_WORDS = { phone: 'phone call', text: 'text message', letter: 'letter', email: 'email' } as const satisfies Record<ContactMethod, string>;

function telecom(contact: { phone?: string; email?: string }, use?: fhir4.ContactPoint['use']): fhir4.ContactPoint[] {
  const points: fhir4.ContactPoint[] = [];
  if (contact.phone) points.push({ system: 'phone', value: contact.phone, ...(use ? { use } : {}) });
  if (contact.email) points.push({ system: 'email', value: contact.email, ...(use ? { use } : {}) });
  return points;
}

/** The practice (Organization, `#practice`) and the referrer (PractitionerRole, `#referrer`), contained in each resource that refers to them. */
export function requesterResources(referral: Referral): fhir4.FhirResource[] {
  const practice: fhir4.Organization = {
    resourceType: 'Organization',
    id: 'practice',
    meta: { profile: [UK_CORE.organization] },
    name: referral.practice.name,
  };
  const practiceTelecom = telecom(referral.practice, 'work');
  if (practiceTelecom.length > 0) practice.telecom = practiceTelecom;
  const role: fhir4.PractitionerRole = {
    resourceType: 'PractitionerRole',
    id: 'referrer',
    meta: { profile: [UK_CORE.practitionerRole] },
    practitioner: { display: referral.referrer.name },
    organization: { reference: '#practice', display: referral.practice.name },
    code: [{ text: referral.referrer.role }],
  };
  const referrerTelecom = telecom(referral.referrer, 'work');
  if (referrerTelecom.length > 0) role.telecom = referrerTelecom;
  return [practice, role];
}

export function requester(referral: Referral): fhir4.Reference {
  const { name, role } = referral.referrer;
  const who = role ? `${name} (${role})` : name;
  return { reference: '#referrer', display: referral.practice.name ? `${who}, ${referral.practice.name}` : who };
}

function contactExtension(referral: Referral): fhir4.Extension {
  const { method, times, safetyNotes } = referral.contact;
  const parts: fhir4.Extension[] = [{ url: 'method', valueCode: method }];
  for (const point of telecom(referral.contact)) parts.push({ url: 'telecom', valueContactPoint: point });
  if (times) parts.push({ url: 'times', valueString: times });
  if (safetyNotes) parts.push({ url: 'safety', valueString: safetyNotes });
  return { url: EXTENSIONS.contact, extension: parts };
}

function requestExtensions(referral: Referral): fhir4.Extension[] {
  const { risks, consent } = referral;
  const riskParts: fhir4.Extension[] = [{ url: 'noneKnown', valueBoolean: risks.noneKnown }];
  if (!risks.noneKnown) riskParts.push({ url: 'details', valueString: risks.details });
  const extensions: fhir4.Extension[] = [
    { url: EXTENSIONS.whatMatters, valueString: referral.whatMatters },
    contactExtension(referral),
    { url: EXTENSIONS.risks, extension: riskParts },
  ];
  if (referral.safeguarding) extensions.push({ url: EXTENSIONS.safeguarding, valueString: referral.safeguarding });
  extensions.push(
    {
      url: EXTENSIONS.consent,
      extension: [
        { url: 'referral', valueBoolean: consent.given },
        { url: 'shareInformation', valueBoolean: consent.shareInformation },
        { url: 'recordedAt', valueDateTime: consent.recordedAt },
      ],
    },
    { url: EXTENSIONS.responseRecipient, valueReference: responseRecipient(referral) },
  );
  return extensions;
}

function responseRecipient(referral: Referral): fhir4.Reference {
  return referral.returnTo === 'referrer'
    ? { reference: '#referrer', display: referral.referrer.name }
    : { reference: '#practice', display: referral.practice.name };
}

/** How to contact the person, in words (the same facts as the `referral-contact` extension). */
export function contactText(referral: Referral): string {
  const { method, phone, email, times } = referral.contact;
  const parts = [`Preferred contact: ${METHOD_WORDS[method]}`];
  if (phone) parts.push(`phone ${phone}`);
  if (email) parts.push(`email ${email}`);
  if (method === 'letter' && referral.patient.address) parts.push(`address ${referral.patient.address}`);
  if (times) parts.push(`best times: ${times}`);
  return `${parts.join('; ')}. Urgency: ${URGENCY_LABELS[referral.urgency]}.`;
}

function notes(referral: Referral): fhir4.Annotation[] {
  const r = referral;
  const reply = r.returnTo === 'referrer' ? r.referrer : r.practice;
  const replyTo = [r.returnTo === 'referrer' ? r.referrer.name : r.practice.name, reply.email, reply.phone].filter(Boolean).join(', ');
  const texts = [
    `What matters to the person: ${r.whatMatters}`,
    r.reason && `Reason for referral: ${r.reason}`,
    r.barriers && `Barriers to getting support: ${r.barriers}`,
    contactText(r),
    r.contact.safetyNotes && `Safety notes for contacting them: ${r.contact.safetyNotes}`,
    r.risks.noneKnown ? 'Risks: no known risks.' : `Risks: ${r.risks.details}`,
    r.safeguarding && `Safeguarding concerns: ${r.safeguarding}`,
    `Consent to be referred and contacted by the Community Links Practitioner, and to share this information with the Community Links service, recorded ${r.consent.recordedAt}.`,
    `Please send the response to: ${replyTo}.`,
  ];
  return texts.filter((t): t is string => Boolean(t)).map((text) => ({ text }));
}

function referralIdentifier(referral: Referral): fhir4.Identifier[] {
  return [{ system: SYSTEMS.referralId, value: referral.id }];
}

const code = (): fhir4.CodeableConcept => ({ coding: [{ ...SOCIAL_PRESCRIBING_REFERRAL }], text: SOCIAL_PRESCRIBING_REFERRAL.display });

export function toServiceRequest(referral: Referral, patientUrl: string): fhir4.ServiceRequest {
  const reasons: fhir4.CodeableConcept[] = referral.needs.map((id) => ({
    coding: [{ system: SYSTEMS.need, code: id, display: needLabel(id) }],
    text: needLabel(id),
  }));
  if (referral.reason) reasons.push({ text: referral.reason });
  return {
    resourceType: 'ServiceRequest',
    meta: { profile: [UK_CORE.serviceRequest] },
    contained: requesterResources(referral),
    extension: requestExtensions(referral),
    identifier: referralIdentifier(referral),
    status: 'active',
    intent: 'order',
    category: [
      {
        coding: [{ system: SYSTEMS.level, code: referral.level, display: LEVEL_LABELS[referral.level] }],
        text: LEVEL_LABELS[referral.level],
      },
    ],
    priority: PRIORITY_BY_URGENCY[referral.urgency],
    code: code(),
    subject: { reference: patientUrl },
    authoredOn: referral.createdAt,
    requester: requester(referral),
    performerType: { text: 'Community Links Practitioner' },
    reasonCode: reasons,
    note: notes(referral),
  };
}

export function toTask(referral: Referral, patientUrl: string, requestUrl: string): fhir4.Task {
  return {
    resourceType: 'Task',
    meta: { profile: [UK_CORE.task] },
    contained: requesterResources(referral),
    identifier: referralIdentifier(referral),
    status: 'requested',
    intent: 'order',
    priority: PRIORITY_BY_URGENCY[referral.urgency],
    code: code(),
    description: 'Community Links referral',
    focus: { reference: requestUrl },
    for: { reference: patientUrl },
    authoredOn: referral.createdAt,
    requester: requester(referral),
  };
}
