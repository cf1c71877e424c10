// @vitest-environment node
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { AuthMessageSchemas, createAuthClient, createAuthHandlers, memoryStore, type KeyValueStore } from '../../../src/referral/auth';
import type { Destination } from '../../../src/referral/destinations';

const smart: Destination = { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir', auth: { kind: 'smart-backend', tokenUrl: 'https://login.example.scot/token', clientId: 'p1' } };

function handlers(destination: Destination, managed: unknown = {}, store: KeyValueStore = memoryStore()) {
  const client = createAuthClient({ fetchImpl: () => Promise.reject(new Error('offline')), now: Date.now, store });
  return createAuthHandlers({ store, managed: async () => managed, destination: async () => destination, client, now: () => new Date('2026-11-20T10:00:00Z') });
}

describe('the options page\'s auth messages', () => {
  test('status says which secret is needed and whether it is there, never its value', async () => {
    const h = handlers({ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'bearer' } });
    expect(await h.status()).toEqual({ authKind: 'bearer', needs: 'bearerToken', secrets: { bearerToken: 'missing', clientSecret: 'missing', privateKey: 'missing' }, warnings: [] });
    const after = await h.setSecret({ bearerToken: '  tok-123  ' });
    expect(after.secrets.bearerToken).toBe('saved');
    expect(JSON.stringify(after)).not.toContain('tok-123');
    expect((await h.setSecret({ bearerToken: null })).secrets.bearerToken).toBe('missing');
  });

  test('generate a key: the public JWK Set to register is shown, the private key is not', async () => {
    const view = await handlers(smart).generateKey({ alg: 'ES384' });
    expect(view.secrets.privateKey).toBe('saved');
    expect(view.key?.publicJwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384', use: 'sig', kid: view.key?.kid });
    expect(JSON.stringify(view)).not.toMatch(/"d":/);
  });

  test('a secret set by policy cannot be changed here', async () => {
    const h = handlers({ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'client-credentials', tokenUrl: 'https://l.scot/t', clientId: 'x' } }, { destinationSecrets: { clientSecret: 'board' } });
    expect((await h.status()).secrets.clientSecret).toBe('policy');
    await expect(h.setSecret({ clientSecret: 'mine' })).rejects.toThrow(/health board/);
  });

  test('test sign-in: the token endpoint cannot be reached, said in words', async () => {
    const store = memoryStore();
    const h = handlers({ kind: 'fhir', baseUrl: 'https://c.scot/fhir', auth: { kind: 'client-credentials', tokenUrl: 'https://l.scot/t', clientId: 'x' } }, {}, store);
    await h.setSecret({ clientSecret: 's' });
    expect(await h.test()).toEqual({ ok: false, message: expect.stringContaining('could not be reached') as string });
    expect(await handlers({ kind: 'print' }).test()).toEqual({ ok: true, message: 'Email and print destinations need no sign-in.' });
  });

  test('the payload schemas for the protocol', () => {
    expect(v.safeParse(AuthMessageSchemas['referral.generateKey'], { alg: 'HS256' }).success).toBe(false);
    expect(v.safeParse(AuthMessageSchemas['referral.setSecret'], { clientSecret: null }).success).toBe(true);
  });
});
