/**
 * The referral destination's secrets live in the extension's own database, not in `storage.local` (which a content
 * script, running inside the record page's renderer, can read). An install from before keeps them in `storage.local`:
 * the first use moves them, without losing any, whatever fails on the way.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinksDatabase } from '../../src/db/database';
import { AUTH_STORAGE_KEYS, readLocalSecrets, writeLocalSecrets } from '../../src/referral/auth/store';
import { databaseStore, type LegacySecretArea } from '../../src/services/outbox/auth';

/** storage.local's get(keys) / remove(keys), over a Map; failNext / failRemoves make the next reads or removals throw. */
function legacyArea(entries: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(entries));
  let failGets = 0;
  let failRemoves = 0;
  let gets = 0;
  const area: LegacySecretArea & { map: Map<string, unknown>; failNext(n: number): void; failRemoves(n: number): void; readonly gets: number } = {
    map,
    failNext: (n) => void (failGets = n),
    failRemoves: (n) => void (failRemoves = n),
    get gets() {
      return gets;
    },
    async get(keys) {
      gets += 1;
      if (failGets > 0) {
        failGets -= 1;
        throw new Error('storage unavailable');
      }
      return Object.fromEntries(keys.filter((k) => map.has(k)).map((k) => [k, structuredClone(map.get(k))]));
    },
    async remove(keys) {
      if (failRemoves > 0) {
        failRemoves -= 1;
        throw new Error('storage unavailable');
      }
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
    // The worker's own store: extension storage is the browser's (WXT's fake here), and stays empty.
    const store = databaseStore(db);
    await writeLocalSecrets(store, { clientSecret: 's3cret', bearerToken: 'b-token' });
    await store.set(AUTH_STORAGE_KEYS.token, { accessToken: 'a', expiresAt: 1 });
    expect(await readLocalSecrets(store)).toEqual({ clientSecret: 's3cret', bearerToken: 'b-token' });
    expect((await db.kv.get(AUTH_STORAGE_KEYS.secrets))?.value).toEqual({ clientSecret: 's3cret', bearerToken: 'b-token' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await store.delete(AUTH_STORAGE_KEYS.token);
    expect(await db.kv.get(AUTH_STORAGE_KEYS.token)).toBeUndefined();
  });

  test("the browser's extension storage from an older version: moved, and removed there", async () => {
    await fakeBrowser.storage.local.set({ [AUTH_STORAGE_KEYS.secrets]: { bearerToken: 'old-b' }, sessionConfig: { origins: [] } });
    expect(await readLocalSecrets(databaseStore(db))).toEqual({ bearerToken: 'old-b' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ sessionConfig: { origins: [] } });
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

  test('extension storage that cannot be read: nothing is read or written until the move succeeds, so nothing is lost', async () => {
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { bearerToken: 'b-old', clientSecret: 'c-old' } });
    legacy.failNext(2);
    const store = databaseStore(db, legacy);
    await expect(readLocalSecrets(store)).rejects.toThrow(/could not be moved/);
    // A new secret saved meanwhile is refused rather than written over the old ones the move has not brought yet.
    await expect(writeLocalSecrets(store, { clientSecret: 'c-new' })).rejects.toThrow(/could not be moved/);
    expect(await db.kv.get(AUTH_STORAGE_KEYS.secrets)).toBeUndefined();
    await writeLocalSecrets(store, { clientSecret: 'c-new' });
    expect(await readLocalSecrets(store)).toEqual({ bearerToken: 'b-old', clientSecret: 'c-new' });
    expect(legacy.map.size).toBe(0);
  });

  test('a removal that fails after the copy: the copy stays, and the next start removes the old one', async () => {
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { bearerToken: 'kept' } });
    legacy.failRemoves(1);
    await expect(readLocalSecrets(databaseStore(db, legacy))).rejects.toThrow(/could not be moved/);
    expect((await db.kv.get(AUTH_STORAGE_KEYS.secrets))?.value).toEqual({ bearerToken: 'kept' });
    expect(legacy.map.has(AUTH_STORAGE_KEYS.secrets)).toBe(true);
    expect(await readLocalSecrets(databaseStore(db, legacy))).toEqual({ bearerToken: 'kept' });
    expect(legacy.map.size).toBe(0);
  });

  test('uses at the same moment share one move', async () => {
    const legacy = legacyArea({ [AUTH_STORAGE_KEYS.secrets]: { clientSecret: 'one' }, [AUTH_STORAGE_KEYS.token]: { accessToken: 't' } });
    const store = databaseStore(db, legacy);
    const [a, b, c] = await Promise.all([readLocalSecrets(store), store.get(AUTH_STORAGE_KEYS.token), readLocalSecrets(store)]);
    expect([a, b, c]).toEqual([{ clientSecret: 'one' }, { accessToken: 't' }, { clientSecret: 'one' }]);
    expect(legacy.gets).toBe(1);
    expect(legacy.map.size).toBe(0);
  });

  test('works where there is no extension storage at all', async () => {
    const store = databaseStore(db, undefined);
    await store.set(AUTH_STORAGE_KEYS.token, { accessToken: 'x' });
    expect(await store.get(AUTH_STORAGE_KEYS.token)).toEqual({ accessToken: 'x' });
  });
});
