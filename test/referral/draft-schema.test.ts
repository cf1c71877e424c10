import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { newReferralDraft } from '../../src/referral/draft';
import { parseDraft, ReferralDraftSchema } from '../../src/referral/draft-schema';
import { patient as fixturePatient } from './fixtures';

// A draft crosses the boundary only with an identifier that passes its check digit (the shared fixture's does not).
const patient = { ...fixturePatient, chi: '1403522103' };

const now = new Date('2026-11-20T10:16:00.000Z');
const draft = () => newReferralDraft(patient, { name: 'Dr A Stewart', role: 'GP', practice: { name: 'Kelvinbrae' } }, ['money'], now, 'ref-1');

/** A draft as version 1 saved it (before issue #15). */
const v1 = {
  id: 'ref-old',
  patient,
  needs: ['money'],
  whatMatters: 'Bills',
  level: 'clp',
  urgency: 'routine',
  contact: { method: 'phone', times: 'am' },
  consent: { given: true, recordedAt: '2026-11-19T09:00:00.000Z' },
  referrer: { name: 'Dr A Stewart', role: 'GP' },
  createdAt: '2026-11-19T09:00:00.000Z',
};

describe('ReferralDraftSchema', () => {
  test('a new draft passes as it is', () => {
    expect(v.parse(ReferralDraftSchema, draft())).toEqual(draft());
    expect(parseDraft(draft())).toEqual({ ok: true, draft: draft(), migrated: false });
  });

  test('a CHI that fails its check digit is refused at the boundary', () => {
    expect(parseDraft({ ...draft(), patient: fixturePatient })).toMatchObject({ ok: false, reason: expect.stringContaining('patient.chi') });
  });

  test.each([
    ['no version', (d: Record<string, unknown>) => ({ ...d, version: undefined }), 'version'],
    ['a CHI that is not 10 digits', (d: Record<string, unknown>) => ({ ...d, patient: { ...patient, chi: '123' } }), 'patient.chi'],
    ['an unknown level', (d: Record<string, unknown>) => ({ ...d, level: 'lots' }), 'level'],
    ['text far too long', (d: Record<string, unknown>) => ({ ...d, whatMatters: 'x'.repeat(5000) }), 'whatMatters'],
    ['returnTo elsewhere', (d: Record<string, unknown>) => ({ ...d, returnTo: 'the moon' }), 'returnTo'],
  ])('refuses %s', (_name, edit, path) => {
    const result = v.safeParse(ReferralDraftSchema, edit(draft() as unknown as Record<string, unknown>));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => v.getDotPath(i))).toContain(path);
  });

  test('unknown keys are dropped (nothing smuggled through the boundary)', () => {
    const parsed = parseDraft({ ...draft(), extra: 'x', patient: { ...patient, secret: 'y' } });
    expect(parsed.ok && 'extra' in parsed.draft).toBe(false);
    expect(parsed.ok && 'secret' in parsed.draft.patient).toBe(false);
  });
});

describe('parseDraft', () => {
  test('a version-1 draft is upgraded: phone into contact, reply to the practice, new items left unset', () => {
    const parsed = parseDraft(v1);
    expect(parsed).toEqual({
      ok: true,
      migrated: true,
      draft: { ...v1, version: 2, contact: { method: 'phone', times: 'am', phone: '07700 900123' }, risks: {}, practice: {}, returnTo: 'practice' },
    });
  });

  test('a version-1 letter draft gets no phone', () => {
    const parsed = parseDraft({ ...v1, contact: { method: 'letter' } });
    expect(parsed.ok && parsed.draft.contact).toEqual({ method: 'letter' });
  });

  test.each([null, 'draft', { version: 3 }, { ...v1, consent: 'yes' }])('refuses %o with a reason', (input) => {
    const parsed = parseDraft(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^The referral draft could not be read/);
  });
});
