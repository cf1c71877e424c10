// @vitest-environment node
/**
 * Issue #11 against real HTTP servers: the sender never follows a redirect
 * (a sign-in proxy's 302, a 307 that would re-post the referral elsewhere),
 * never takes an HTML page or another answer for a delivery, and never sends
 * anything to a second origin. Node's fetch, like the browser's, gives the
 * 3xx itself with `redirect: 'manual'`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import { newReferralDraft } from '../../src/referral/draft';
import { draftToReferral } from '../../src/referral/validate';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { deliver } from '../../src/services/outbox/send';
import { requestSite } from '../../src/services/net/request';

const patient: PatientContext = {
  name: 'DOCHERTY, Margaret (Mrs)', birthDate: '1952-03-14', sex: 'female', chi: '1403522103', postcode: 'G31 3JD', phone: '0141 554 2187',
  problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'careview', confidence: 1 },
};
const now = new Date('2026-11-20T10:00:00Z');
const referral = draftToReferral(
  {
    ...newReferralDraft(patient, { name: 'Dr A. Murray', role: 'GP', practice: { name: 'Kelvinbrae Medical Practice', phone: '0141 496 0000' } }, ['money'], now, 'ref-redirect-1'),
    whatMatters: 'Bills',
    contact: { method: 'phone', phone: '0141 554 2187' },
    risks: { noneKnown: true },
    consent: { given: true, shareInformation: true, recordedAt: now.toISOString() },
  },
  now,
);

const listen = async (handler: (req: IncomingMessage, body: string, res: import('node:http').ServerResponse) => void): Promise<{ server: Server; url: string; seen: string[] }> => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${body.length}`);
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, seen };
};

let destination: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  elsewhere = await listen((_req, _body, res) => {
    const ok = { response: { status: '201 Created', location: 'Task/x/_history/1' } };
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [ok, ok, ok] }));
  });
  destination = await listen((req, _body, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/sso')) {
      res.writeHead(302, { location: `${elsewhere.url}/login?next=/fhir` });
      res.end();
    } else if (path.startsWith('/moved')) {
      res.writeHead(307, { location: `${elsewhere.url}/fhir` });
      res.end();
    } else if (path.startsWith('/html')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Welcome to the portal</h1></body></html>');
    } else if (path.startsWith('/outcome')) {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] }));
    } else {
      res.writeHead(304);
      res.end();
    }
  });
});
afterAll(async () => {
  for (const s of [destination, elsewhere]) await new Promise((resolve) => s.server.close(resolve));
});

const settingsFor = (baseUrl: string): Settings => ({ ...defaultSettings(), destination: { kind: 'fhir', baseUrl } });

test.each([
  ['a single-sign-on proxy answers 302 to a sign-in page', '/sso', /redirect \(often a sign-in page\), so nothing was delivered/],
  ['a 307 would re-post the whole Bundle to another origin', '/moved', /redirect/],
  ['a 200 HTML page', '/html', /web page/],
  ['a 200 with another resource', '/outcome', /not a transaction-response Bundle/],
])('%s: failed with the reason, nothing sent anywhere else', async (_label, path, reason) => {
  const before = elsewhere.seen.length;
  const dest = { kind: 'fhir' as const, baseUrl: `${destination.url}${path}` };
  const outcome = await deliver(referral, dest, settingsFor(dest.baseUrl), { canReach: async () => true });
  expect(outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(reason) as string });
  expect(elsewhere.seen.length).toBe(before);
});

test('a 304 to a conditional request is an answer, not a redirect', async () => {
  const answer = await requestSite(`${destination.url}/unchanged`, { method: 'GET' }, { where: 'Directory sources', consequence: '' });
  expect(answer).toMatchObject({ kind: 'response', status: 304 });
});

test('a destination that answers properly is a delivery', async () => {
  const dest = { kind: 'fhir' as const, baseUrl: `${elsewhere.url}/fhir` };
  expect(await deliver(referral, dest, settingsFor(dest.baseUrl))).toMatchObject({ kind: 'sent', taskUrl: 'Task/x' });
});
