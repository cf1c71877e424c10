/**
 * The outbox in the background: stored before sending, delivered once,
 * retried on network errors and 5xx, failed with the server's words on 4xx,
 * re-sent after an interrupted send, reduced after the retention period.
 * The network is a fake `fetch` (the boundary); the database is IndexedDB (fake-indexeddb).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { AuthClient } from '../../src/referral/auth/token-client';
import { LinksDatabase } from '../../src/db/database';
import type { PatientContext } from '../../src/context/patient-context';
import { newReferralDraft, type ReferralDraft } from '../../src/referral/draft';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { enqueue as enqueueWith } from '../../src/services/outbox/enqueue';
import { createOutboxScheduler } from '../../src/services/outbox/scheduler';
import type { SendOptions } from '../../src/services/outbox/send';
import { listOutbox as listWith, recoverInterrupted } from '../../src/services/outbox/store';
import { getDraft as getDraftWith, saveDraft as saveDraftWith } from '../../src/services/drafts/store';
import { createPatientKeys, type PatientKeys } from '../../src/services/privacy/patient-keys';
import { applyRetention as retentionWith } from '../../src/services/privacy/retention';

let db: LinksDatabase;
let keys: PatientKeys;
let n = 0;
const KEY = 'chi:1403522103';

const patient: PatientContext = {
  name: 'Margaret Docherty',
  birthDate: '1952-03-14',
  sex: 'female',
  chi: '1403522103',
  postcode: 'G31 3JD',
  phone: '0141 554 2187',
  problems: [],
  notes: '',
  pageKind: 'consultation',
  source: { adapter: 'careview', confidence: 1 },
};

function settings(): Settings {
  return { ...defaultSettings(), destination: { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir' } };
}

function draft(): ReferralDraft {
  const d = newReferralDraft(patient, { name: 'Dr A. Murray', role: 'GP' }, ['money'], new Date('2026-11-20T10:00:00Z'), `ref-${n}`);
  // Issue #15: the PRSB items a referral now needs (phone confirmed, risks, consent to share, the practice).
  return {
    ...d,
    whatMatters: 'Getting on top of the bills',
    contact: { method: 'phone', phone: '07700 900123' },
    risks: { noneKnown: true },
    consent: { given: true, shareInformation: true, recordedAt: '2026-11-20T10:00:00Z' },
    practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 496 0000' },
  };
}

/** A scripted server: each call takes the next answer (a status, or 'down' for a network error). */
function server(answers: (number | 'down')[]) {
  const calls: { url: string; key: string | null }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), key: new Headers(init?.headers).get('Idempotency-Key') });
    const next = answers.shift() ?? 200;
    if (next === 'down') throw new TypeError('Failed to fetch');
    const ok = { response: { status: '201 Created', location: 'Task/t1/_history/1' } };
    const body = next < 300 ? { resourceType: 'Bundle', type: 'transaction-response', entry: [ok, ok, ok] } : { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: `Server said ${next}` }] };
    return new Response(JSON.stringify(body), { status: next, headers: { 'content-type': 'application/fhir+json' } });
  };
  return { calls, fetchImpl };
}

beforeEach(() => {
  db = new LinksDatabase(`outbox-test-${++n}`);
  keys = createPatientKeys(db);
});

// The functions under test, bound to this test's database and patient keys.
const enqueue = (d: LinksDatabase, s: Settings, draft: unknown, owner: string) => enqueueWith(d, keys, s, draft, owner);
const listOutbox = (d: LinksDatabase, key?: string) => listWith(d, keys, key);
const getDraft = (d: LinksDatabase, key: string) => getDraftWith(d, keys, key);
const saveDraft = (d: LinksDatabase, key: string, draft: unknown) => saveDraftWith(d, keys, key, draft);
const applyRetention = async (d: LinksDatabase, days: number, now: Date) => (await retentionWith(d, keys, days, now)).outboxReduced;
/** One run of the sender (the "Try now" button when forced). */
const processOutbox = (d: LinksDatabase, s: Settings, options: SendOptions & { force?: boolean } = {}) => {
  const scheduler = createOutboxScheduler(d, async () => s, options);
  return scheduler.kick(options.force ?? false).finally(() => scheduler.stop());
};

describe('enqueue', () => {
  test('stores the referral before anything is sent, removes the draft, and is idempotent', async () => {
    await saveDraft(db, KEY, draft());
    const d = draft();
    const row = await enqueue(db, settings(), d, KEY);
    expect(row.state).toBe('queued');
    expect(await getDraft(db, KEY)).toBeNull();
    await enqueue(db, settings(), d, KEY); // double click / retried message
    expect(await db.outbox.count()).toBe(1);
    // Stored keyed by a salted hash, never the CHI in clear.
    const stored = await db.outbox.get(row.id);
    expect(stored?.patientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored?.patientHash)).not.toContain('1403522103');
  });

  test('refuses an incomplete referral with field-level reasons', async () => {
    const bad = { ...draft(), consent: { given: false } };
    await expect(enqueue(db, settings(), bad, KEY)).rejects.toMatchObject({ kind: 'Invalid', details: expect.arrayContaining([expect.objectContaining({ path: 'consent' })]) });
    expect(await db.outbox.count()).toBe(0);
  });

  test('refuses a plain-http destination that is not this computer', async () => {
    const s = { ...settings(), destination: { kind: 'fhir' as const, baseUrl: 'http://clp.example.scot/fhir' } };
    await expect(enqueue(db, s, draft(), KEY)).rejects.toMatchObject({ kind: 'NotAllowed' });
  });
});

