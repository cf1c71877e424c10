// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildRequest, type DeliveryRequest } from '../../src/referral/destinations';
import { classifyResponse, newOutboxRow, transition } from '../../src/referral/outbox';
import { makeReferral } from './fixtures';

interface Inbox {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  reset(): void;
}
interface ListedReferral {
  referralId: string;
  receivedCount: number;
  status: string;
  bundle: fhir4.Bundle | null;
}

// The inbox is plain JS for the demo server; imported by URL so TypeScript does not need its types.
const inboxModule = (await import(new URL('../demo/inbox.mjs', import.meta.url).href)) as { createInbox: () => Inbox };
const inbox = inboxModule.createInbox();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    void inbox.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => inbox.reset());

/** Sends like the extension will: status 0 when the connection dies. */
async function deliver(req: DeliveryRequest): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    return { status: res.status, text: await res.text() };
  } catch {
    return { status: 0, text: '' };
  }
}
const control = (body: object) => fetch(`${base}/inbox/control`, { method: 'POST', body: JSON.stringify(body) });
const listed = async () => (await (await fetch(`${base}/inbox/api/referrals`)).json()) as ListedReferral[];
const fhirRequest = (id = 'ref-a') => buildRequest(makeReferral({ id }), { kind: 'fhir', baseUrl: `${base}/fhir` });

describe('mock CLP inbox', () => {
  test.each([
    ['fhir', (id: string) => buildRequest(makeReferral({ id }), { kind: 'fhir', baseUrl: `${base}/fhir` })],
    ['webhook', (id: string) => buildRequest(makeReferral({ id }), { kind: 'webhook', url: `${base}/inbox/webhook` })],
  ])('%s: a repeated POST of the same referral is stored once, same answer', async (_kind, build) => {
    const first = await deliver(build('ref-1'));
    const second = await deliver(build('ref-1'));
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    await deliver(build('ref-2'));
    const rows = await listed();
    expect(rows.map((r) => [r.referralId, r.receivedCount, r.status])).toEqual([['ref-1', 2, 'requested'], ['ref-2', 1, 'requested']]);
  });

  test('FHIR answer is a transaction-response with the Task location', async () => {
    const { status, text } = await deliver(fhirRequest());
    const body = JSON.parse(text) as fhir4.Bundle;
    expect(body.type).toBe('transaction-response');
    expect(body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '201 Created']);
    expect(classifyResponse(status, text)).toEqual({ kind: 'sent', taskUrl: expect.stringMatching(/^Task\/[0-9a-f-]{36}$/) as string });
  });

  test('500 twice then success: the outbox retries and the inbox holds one referral', async () => {
    await control({ mode: 'fail', status: 500, times: 2 });
    let row = newOutboxRow(makeReferral({ id: 'ref-retry' }), 'fhir', new Date());
    const statuses: number[] = [];
    while (row.state === 'queued') {
      row = transition(row, { type: 'send' }, new Date());
      const { status, text } = await deliver(buildRequest(row.referral ?? makeReferral(), { kind: 'fhir', baseUrl: `${base}/fhir` }));
      statuses.push(status);
      row = transition(row, { type: 'result', outcome: classifyResponse(status, text) }, new Date());
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
    expect((await listed()).map((r) => [r.referralId, r.receivedCount])).toEqual([['ref-retry', 1]]);
  });

  test('down: the socket is destroyed and the attempt is a retry', async () => {
    await control({ mode: 'down', times: 1 });
    const { status, text } = await deliver(fhirRequest());
    expect(classifyResponse(status, text).kind).toBe('retry');
    expect((await deliver(fhirRequest())).status).toBe(200);
  });

  test('422 with a message: the outbox fails with the server message', async () => {
    await control({ mode: 'fail', status: 422, message: 'CHI number not known to this service' });
    const { status, text } = await deliver(fhirRequest());
    const outcome = classifyResponse(status, text);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') expect(outcome.reason).toContain('CHI number not known to this service');
  });

  test.each([
    ['not a bundle', { resourceType: 'Patient' }, 'not a FHIR Bundle'],
    ['batch', { resourceType: 'Bundle', type: 'batch', entry: [] }, 'transaction'],
    ['no Task', { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'ServiceRequest' } }] }, 'no Task'],
  ])('a malformed Bundle (%s) gets 422 saying what is wrong', async (_name, bundle, text) => {
    const res = await fetch(`${base}/fhir`, { method: 'POST', body: JSON.stringify(bundle) });
    expect(res.status).toBe(422);
    const outcome = classifyResponse(res.status, await res.text());
    expect(outcome.kind === 'failed' && outcome.reason.includes(text)).toBe(true);
  });

  test('CLP status updates show on GET Task and the HTML page', async () => {
    const { text } = await deliver(fhirRequest('ref-loop'));
    const taskUrl = (classifyResponse(200, text) as { taskUrl: string }).taskUrl;
    const read = async () => (await (await fetch(`${base}/fhir/${taskUrl}`)).json()) as fhir4.Task;
    expect((await read()).status).toBe('requested');
    for (const status of ['accepted', 'completed']) {
      const res = await fetch(`${base}/inbox/referral/ref-loop/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `status=${status}`,
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const task = await read();
      expect(task.status).toBe(status);
      expect(task.identifier?.[0]?.value).toBe('ref-loop');
    }
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html).toContain('data-referral-id="ref-loop"');
    expect(html).toContain('<td class="status">completed</td>');
    expect(html).toContain('action="/inbox/referral/ref-loop/status"');
  });

  test('HTML escapes what referrers typed', async () => {
    await deliver(buildRequest(makeReferral({ patient: { ...makeReferral().patient, name: '<script>x</script>' } }), { kind: 'webhook', url: `${base}/inbox/webhook` }));
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
  });

  test('routes outside /fhir and /inbox are left to the caller', async () => {
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/fhir/Task/missing`)).status).toBe(404);
  });
});
