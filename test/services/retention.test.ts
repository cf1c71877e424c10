/**
 * Issue #11, "retention covers everything personal": every store the
 * extension keeps is aged past the practice's retention period, and nothing
 * identifying or free text about a patient is left in any table.
 */
import { beforeEach, expect, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import { LinksDatabase } from '../../src/db/database';
import { newReferralDraft } from '../../src/referral/draft';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { saveDraft } from '../../src/services/drafts/store';
import { enqueue } from '../../src/services/outbox/enqueue';
import { createOutboxScheduler } from '../../src/services/outbox/scheduler';
import { createPatientKeys, type PatientKeys } from '../../src/services/privacy/patient-keys';
import { applyRetention } from '../../src/services/privacy/retention';
import { promptAction } from '../../src/services/prompts/suppressions';
import { draftKey } from '../../src/lib/salted-hash';

const DAY = 86_400_000;
let db: LinksDatabase;
let keys: PatientKeys;
let n = 0;
beforeEach(() => {
  db = new LinksDatabase(`retention-${++n}`);
  keys = createPatientKeys(db);
});

const people: PatientContext[] = [
  { name: 'DOCHERTY, Margaret (Mrs)', birthDate: '1952-03-14', sex: 'female', chi: '1403522103', postcode: 'G31 3JD', phone: '0141 554 2187', address: '2/1, 14 Kelvinbrae Crescent, Glasgow', problems: [{ term: 'COPD' }], notes: 'Rent arrears, eviction letter', pageKind: 'consultation', source: { adapter: 'careview', confidence: 1 } },
  { name: 'KERR, Agnes (Miss)', birthDate: '1958-07-03', sex: 'female', chi: '0307582817', postcode: 'G40 1BX', phone: '07700 900 456', problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'careview', confidence: 1 } },
];
/** Everything that must be gone after retention: identifiers, names, contact details, free text. */
const PERSONAL = ['1403522103', '0307582817', 'DOCHERTY', 'Margaret', 'KERR', 'Agnes', 'G31 3JD', 'G40 1BX', '554 2187', '900 456', 'Kelvinbrae Crescent', 'Rent arrears', 'PRIVATE-WHAT-MATTERS', 'PRIVATE-DRAFT-TEXT', 'PRIVATE-SAFETY'];

async function everyTable(): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return JSON.stringify(dump);
}

