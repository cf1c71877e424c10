import type { PatientContext } from '../../src/context/patient-context';
import type { Referral } from '../../src/referral/referral';

/** A fictional patient; CHI and NHS numbers are made up. */
export const patient: PatientContext = {
  name: 'Jane MACDONALD',
  birthDate: '1952-03-14',
  age: 74,
  sex: 'female',
  chi: '1403521234',
  nhsNumber: '9434765919',
  postcode: 'G31 4QT',
  address: '12 Duke Street, Glasgow',
  phone: '07700 900123',
  problems: [{ term: 'Type 2 diabetes', code: '44054006' }],
  notes: 'Lives alone since husband passed away. Worried about gas bill.',
  pageKind: 'consultation',
  source: { adapter: 'test', confidence: 1 },
};

export function makeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: '3f1c9a52-7d1e-4b8e-9a57-0c3b2f4e6d11',
    patient,
    needs: ['loneliness', 'fuel'],
    whatMatters: 'Getting out of the house and meeting people again.',
    barriers: 'Does not use the internet.',
    level: 'clp',
    urgency: 'soon',
    contact: { method: 'phone', phone: '07700 900123', times: 'Mornings', safetyNotes: 'Hard of hearing: let it ring.' },
    risks: { noneKnown: true },
    consent: { given: true, shareInformation: true, recordedAt: '2026-11-20T10:15:00.000Z' },
    referrer: { name: 'Dr A Stewart', role: 'GP' },
    practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 555 0100', email: 'kelvinbrae.practice@nhs.scot' },
    returnTo: 'practice',
    createdAt: '2026-11-20T10:16:00.000Z',
    ...overrides,
  };
}
