import { v5 as uuidv5 } from 'uuid';
import { SYSTEMS } from './codes';
import { patientCondition, toFhirPatient, type IdentifierSystems } from './fhir-patient';
import { toServiceRequest, toTask } from './fhir-request';
import type { Referral } from './referral';

export { PatientIdentifierMissingError } from './fhir-patient';

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

/** Thrown by {@link toFhirBundle} when the person has not agreed to be contacted and to their details being shared. */
export class ConsentMissingError extends Error {
  override name = 'ConsentMissing';
  constructor() {
    super(
      'The person must agree to be contacted by the Community Links Practitioner, and to their details being shared, before this referral can be sent.',
    );
  }
}

/** The `urn:uuid:` fullUrl of one part of a referral, stable for a referral id. */
export function referralUrn(referralId: string, part: 'patient' | 'service-request' | 'task'): string {
  return `urn:uuid:${uuidv5(`${referralId}/${part}`, REFERRAL_UUID_NAMESPACE)}`;
}

/**
 * The referral as a FHIR R4 transaction Bundle: Patient, ServiceRequest, Task.
 * Deterministic: same referral, same Bundle. ServiceRequest and Task use
 * conditional create on the referral id, and the Patient on its CHI or NHS
 * number, so a retried POST never makes a second referral and a person the
 * CLP's server already knows is not duplicated. Everything the CLP needs to
 * reach the person is on the ServiceRequest, so nothing is lost when their
 * server keeps its own Patient.
 * @throws ConsentMissingError (name 'ConsentMissing') when consent is not given.
 * @throws PatientIdentifierMissingError (name 'PatientIdentifierMissing') when there is no CHI or NHS number.
 */
export function toFhirBundle(referral: Referral, options: FhirOptions = {}): fhir4.Bundle {
  if (!referral.consent.given || !referral.consent.shareInformation) throw new ConsentMissingError();
  const systems: IdentifierSystems = {
    chiSystem: options.chiSystem ?? SYSTEMS.chi,
    nhsSystem: options.nhsSystem ?? SYSTEMS.nhs,
  };
  const condition = patientCondition(referral.patient, systems);
  const patientUrl = referralUrn(referral.id, 'patient');
  const requestUrl = referralUrn(referral.id, 'service-request');
  const taskUrl = referralUrn(referral.id, 'task');
  const idCondition = `identifier=${SYSTEMS.referralId}|${referral.id}`;

  return {
    resourceType: 'Bundle',
    type: 'transaction',
    identifier: { system: SYSTEMS.referralId, value: referral.id },
    timestamp: referral.createdAt,
    entry: [
      {
        fullUrl: patientUrl,
        resource: toFhirPatient(referral.patient, systems, referral.contact),
        request: { method: 'POST', url: 'Patient', ifNoneExist: condition },
      },
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
