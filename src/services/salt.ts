/**
 * Drafts, snoozes and outbox rows are keyed by a salted hash of the patient's
 * identifier, so the database never holds an identifier in clear outside a
 * referral the user chose to send. The salt is random per installation and is
 * never exported with the settings.
 */
import { draftKey } from '../lib/salted-hash';
import type { LinksDatabase } from '../db/database';

const SALT_KEY = 'salt';
let cached: string | undefined;

export async function getSalt(db: LinksDatabase): Promise<string> {
  if (cached) return cached;
  const existing = await db.kv.get(SALT_KEY);
  if (typeof existing?.value === 'string') return (cached = existing.value);
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const salt = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  // Another context may have raced us: keep whichever landed first.
  await db.transaction('rw', db.kv, async () => {
    const again = await db.kv.get(SALT_KEY);
    if (typeof again?.value === 'string') cached = again.value;
    else {
      await db.kv.put({ key: SALT_KEY, value: salt });
      cached = salt;
    }
  });
  return cached ?? salt;
}

export async function hashPatient(db: LinksDatabase, patientKey: string): Promise<string> {
  return draftKey(patientKey, await getSalt(db));
}

/** For tests that open a fresh database. */
export function forgetSalt(): void {
  cached = undefined;
}
