/**
 * Signing in to the referral destination (issue #15), for this worker: the
 * token client over extension storage (secrets and the cached token live in
 * `storage.local` only, never in settings, a settings file or sync storage),
 * with policy secrets laid over the local ones, and the options page's
 * messages about it.
 */
import { browser } from 'wxt/browser';
import { createAuthClient, type AuthClient } from '../../referral/auth/token-client';
import { createAuthHandlers } from '../../referral/auth/handlers';
import { resolveSecrets, type KeyValueStore } from '../../referral/auth/store';
import type { Settings } from '../../settings/schema';
import type { HandlerGroup } from '../handler-group';
import { readManaged } from '../settings/store';

/** Extension storage as the token client's key/value store. */
export const extensionStore: KeyValueStore = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
  delete: (key) => browser.storage.local.remove(key),
};

export function createReferralAuth(settings: () => Promise<Settings>, store: KeyValueStore = extensionStore, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
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
