import { describe, expect, test } from 'vitest';
import {
  backoffMs, classifyResponse, isDue, MAX_ATTEMPTS, newOutboxRow, retentionReduce, snomedForRecord, taskStatusToState, transition,
  type OutboxEvent, type OutboxRow, type OutboxState,
} from '../../src/referral/outbox';
import { makeReferral } from './fixtures';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const row = (state: OutboxState = 'queued', patch: Partial<OutboxRow> = {}): OutboxRow => ({ ...newOutboxRow(makeReferral(), 'fhir', t0), state, ...patch });

describe('backoffMs', () => {
  test.each([
    [0, 0], [1, 10_000], [2, 30_000], [3, 90_000], [4, 270_000], [5, 810_000], [6, 1_800_000], [12, 1_800_000], [1000, 1_800_000],
  ])('attempt %i -> %i ms', (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });
});

describe('classifyResponse', () => {
  const txResponse = JSON.stringify({
    resourceType: 'Bundle', type: 'transaction-response',
    entry: [
      { response: { status: '201 Created', location: 'Patient/p1/_history/1' } },
      { response: { status: '201 Created', location: 'ServiceRequest/s1/_history/1' } },
      { response: { status: '201 Created', location: 'Task/t1/_history/1' } },
    ],
  });
  const oo = (text: string) => JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: text }] });
  test.each([
    [200, txResponse, { kind: 'sent', taskUrl: 'Task/t1' }],
    [200, JSON.stringify({ entry: [{ response: { location: 'https://clp.scot/fhir/Task/9/_history/2' } }] }), { kind: 'sent', taskUrl: 'https://clp.scot/fhir/Task/9' }],
    [201, '', { kind: 'sent' }],
    [204, 'not json', { kind: 'sent' }],
  ])('%i is sent', (status, body, expected) => {
    expect(classifyResponse(status, body)).toEqual(expected);
  });
  test.each([
    [0, ''], [-1, ''], [408, ''], [429, 'slow down'], [500, oo('database down')], [502, '<html><h1>Bad gateway</h1></html>'], [503, ''],
  ])('%i is retried', (status, body) => {
    expect(classifyResponse(status, body).kind).toBe('retry');
  });
  test.each([
    [422, oo('Task.status missing'), 'Task.status missing'],
    [400, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ details: { text: 'Bad bundle' } }, { diagnostics: 'second' }] }), 'Bad bundle; second'],
    [400, JSON.stringify({ error: 'No referral' }), 'No referral'],
    [400, JSON.stringify({ error: { message: 'Nested message' } }), 'Nested message'],
    [409, JSON.stringify({ message: 'Conflict here' }), 'Conflict here'],
    [400, 'Plain <b>text</b> reason', 'Plain text reason'],
    [401, '', 'refused the sidebar'],
    [404, '', 'not found'],
  ])('%i fails with the server message', (status, body, text) => {
    const result = classifyResponse(status, body);
    expect(result.kind).toBe('failed');
    if (result.kind === 'failed') expect(result.reason).toContain(text);
  });
  test('a 500 reason keeps the server message', () => {
    const result = classifyResponse(500, oo('database down'));
    expect(result).toEqual({ kind: 'retry', reason: expect.stringContaining('database down') as string });
  });
  test('very long bodies are clipped', () => {
    const result = classifyResponse(400, 'x'.repeat(5000));
    expect(result.kind === 'failed' && result.reason.length < 500).toBe(true);
  });
});

describe('taskStatusToState', () => {
  test.each([
    ['requested', 'sent'], ['received', 'sent'], ['accepted', 'accepted'], ['in-progress', 'in-progress'], ['on-hold', 'in-progress'],
    ['completed', 'completed'], ['rejected', 'declined'], ['cancelled', 'declined'], ['failed', 'declined'], ['nonsense', undefined], ['toString', undefined],
  ])('%s -> %s', (status, state) => {
    expect(taskStatusToState(status)).toBe(state);
  });
});

