/**
 * Outbox rows in IndexedDB: state changes through the pure `transition`
 * (src/referral/outbox.ts), one transaction each, and the view the UI gets.
 */
import type { LinksDatabase, StoredOutboxRow } from '../../db/database';
import { identifierTail } from '../../context/patient-context';
import { KindedError } from '../../lib/result';
import type { OutboxView } from '../../messaging/protocol';
import { mailtoLink, referralLetter } from '../../referral/destinations';
import { transition, type OutboxEvent } from '../../referral/outbox';
import type { PatientKeys } from '../privacy/patient-keys';

export function toView(row: StoredOutboxRow): OutboxView {
  const view: OutboxView = {
    id: row.id,
    state: row.state,
    attempts: row.attempts,
    needs: row.summary.needs,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    destinationKind: row.destinationKind,
  };
  if (row.lastError) view.lastError = row.lastError;
  if (row.nextAttemptAt) view.nextAttemptAt = row.nextAttemptAt;
  if (row.clpMessage) view.clpMessage = row.clpMessage;
  if (row.referral) view.patientTail = identifierTail(row.referral.patient);
  if (row.referral && row.state === 'queued' && row.destination.kind === 'email') {
    view.handoff = { kind: 'mailto', text: mailtoLink(row.referral, row.destination.to) };
  } else if (row.referral && row.state === 'queued' && row.destination.kind === 'print') {
    view.handoff = { kind: 'letter', text: referralLetter(row.referral) };
  }
  return view;
}

/** Applies one event to one row in its own transaction; undefined when the row is gone. */
export async function applyEvent(db: LinksDatabase, id: string, event: OutboxEvent, now = new Date()): Promise<StoredOutboxRow | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row) return undefined;
    const next = transition(row, event, now);
    if (next === row) return row;
    const stored: StoredOutboxRow = { ...row, ...next };
    await db.outbox.put(stored);
    return stored;
  });
}

/** Rows still to be sent by this worker (the one query the sender and the scheduler share). */
export function queuedRows(db: LinksDatabase): Promise<StoredOutboxRow[]> {
  return db.outbox.where('state').equals('queued').toArray();
}

/** After a worker restart: anything left `sending` was interrupted; queue it to go again (idempotently). */
export async function recoverInterrupted(db: LinksDatabase): Promise<number> {
  const stuck = await db.outbox.where('state').equals('sending').primaryKeys();
  for (const id of stuck) await applyEvent(db, id, { type: 'interrupted' });
  return stuck.length;
}

export async function listOutbox(db: LinksDatabase, keys: PatientKeys, patientKey?: string): Promise<OutboxView[]> {
  const rows = patientKey ? await db.outbox.where('patientHash').anyOf(await keys.hashes(patientKey)).toArray() : await db.outbox.toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(toView);
}

export async function retry(db: LinksDatabase, id: string): Promise<StoredOutboxRow> {
  const row = await applyEvent(db, id, { type: 'retry' });
  if (!row) throw new KindedError('NotFound', 'That referral is no longer in the outbox.');
  return row;
}

export async function markSent(db: LinksDatabase, id: string): Promise<StoredOutboxRow> {
  const row = await applyEvent(db, id, { type: 'marked-sent' });
  if (!row) throw new KindedError('NotFound', 'That referral is no longer in the outbox.');
  return row;
}
