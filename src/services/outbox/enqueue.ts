/**
 * "Send": the referral is validated, written to the outbox and its draft
 * removed in one transaction, and "queued" goes back at once; delivery runs
 * after the transaction commits (src/services/outbox/send.ts).
 */
import type { LinksDatabase, StoredOutboxRow } from '../../db/database';
import { patientKey as keyOf } from '../../context/patient-context';
import { KindedError } from '../../lib/result';
import { isAllowedEndpoint, type Destination } from '../../referral/destinations';
import { checkDraft } from '../../referral/draft-schema';
import { newOutboxRow } from '../../referral/outbox';
import type { Referral } from '../../referral/referral';
import { draftToReferral, ReferralInvalidError } from '../../referral/validate';
import type { Settings } from '../../settings/schema';
import { recordEvent } from '../insights/events';
import type { PatientKeys } from '../privacy/patient-keys';

/** What the person wrote, without the times the form stamps: a double click sends the same content twice. */
function content(referral: Referral): string {
  const { createdAt: _created, consent, patient, ...rest } = referral;
  return JSON.stringify({ ...rest, consent: consent.given, patient: { ...patient, source: undefined } });
}

/**
 * Validate the draft, store the referral and remove the draft (one transaction).
 * `owner` is the key the draft is filed under; a draft whose patient is not
 * that patient is refused (issue #12). The same id sent again with the same
 * content is one referral (a double click); with different content it is an
 * error the user sees, never a silent success (issue #11).
 */
export async function enqueue(
  db: LinksDatabase,
  keys: PatientKeys,
  settings: Settings,
  draftInput: unknown,
  owner: string | undefined,
  now = new Date(),
): Promise<StoredOutboxRow> {
  const checked = checkDraft(draftInput, owner);
  if (!checked.ok) throw new KindedError('Invalid', checked.reason);
  const draft = checked.draft;
  let referral: Referral;
  try {
    referral = draftToReferral(draft, now);
  } catch (error) {
    if (error instanceof ReferralInvalidError) {
      throw new KindedError('Invalid', 'The referral is not complete yet.', error.problems.map((p) => ({ path: p.field, message: p.message })));
    }
    throw new KindedError('Invalid', 'The referral could not be read. Open the form again and check each field.');
  }
  const destination: Destination = settings.destination;
  if ((destination.kind === 'fhir' || destination.kind === 'webhook') && !isAllowedEndpoint(destination.kind === 'fhir' ? destination.baseUrl : destination.url)) {
    throw new KindedError('NotAllowed', 'The referral destination must use HTTPS. Ask the practice manager to check the settings.');
  }
  // Filed under the patient's own key (or the popup's manual key when typed by hand).
  const fileKey = owner ?? keyOf(draft.patient);
  const hashes = fileKey ? await keys.hashes(fileKey) : [];
  const patientHash = keyOf(draft.patient) ? await keys.hash(keyOf(draft.patient) as string) : undefined;
  const row: StoredOutboxRow = { ...newOutboxRow(referral, destination.kind, now), destination, ...(patientHash ? { patientHash } : {}) };
  const stored = await db.transaction('rw', db.outbox, db.drafts, async () => {
    const existing = await db.outbox.get(row.id);
    if (hashes.length > 0) await db.drafts.bulkDelete(hashes);
    if (existing) {
      if (existing.referral && content(existing.referral) === content(referral)) return { row: existing, added: false };
      throw new KindedError(
        'Invalid',
        'This referral was already sent, so these changes were not. Close the form and start a new referral for anything more.',
      );
    }
    await db.outbox.add(row);
    return { row, added: true };
  });
  // Counted after the referral is safe; not awaited, so "queued" reaches the screen sooner.
  if (stored.added) void recordEvent(db, { kind: 'referral', action: 'queued', need: referral.needs[0] }, now);
  return stored.row;
}