test('past the retention period no table holds an identifier, a name, contact details or free text', async () => {
  const now = new Date('2026-11-01T09:00:00Z');
  keys = createPatientKeys(db, () => now);
  // A legacy salt from before the HMAC key (an install upgraded from an earlier version).
  await db.kv.put({ key: 'salt', value: 'a'.repeat(64) });
  const [margaret, agnes] = people as [PatientContext, PatientContext];
  const settings: Settings = { ...defaultSettings(), destination: { kind: 'print' } };
  // A referral sent (by hand: print), and one failed long ago (webhook that refused).
  const draft = (p: PatientContext, id: string) => ({
    ...newReferralDraft(p, { name: 'Dr A. Murray', role: 'GP' }, ['money'], now, id),
    whatMatters: 'PRIVATE-WHAT-MATTERS',
    contact: { method: 'phone' as const, phone: p.phone, safetyNotes: 'PRIVATE-SAFETY' },
    risks: { noneKnown: true },
    consent: { given: true, shareInformation: true, recordedAt: now.toISOString() },
    practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 496 0000' },
  });
  const sent = await enqueue(db, keys, settings, draft(margaret, 'ref-sent-1'), 'chi:1403522103', now);
  await db.outbox.update(sent.id, { state: 'sent', sentAt: now.toISOString(), clpMessage: 'Seen by Morag; PRIVATE-WHAT-MATTERS' });
  const webhook: Settings = { ...defaultSettings(), destination: { kind: 'webhook', url: 'https://127.0.0.1:9/none' } };
  const failed = await enqueue(db, keys, webhook, draft(agnes, 'ref-failed-1'), 'chi:0307582817', now);
  await db.outbox.update(failed.id, { state: 'failed', lastError: 'refused for KERR, Agnes', updatedAt: now.toISOString() });
  // A draft never sent, dismissals and a snooze, and an event.
  await saveDraft(db, keys, 'chi:0307582817', { ...draft(agnes, 'ref-draft-1'), whatMatters: 'PRIVATE-DRAFT-TEXT' }, now);
  await promptAction(db, keys, { patientKey: 'chi:1403522103', ruleId: 'money-words', need: 'money', action: 'dismissed', role: 'gp' }, now);
  await promptAction(db, keys, { patientKey: 'chi:0307582817', ruleId: 'housing-words', need: 'housing', action: 'snoozed', role: 'gp' }, now);
  const before = await everyTable();
  for (const word of ['1403522103', 'PRIVATE-WHAT-MATTERS', 'PRIVATE-DRAFT-TEXT', 'KERR']) expect(before).toContain(word);

  // One day short of 30: everything kept.
  const early = await applyRetention(db, keys, 30, new Date(now.getTime() + 29 * DAY));
  expect(early).toEqual({ outboxReduced: 0, draftsDeleted: 0, suppressionsDeleted: 0, legacySaltDeleted: false });

  // Past it: nothing personal anywhere.
  const report = await applyRetention(db, keys, 30, new Date(now.getTime() + 31 * DAY));
  expect(report).toEqual({ outboxReduced: 2, draftsDeleted: 1, suppressionsDeleted: 4, legacySaltDeleted: true });
  const after = await everyTable();
  for (const word of PERSONAL) expect(after, word).not.toContain(word);
  // Counts for the practice survive: needs, level, state and dates.
  const rows = await db.outbox.toArray();
  expect(rows.map((r) => [r.state, r.summary.needs])).toEqual(expect.arrayContaining([['sent', ['money']], ['failed', ['money']]]));
  expect(await db.eventCounts.count()).toBeGreaterThan(0);
});

test('the keyed hash is HMAC with a key no script can read, not a salt stored beside the hashes', async () => {
  const hash = await keys.hash('chi:1403522103');
  const row = await db.kv.get('patientHmacKey');
  expect(row?.value).toBeInstanceOf(CryptoKey);
  expect((row?.value as CryptoKey).extractable).toBe(false);
  await expect(crypto.subtle.exportKey('raw', row?.value as CryptoKey)).rejects.toThrow();
  // No salt is stored, and knowing the old scheme does not give the hash back.
  expect(await db.kv.get('salt')).toBeUndefined();
  expect(hash).not.toBe(await draftKey('chi:1403522103', ''));
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
});

test("an upgraded install still finds drafts keyed by the old salt, and moves them to the HMAC key on the next save", async () => {
  const salt = 'b'.repeat(64);
  await db.kv.put({ key: 'salt', value: salt });
  const legacyHash = await draftKey('chi:1403522103', salt);
  const old = { ...newReferralDraft(people[0] as PatientContext, { name: 'Dr', role: 'GP' }, ['money'], new Date(), 'ref-old-1'), whatMatters: 'kept' };
  await db.drafts.put({ patientHash: legacyHash, draft: old, updatedAt: new Date().toISOString() });
  const { getDraft } = await import('../../src/services/drafts/store');
  expect((await getDraft(db, keys, 'chi:1403522103'))?.draft.whatMatters).toBe('kept');
  await saveDraft(db, keys, 'chi:1403522103', { ...old, whatMatters: 'moved' });
  expect(await db.drafts.get(legacyHash)).toBeUndefined();
  expect((await getDraft(db, keys, 'chi:1403522103'))?.draft.whatMatters).toBe('moved');
});

test('the scheduler is an instance: two do not share state', () => {
  const a = createOutboxScheduler(db, async () => defaultSettings());
  const b = createOutboxScheduler(db, async () => defaultSettings());
  expect(a).not.toBe(b);
  a.stop();
  b.stop();
});
