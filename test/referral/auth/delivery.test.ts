// @vitest-environment node
/**
 * Referrals delivered through the outbox state machine, the token client and
 * the demo CLP service (real FHIR engine behind the board's real OAuth
 * server), under the faults of issue #15. Each scenario states its counts:
 * delivery attempts, token requests, deliveries that reached the engine and
 * ServiceRequests stored; "exactly once" means one ServiceRequest.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  authorizedFetch, createAuthClient, deliverWithAuth, generateSigningKey, memoryStore, publicJwks, writeLocalSecrets,
  type AuthClient, type KeyValueStore,
} from '../../../src/referral/auth';
import { buildRequest, type HttpDestination } from '../../../src/referral/destinations';
import { newOutboxRow, transition, type OutboxRow } from '../../../src/referral/outbox';
import type { DeliveryOutcome } from '../../../src/referral/response';
import { readTaskUpdate } from '../../../src/referral/task-update';
import { makeReferral } from '../fixtures';

interface Demo {
  url: string;
  oauth: { tokenUrl: string; registerClient(id: string, c: object): void; stats(): { tokenRequests: number; tokensIssued: number } };
  close(): Promise<void>;
}
const { startDemoServer, DEMO_CLIENT } = (await import(new URL('../../demo/server.mjs', import.meta.url).href)) as {
  startDemoServer: (o: object) => Promise<Demo>;
  DEMO_CLIENT: { id: string; secret: string };
};

let demo: Demo;
let store: KeyValueStore;
let clock: () => number;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, quiet: true });
}, 90_000);
afterAll(() => demo.close());
beforeEach(async () => {
  await fetch(`${demo.url}/inbox/reset`, { method: 'POST' });
  store = memoryStore();
  clock = Date.now;
  await writeLocalSecrets(store, { clientSecret: DEMO_CLIENT.secret });
});

const control = (body: object) => fetch(`${demo.url}/inbox/control`, { method: 'POST', body: JSON.stringify(body) });
const secureFhir = (auth: HttpDestination['auth'] = { kind: 'client-credentials', tokenUrl: demo.oauth.tokenUrl, clientId: DEMO_CLIENT.id }): HttpDestination => ({
  kind: 'fhir',
  baseUrl: `${demo.url}/secure/fhir`,
  auth,
});
const newClient = (): AuthClient => createAuthClient({ fetchImpl: fetch, now: () => clock(), store });
const tokenRequests = () => demo.oauth.stats().tokenRequests;
async function engineCounts(referralId: string) {
  const list = (await (await fetch(`${demo.url}/inbox/api/referrals`)).json()) as { referralId: string; receivedCount: number }[];
  const mine = list.filter((r) => r.referralId === referralId);
  return { serviceRequests: mine.length, deliveries: mine[0]?.receivedCount ?? 0 };
}

/** What the background's sender does for one row, with deliverWithAuth in place of fetch + classifyResponse. */
async function attempt(row: OutboxRow, dest: HttpDestination, auth: AuthClient): Promise<OutboxRow> {
  const sending = transition(row, { type: 'send' }, new Date());
  let outcome: DeliveryOutcome;
  try {
    outcome = await deliverWithAuth(auth, buildRequest(sending.referral ?? makeReferral(), dest), dest, { credentials: 'omit', cache: 'no-store' });
  } catch {
    outcome = { kind: 'retry', reason: 'The referral service could not be reached (network error).' };
  }
  return transition(sending, { type: 'result', outcome }, new Date());
}

/** Sends until the row leaves the queue (the "Send queued now" button, pressed repeatedly); `between` runs after each attempt. */
async function drain(id: string, dest: HttpDestination, auth: AuthClient, between: (n: number) => Promise<unknown> = async () => undefined) {
  let row = newOutboxRow(makeReferral({ id }), 'fhir', new Date());
  const outcomes: string[] = [];
  while (row.state === 'queued' && outcomes.length < 10) {
    row = await attempt(row, dest, auth);
    outcomes.push(row.state);
    await between(outcomes.length);
  }
  return { row, outcomes };
}

