import { v5 as uuidv5 } from 'uuid';
import { needLabel } from '../prompts/needs';
import { LEVEL_LABELS, PRIORITY_BY_URGENCY, SOCIAL_PRESCRIBING_REFERRAL, SYSTEMS, URGENCY_LABELS } from './codes';
import { patientIdentifiers, toFhirPatient, type IdentifierSystems } from './fhir-patient';
import type { Referral } from './referral';

/**
 * Fixed namespace for the referral's resource uuids (v5 of
 * "https://links-sidebar.scot/referral" in the URL namespace). Never change it:
 * it is what makes a resend produce the very same fullUrls.
 */
export const REFERRAL_UUID_NAMESPACE = '96bc8d9c-b475-53f6-9b14-1a3ded3927de';

export interface FhirOptions {
  /** Identifier system for CHI numbers; any string (URL or `urn:oid:` form). */
  chiSystem?: string;
  /** Identifier system for NHS numbers. */
  nhsSystem?: string;
}

/** Thrown by {@link toFhirBundle} when the person has not agreed to be contacted. */
export class ConsentMissingError extends Error {
  override name = 'ConsentMissing';
  constructor() {
    super('The person must agree to be contacted by the Community Links Practitioner before this referral can be sent.');
  }
}

/** The `urn:uuid:` fullUrl of one part of a referral, stable for a referral id. */
export function referralUrn(referralId: string, part: 'patient' | 'service-request' | 'task'): string {
  return `urn:uuid:${uuidv5(`${referralId}/${part}`, REFERRAL_UUID_NAMESPACE)}`;
}

/**
 * The referral as a FHIR R4 transaction Bundle: Patient, ServiceRequest, Task.
 * Deterministic: same referral, same Bundle. ServiceRequest and Task use
 * conditional create on the referral id, and the Patient on its CHI/NHS
 * number, so a retried POST never makes a second referral.
 * @throws ConsentMissingError (name 'ConsentMissing') when consent is not given.
 */
export function toFhirBundle(referral: Referral, options: FhirOptions = {}): fhir4.Bundle {
  if (!referral.consent.given) throw new ConsentMissingError();
  const systems: IdentifierSystems = {
    chiSystem: options.chiSystem ?? SYSTEMS.chi,
    nhsSystem: options.nhsSystem ?? SYSTEMS.nhs,
  };
  const patientUrl = referralUrn(referral.id, 'patient');
  const requestUrl = referralUrn(referral.id, 'service-request');
  const taskUrl = referralUrn(referral.id, 'task');
  const idCondition = `identifier=${SYSTEMS.referralId}|${referral.id}`;
  const firstId = patientIdentifiers(referral.patient, systems)[0];

  const patientRequest: fhir4.BundleEntryRequest = { method: 'POST', url: 'Patient' };
  if (firstId) patientRequest.ifNoneExist = `identifier=${firstId.system}|${firstId.value}`;

  return {
    resourceType: 'Bundle',
    type: 'transaction',
    identifier: { system: SYSTEMS.referralId, value: referral.id },
    timestamp: referral.createdAt,
    entry: [
      { fullUrl: patientUrl, resource: toFhirPatient(referral.patient, systems, referral.contact.email), request: patientRequest },
      {
        fullUrl: requestUrl,
        resource: toServiceRequest(referral, patientUrl),
        request: { method: 'POST', url: 'ServiceRequest', ifNoneExist: idCondition },
      },
      {
        fullUrl: taskUrl,
        resource: toTask(referral, patientUrl, requestUrl),
        request: { method: 'POST', url: 'Task', ifNoneExist: idCondition },
      },
    ],
  };
}

function referralIdentifier(referral: Referral): fhir4.Identifier[] {
  return [{ system: SYSTEMS.referralId, value: referral.id }];
}

function requester(referral: Referral): fhir4.Reference {
  const { name, role } = referral.referrer;
  return { display: role ? `${name} (${role})` : name };
}

function toServiceRequest(referral: Referral, patientUrl: string): fhir4.ServiceRequest {
  const notes: fhir4.Annotation[] = [{ text: `What matters to the person: ${referral.whatMatters}` }];
  if (referral.barriers?.trim()) notes.push({ text: `Barriers to getting support: ${referral.barriers.trim()}` });
  notes.push({ text: contactText(referral) });
  if (referral.contact.safetyNotes?.trim()) {
    notes.push({ text: `Safety notes: ${referral.contact.safetyNotes.trim()}` });
  }
  notes.push({ text: `Consent to be contacted by the Community Links Practitioner recorded ${referral.consent.recordedAt}.` });
  return {
    resourceType: 'ServiceRequest',
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
    code: { coding: [{ ...SOCIAL_PRESCRIBING_REFERRAL }], text: SOCIAL_PRESCRIBING_REFERRAL.display },
    subject: { reference: patientUrl },
    authoredOn: referral.createdAt,
    requester: requester(referral),
    reasonCode: referral.needs.map((id) => ({
      coding: [{ system: SYSTEMS.need, code: id, display: needLabel(id) }],
      text: needLabel(id),
    })),
    note: notes,
  };
}

function contactText(referral: Referral): string {
  const { method, times } = referral.contact;
  const parts = [`Preferred contact: ${method}`];
  if (times?.trim()) parts.push(`best times: ${times.trim()}`);
  return `${parts.join('; ')}. Urgency: ${URGENCY_LABELS[referral.urgency]}.`;
}

function toTask(referral: Referral, patientUrl: string, requestUrl: string): fhir4.Task {
  return {
    resourceType: 'Task',
    identifier: referralIdentifier(referral),
    status: 'requested',
    intent: 'order',
    priority: PRIORITY_BY_URGENCY[referral.urgency],
    code: { coding: [{ ...SOCIAL_PRESCRIBING_REFERRAL }], text: SOCIAL_PRESCRIBING_REFERRAL.display },
    description: 'Community Links referral',
    focus: { reference: requestUrl },
    for: { reference: patientUrl },
    authoredOn: referral.createdAt,
    requester: requester(referral),
  };
}
