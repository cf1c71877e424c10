// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { parseDestination } from '../../../src/referral/destinations';
import {
  AUTH_STORAGE_KEYS, generateSigningKey, managedSecrets, memoryStore, publicJwks, readLocalSecrets, redact, resolveSecrets, SecretsSchema, writeLocalSecrets,
} from '../../../src/referral/auth';

const now = new Date('2026-11-20T10:00:00.000Z');

describe('the destination schema carries auth, never a secret', () => {
  test.each([
    [{ kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'bearer' } }],
    [{ kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'client-credentials', tokenUrl: 'https://login.example.scot/token', clientId: 'gp-43010', scope: 'system/Task.cru', clientAuth: 'post' } }],
    [{ kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'smart-backend', tokenUrl: 'https://login.example.scot/token', clientId: 'gp-43010', alg: 'ES384' } }],
    [{ kind: 'webhook', url: 'https://hooks.example.scot/in', headers: { 'X-Practice': '43010' }, auth: { kind: 'client-credentials', tokenUrl: 'https://login.example.scot/token', clientId: 'x' } }],
  ])('accepts %o', (input) => {
    expect(parseDestination(input)).toEqual({ ok: true, destination: input });
  });

  test('a secret typed into the settings is dropped, not kept', () => {
    const parsed = parseDestination({ kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'bearer', token: 'abc', clientSecret: 'x' } });
    expect(parsed).toEqual({ ok: true, destination: { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'bearer' } } });
  });

  test.each([
    [{ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'client-credentials', tokenUrl: 'http://login.example.scot/token', clientId: 'x' } }, /Token endpoint must start with https/],
    [{ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'smart-backend', tokenUrl: 'https://l.scot/token', clientId: ' ' } }, /Client id is missing/],
    [{ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'smart-backend', tokenUrl: 'https://l.scot/token', clientId: 'x', alg: 'HS256' } }, /RS384 or ES384/],
    [{ kind: 'webhook', url: 'https://h.scot/in', headers: { Authorization: 'Bearer x' }, auth: { kind: 'bearer' } }, /Remove the Authorization header/],
  ])('refuses %o in plain words', (input, reason) => {
    const result = parseDestination(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('local secrets', () => {
  test('saved, changed and removed; the cached token goes with every change', async () => {
    const map = new Map<string, unknown>([[AUTH_STORAGE_KEYS.token, { accessToken: 't' }]]);
    const store = memoryStore(map);
    await writeLocalSecrets(store, { clientSecret: 's1', bearerToken: 'b1' });
    expect(map.has(AUTH_STORAGE_KEYS.token)).toBe(false);
    await writeLocalSecrets(store, { clientSecret: null });
    expect(await readLocalSecrets(store)).toEqual({ bearerToken: 'b1' });
  });

  test('an empty secret is refused and nothing changes', async () => {
    const store = memoryStore();
    await writeLocalSecrets(store, { bearerToken: 'b1' });
    await expect(writeLocalSecrets(store, { bearerToken: '  ' })).rejects.toThrow(/empty/);
    expect(await readLocalSecrets(store)).toEqual({ bearerToken: 'b1' });
  });

  test('something unreadable in storage counts as no secrets', async () => {
    expect(await readLocalSecrets(memoryStore(new Map([[AUTH_STORAGE_KEYS.secrets, 'garbage']])))).toEqual({});
  });
});

describe('secrets from browser policy', () => {
  test('policy wins over local, and is never copied into local storage', async () => {
    const map = new Map<string, unknown>();
    const store = memoryStore(map);
    await writeLocalSecrets(store, { clientSecret: 'local', bearerToken: 'local-b' });
    const resolved = await resolveSecrets(store, { destinationSecrets: { clientSecret: 'from-policy' } });
    expect(resolved).toEqual({ secrets: { clientSecret: 'from-policy', bearerToken: 'local-b' }, fromPolicy: ['clientSecret'], warnings: [] });
    expect(map.get(AUTH_STORAGE_KEYS.secrets)).toEqual({ clientSecret: 'local', bearerToken: 'local-b' });
  });

  test('a private key as JWK text (Chrome) or object (Firefox)', async () => {
    const key = await generateSigningKey('ES384', now);
    for (const privateKeyJwk of [JSON.stringify(key.privateJwk), key.privateJwk]) {
      const { secrets, warnings } = managedSecrets({ destinationSecrets: { privateKeyJwk } });
      expect(warnings).toEqual([]);
      expect(secrets.privateKey?.alg).toBe('ES384');
      expect(secrets.privateKey?.publicJwk).not.toHaveProperty('d');
    }
  });

  test.each([
    [{ destinationSecrets: 'x' }, /not a group/],
    [{ destinationSecrets: { clientSecret: '' } }, /clientSecret was ignored/],
    [{ destinationSecrets: { privateKeyJwk: '{"kty":"EC"}' } }, /privateKeyJwk was ignored/],
  ])('a bad policy value is skipped with a warning that never quotes it (%o)', (managed, warning) => {
    const { secrets, warnings } = managedSecrets(managed);
    expect(secrets).toEqual({});
    expect(warnings.join(' ')).toMatch(warning);
  });
});

describe('signing keys made with WebCrypto', () => {
  test.each(['RS384', 'ES384'] as const)('%s: private half stored, public half (no d) to register, kid = thumbprint', async (alg) => {
    const key = await generateSigningKey(alg, now);
    expect(v.safeParse(SecretsSchema, { privateKey: key }).success).toBe(true);
    expect(key.privateJwk).toHaveProperty('d');
    const jwks = publicJwks(key);
    expect(jwks.keys).toHaveLength(1);
    const [pub] = jwks.keys;
    expect(pub).toMatchObject({ kid: key.kid, alg, use: 'sig', kty: alg === 'RS384' ? 'RSA' : 'EC' });
    for (const privateField of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(pub).not.toHaveProperty(privateField);
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

test('redact hides secrets a server might echo', () => {
  expect(redact('bad client s3cret-value for x', ['s3cret-value', undefined])).toBe('bad client [hidden] for x');
});
