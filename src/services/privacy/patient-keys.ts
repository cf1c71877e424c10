/**
 * Drafts, dismissals and outbox rows find their patient by a keyed hash of the
 * identifier, never the identifier itself. Issue #11: the old salted SHA-256
 * kept its salt in the same database as the hashes, so a copy of the database
 * alone gave back every CHI by brute force (the CHI space is small). The key
 * is now a non-extractable WebCrypto HMAC key: IndexedDB can hold it, and the
 * extension can use it, but no script (and no export of the database through
 * the browser's APIs) can read its bytes.
 *
 * Installs from before keep their old salt for one retention period so their
 * drafts and dismissals stay reachable; every write uses the new key, and the
 * retention job deletes the old salt once nothing it keyed can still be held.
 */
import type { LinksDatabase } from '../../db/database';
import { draftKey } from '../../lib/salted-hash';

const HMAC_KEY = 'patientHmacKey';
const LEGACY_SALT_KEY = 'salt';
const LEGACY_SINCE_KEY = 'legacySaltSince';

export interface PatientKeys {
  /** The storage key for this patient (`chi:…`/`nhs:…`/manual key) under the current HMAC key. */
  hash(patientKey: string): Promise<string>;
  /** Every key rows for this patient may be stored under: the current one first, then the legacy one if still kept. */
  hashes(patientKey: string): Promise<string[]>;
  /** Deletes the legacy salt once `retentionDays` have passed since the HMAC key replaced it. */
  retireLegacy(retentionDays: number, now?: Date): Promise<boolean>;
}

const toHex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** `clock`: when the HMAC key replaced a legacy salt is recorded by it (tests pass their own). */
export function createPatientKeys(db: LinksDatabase, clock: () => Date = () => new Date()): PatientKeys {
  let key: Promise<CryptoKey> | undefined;

  const loadKey = (): Promise<CryptoKey> =>
    (key ??= (async () => {
      const stored = await db.kv.get(HMAC_KEY);
      if (stored?.value instanceof CryptoKey) return stored.value;
      const fresh = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      // Another context may have raced us: keep whichever landed first.
      return db.transaction('rw', db.kv, async () => {
        const again = await db.kv.get(HMAC_KEY);
        if (again?.value instanceof CryptoKey) return again.value;
        await db.kv.put({ key: HMAC_KEY, value: fresh });
        if (await db.kv.get(LEGACY_SALT_KEY)) await db.kv.put({ key: LEGACY_SINCE_KEY, value: clock().toISOString() });
        return fresh;
      });
    })().catch((error: unknown) => {
      key = undefined;
      throw error;
    }));

  const hash = async (patientKey: string): Promise<string> => {
    const signature = await crypto.subtle.sign('HMAC', await loadKey(), new TextEncoder().encode(patientKey));
    return toHex(signature);
  };

  return {
    hash,
    async hashes(patientKey) {
      const current = await hash(patientKey);
      const legacy = await db.kv.get(LEGACY_SALT_KEY);
      return typeof legacy?.value === 'string' ? [current, await draftKey(patientKey, legacy.value)] : [current];
    },
    async retireLegacy(retentionDays, now = new Date()) {
      await loadKey();
      const since = await db.kv.get(LEGACY_SINCE_KEY);
      if (typeof since?.value !== 'string') return false;
      if (now.getTime() - Date.parse(since.value) < retentionDays * 86_400_000) return false;
      await db.kv.bulkDelete([LEGACY_SALT_KEY, LEGACY_SINCE_KEY]);
      return true;
    },
  };
}