describe('processOutbox', () => {
  test.each([
    ['delivered first time', [201], 'sent', 1],
    ['network down, then up', ['down', 201], 'sent', 2],
    ['500 twice then 201', [500, 500, 201], 'sent', 3],
    ['422 stops with the server message', [422], 'failed', 1],
  ] as const)('%s', async (_name, answers, finalState, expectedCalls) => {
    const { calls, fetchImpl } = server([...answers]);
    const row = await enqueue(db, settings(), draft(), KEY);
    for (let i = 0; i < answers.length; i++) await processOutbox(db, settings(), { force: true, fetchImpl });
    const [view] = await listOutbox(db, KEY);
    expect(view?.state).toBe(finalState);
    expect(calls).toHaveLength(expectedCalls);
    // Every attempt carries the same idempotency key: the referral id.
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set([row.id]));
    if (finalState === 'failed') expect(view?.lastError).toContain('Server said 422');
  });

  test('waits for the backoff unless forced ("Try now")', async () => {
    const { calls, fetchImpl } = server([500, 201]);
    await enqueue(db, settings(), draft(), KEY);
    await processOutbox(db, settings(), { fetchImpl });
    await processOutbox(db, settings(), { fetchImpl });
    expect(calls).toHaveLength(1);
    await processOutbox(db, settings(), { fetchImpl, force: true });
    expect(calls).toHaveLength(2);
  });

  test.each([
    ['not allowed to reach the server: says so, keeps the referral queued', false, 'not allowed to reach https://clp.example.scot yet'],
    ['allowed but down: a plain network error', true, 'could not be reached (network error)'],
  ])('%s', async (_label, allowed, words) => {
    const { fetchImpl } = server(['down']);
    const asked: string[] = [];
    const canReach = async (url: string) => (asked.push(url), allowed);
    await enqueue(db, settings(), draft(), KEY);
    await processOutbox(db, settings(), { force: true, fetchImpl, canReach });
    const [view] = await listOutbox(db, KEY);
    expect(view?.state).toBe('queued');
    expect(view?.lastError).toContain(words);
    expect(asked).toEqual(['https://clp.example.scot/fhir']);
  });

  test('sign-in details that cannot be read yet: nothing is sent, the referral waits with the reason, then goes', async () => {
    const { calls, fetchImpl } = server([201]);
    let readable = false;
    const auth = {
      authorize: async () => {
        if (!readable) throw new Error('The referral sign-in details could not be moved out of extension storage yet: storage unavailable');
        return { authorization: 'Bearer t' };
      },
      invalidate: async () => undefined,
    } as unknown as AuthClient;
    await enqueue(db, settings(), draft(), KEY);
    await processOutbox(db, settings(), { force: true, fetchImpl, auth });
    const [waiting] = await listOutbox(db, KEY);
    expect(waiting?.state).toBe('queued');
    expect(waiting?.lastError).toContain('could not be moved');
    expect(calls).toHaveLength(0);
    readable = true;
    await processOutbox(db, settings(), { force: true, fetchImpl, auth });
    expect((await listOutbox(db, KEY))[0]?.state).toBe('sent');
    expect(calls).toHaveLength(1);
  });

  test('a send interrupted by a stopped worker is re-sent once on restart', async () => {
    const row = await enqueue(db, settings(), draft(), KEY);
    await db.outbox.update(row.id, { state: 'sending', attempts: 1 }); // the worker died here
    expect(await recoverInterrupted(db)).toBe(1);
    const { calls, fetchImpl } = server([201]);
    await processOutbox(db, settings(), { fetchImpl });
    expect(calls).toHaveLength(1);
    expect((await listOutbox(db, KEY))[0]?.state).toBe('sent');
  });
});

describe('retention', () => {
  test('after the retention period a sent referral keeps no patient details', async () => {
    const { fetchImpl } = server([201]);
    const row = await enqueue(db, settings(), draft(), KEY);
    await processOutbox(db, settings(), { fetchImpl });
    expect(await applyRetention(db, 30, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await applyRetention(db, 30, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    const kept = await db.outbox.get(row.id);
    expect(kept?.referral).toBeUndefined();
    expect(kept?.patientHash).toBeUndefined();
    expect(kept?.summary.needs).toEqual(['money']);
    expect(JSON.stringify(kept)).not.toMatch(/1403522103|Docherty/);
  });
});
