import type { PatientContext, Sex } from '../context/patient-context';
import { UK_CORE } from './codes';

/** Where the patient's identifiers live; a practice setting, not a constant. */
export interface IdentifierSystems {
  chiSystem: string;
  nhsSystem: string;
}

/** Thrown by toFhirBundle when the person has neither a CHI nor an NHS number: the CLP's server could not match them. */
export class PatientIdentifierMissingError extends Error {
  override name = 'PatientIdentifierMissing';
  constructor() {
    super('This referral has no CHI or NHS number, so the Community Links service could not tell who the person is.');
  }
}

const GENDER = {
  female: 'female',
  male: 'male',
  unknown: 'unknown',
} as const satisfies Record<Sex, fhir4.Patient['gender']>;

/** The identifiers we can send, CHI first (Scotland), then NHS number. */
export function patientIdentifiers(patient: PatientContext, systems: IdentifierSystems): fhir4.Identifier[] {
  const ids: fhir4.Identifier[] = [];
  if (patient.chi) ids.push({ use: 'official', system: systems.chiSystem, value: patient.chi });
  if (patient.nhsNumber) ids.push({ use: 'official', system: systems.nhsSystem, value: patient.nhsNumber });
  return ids;
}

/** FHIR search escaping for a token's parts (`\`, `,`, `|`, `$`), so a value can never split the condition. */
function escapeToken(text: string): string {
  return text.replace(/[\\,|$]/g, (c) => `\\${c}`);
}

/**
 * The conditional-create search for the Patient: any of its identifiers
 * (a comma is OR in FHIR search), so a server that keyed the person by NHS
 * number still finds them when we send the CHI number first.
 * @throws PatientIdentifierMissingError when there is no identifier at all.
 */
export function patientCondition(patient: PatientContext, systems: IdentifierSystems): string {
  const ids = patientIdentifiers(patient, systems);
  if (ids.length === 0) throw new PatientIdentifierMissingError();
  return `identifier=${ids.map((i) => `${escapeToken(i.system ?? '')}|${escapeToken(i.value ?? '')}`).join(',')}`;
}

/**
 * The Patient resource, for a server that does not know the person yet (the
 * conditional create leaves an existing Patient untouched, which is why the
 * contact details also travel on the ServiceRequest). Names are sent as
 * `text` only: record screens show names in many layouts ("SMITH, Jane
 * (Mrs)") and guessing family/given would put a wrong surname on a referral.
 */
export function toFhirPatient(
  patient: PatientContext,
  systems: IdentifierSystems,
  contact: { phone?: string; email?: string } = {},
): fhir4.Patient {
  const resource: fhir4.Patient = { resourceType: 'Patient', meta: { profile: [UK_CORE.patient] } };
  const identifier = patientIdentifiers(patient, systems);
  if (identifier.length > 0) resource.identifier = identifier;
  if (patient.name?.trim()) resource.name = [{ use: 'official', text: patient.name.trim() }];
  const telecom: fhir4.ContactPoint[] = [];
  const phone = contact.phone?.trim() || patient.phone?.trim();
  if (phone) telecom.push({ system: 'phone', value: phone });
  if (contact.email?.trim()) telecom.push({ system: 'email', value: contact.email.trim() });
  if (telecom.length > 0) resource.telecom = telecom;
  resource.gender = GENDER[patient.sex];
  if (patient.birthDate) resource.birthDate = patient.birthDate;
  const address: fhir4.Address = {};
  if (patient.address?.trim()) address.text = patient.address.trim();
  if (patient.postcode?.trim()) address.postalCode = patient.postcode.trim();
  if (address.text || address.postalCode) resource.address = [{ use: 'home', ...address }];
  return resource;
}
