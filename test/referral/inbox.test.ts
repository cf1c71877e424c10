// @vitest-environment node
/**
 * The demo CLP service against a real FHIR engine (issue #15): what the
 * sidebar sends goes through medplum's FhirRouter, and what the CLP answers
 * comes back as a real Task.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildRequest, type DeliveryRequest } from '../../src/referral/destinations';
import { toFhirBundle } from '../../src/referral/fhir';
import { classifyResponse, newOutboxRow, transition } from '../../src/referral/outbox';
import { readTaskUpdate } from '../../src/referral/task-update';
import { makeReferral, patient } from './fixtures';

interface Listed {
  referralId: string;
  receivedCount: number;
  status: string;
  taskId: string;
  serviceRequestId: string;
  patientId: string;
  contact: { method: string; phone: string; email: string; times: string; safety: string };
  risks: string;
  replyTo: string;
  outcome: string;
  reason: string;
}
interface Demo {
  url: string;
  oauth: { tokenUrl: string };
  close(): Promise<void>;
}

// The demo server is plain JS, shared with `npm start`; imported by URL so TypeScript does not need its types.
const { startDemoServer } = (await import(new URL('../demo/server.mjs', import.meta.url).href)) as {
  startDemoServer: (o: object) => Promise<Demo>;
};
let demo: Demo;
let base = '';

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, quiet: true });
  base = demo.url;
}, 90_000);
afterAll(() => demo.close());
beforeEach(() => fetch(`${base}/inbox/reset`, { method: 'POST' }));

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
const listed = async () => (await (await fetch(`${base}/inbox/api/referrals`)).json()) as Listed[];
const fhirRequest = (id = 'ref-a') => buildRequest(makeReferral({ id }), { kind: 'fhir', baseUrl: `${base}/fhir` });
const read = async <T>(path: string) => (await (await fetch(`${base}/fhir/${path}`)).json()) as T;
const searchAll = async (type: string) => ((await read<fhir4.Bundle>(type)).entry ?? []).map((e) => e.resource);
const entryStatuses = (text: string) => ((JSON.parse(text) as fhir4.Bundle).entry ?? []).map((e) => e.response?.status);

describe('the demo CLP service is a real FHIR server', () => {
  test('a transaction sent twice: 201 then 200, one ServiceRequest, references resolved', async () => {
    const first = await deliver(fhirRequest());
    const second = await deliver(fhirRequest());
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(entryStatuses(first.text)).toEqual(['201', '201', '201']);
    expect(entryStatuses(second.text)).toEqual(['200', '200', '200']);
    const requests = (await searchAll('ServiceRequest')) as fhir4.ServiceRequest[];
    const tasks = (await searchAll('Task')) as fhir4.Task[];
    const patients = (await searchAll('Patient')) as fhir4.Patient[];
    expect([requests.length, tasks.length, patients.length]).toEqual([1, 1, 1]);
    expect(requests[0]?.subject.reference).toBe(`Patient/${patients[0]?.id}`);
    expect(tasks[0]?.focus?.reference).toBe(`ServiceRequest/${requests[0]?.id}`);
    expect(tasks[0]?.for?.reference).toBe(`Patient/${patients[0]?.id}`);
    expect(tasks[0]?.identifier?.[0]?.value).toBe('ref-a');
    expect(classifyResponse(first.status, first.text)).toEqual({ kind: 'sent', taskUrl: `Task/${tasks[0]?.id}` });
    expect((await listed()).map((r) => [r.referralId, r.receivedCount])).toEqual([['ref-a', 2]]);
  });

  test('webhook: the payload\'s Bundle goes into the same engine, once', async () => {
    const hook = (id: string) => buildRequest(makeReferral({ id }), { kind: 'webhook', url: `${base}/inbox/webhook` });
    const first = await deliver(hook('ref-1'));
    const again = await deliver(hook('ref-1'));
    expect(first.status).toBe(200);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
    expect(JSON.parse(first.text)).toMatchObject({ received: true, referralId: 'ref-1', taskUrl: expect.stringMatching(/^Task\//) as string });
    expect((await searchAll('ServiceRequest')).length).toBe(1);
  });

  test('the same person referred twice with a new phone number: the CLP sees the new number on the new referral', async () => {
    await deliver(buildRequest(makeReferral({ id: 'visit-1' }), { kind: 'fhir', baseUrl: `${base}/fhir` }));
    const newPhone = makeReferral({ id: 'visit-2', contact: { method: 'phone', phone: '07700 900777', times: 'Evenings' } });
    await deliver(buildRequest(newPhone, { kind: 'fhir', baseUrl: `${base}/fhir` }));
    const rows = await listed();
    expect(rows.map((r) => [r.referralId, r.contact.phone])).toEqual([['visit-1', '07700 900123'], ['visit-2', '07700 900777']]);
    // One person: the server kept its Patient (with the old number), which is why the number travels on the ServiceRequest.
    expect(new Set(rows.map((r) => r.patientId)).size).toBe(1);
    const [kept] = (await searchAll('Patient')) as fhir4.Patient[];
    expect(kept?.telecom?.[0]?.value).toBe('07700 900123');
    expect(await (await fetch(`${base}/inbox`)).text()).toContain('<span class="phone">07700 900777</span>');
  });

  test('a person known by NHS number is found when the next referral has only the CHI number and vice versa', async () => {
    const nhsOnly = makeReferral({ id: 'n1', patient: { ...patient, chi: undefined } });
    await deliver(buildRequest(nhsOnly, { kind: 'fhir', baseUrl: `${base}/fhir` }));
    await deliver(fhirRequest('both'));
    expect((await searchAll('Patient')).length).toBe(1);
  });

  test('a Bundle without any patient identifier is refused: by toFhirBundle, and by the service if one is hand-made', async () => {
    const anonymous = makeReferral({ patient: { ...patient, chi: undefined, nhsNumber: undefined } });
    expect(() => toFhirBundle(anonymous)).toThrowError(expect.objectContaining({ name: 'PatientIdentifierMissing' }) as Error);
    const bundle = toFhirBundle(makeReferral());
    const [first] = bundle.entry ?? [];
    if (first?.resource?.resourceType === 'Patient' && first.request) {
      delete first.resource.identifier;
      delete first.request.ifNoneExist;
    }
    const res = await fetch(`${base}/fhir`, { method: 'POST', body: JSON.stringify(bundle) });
    expect(res.status).toBe(422);
    expect(classifyResponse(res.status, await res.text())).toMatchObject({ kind: 'failed', reason: expect.stringContaining('CHI or NHS number') as string });
    expect(await searchAll('ServiceRequest')).toEqual([]);
  });

  test.each([
    ['not a bundle', { resourceType: 'Patient' }, 422, 'not a FHIR Bundle'],
    ['batch', { resourceType: 'Bundle', type: 'batch', entry: [] }, 422, 'transaction'],
    ['no Task', { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'ServiceRequest' } }] }, 422, 'no Task'],
  ])('a malformed Bundle (%s) gets %i saying what is wrong', async (_name, bundle, status, text) => {
    const res = await fetch(`${base}/fhir`, { method: 'POST', body: JSON.stringify(bundle) });
    expect(res.status).toBe(status);
    const outcome = classifyResponse(res.status, await res.text());
    expect(outcome.kind === 'failed' && outcome.reason.includes(text)).toBe(true);
  });

  test('a resource FHIR R4 does not allow is refused by the engine, naming the element', async () => {
    const bundle = toFhirBundle(makeReferral());
    const task = bundle.entry?.[2]?.resource as Partial<fhir4.Task>;
    delete task.status;
    const res = await fetch(`${base}/fhir`, { method: 'POST', body: JSON.stringify(bundle) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Task.status');
  });
});

describe('failure injection still works against the real engine', () => {
  test('500 twice then success: the outbox retries and the service holds one referral', async () => {
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

  test('401 once (a token the server no longer accepts), with WWW-Authenticate', async () => {
    await control({ mode: 'fail', status: 401, times: 1, message: 'Token expired' });
    const res = await fetch(`${base}/fhir`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect((await deliver(fhirRequest())).status).toBe(200);
  });
});

describe('the CLP answers through FHIR', () => {
  const setStatus = (id: string, body: object) =>
    fetch(`${base}/inbox/referral/${id}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('accepted, in progress, completed with the message back to the GP: on the Task, read back by the sidebar', async () => {
    const { text } = await deliver(fhirRequest('ref-loop'));
    const taskUrl = (classifyResponse(200, text) as { taskUrl: string }).taskUrl;
    expect((await read<fhir4.Task>(taskUrl)).status).toBe('requested');
    for (const status of ['accepted', 'in-progress']) {
      expect((await setStatus('ref-loop', { status })).status).toBe(200);
      expect(readTaskUpdate(await read(taskUrl))).toEqual({ status });
    }
    await setStatus('ref-loop', { status: 'completed', outcome: 'Joined the Thursday walking group; money advice booked.' });
    const task = await read<fhir4.Task>(taskUrl);
    expect(readTaskUpdate(task)).toEqual({ status: 'completed', message: 'Joined the Thursday walking group; money advice booked.' });
    expect(task.meta?.versionId).not.toBe('1');
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html).toContain('<td class="status">completed</td>');
    expect(html).toContain('Joined the Thursday walking group');
  });

  test('declined with a reason; a plain form post (no script) does the same and redirects', async () => {
    const { text } = await deliver(fhirRequest('ref-no'));
    const taskUrl = (classifyResponse(200, text) as { taskUrl: string }).taskUrl;
    const res = await fetch(`${base}/inbox/referral/ref-no/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'status=rejected&reason=Lives+outside+our+area',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(readTaskUpdate(await read(taskUrl))).toEqual({ status: 'rejected', message: 'Lives outside our area' });
  });

  test('a Task PUT straight to the FHIR endpoint (what the page\'s script does) is what the list shows', async () => {
    const { text } = await deliver(fhirRequest('ref-put'));
    const taskUrl = (classifyResponse(200, text) as { taskUrl: string }).taskUrl;
    const task = await read<fhir4.Task>(taskUrl);
    const put = await fetch(`${base}/fhir/${taskUrl}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...task, status: 'accepted' }),
    });
    expect(put.status).toBe(200);
    expect((await listed())[0]?.status).toBe('accepted');
  });

  test('an unknown status or referral is refused', async () => {
    await deliver(fhirRequest('ref-x'));
    expect((await setStatus('ref-x', { status: 'lost' })).status).toBe(422);
    expect((await setStatus('nobody', { status: 'accepted' })).status).toBe(404);
  });
});

describe('the page and the routes', () => {
  test('HTML escapes what referrers typed', async () => {
    await deliver(buildRequest(makeReferral({ patient: { ...patient, name: '<script>x</script>' } }), { kind: 'webhook', url: `${base}/inbox/webhook` }));
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
  });

  test('the list carries the PRSB items from the ServiceRequest', async () => {
    await deliver(fhirRequest('ref-items'));
    const [row] = await listed();
    expect(row).toMatchObject({
      contact: { method: 'phone', phone: '07700 900123', times: 'Mornings', safety: 'Hard of hearing: let it ring.' },
      risks: 'No known risks',
      replyTo: 'Kelvinbrae Medical Practice, 0141 555 0100, kelvinbrae.practice@nhs.scot',
    });
  });

  test('routes outside /fhir, /secure and /inbox are left to the caller', async () => {
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/fhir/Task/missing`)).status).toBe(404);
  });
});

describe('the secured endpoint (/secure/fhir)', () => {
  const token = async () => {
    const res = await fetch(demo.oauth.tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('links-demo:demo-secret')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=system%2FTask.cru',
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const secureRequest = (bearer?: string) => {
    const req = buildRequest(makeReferral({ id: 'ref-secure' }), { kind: 'fhir', baseUrl: `${base}/secure/fhir` });
    return bearer ? { ...req, headers: { ...req.headers, Authorization: `Bearer ${bearer}` } } : req;
  };

  test('no token: 401 with WWW-Authenticate, nothing stored', async () => {
    const res = await deliver(secureRequest());
    expect(res.status).toBe(401);
    expect(classifyResponse(res.status, res.text).kind).toBe('failed');
    expect(await listed()).toEqual([]);
  });

  test('a token from the board\'s OAuth server (checked against its JWKS): stored', async () => {
    expect((await deliver(secureRequest(await token()))).status).toBe(200);
    expect((await listed()).map((r) => r.referralId)).toEqual(['ref-secure']);
  });

  test('a forged or revoked token: 401', async () => {
    const good = await token();
    const [h, p] = good.split('.');
    expect((await deliver(secureRequest(`${h}.${p}.AAAA`))).status).toBe(401);
    expect((await fetch(`${base}/secure/fhir/Task`, { headers: { Authorization: `Bearer ${good}` } })).status).toBe(200);
    await control({ revokeTokens: true });
    expect((await deliver(secureRequest(good))).status).toBe(401);
    expect((await deliver(secureRequest(await token()))).status).toBe(200);
  });
});
