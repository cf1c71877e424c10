import { describe, expect, test } from 'vitest';
import { buildRequest, isAllowedEndpoint, mailtoLink, parseDestination, referralLetter, type WebhookPayload } from '../../src/referral/destinations';
import { toFhirBundle } from '../../src/referral/fhir';
import { makeReferral } from './fixtures';

describe('isAllowedEndpoint', () => {
  test.each([
    ['https://clp.example.scot/fhir', true],
    ['http://localhost:8787/fhir', true],
    ['http://127.0.0.1:8787/inbox/webhook', true],
    ['http://[::1]:8787/fhir', true],
    ['http://clp.example.scot/fhir', false],
    ['http://localhost.evil.com/fhir', false],
    ['http://127.0.0.2/fhir', false],
    ['https://user:secret@clp.example.scot/fhir', false],
    ['ftp://clp.example.scot', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, ok) => {
    expect(isAllowedEndpoint(url)).toBe(ok);
  });
});

describe('parseDestination', () => {
  test.each([
    [{ kind: 'fhir', baseUrl: ' https://clp.example.scot/fhir ' }, { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir' }],
    [{ kind: 'webhook', url: 'https://hooks.example.scot/in', headers: { Authorization: 'Bearer t' } }, { kind: 'webhook', url: 'https://hooks.example.scot/in', headers: { Authorization: 'Bearer t' } }],
    [{ kind: 'email', to: 'clp@nhs.scot' }, { kind: 'email', to: 'clp@nhs.scot' }],
    [{ kind: 'print' }, { kind: 'print' }],
  ])('accepts %o', (input, destination) => {
    expect(parseDestination(input)).toEqual({ ok: true, destination });
  });
  test.each([
    [{ kind: 'fhir', baseUrl: 'http://clp.example.scot/fhir' }, /https:\/\//],
    [{ kind: 'email', to: 'not-an-email' }, /email address/],
    [{ kind: 'webhook', url: 'https://h.example.scot', headers: { 'Idempotency-Key': 'x' } }, /cannot be changed/],
    [{ kind: 'pigeon' }, /not complete/],
    [null, /not complete/],
  ])('refuses %o in plain words', (input, reason) => {
    const result = parseDestination(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('buildRequest', () => {
  const referral = makeReferral();
  test('FHIR: POSTs the transaction Bundle to the base with fhir+json and Idempotency-Key', () => {
    const req = buildRequest(referral, { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir/' });
    expect(req).toMatchObject({ url: 'https://clp.example.scot/fhir', method: 'POST' });
    expect(req.headers['Content-Type']).toBe('application/fhir+json');
    expect(req.headers['Idempotency-Key']).toBe(referral.id);
    expect(JSON.parse(req.body)).toEqual(toFhirBundle(referral));
  });
  test('webhook: JSON with the referral, custom headers, our headers win', () => {
    const req = buildRequest(referral, { kind: 'webhook', url: 'https://h.example.scot/in', headers: { Authorization: 'Bearer t', 'idempotency-key': 'evil' } });
    expect(req.headers).toEqual({ Authorization: 'Bearer t', 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': referral.id });
    const payload = JSON.parse(req.body) as WebhookPayload;
    expect(payload).toMatchObject({ kind: 'community-links-referral', version: 1, referral });
    expect(payload.fhir.type).toBe('transaction');
  });
  test('refuses to build without consent', () => {
    const r = makeReferral({ consent: { given: false, shareInformation: true, recordedAt: '' } });
    expect(() => buildRequest(r, { kind: 'fhir', baseUrl: 'https://x.scot' })).toThrowError(expect.objectContaining({ name: 'ConsentMissing' }) as Error);
  });
});

describe('referralLetter and mailtoLink', () => {
  const referral = makeReferral();
  test.each([
    'Community Links referral',
    'Name: Jane MACDONALD',
    'CHI number: 1403521234',
    'Date of birth: 14/03/1952',
    'Needs: Loneliness and social connection; Fuel and energy',
    'What matters to the person: Getting out of the house',
    'Urgency: Soon (within a week)',
    'Preferred contact: Phone call',
    'Best times: Mornings',
    'Safety notes: Hard of hearing',
    'Consent to referral and contact: given (20/11/2026)',
    'Consent to share this information: given',
    'Risks: no known risks',
    'Phone: 07700 900123',
    'Referred by: Dr A Stewart, GP',
    'Practice: Kelvinbrae Medical Practice',
    'Please send the response to: Kelvinbrae Medical Practice, kelvinbrae.practice@nhs.scot, 0141 555 0100',
  ])('letter contains %s', (text) => {
    expect(referralLetter(referral)).toContain(text);
  });
  test('letter leaves out what is not known', () => {
    const letter = referralLetter(makeReferral({ barriers: undefined, contact: { method: 'letter' } }));
    expect(letter).not.toMatch(/Barriers|Best times|Safety notes|Email:/);
  });
  test('mailto: fixed subject with nothing identifying, letter as CRLF body', () => {
    const link = mailtoLink(referral, 'clp@nhs.scot');
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('clp@nhs.scot');
    expect(url.searchParams.get('subject')).toBe('Community Links referral');
    const body = decodeURIComponent(link.split('&body=')[1] ?? '');
    expect(body).toBe(referralLetter(referral).replace(/\n/g, '\r\n'));
    const subject = url.searchParams.get('subject') ?? '';
    for (const secret of ['1403521234', '9434765919', 'MACDONALD', 'Jane', 'G31']) expect(subject).not.toContain(secret);
  });
});
