/**
 * Issue #11: a 2xx is a delivery only when the destination confirms the
 * referral; redirects never count. Table-driven over the answers seen in the
 * field (a sign-in page, an HTML error page, an empty 200, another resource).
 */
import { describe, expect, test } from 'vitest';
import { classifyResponse, notDelivered, REDIRECTED } from '../../src/referral/response';

const ok = { response: { status: '201 Created', location: 'Task/abc/_history/1' } };
const bundle = (entry: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry });

describe('notDelivered (FHIR)', () => {
  test.each([
    ['a transaction-response, every entry 2xx', bundle([ok, ok, { response: { status: '200 OK' } }]), undefined],
    ['an HTML sign-in page', '<!doctype html><title>Sign in</title>', /web page \(often a sign-in page\)/],
    ['an empty 200', '', /did not answer as a FHIR server/],
    ['another resource', JSON.stringify({ resourceType: 'OperationOutcome', issue: [] }), /not a transaction-response Bundle/],
    ['a batch-response', JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry: [ok] }), /not a transaction-response Bundle/],
    ['an entry refused', bundle([ok, { response: { status: '409 Conflict' } }]), /did not confirm every part/],
    ['no entries', bundle([]), /did not confirm every part/],
  ])('%s', (_label, body, expected) => {
    const result = notDelivered(body, { kind: 'fhir', referralId: 'r1' });
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(expected);
  });
});

describe('notDelivered (webhook)', () => {
  test.each([
    ['the documented receipt', JSON.stringify({ received: true, referralId: 'r1' }), undefined],
    ["another referral's receipt", JSON.stringify({ received: true, referralId: 'r2' }), /did not confirm this referral/],
    ['received false', JSON.stringify({ received: false, referralId: 'r1' }), /did not confirm this referral/],
    ['an HTML page', '<html><body>Welcome</body></html>', /web page/],
    ['plain text OK', 'OK', /no JSON answer/],
  ])('%s', (_label, body, expected) => {
    const result = notDelivered(body, { kind: 'webhook', referralId: 'r1' });
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(expected);
  });
});

describe('classifyResponse with an expectation', () => {
  test.each([
    [201, bundle([ok]), 'sent'],
    [200, '<html>Sign in</html>', 'failed'],
    [302, '', 'failed'],
    [307, '', 'failed'],
    [REDIRECTED, '', 'failed'],
    [500, '', 'retry'],
    [0, '', 'retry'],
  ])('%i %s -> %s', (status, body, kind) => {
    expect(classifyResponse(status, body, { kind: 'fhir', referralId: 'r1' }).kind).toBe(kind);
  });

  test('a redirect says nothing was delivered, whatever the status', () => {
    expect(classifyResponse(302, '')).toMatchObject({ kind: 'failed', reason: expect.stringContaining('nothing was delivered') as string });
  });
});
