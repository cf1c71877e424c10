/** Referral drafts, saved as the clinician types, keyed by salted patient hash. */
import type { LinksDatabase } from '../db/database';
import type { DraftRecord } from '../messaging/protocol';
import { hashPatient } from './salt';

export async function getDraft(db: LinksDatabase, patientKey: string): Promise<DraftRecord | null> {
  const row = await db.drafts.get(await hashPatient(db, patientKey));
  return row ? { draft: row.draft, updatedAt: row.updatedAt } : null;
}

export async function saveDraft(db: LinksDatabase, patientKey: string, draft: unknown, now = new Date()) {
  const updatedAt = now.toISOString();
  await db.drafts.put({ patientHash: await hashPatient(db, patientKey), draft, updatedAt });
  return { savedAt: updatedAt };
}

export async function discardDraft(db: LinksDatabase, patientKey: string) {
  await db.drafts.delete(await hashPatient(db, patientKey));
  return { discarded: true as const };
}