describe('transition', () => {
  const retry = { type: 'result', outcome: { kind: 'retry', reason: 'down' } } as const;
  const cases: [string, OutboxRow, OutboxEvent, Partial<OutboxRow>][] = [
    ['send picks up a queued row', row('queued'), { type: 'send' }, { state: 'sending', attempts: 1 }],
    ['sent with task url', row('sending', { attempts: 1 }), { type: 'result', outcome: { kind: 'sent', taskUrl: 'Task/1' } }, { state: 'sent', taskUrl: 'Task/1', sentAt: at(5).toISOString() }],
    ['retry schedules with backoff', row('sending', { attempts: 2 }), retry, { state: 'queued', lastError: 'down', nextAttemptAt: at(5 + 30_000).toISOString() }],
    ['failed needs a person', row('sending', { attempts: 1 }), { type: 'result', outcome: { kind: 'failed', reason: 'bad' } }, { state: 'failed', lastError: 'bad' }],
    ['gives up after MAX_ATTEMPTS', row('sending', { attempts: MAX_ATTEMPTS }), retry, { state: 'failed' }],
    ['interrupted send is due now', row('sending', { attempts: 1 }), { type: 'interrupted' }, { state: 'queued', nextAttemptAt: at(5).toISOString() }],
    ['manual retry', row('failed', { attempts: 12 }), { type: 'retry' }, { state: 'queued', attempts: 0 }],
    ['email/print confirmed', row('queued'), { type: 'marked-sent' }, { state: 'sent' }],
    ['task accepted', row('sent'), { type: 'task-status', status: 'accepted' }, { state: 'accepted' }],
    ['task completed', row('in-progress'), { type: 'task-status', status: 'completed' }, { state: 'completed' }],
    ['task rejected', row('accepted'), { type: 'task-status', status: 'rejected' }, { state: 'declined' }],
  ];
  test.each(cases)('%s', (_name, before, event, expected) => {
    const copy = structuredClone(before);
    const after = transition(before, event, at(5));
    expect(after).toMatchObject({ ...expected, updatedAt: at(5).toISOString() });
    expect(before).toEqual(copy);
  });
  const ignored: [string, OutboxRow, OutboxEvent][] = [
    ['send while sending', row('sending'), { type: 'send' }],
    ['result while queued (late duplicate)', row('queued'), retry],
    ['task status before sent', row('queued'), { type: 'task-status', status: 'completed' }],
    ['unknown task status', row('sent'), { type: 'task-status', status: 'weird' }],
    ['retry on a sent row', row('sent'), { type: 'retry' }],
    ['marked-sent on a completed row', row('completed'), { type: 'marked-sent' }],
    ['send a reduced row', row('queued', { referral: undefined }), { type: 'send' }],
  ];
  test.each(ignored)('ignores %s (same object back)', (_name, before, event) => {
    expect(transition(before, event, at(5))).toBe(before);
  });
  test('retry sequence: 500, 500, then success', () => {
    let r = row();
    const times: number[] = [];
    for (const outcome of [classifyResponse(500, ''), classifyResponse(500, ''), classifyResponse(200, '{}')]) {
      r = transition(r, { type: 'send' }, t0);
      r = transition(r, { type: 'result', outcome }, t0);
      if (r.nextAttemptAt) times.push(Date.parse(r.nextAttemptAt) - t0.getTime());
    }
    expect(times).toEqual([10_000, 30_000]);
    expect(r).toMatchObject({ state: 'sent', attempts: 3, lastError: undefined });
  });
});

describe('isDue', () => {
  test.each([
    [row('queued'), t0, true],
    [row('queued', { nextAttemptAt: at(10_000).toISOString() }), at(9_999), false],
    [row('queued', { nextAttemptAt: at(10_000).toISOString() }), at(10_000), true],
    [row('sending'), t0, false],
    [row('queued', { referral: undefined }), t0, false],
  ])('%#', (r, now, due) => {
    expect(isDue(r, now)).toBe(due);
  });
});

describe('retentionReduce', () => {
  const day = 86_400_000;
  const sent = row('completed', { sentAt: t0.toISOString(), updatedAt: t0.toISOString(), lastError: 'old' });
  test.each([
    ['29 days: kept whole', sent, 29, true],
    ['30 days: reduced', sent, 30, false],
    ['queued is never reduced', row('queued'), 90, true],
    ['failed long ago is reduced', row('failed', { updatedAt: t0.toISOString() }), 31, false],
  ])('%s', (_name, r, days, kept) => {
    const after = retentionReduce(r, at(days * day));
    expect(after.referral !== undefined).toBe(kept);
  });
  test('a reduced row keeps no patient identifiers but keeps needs, state and dates', () => {
    const after = retentionReduce(sent, at(31 * day));
    const text = JSON.stringify(after);
    for (const secret of ['1403521234', '9434765919', 'MACDONALD', 'G31 4QT', '07700', 'Duke Street', 'Hard of hearing']) {
      expect(text).not.toContain(secret);
    }
    expect(after).toMatchObject({ state: 'completed', sentAt: t0.toISOString(), summary: { needs: ['loneliness', 'fuel'], level: 'clp', urgency: 'soon' }, reducedAt: at(31 * day).toISOString() });
  });
  test('custom retention days', () => {
    expect(retentionReduce(sent, at(8 * day), 7).referral).toBeUndefined();
  });
});

test('snomedForRecord gives the social prescribing referral code', () => {
  expect(snomedForRecord()).toEqual({
    system: 'http://snomed.info/sct',
    code: '871731000000106',
    term: 'Referral to social prescribing service',
    copyText: 'Referral to social prescribing service (SNOMED CT 871731000000106)',
  });
});
