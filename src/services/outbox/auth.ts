/**
 * Signing in to the referral destination (issue #15), for this worker: the
 * token client over the extension's own database (secrets and the cached token
 * live in its `kv` table only, never in settings, a settings file, extension
 * storage or sync storage), with policy secrets laid over the local ones, and
 * the options page's messages about it.
 *
 * Why the database and not `storage.local`: a content script can read
 * `storage.local`, and the content script runs inside the clinical record
 * page's renderer process. The extension's IndexedDB is reachable only from
 * its own pages and worker. Installs from before this kept the secrets in
 * `storage.local`; the first read moves them (and removes them there).
 */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import { createAuthClient, type AuthClient } from '../../referral/auth/token-client';
import { createAuthHandlers } from '../../referral/auth/handlers';
import { AUTH_STORAGE_KEYS, resolveSecrets, type KeyValueStore } from '../../referral/auth/store';
import type { Settings } from '../../settings/schema';
import type { HandlerGroup } from '../handler-group';
import { readManaged } from '../settings/store';

/** Where secrets used to be kept (storage.local), for the one-time move. */
export interface LegacySecretArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * The database's `kv` table as the token client's key/value store. Before the first read or write, anything an
 * older version left in `storage.local` under the same keys is moved here (kept only where the database has
 * nothing yet) and removed there, in that order, so a worker stopped halfway loses nothing.
 */
export function databaseStore(db: LinksDatabase, legacy: LegacySecretArea | undefined = browser.storage?.local): KeyValueStore {
  const keys = Object.values(AUTH_STORAGE_KEYS);
  let moved: Promise<void> | undefined;
  const moveOnce = (): Promise<void> =>
    (moved ??= (async () => {
      if (!legacy) return;
      const old = await legacy.get(keys);
      const found = keys.filter((k) => old[k] !== undefined);
      if (found.length === 0) return;
      await db.transaction('rw', db.kv, async () => {
        for (const key of found) if ((await db.kv.get(key)) === undefined) await db.kv.put({ key, value: old[key] });
      });
      await legacy.remove(found);
    })().catch((error: unknown) => {
      // Tried again on the next use; until then the database's own values (if any) are used.
      moved = undefined;
      console.warn('[links-sidebar] could not move the referral secrets out of extension storage:', error);
    }));
  return {
    get: async (key) => {
      await moveOnce();
      return (await db.kv.get(key))?.value;
    },
    set: async (key, value) => {
      await moveOnce();
      await db.kv.put({ key, value });
    },
    delete: async (key) => {
      await moveOnce();
      await db.kv.delete(key);
    },
  };
}

export function createReferralAuth(settings: () => Promise<Settings>, store: KeyValueStore, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const client: AuthClient = createAuthClient({
    fetchImpl,
    now: Date.now,
    store,
    secrets: async () => (await resolveSecrets(store, await readManaged())).secrets,
  });
  const api = createAuthHandlers({ store, managed: readManaged, destination: async () => (await settings()).destination, client });
  const handlers: HandlerGroup<'referral.authStatus' | 'referral.setSecret' | 'referral.generateKey' | 'referral.testAuth'> = {
    'referral.authStatus': () => api.status(),
    'referral.setSecret': (payload) => api.setSecret(payload),
    'referral.generateKey': (payload) => api.generateKey(payload),
    'referral.testAuth': () => api.test(),
  };
  return { client, handlers };
}
