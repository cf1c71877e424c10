/**
 * The referral destination's secrets live in the extension's own database, not in `storage.local` (which a content
 * script, running inside the record page's renderer, can read). An install from before keeps them in `storage.local`:
 * the first use moves them, without losing any, whatever fails on the way.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { LinksDatabase } from '../../src/db/database';
import { AUTH_STORAGE_KEYS, readLocalSecrets, writeLocalSecrets } from '../../src/referral/auth/store';
import { databaseStore, type LegacySecretArea } from '../../src/services/outbox/auth';

/** storage.local's get(keys) / remove(keys), over a Map; `failGets` makes the next reads throw. */
function legacyArea(entries: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(entries));
  let failGets = 0;
  const area: LegacySecretArea & { map: Map<string, unknown>; failNext(n: number): void } = {
    map,
    failNext: (n) => void (failGets = n),
    async get(keys) {
      if (failGets > 0) {
        failGets -= 1;
        throw new Error('storage unavailable');
      }
      return Object.fromEntries(keys.filter((k) => map.has(k)).map((k) => [k, structuredClone(map.get(k))]));
    },
    async remove(keys) {
      for (const k of keys) map.delete(k);
    },
  };
  return area;
}

let db: LinksDatabase;
let n = 0;
beforeEach(() => {
  db = new LinksDatabase(`secret-store-${++n}`);
});

describe('databaseStore', () => {
  test('keeps secrets and the token in the database, never in extension storage', async () => {
    const legacy = legacyArea();
    const store = databaseStore(db, legacy);
    await writeLocalSecrets(store, { clientSecret: 's3cret', bearerToken: 'b-token' });
    await store.set(AUTH_STORAGE_KEYS.token, { accessToken: 'a', expiresAt: 1 });
    expect(await readLocalSecrets(store)).toEqual({ clientSecret: 's3cret', bearerToken: 'b-token' });
    expect((await db.kv.get(AUTH_STORAGE_KEYS.secrets))?.value).toEqual({ clientSecret: 's3cret', bearerToken: 'b-token' });
    expect(legacy.map.size).toBe(0);
    await store.delete(AUTH_STORAGE_KEYS.token);
    expect(await db.kv.get(AUTH_STORAGE_KEYS.token)).toBeUndefined();
  });

  test('moves what an older version left in extension storage, and removes it there', async () => {
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { clientSecret: 'old' }, [AUTH_STORAGE_KEYS.token]: { accessToken: 't' }, sessionConfig: { origins: [] } });
    const store = databaseStore(db, legacy);
    expect(await readLocalSecrets(store)).toEqual({ clientSecret: 'old' });
    expect(await store.get(AUTH_STORAGE_KEYS.token)).toEqual({ accessToken: 't' });
    expect([...legacy.map.keys()]).toEqual(['sessionConfig']);
  });

  test('a value already in the database wins over a stale one in extension storage, which still goes', async () => {
    await db.kv.put({ key: AUTH_STORAGE_KEYS.secrets, value: { clientSecret: 'new' } });
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { clientSecret: 'stale' } });
    expect(await readLocalSecrets(databaseStore(db, legacy))).toEqual({ clientSecret: 'new' });
    expect(legacy.map.size).toBe(0);
  });

  test('extension storage that cannot be read loses nothing: the move is tried again on the next use', async () => {
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { bearerToken: 'kept' } });
    legacy.failNext(1);
    const store = databaseStore(db, legacy);
    expect(await readLocalSecrets(store)).toEqual({});
    expect(legacy.map.has(AUTH_STORAGE_KEYS.secrets)).toBe(true);
    expect(await readLocalSecrets(store)).toEqual({ bearerToken: 'kept' });
    expect(legacy.map.size).toBe(0);
  });

  test('works where there is no extension storage at all', async () => {
    const store = databaseStore(db, undefined);
    await store.set(AUTH_STORAGE_KEYS.token, { accessToken: 'x' });
    expect(await store.get(AUTH_STORAGE_KEYS.token)).toEqual({ accessToken: 'x' });
  });
});
