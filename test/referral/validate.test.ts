import { describe, expect, test } from 'vitest';
import { draftToReferral, MESSAGES, newReferralDraft, validateReferral, type ReferralDraft } from '../../src/referral/validate';
import { patient } from './fixtures';

const now = new Date('2026-11-20T10:16:00.000Z');

const practice = { name: 'Kelvinbrae Medical Practice', phone: '0141 555 0100' };

function validDraft(): ReferralDraft {
  const draft = newReferralDraft(patient, { name: 'Dr A Stewart', role: 'GP', practice }, ['loneliness'], now, 'ref-1');
  return { ...draft, whatMatters: 'Meeting people', risks: { noneKnown: true }, consent: { given: true, shareInformation: true } };
}

describe('newReferralDraft', () => {
  test('defaults: version 2, routine, CLP level, phone when the record has one, reply to the practice; consent and risks unset', () => {
    const d = newReferralDraft(patient, { name: 'A', role: 'GP', practice }, ['food', 'food', 'money'], now, 'x');
    expect(d).toMatchObject({
      version: 2, id: 'x', urgency: 'routine', level: 'clp', contact: { method: 'phone', phone: '07700 900123' },
      consent: { given: false }, risks: {}, returnTo: 'practice', referrer: { name: 'A', role: 'GP' }, practice,
    });
    expect(d.referrer).not.toHaveProperty('practice');
    expect(d.needs).toEqual(['food', 'money']);
    expect(d.createdAt).toBe(now.toISOString());
  });
  test('generates a uuid id when none is given', () => {
    const a = newReferralDraft(patient, {}, [], now).id;
    const b = newReferralDraft(patient, {}, [], now).id;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
  test('no phone on the record: no contact method chosen', () => {
    expect(newReferralDraft({ ...patient, phone: undefined }, {}, [], now).contact.method).toBeUndefined();
  });
});

type Edit = (d: ReferralDraft) => ReferralDraft;
const cases: [string, Edit, string, string][] = [
  ['no needs', (d) => ({ ...d, needs: [] }), 'needs', MESSAGES.noNeeds],
  ['unknown need', (d) => ({ ...d, needs: ['astrology'] }), 'needs', MESSAGES.unknownNeed('astrology')],
  ['no identifier', (d) => ({ ...d, patient: { ...d.patient, chi: undefined, nhsNumber: undefined } }), 'patient', MESSAGES.noIdentifier],
  ['blank what matters', (d) => ({ ...d, whatMatters: '   ' }), 'whatMatters', MESSAGES.noWhatMatters],
  ['too long what matters', (d) => ({ ...d, whatMatters: 'x'.repeat(1001) }), 'whatMatters', MESSAGES.tooLong('What matters')],
  ['no level', (d) => ({ ...d, level: undefined }), 'level', MESSAGES.noLevel],
  ['no urgency', (d) => ({ ...d, urgency: undefined }), 'urgency', MESSAGES.noUrgency],
  ['no method', (d) => ({ ...d, contact: {} }), 'contact.method', MESSAGES.noMethod],
  ['phone without number', (d) => ({ ...d, contact: { method: 'phone', phone: '' } }), 'contact.phone', MESSAGES.noPhone],
  ['phone too short', (d) => ({ ...d, contact: { method: 'phone', phone: '12345' } }), 'contact.phone', MESSAGES.badPhone],
  ['text to a landline', (d) => ({ ...d, contact: { method: 'text', phone: '0141 555 0101' } }), 'contact.phone', MESSAGES.noMobile],
  ['letter without address', (d) => ({ ...d, contact: { method: 'letter' }, patient: { ...d.patient, address: undefined } }), 'patient.address', MESSAGES.noAddress],
  ['email without address', (d) => ({ ...d, contact: { method: 'email' } }), 'contact.email', MESSAGES.noEmail],
  ['email malformed', (d) => ({ ...d, contact: { method: 'email', email: 'jane@' } }), 'contact.email', MESSAGES.badEmail],
  ['no consent', (d) => ({ ...d, consent: { given: false, shareInformation: true } }), 'consent', MESSAGES.noConsent],
  ['no consent to share', (d) => ({ ...d, consent: { given: true } }), 'consent.shareInformation', MESSAGES.noShareConsent],
  ['risks not recorded', (d) => ({ ...d, risks: {} }), 'risks', MESSAGES.noRisks],
  ['risks blank', (d) => ({ ...d, risks: { noneKnown: false, details: '  ' } }), 'risks', MESSAGES.noRisks],
  ['no known risks and risks described', (d) => ({ ...d, risks: { noneKnown: true, details: 'Dog' } }), 'risks', MESSAGES.risksAndNone],
  ['too long safeguarding', (d) => ({ ...d, safeguarding: 'x'.repeat(1001) }), 'safeguarding', MESSAGES.tooLong('Safeguarding concerns')],
  ['no practice name', (d) => ({ ...d, practice: { ...d.practice, name: ' ' } }), 'practice.name', MESSAGES.noPractice],
  ['nobody reachable', (d) => ({ ...d, practice: { name: 'P' }, referrer: { name: 'A', role: 'GP' } }), 'referrer.contact', MESSAGES.noReferrerContact],
  ['reply to the referrer, who has no contact', (d) => ({ ...d, returnTo: 'referrer' }), 'returnTo', MESSAGES.noReturnToReferrer],
  ['reply to the practice, which has no contact', (d) => ({ ...d, practice: { name: 'P' }, referrer: { name: 'A', role: 'GP', phone: '0141 555 0199' } }), 'returnTo', MESSAGES.noReturnToPractice],
  ['bad referrer email', (d) => ({ ...d, referrer: { ...d.referrer, email: 'me@' } }), 'referrer.email', MESSAGES.badReferrerEmail],
  ['bad practice email', (d) => ({ ...d, practice: { ...d.practice, email: 'p@x' } }), 'practice.email', MESSAGES.badPracticeEmail],
  ['no referrer name', (d) => ({ ...d, referrer: { role: 'GP' } }), 'referrer.name', MESSAGES.noReferrerName],
  ['no referrer role', (d) => ({ ...d, referrer: { name: 'A' } }), 'referrer.role', MESSAGES.noReferrerRole],
];

describe('validateReferral', () => {
  test('a complete draft has no problems', () => {
    expect(validateReferral(validDraft())).toEqual([]);
  });
  test.each(cases)('%s -> %s', (_name, edit, field, message) => {
    expect(validateReferral(edit(validDraft()))).toEqual([{ field, message }]);
  });
  test.each([
    ['text to +44 mobile', { method: 'text' as const }, '+44 7700 900123'],
    ['phone to landline', { method: 'phone' as const }, '(0141) 555-0101'],
    ['letter', { method: 'letter' as const }, undefined],
    ['email', { method: 'email' as const, email: 'jane@example.org' }, undefined],
  ])('valid contact: %s', (_name, contact, phone) => {
    const d = validDraft();
    expect(validateReferral({ ...d, contact: { ...contact, phone } })).toEqual([]);
  });
  test('reply to the referrer who gave an email: valid', () => {
    expect(validateReferral({ ...validDraft(), returnTo: 'referrer', referrer: { name: 'A', role: 'GP', email: 'a@nhs.scot' } })).toEqual([]);
  });
  test('a blank form lists every problem in form order', () => {
    const blank = newReferralDraft({ ...patient, phone: undefined, chi: undefined, nhsNumber: undefined }, {}, [], now, 'b');
    expect(validateReferral(blank).map((p) => p.field)).toEqual([
      'patient', 'needs', 'whatMatters', 'contact.method', 'risks', 'consent', 'consent.shareInformation',
      'referrer.name', 'referrer.role', 'practice.name', 'referrer.contact',
    ]);
  });
});

describe('draftToReferral', () => {
  test('builds a trimmed Referral stamped with now', () => {
    const d = validDraft();
    const r = draftToReferral(
      { ...d, whatMatters: '  Meeting people ', barriers: ' ', reason: ' ', safeguarding: ' None known ', contact: { method: 'phone', phone: ' 07700 900123 ', times: ' am ' } },
      now,
    );
    expect(r).toEqual({
      id: 'ref-1',
      patient,
      needs: ['loneliness'],
      whatMatters: 'Meeting people',
      level: 'clp',
      urgency: 'routine',
      contact: { method: 'phone', phone: '07700 900123', times: 'am' },
      risks: { noneKnown: true },
      safeguarding: 'None known',
      consent: { given: true, shareInformation: true, recordedAt: now.toISOString() },
      referrer: { name: 'Dr A Stewart', role: 'GP' },
      practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 555 0100' },
      returnTo: 'practice',
      createdAt: now.toISOString(),
    });
  });
  test('risks described travel as details', () => {
    const r = draftToReferral({ ...validDraft(), risks: { noneKnown: false, details: ' Dog in the house ' } }, now);
    expect(r.risks).toEqual({ noneKnown: false, details: 'Dog in the house' });
  });
  test('keeps the consent time the form recorded', () => {
    const d = validDraft();
    const r = draftToReferral({ ...d, consent: { given: true, shareInformation: true, recordedAt: '2026-11-20T10:00:00.000Z' } }, now);
    expect(r.consent.recordedAt).toBe('2026-11-20T10:00:00.000Z');
  });
  test('refuses an invalid draft with the problems', () => {
    const d = { ...validDraft(), needs: [] };
    expect(() => draftToReferral(d, now)).toThrowError(expect.objectContaining({ name: 'ReferralInvalid', problems: [{ field: 'needs', message: MESSAGES.noNeeds }] }) as Error);
  });
});

test('a draft saved before version 2 (no risks, no practice) is reported, not a crash', () => {
  const { risks: _r, practice: _p, ...old } = validDraft();
  const problems = validateReferral(old as unknown as ReferralDraft).map((p) => p.field);
  expect(problems).toEqual(['risks', 'practice.name', 'referrer.contact']);
});
