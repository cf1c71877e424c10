/**
 * Where the destination's secrets and the current access token live. The
 * token client only sees a tiny key/value store, so the background backs it
 * with the extension's own database (src/services/outbox/auth.ts; never
 * `storage.sync`: secrets must not follow the user to other computers, nor
 * `storage.local`, which a content script can read) and the tests with a Map.
 *
 * A secret can also come from browser policy (`destinationSecrets` in the
 * managed storage): it is read from there each time and never copied into
 * local storage, so removing the policy removes it. Policy wins.
 */
import * as v from 'valibot';
import {
  PrivateKeySchema,
  publicJwkOf,
  SecretsSchema,
  SIGNING_ALGS,
  type DestinationSecrets,
  type PrivateKeyRecord,
  type SecretName,
  type SigningAlg,
} from './schema';

/** The three operations the auth code needs from storage. Values are JSON. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Storage keys (rows of the database's `kv` table). */
export const AUTH_STORAGE_KEYS = {
  /** DestinationSecrets set in the options page: bearer token, client secret, private key. */
  secrets: 'referralAuth.secrets',
  /** The one cached access token, with the fingerprint of the settings it was issued for. */
  token: 'referralAuth.token',
} as const;

/** The policy name for secrets (beside the `destination` policy). */
export const SECRETS_POLICY_NAME = 'destinationSecrets';

/** A Map as a KeyValueStore (tests; a worker with no storage). */
export function memoryStore(map: Map<string, unknown> = new Map()): KeyValueStore {
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
  };
}

/** The locally stored secrets; anything unreadable counts as none. */
export async function readLocalSecrets(store: KeyValueStore): Promise<DestinationSecrets> {
  const parsed = v.safeParse(SecretsSchema, await store.get(AUTH_STORAGE_KEYS.secrets));
  return parsed.success ? parsed.output : {};
}

/**
 * Changes the local secrets: a string sets one, `null` removes it, a missing
 * key leaves it. The cached token goes too, since it was issued for the old ones.
 * @throws Error with a plain reason when a value is not acceptable (nothing is saved).
 */
export async function writeLocalSecrets(
  store: KeyValueStore,
  patch: { bearerToken?: string | null; clientSecret?: string | null; privateKey?: PrivateKeyRecord | null },
): Promise<DestinationSecrets> {
  const next: Record<string, unknown> = { ...(await readLocalSecrets(store)) };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  const parsed = v.safeParse(SecretsSchema, next);
  if (!parsed.success) throw new Error(parsed.issues[0]?.message ?? 'That secret cannot be saved.');
  await store.set(AUTH_STORAGE_KEYS.secrets, parsed.output);
  await store.delete(AUTH_STORAGE_KEYS.token);
  return parsed.output;
}

/**
 * Secrets from browser policy. Chrome's policy schema has no free-form
 * objects, so a private key arrives as JSON text (`privateKeyJwk`); Firefox
 * may pass the object. Never throws; a bad value is skipped with a warning
 * that never quotes it.
 */
export function managedSecrets(managed: unknown): { secrets: DestinationSecrets; warnings: string[] } {
  const warnings: string[] = [];
  const raw = typeof managed === 'object' && managed !== null ? (managed as Record<string, unknown>)[SECRETS_POLICY_NAME] : undefined;
  if (raw === undefined) return { secrets: {}, warnings };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { secrets: {}, warnings: [`The central policy setting "${SECRETS_POLICY_NAME}" was ignored: it is not a group of named values.`] };
  }
  const { bearerToken, clientSecret, privateKeyJwk, alg } = raw as Record<string, unknown>;
  const secrets: DestinationSecrets = {};
  for (const [name, value] of [['bearerToken', bearerToken], ['clientSecret', clientSecret]] as const) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim()) secrets[name] = value.trim();
    else warnings.push(`The central policy secret ${name} was ignored: it must be non-empty text.`);
  }
  if (privateKeyJwk !== undefined) {
    const key = policyKey(privateKeyJwk, alg);
    if (key) secrets.privateKey = key;
    else warnings.push('The central policy secret privateKeyJwk was ignored: it must be a private RSA or EC key as a JWK (JSON) with "alg" RS384 or ES384.');
  }
  return { secrets, warnings };
}

function policyKey(value: unknown, alg: unknown): PrivateKeyRecord | undefined {
  let jwk: unknown = value;
  if (typeof value === 'string') {
    try {
      jwk = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return undefined;
  const fields = jwk as Record<string, unknown>;
  const chosen = fields.alg ?? alg;
  if (!(SIGNING_ALGS as readonly unknown[]).includes(chosen)) return undefined;
  const kid = typeof fields.kid === 'string' && fields.kid ? fields.kid : 'policy';
  const parsed = v.safeParse(PrivateKeySchema, {
    alg: chosen,
    kid,
    privateJwk: fields,
    publicJwk: publicJwkOf(fields, chosen as SigningAlg, kid),
    createdAt: 'policy',
  });
  return parsed.success ? parsed.output : undefined;
}

/** The secrets in force: policy over local. `fromPolicy` names those the board set (shown as such, not editable). */
export async function resolveSecrets(
  store: KeyValueStore,
  managed: unknown,
): Promise<{ secrets: DestinationSecrets; fromPolicy: SecretName[]; warnings: string[] }> {
  const local = await readLocalSecrets(store);
  const policy = managedSecrets(managed);
  return {
    secrets: { ...local, ...policy.secrets },
    fromPolicy: Object.keys(policy.secrets) as SecretName[],
    warnings: policy.warnings,
  };
}
