/**
 * Retention for everything personal the extension stores (issue #11;
 * docs/privacy.md lists every table and field). After the practice's period:
 * - outbox rows that were delivered (or failed long ago) keep only needs,
 *   level, urgency, state and dates (src/referral/outbox.ts retentionReduce);
 * - drafts not touched for the period are deleted (a draft is also deleted
 *   the moment its referral is queued);
 * - prompt dismissals and snoozes older than the period are deleted;
 * - the pre-HMAC salt is deleted once nothing it keyed can still be held.
 */
import type { LinksDatabase, StoredOutboxRow } from '../../db/database';
import { retentionReduce } from '../../referral/outbox';
import type { PatientKeys } from './patient-keys';

export interface RetentionReport {
  outboxReduced: number;
  draftsDeleted: number;
  suppressionsDeleted: number;
  legacySaltDeleted: boolean;
}

export async function applyRetention(db: LinksDatabase, keys: PatientKeys, retentionDays: number, now = new Date()): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let outboxReduced = 0;
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.toArray()) {
      const next = retentionReduce(row, now, retentionDays);
      if (next === row) continue;
      // `next` is the whole reduced row (no referral, reason or CLP message); the patient hash goes too.
      const reduced: StoredOutboxRow = { ...(next as StoredOutboxRow) };
      delete reduced.patientHash;
      await db.outbox.put(reduced);
      outboxReduced += 1;
    }
  });
  const draftsDeleted = await db.drafts.filter((d) => d.updatedAt < cutoff).delete();
  const suppressionsDeleted = await db.suppressions.filter((s) => s.createdAt < cutoff && (s.until === undefined || s.until < now.getTime())).delete();
  const legacySaltDeleted = await keys.retireLegacy(retentionDays, now);
  return { outboxReduced, draftsDeleted, suppressionsDeleted, legacySaltDeleted };
}
