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
 * `storage.local`; the worker moves them at its first start (and removes them there).
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
 * nothing yet) and then removed there. The copy is written with strict durability (the database is otherwise
 * opened "relaxed"), so the removal never reaches the disk before the copy does. Until the move has succeeded,
 * every read and write fails (and a referral waiting for the secrets is tried again later): a write before it
 * would leave the database holding the new value only, and the move would then drop the old ones.
 */
export function databaseStore(db: LinksDatabase, legacy: LegacySecretArea | undefined = browser.storage?.local): KeyValueStore {
  const keys = Object.values(AUTH_STORAGE_KEYS);
  let moved: Promise<void> | undefined;
  const move = async (): Promise<void> => {
    if (!legacy) return;
    const old = await legacy.get(keys);
    const found = keys.filter((k) => old[k] !== undefined);
    if (found.length === 0) return;
    if (!db.isOpen()) await db.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction(['kv'], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('kv');
      for (const key of found) {
        const existing = store.get(key);
        existing.onsuccess = () => {
          if (existing.result === undefined) store.put({ key, value: old[key] });
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the move of the referral secrets was not written'));
      tx.onabort = () => reject(tx.error ?? new Error('the move of the referral secrets was aborted'));
    });
    await legacy.remove(found);
  };
  const moveOnce = (): Promise<void> =>
    (moved ??= move().catch((error: unknown) => {
      // Tried again on the next use; until then nothing is read or written (see above).
      moved = undefined;
      throw new Error(`The referral sign-in details could not be moved out of extension storage yet: ${error instanceof Error ? error.message : String(error)}`);
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
  return { client, handlers, store };
}
