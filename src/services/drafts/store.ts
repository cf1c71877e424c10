/**
 * Referral drafts, saved as the clinician types, keyed by the patient's HMAC
 * key (src/services/privacy/patient-keys.ts).
 *
 * Issue #11, "a draft is never resurrected": a debounced save or a save on
 * page unload can arrive after the referral was sent. The outbox is the
 * authority: a draft whose id the outbox already holds is refused inside the
 * same transaction that would store it, so no timing of debounces, unloads or
 * closes can bring it back.
 */
import type { LinksDatabase } from '../../db/database';
import { KindedError } from '../../lib/result';
import type { DraftRecord } from '../../messaging/protocol';
import { checkDraft, DRAFT_VERSION } from '../../referral/draft-schema';
import type { PatientKeys } from '../privacy/patient-keys';

export async function getDraft(db: LinksDatabase, keys: PatientKeys, owner: string): Promise<DraftRecord | null> {
  const hashes = await keys.hashes(owner);
  const rows = await db.drafts.bulkGet(hashes);
  const row = rows.find((r) => r !== undefined);
  if (!row) return null;
  // Only a draft of the current shape, for this very patient, and not already sent, is offered back.
  const checked = checkDraft(row.draft, owner);
  if (!checked.ok || (await db.outbox.get(checked.draft.id))) {
    await db.drafts.bulkDelete(hashes);
    return null;
  }
  return { draft: checked.draft, updatedAt: row.updatedAt };
}

/** Saves the draft unless its referral was already queued; `{ ended: true }` says the form should close. */
export async function saveDraft(
  db: LinksDatabase,
  keys: PatientKeys,
  owner: string,
  draftInput: unknown,
  now = new Date(),
): Promise<{ savedAt: string; ended?: true }> {
  const checked = checkDraft(draftInput, owner);
  if (!checked.ok) throw new KindedError('Invalid', checked.reason);
  const [hash, ...legacy] = await keys.hashes(owner);
  const updatedAt = now.toISOString();
  const ended = await db.transaction('rw', db.drafts, db.outbox, async () => {
    if (await db.outbox.get(checked.draft.id)) return true;
    await db.drafts.put({ patientHash: hash as string, draft: checked.draft, updatedAt, version: DRAFT_VERSION });
    if (legacy.length > 0) await db.drafts.bulkDelete(legacy);
    return false;
  });
  return ended ? { savedAt: updatedAt, ended: true } : { savedAt: updatedAt };
}

export async function discardDraft(db: LinksDatabase, keys: PatientKeys, owner: string) {
  await db.drafts.bulkDelete(await keys.hashes(owner));
  return { discarded: true as const };
}