describe('fault runs: delivered exactly once through the real engine', () => {
  test('no fault, client credentials: 1 attempt, 1 token, 1 ServiceRequest', async () => {
    const { row, outcomes } = await drain('ok-1', secureFhir(), newClient());
    expect(outcomes).toEqual(['sent']);
    expect(row.taskUrl).toMatch(/^Task\//);
    expect({ tokenRequests: tokenRequests(), ...(await engineCounts('ok-1')) }).toEqual({ tokenRequests: 1, serviceRequests: 1, deliveries: 1 });
  });

  test('token endpoint down twice: queued (retry) twice with the reason, then sent once', async () => {
    await control({ oauth: { tokenEndpoint: 'down', times: 2 } });
    const { row, outcomes } = await drain('down-1', secureFhir(), newClient());
    expect(outcomes).toEqual(['queued', 'queued', 'sent']);
    expect(row.attempts).toBe(3);
    expect({ tokenRequests: tokenRequests(), ...(await engineCounts('down-1')) }).toEqual({ tokenRequests: 3, serviceRequests: 1, deliveries: 1 });
  });

  test('token endpoint down: the queued row says so in plain words', async () => {
    await control({ oauth: { tokenEndpoint: 'down' } });
    const row = await attempt(newOutboxRow(makeReferral({ id: 'down-2' }), 'fhir', new Date()), secureFhir(), newClient());
    expect(row.state).toBe('queued');
    expect(row.lastError).toMatch(/sign-in service at http:\/\/127\.0\.0\.1:\d+ could not be reached\. The referral is kept/);
    expect(row.referral).toBeDefined();
    await control({ oauth: { tokenEndpoint: 'up' } });
  });

  test('token expired mid-queue, the sidebar not yet aware: 401, one renewal, sent; the next referral uses the new token', async () => {
    // Two seconds, not one: a token's expiry is in whole seconds, so one issued late in a second with a one-second
    // life could expire before the first referral's request reached the engine (a clean-clone run saw a third token).
    await control({ oauth: { tokenTtl: 2 } });
    const frozen = Date.now();
    clock = () => frozen; // the client believes its token is still good
    const auth = newClient();
    expect((await drain('exp-1', secureFhir(), auth)).outcomes).toEqual(['sent']);
    await new Promise((r) => setTimeout(r, 2_300)); // the server now sees it expired
    await control({ oauth: { tokenTtl: 600 } });
    expect((await drain('exp-2', secureFhir(), auth)).outcomes).toEqual(['sent']);
    expect((await drain('exp-3', secureFhir(), auth)).outcomes).toEqual(['sent']);
    expect(tokenRequests()).toBe(2);
    for (const id of ['exp-1', 'exp-2', 'exp-3']) expect(await engineCounts(id)).toEqual({ serviceRequests: 1, deliveries: 1 });
  });

  test('token near expiry by the sidebar\'s clock: renewed before sending, no 401', async () => {
    let now = Date.now();
    clock = () => now;
    const auth = newClient();
    await drain('soon-1', secureFhir(), auth);
    now += 3_600_000; // the demo's tokens last an hour
    await drain('soon-2', secureFhir(), auth);
    expect(tokenRequests()).toBe(2);
    expect(await engineCounts('soon-2')).toEqual({ serviceRequests: 1, deliveries: 1 });
  });

  test('401 then 200 (the server revoked the token): one renewal, sent in one attempt', async () => {
    const auth = newClient();
    await drain('rev-0', secureFhir(), auth);
    await control({ revokeTokens: true });
    const { outcomes } = await drain('rev-1', secureFhir(), auth);
    expect(outcomes).toEqual(['sent']);
    expect({ tokenRequests: tokenRequests(), ...(await engineCounts('rev-1')) }).toEqual({ tokenRequests: 2, serviceRequests: 1, deliveries: 1 });
  });

  test('401 twice: renewed once, then failed with plain words; kept, and sent once after Try again', async () => {
    await control({ mode: 'fail', status: 401, times: 2, message: 'Token not accepted' });
    const auth = newClient();
    const { row, outcomes } = await drain('401-2', secureFhir(), auth);
    expect(outcomes).toEqual(['failed']);
    expect(row.lastError).toMatch(/refused the sidebar \(401\) even with a new sign-in/);
    expect(row.referral?.id).toBe('401-2');
    expect(tokenRequests()).toBe(2);
    const again = await attempt(transition(row, { type: 'retry' }, new Date()), secureFhir(), auth);
    expect(again.state).toBe('sent');
    expect(await engineCounts('401-2')).toEqual({ serviceRequests: 1, deliveries: 1 });
  });

  test('500 twice then 201 behind OAuth: three attempts, one token (cached), one ServiceRequest', async () => {
    await control({ mode: 'fail', status: 500, times: 2 });
    const { outcomes } = await drain('500-2', secureFhir(), newClient());
    expect(outcomes).toEqual(['queued', 'queued', 'sent']);
    expect({ tokenRequests: tokenRequests(), ...(await engineCounts('500-2')) }).toEqual({ tokenRequests: 1, serviceRequests: 1, deliveries: 1 });
  });

  test('a worker that restarts mid-queue (new client, same storage) reuses the stored token', async () => {
    await drain('sw-1', secureFhir(), newClient());
    await drain('sw-2', secureFhir(), newClient());
    expect(tokenRequests()).toBe(1);
  });
});

describe('each way of signing in, end to end', () => {
  test('SMART Backend Services: a key made here, registered with the board, signs the way in', async () => {
    const key = await generateSigningKey('ES384', new Date());
    demo.oauth.registerClient('practice-43010', { jwks: publicJwks(key) });
    await writeLocalSecrets(store, { privateKey: key });
    const dest = secureFhir({ kind: 'smart-backend', tokenUrl: demo.oauth.tokenUrl, clientId: 'practice-43010', scope: 'system/ServiceRequest.c system/Task.cru' });
    expect((await drain('smart-1', dest, newClient())).outcomes).toEqual(['sent']);
  });

  test('static bearer token: sent; once the service stops accepting it, failed with words saying what to do', async () => {
    const res = await fetch(demo.oauth.tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    await writeLocalSecrets(store, { bearerToken: ((await res.json()) as { access_token: string }).access_token });
    const auth = newClient();
    expect((await drain('b-1', secureFhir({ kind: 'bearer' }), auth)).outcomes).toEqual(['sent']);
    await control({ revokeTokens: true });
    const { row } = await drain('b-2', secureFhir({ kind: 'bearer' }), auth);
    expect(row.state).toBe('failed');
    expect(row.lastError).toMatch(/refused the saved bearer token \(401\)/);
  });

  test('no secret saved: failed at once, saying where to add it; nothing reaches the service', async () => {
    store = memoryStore();
    const { row } = await drain('none-1', secureFhir(), newClient());
    expect(row.state).toBe('failed');
    expect(row.lastError).toMatch(/No client secret is saved/);
    expect(await engineCounts('none-1')).toEqual({ serviceRequests: 0, deliveries: 0 });
  });

  test('webhook behind OAuth', async () => {
    const dest: HttpDestination = { kind: 'webhook', url: `${demo.url}/secure/inbox/webhook`, auth: { kind: 'client-credentials', tokenUrl: demo.oauth.tokenUrl, clientId: DEMO_CLIENT.id } };
    expect((await drain('hook-1', dest, newClient())).outcomes).toEqual(['sent']);
    expect(await engineCounts('hook-1')).toEqual({ serviceRequests: 1, deliveries: 1 });
  });

  test('the closed loop reads the CLP\'s Task through the secured endpoint, with the same sign-in', async () => {
    const auth = newClient();
    const dest = secureFhir();
    const { row } = await drain('loop-1', dest, auth);
    await fetch(`${demo.url}/inbox/referral/loop-1/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'completed', outcome: 'Now at the Tuesday lunch club.' }),
    });
    const read = authorizedFetch(auth, dest);
    const task: unknown = await (await read(`${demo.url}/secure/fhir/${row.taskUrl ?? ''}`, { headers: { Accept: 'application/fhir+json' } })).json();
    const update = readTaskUpdate(task);
    expect(update).toEqual({ status: 'completed', message: 'Now at the Tuesday lunch club.' });
    const after = transition(row, { type: 'task-status', status: update?.status ?? '', message: update?.message }, new Date());
    expect(after).toMatchObject({ state: 'completed', clpMessage: 'Now at the Tuesday lunch club.' });
  });
});
