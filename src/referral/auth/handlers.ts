/**
 * What the options page asks the background about authentication (issue #15),
 * as plain functions, so wiring each message is one line. No answer ever
 * carries a secret: only whether each one is saved, set by policy or missing,
 * and the public key to register.
 */
import * as v from 'valibot';
import type { Destination } from '../destinations';
import { generateSigningKey, publicJwks } from './keys';
import { SIGNING_ALGS, type AuthKind, type SecretName, type SigningAlg } from './schema';
import { resolveSecrets, writeLocalSecrets, type KeyValueStore } from './store';
import type { AuthClient } from './token-client';

/** Request payloads, for the protocol map (`referral.auth*` keys). */
export const AuthMessageSchemas = {
  'referral.authStatus': v.object({}),
  /** A string saves the secret, null removes it; absent leaves it. */
  'referral.setSecret': v.object({
    bearerToken: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(8000)))),
    clientSecret: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(8000)))),
  }),
  'referral.generateKey': v.object({ alg: v.picklist(SIGNING_ALGS) }),
  'referral.testAuth': v.object({}),
};

export type SecretState = 'missing' | 'saved' | 'policy';

export interface AuthStatusView {
  authKind: AuthKind;
  /** The secret this kind of authentication needs, if any. */
  needs?: SecretName;
  secrets: Record<SecretName, SecretState>;
  /** The public key to register with the board (SMART Backend Services). */
  key?: { alg: SigningAlg; kid: string; createdAt: string; publicJwks: { keys: Record<string, unknown>[] } };
  /** Policy secrets that were ignored, in plain words (never quoting them). */
  warnings: string[];
}

export interface AuthHandlerDeps {
  store: KeyValueStore;
  /** `browser.storage.managed.get()`, or {} when there is no policy. */
  managed: () => Promise<unknown>;
  /** The effective referral destination (settings with policy laid over). */
  destination: () => Promise<Destination>;
  client: AuthClient;
  now?: () => Date;
  crypto?: Crypto;
}

const NEEDS: Partial<Record<AuthKind, SecretName>> = { bearer: 'bearerToken', 'client-credentials': 'clientSecret', 'smart-backend': 'privateKey' };
const SECRET_NAMES: SecretName[] = ['bearerToken', 'clientSecret', 'privateKey'];

export function createAuthHandlers(deps: AuthHandlerDeps) {
  const now = deps.now ?? (() => new Date());

  async function status(): Promise<AuthStatusView> {
    const dest = await deps.destination();
    const authKind: AuthKind = (dest.kind === 'fhir' || dest.kind === 'webhook' ? dest.auth?.kind : undefined) ?? 'none';
    const { secrets, fromPolicy, warnings } = await resolveSecrets(deps.store, await deps.managed());
    const states = Object.fromEntries(
      SECRET_NAMES.map((name) => [name, fromPolicy.includes(name) ? 'policy' : secrets[name] ? 'saved' : 'missing']),
    ) as Record<SecretName, SecretState>;
    const view: AuthStatusView = { authKind, secrets: states, warnings };
    const needs = NEEDS[authKind];
    if (needs) view.needs = needs;
    const key = secrets.privateKey;
    if (key) view.key = { alg: key.alg, kid: key.kid, createdAt: key.createdAt, publicJwks: publicJwks(key) };
    return view;
  }

  async function refuseIfPolicy(names: SecretName[]): Promise<void> {
    const { fromPolicy } = await resolveSecrets(deps.store, await deps.managed());
    const fixed = names.filter((n) => fromPolicy.includes(n));
    if (fixed.length > 0) throw new Error('This secret is set by your health board and cannot be changed here.');
  }

  return {
    status,
    /** @throws Error (plain words) when the value is not acceptable or policy sets it. */
    async setSecret(payload: v.InferOutput<(typeof AuthMessageSchemas)['referral.setSecret']>): Promise<AuthStatusView> {
      await refuseIfPolicy(SECRET_NAMES.filter((n) => n in payload && n !== 'privateKey'));
      const trimmed = (s: string | null | undefined) => (typeof s === 'string' ? s.trim() || null : s);
      await writeLocalSecrets(deps.store, { bearerToken: trimmed(payload.bearerToken), clientSecret: trimmed(payload.clientSecret) });
      return status();
    },
    /** A new signing key replaces the old one (which must then be unregistered with the board). */
    async generateKey(payload: { alg: SigningAlg }): Promise<AuthStatusView> {
      await refuseIfPolicy(['privateKey']);
      const key = await generateSigningKey(payload.alg, now(), deps.crypto);
      await writeLocalSecrets(deps.store, { privateKey: key });
      return status();
    },
    async test(): Promise<{ ok: boolean; message: string }> {
      const dest = await deps.destination();
      if (dest.kind !== 'fhir' && dest.kind !== 'webhook') return { ok: true, message: 'Email and print destinations need no sign-in.' };
      return deps.client.test(dest);
    },
  };
}
