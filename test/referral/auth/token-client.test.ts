// @vitest-environment node
/**
 * The token client against a real OAuth 2.0 server (oauth2-mock-server,
 * started here), for both ways of proving the client: a client secret, and a
 * private_key_jwt assertion signed with a key made by WebCrypto (issue #15).
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  AUTH_STORAGE_KEYS, createAuthClient, generateSigningKey, isAuthError, memoryStore, publicJwks, writeLocalSecrets,
  type AuthClient, type KeyValueStore,
} from '../../../src/referral/auth';
import type { HttpDestination } from '../../../src/referral/destinations';

interface DemoOAuth {
  url: string;
  tokenUrl: string;
  jwksUrl: string;
  registerClient(id: string, client: object): void;
  setControl(c: object): void;
  stats(): { tokensIssued: number; tokenRequests: number };
  reset(): void;
  close(): Promise<void>;
}
const { startOAuthServer } = (await import(new URL('../../demo/oauth.mjs', import.meta.url).href)) as {
  startOAuthServer: (o: object) => Promise<DemoOAuth>;
};

let oauth: DemoOAuth;
let store: KeyValueStore;
let map: Map<string, unknown>;
let clock: number;

beforeAll(async () => {
  oauth = await startOAuthServer({ clients: { 'gp-secret': { secret: 'pa ss:wörd' } } });
});
afterAll(() => oauth.close());
beforeEach(() => {
  oauth.reset();
  map = new Map();
  store = memoryStore(map);
  clock = Date.parse('2026-11-20T10:00:00Z');
});

const client = (extra: Partial<Parameters<typeof createAuthClient>[0]> = {}): AuthClient =>
  createAuthClient({ fetchImpl: fetch, now: () => clock, store, ...extra });
const fhir = (auth: HttpDestination['auth']): HttpDestination => ({ kind: 'fhir', baseUrl: 'http://127.0.0.1:9/fhir', auth });
const secretAuth = (clientAuth?: 'basic' | 'post') => fhir({ kind: 'client-credentials', tokenUrl: oauth.tokenUrl, clientId: 'gp-secret', scope: 'system/Task.cru', ...(clientAuth ? { clientAuth } : {}) });
const bearerOf = (headers: Record<string, string>) => (headers.Authorization ?? '').replace(/^Bearer /, '');

async function verified(token: string) {
  return (await jwtVerify(token, createRemoteJWKSet(new URL(oauth.jwksUrl)), { issuer: oauth.url })).payload;
}

describe('client credentials with a client secret', () => {
  test.each(['basic', 'post'] as const)('client_secret_%s: a token the server signed, for this client', async (how) => {
    await writeLocalSecrets(store, { clientSecret: 'pa ss:wörd' });
    const token = bearerOf(await client().authorize(secretAuth(how)));
    const claims = await verified(token);
    expect(claims).toMatchObject({ sub: 'gp-secret', scope: 'system/Task.cru' });
  });

  test('a wrong secret: refused, in words that never show the secret', async () => {
    await writeLocalSecrets(store, { clientSecret: 'not-the-secret' });
    const error: unknown = await client().authorize(secretAuth()).catch((e: unknown) => e);
    expect(isAuthError(error) && error.problem).toBe('refused');
    expect(isAuthError(error) && error.retryable).toBe(false);
    expect(String((error as Error).message)).toMatch(/refused the sidebar \(401: invalid_client/);
    expect(String((error as Error).message)).not.toContain('not-the-secret');
  });

  test('no secret saved: a clear "not configured", no request made', async () => {
    const error: unknown = await client().authorize(secretAuth()).catch((e: unknown) => e);
    expect(isAuthError(error) && error.problem).toBe('not-configured');
    expect(oauth.stats().tokenRequests).toBe(0);
  });

  test('also against a bare oauth2-mock-server (no demo additions)', async () => {
    const bare = new OAuth2Server();
    await bare.issuer.keys.generate('RS256');
    await bare.start(0, '127.0.0.1');
    try {
      await writeLocalSecrets(store, { clientSecret: 'anything' });
      const tokenUrl = `${bare.issuer.url}/token`;
      const token = bearerOf(await client().authorize(fhir({ kind: 'client-credentials', tokenUrl, clientId: 'c' })));
      expect((await jwtVerify(token, createRemoteJWKSet(new URL(`${bare.issuer.url}/jwks`)))).payload.iss).toBe(bare.issuer.url);
    } finally {
      await bare.stop();
    }
  });
});

describe('SMART Backend Services: private_key_jwt signed by a key made with WebCrypto', () => {
  test.each(['ES384', 'RS384'] as const)('%s: the server checks the assertion against the registered public key', async (alg) => {
    const key = await generateSigningKey(alg, new Date(clock));
    oauth.registerClient(`gp-${alg}`, { jwks: publicJwks(key) });
    await writeLocalSecrets(store, { privateKey: key });
    const auth = fhir({ kind: 'smart-backend', tokenUrl: oauth.tokenUrl, clientId: `gp-${alg}`, scope: 'system/ServiceRequest.c' });
    // The assertion is checked with the server's real clock: use it here too.
    const token = bearerOf(await client({ now: Date.now }).authorize(auth));
    expect((await verified(token)).sub).toBe(`gp-${alg}`);
  });

  test('a key the board has not registered is refused', async () => {
    const registered = await generateSigningKey('ES384', new Date(clock));
    const other = await generateSigningKey('ES384', new Date(clock));
    oauth.registerClient('gp-k', { jwks: publicJwks(registered) });
    await writeLocalSecrets(store, { privateKey: other });
    const error: unknown = await client({ now: Date.now }).authorize(fhir({ kind: 'smart-backend', tokenUrl: oauth.tokenUrl, clientId: 'gp-k' })).catch((e: unknown) => e);
    expect(isAuthError(error) && error.problem).toBe('refused');
    expect((error as Error).message).toContain('signature does not match');
  });
});

describe('caching and renewal', () => {
  beforeEach(() => writeLocalSecrets(store, { clientSecret: 'pa ss:wörd' }));

  test('cached until shortly before expiry, then renewed', async () => {
    oauth.setControl({ tokenTtl: 600 });
    const c = client();
    const first = await c.authorize(secretAuth());
    expect(await c.authorize(secretAuth())).toEqual(first);
    expect(oauth.stats().tokenRequests).toBe(1);
    clock += 539_000; // 600 s token, renewed 60 s early
    expect(await c.authorize(secretAuth())).toEqual(first);
    clock += 2_000;
    const renewed = await c.authorize(secretAuth());
    expect(oauth.stats().tokenRequests).toBe(2);
    expect(renewed).not.toEqual(first);
  });

  test('a short-lived token is renewed a quarter of its life early, not immediately', async () => {
    oauth.setControl({ tokenTtl: 120 });
    const c = client();
    await c.authorize(secretAuth());
    clock += 89_000;
    await c.authorize(secretAuth());
    expect(oauth.stats().tokenRequests).toBe(1);
    clock += 2_000;
    await c.authorize(secretAuth());
    expect(oauth.stats().tokenRequests).toBe(2);
  });

  test('the cache survives a new client (a restarted service worker) and is per settings', async () => {
    await client().authorize(secretAuth());
    await client().authorize(secretAuth());
    expect(oauth.stats().tokenRequests).toBe(1);
    await client().authorize(fhir({ kind: 'client-credentials', tokenUrl: oauth.tokenUrl, clientId: 'gp-secret', scope: 'other' }));
    expect(oauth.stats().tokenRequests).toBe(2);
  });

  test('senders at the same moment share one token request', async () => {
    const c = client();
    const all = await Promise.all([1, 2, 3, 4].map(() => c.authorize(secretAuth())));
    expect(new Set(all.map((h) => h.Authorization)).size).toBe(1);
    expect(oauth.stats().tokenRequests).toBe(1);
  });

  test('the cached token is stored under its key, and holds no client secret', async () => {
    await client().authorize(secretAuth());
    const saved = JSON.stringify(map.get(AUTH_STORAGE_KEYS.token));
    expect(saved).toContain('accessToken');
    expect(saved).not.toContain('pa ss');
  });
});

describe('the token endpoint misbehaving', () => {
  beforeEach(() => writeLocalSecrets(store, { clientSecret: 'pa ss:wörd' }));

  test.each([
    [{ tokenEndpoint: 'down', times: 1 }, 'unreachable', true],
    [{ tokenEndpoint: 'fail', status: 503, times: 1 }, 'unavailable', true],
    [{ tokenEndpoint: 'redirect' }, 'redirect', false],
  ])('%o: %s (retry: %s)', async (control, problem, retryable) => {
    oauth.setControl(control);
    const error: unknown = await client().authorize(secretAuth()).catch((e: unknown) => e);
    expect(isAuthError(error) && [error.problem, error.retryable]).toEqual([problem, retryable]);
  });

  test('a redirect is never followed: nothing is sent anywhere else', async () => {
    oauth.setControl({ tokenEndpoint: 'redirect' });
    const asked: string[] = [];
    const spy: typeof fetch = (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    await client({ fetchImpl: spy }).authorize(secretAuth()).catch(() => undefined);
    expect(asked).toEqual([oauth.tokenUrl]);
  });

  test('a token endpoint on plain http (not this computer) is never asked', async () => {
    const asked: string[] = [];
    const spy: typeof fetch = (input) => {
      asked.push(String(input));
      return Promise.reject(new Error('no'));
    };
    const error: unknown = await client({ fetchImpl: spy })
      .authorize(fhir({ kind: 'client-credentials', tokenUrl: 'http://login.example.scot/token', clientId: 'x' }))
      .catch((e: unknown) => e);
    expect(isAuthError(error) && error.problem).toBe('not-configured');
    expect(asked).toEqual([]);
  });
});

describe('bearer and none', () => {
  test('a static bearer token is sent as is; none sends nothing', async () => {
    await writeLocalSecrets(store, { bearerToken: 'static-123' });
    expect(await client().authorize(fhir({ kind: 'bearer' }))).toEqual({ Authorization: 'Bearer static-123' });
    expect(await client().authorize(fhir({ kind: 'none' }))).toEqual({});
    expect(await client().authorize(fhir(undefined))).toEqual({});
  });
});
