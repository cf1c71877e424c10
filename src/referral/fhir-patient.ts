import type { PatientContext, Sex } from '../context/patient-context';

/** Where the patient's identifiers live; a practice setting, not a constant. */
export interface IdentifierSystems {
  chiSystem: string;
  nhsSystem: string;
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

/**
 * The Patient resource. Names are sent as `text` only: record screens show
 * names in many layouts ("SMITH, Jane (Mrs)") and guessing family/given
 * would put a wrong surname on a referral.
 */
export function toFhirPatient(
  patient: PatientContext,
  systems: IdentifierSystems,
  email?: string,
): fhir4.Patient {
  const resource: fhir4.Patient = { resourceType: 'Patient' };
  const identifier = patientIdentifiers(patient, systems);
  if (identifier.length > 0) resource.identifier = identifier;
  if (patient.name?.trim()) resource.name = [{ use: 'official', text: patient.name.trim() }];
  const telecom: fhir4.ContactPoint[] = [];
  if (patient.phone?.trim()) telecom.push({ system: 'phone', value: patient.phone.trim() });
  if (email?.trim()) telecom.push({ system: 'email', value: email.trim() });
  if (telecom.length > 0) resource.telecom = telecom;
  resource.gender = GENDER[patient.sex];
  if (patient.birthDate) resource.birthDate = patient.birthDate;
  const address: fhir4.Address = {};
  if (patient.address?.trim()) address.text = patient.address.trim();
  if (patient.postcode?.trim()) address.postalCode = patient.postcode.trim();
  if (address.text || address.postalCode) resource.address = [{ use: 'home', ...address }];
  return resource;
}
