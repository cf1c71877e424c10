/** Dismissals and snoozes per patient, keyed by salted hash; and prompt events. */
import type { LinksDatabase } from '../db/database';
import { recordEvent } from './events-service';
import { hashPatient } from './salt';
import type { Role } from '../prompts/roles';

export const SNOOZE_DAYS = 30;

export async function suppressionsFor(db: LinksDatabase, patientKey: string, now = Date.now()) {
  const hash = await hashPatient(db, patientKey);
  const rows = await db.suppressions.where('patientHash').equals(hash).toArray();
  const active = rows.filter((r) => r.until === undefined || r.until > now);
  return {
    ruleIds: active.filter((r) => !r.ruleId.startsWith('need:')).map((r) => r.ruleId),
    needs: active.filter((r) => r.ruleId.startsWith('need:')).map((r) => r.ruleId.slice(5)),
  };
}

export async function promptAction(
  db: LinksDatabase,
  input: {
    patientKey?: string;
    ruleId: string;
    need: string;
    action: 'shown' | 'accepted' | 'dismissed' | 'snoozed';
    reason?: string;
    role: Role;
  },
  now = new Date(),
): Promise<{ recorded: true }> {
  if ((input.action === 'dismissed' || input.action === 'snoozed') && input.patientKey) {
    const hash = await hashPatient(db, input.patientKey);
    const row = {
      patientHash: hash,
      action: input.action,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.action === 'snoozed' ? { until: now.getTime() + SNOOZE_DAYS * 86_400_000 } : {}),
      createdAt: now.toISOString(),
    };
    // The rule and its need: another rule for the same need must not pop up in its place (no nagging).
    await db.suppressions.bulkPut([
      { ...row, ruleId: input.ruleId },
      { ...row, ruleId: `need:${input.need}` },
    ]);
  }
  // The event holds no patient data and no free-text reason.
  await recordEvent(db, { kind: 'prompt', action: input.action, need: input.need, ruleId: input.ruleId, role: input.role }, now);
  return { recorded: true };
}
