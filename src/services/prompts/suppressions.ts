/**
 * Dismissals and snoozes per patient, keyed by the patient's HMAC key; and
 * the anonymous prompt events. No free-text reason is stored (issue #11): a
 * reason typed about a patient is personal data the practice has no use for
 * here; the event keeps only need, rule, role and action.
 */
import type { LinksDatabase } from '../../db/database';
import type { Role } from '../../prompts/roles';
import { recordEvent } from '../insights/events';
import type { PatientKeys } from '../privacy/patient-keys';

export const SNOOZE_DAYS = 30;

export async function suppressionsFor(db: LinksDatabase, keys: PatientKeys, patientKey: string, now = Date.now()) {
  const rows = await db.suppressions.where('patientHash').anyOf(await keys.hashes(patientKey)).toArray();
  const active = rows.filter((r) => r.until === undefined || r.until > now);
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    ruleIds: unique(active.filter((r) => !r.ruleId.startsWith('need:')).map((r) => r.ruleId)),
    needs: unique(active.filter((r) => r.ruleId.startsWith('need:')).map((r) => r.ruleId.slice(5))),
  };
}

export async function promptAction(
  db: LinksDatabase,
  keys: PatientKeys,
  input: {
    patientKey?: string;
    ruleId: string;
    need: string;
    action: 'shown' | 'accepted' | 'dismissed' | 'snoozed';
    role: Role;
  },
  now = new Date(),
): Promise<{ recorded: true }> {
  if ((input.action === 'dismissed' || input.action === 'snoozed') && input.patientKey) {
    const row = {
      patientHash: await keys.hash(input.patientKey),
      action: input.action,
      ...(input.action === 'snoozed' ? { until: now.getTime() + SNOOZE_DAYS * 86_400_000 } : {}),
      createdAt: now.toISOString(),
    };
    // The rule and its need: another rule for the same need must not pop up in its place (no nagging).
    await db.suppressions.bulkPut([
      { ...row, ruleId: input.ruleId },
      { ...row, ruleId: `need:${input.need}` },
    ]);
  }
  await recordEvent(db, { kind: 'prompt', action: input.action, need: input.need, ruleId: input.ruleId, role: input.role }, now);
  return { recorded: true };
}
