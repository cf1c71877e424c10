/**
 * The referral outbox. A referral is written to IndexedDB before anything is
 * sent, marked `sending` in one transaction, sent after that commits (no fetch
 * inside a transaction), and its result written in another. A worker killed
 * mid-send leaves the row `sending`; on the next start it is re-sent, and the
 * idempotency key (the referral id, also the Task identifier used for a FHIR
 * conditional create) stops the destination creating a second referral.
 */
import type { LinksDatabase, StoredOutboxRow } from '../db/database';
import { identifierTail } from '../context/patient-context';
import { KindedError } from '../lib/result';
import type { OutboxView } from '../messaging/protocol';
import { buildRequest, isAllowedEndpoint, mailtoLink, referralLetter, type Destination } from '../referral/destinations';
import type { ReferralDraft } from '../referral/draft';
import { classifyResponse, isDelivered, newOutboxRow, retentionReduce, transition, type OutboxEvent } from '../referral/outbox';
import { draftToReferral, ReferralInvalidError } from '../referral/validate';
import type { Settings } from '../settings/schema';
import { recordEvent } from './events-service';
import { hashPatient } from './salt';
import { canReach, notAllowedMessage, type CanReach } from './reach';

const SEND_TIMEOUT_MS = 20_000;
const POLL_EVERY_MS = 30_000;

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
  if (row.referral) view.patientTail = identifierTail(row.referral.patient);
  if (row.referral && row.state === 'queued' && row.destination.kind === 'email') {
    view.handoff = { kind: 'mailto', text: mailtoLink(row.referral, row.destination.to) };
  } else if (row.referral && row.state === 'queued' && row.destination.kind === 'print') {
    view.handoff = { kind: 'letter', text: referralLetter(row.referral) };
  }
  return view;
}

async function update(db: LinksDatabase, id: string, event: OutboxEvent, now = new Date()): Promise<StoredOutboxRow | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row) return undefined;
    const next = transition(row, event, now);
    if (next === row) return row;
    const stored: StoredOutboxRow = { ...row, ...next };
    // transition() clears fields by setting them undefined; Dexie stores what it is given.
    await db.outbox.put(stored);
    return stored;
  });
}

/** Validate the draft, write the referral to the outbox and remove the draft. Returns at once ("queued"). */
export async function enqueue(
  db: LinksDatabase,
  settings: Settings,
  draftInput: unknown,
  patientKey: string | undefined,
  now = new Date(),
): Promise<StoredOutboxRow> {
  const draft = draftInput as ReferralDraft;
  let referral;
  try {
    referral = draftToReferral(draft, now);
  } catch (error) {
    if (error instanceof ReferralInvalidError) {
      throw new KindedError('Invalid', 'The referral is not complete yet.', error.problems.map((p) => ({ path: p.field, message: p.message })));
    }
    throw new KindedError('Invalid', 'The referral could not be read. Open the form again and check each field.');
  }
  const destination = settings.destination as Destination;
  if ((destination.kind === 'fhir' || destination.kind === 'webhook') && !isAllowedEndpoint(destination.kind === 'fhir' ? destination.baseUrl : destination.url)) {
    throw new KindedError('NotAllowed', 'The referral destination must use HTTPS. Ask the practice manager to check the settings.');
  }
  const patientHash = patientKey ? await hashPatient(db, patientKey) : undefined;
  const row: StoredOutboxRow = { ...newOutboxRow(referral, destination.kind, now), destination, ...(patientHash ? { patientHash } : {}) };
  // One transaction: the referral is stored and the draft removed together.
  const stored = await db.transaction('rw', db.outbox, db.drafts, async () => {
    // Same id twice (double click, retried message) stays one referral.
    const existing = await db.outbox.get(row.id);
    if (patientHash) await db.drafts.delete(patientHash);
    if (existing) return { row: existing, added: false };
    await db.outbox.add(row);
    return { row, added: true };
  });
  // Counted after the referral is safe; not awaited, so "queued" reaches the screen sooner.
  if (stored.added) void recordEvent(db, { kind: 'referral', action: 'queued', need: referral.needs[0] }, now);
  return stored.row;
}

let running: Promise<void> | undefined;

/** Send every due referral (or all queued ones when `force`, the "Try now" button). One run at a time per worker. */
export function processOutbox(
  db: LinksDatabase,
  settings: Settings,
  options: { force?: boolean; fetchImpl?: typeof fetch; canReach?: CanReach } = {},
): Promise<void> {
  const run = async () => {
    const now = new Date();
    const queued = await db.outbox.where('state').equals('queued').toArray();
    for (const row of queued) {
      if (row.destinationKind !== 'fhir' && row.destinationKind !== 'webhook') continue;
      if (!row.referral) continue;
      if (!options.force && row.nextAttemptAt && Date.parse(row.nextAttemptAt) > now.getTime()) continue;
      await sendOne(db, settings, row.id, options.fetchImpl ?? fetch, options.canReach ?? canReach);
    }
  };
  running = (running ?? Promise.resolve()).then(run, run);
  return running;
}

async function sendOne(db: LinksDatabase, settings: Settings, id: string, fetchImpl: typeof fetch, reach: CanReach): Promise<void> {
  const row = await update(db, id, { type: 'send' });
  if (!row || row.state !== 'sending' || !row.referral) return;
  const dest = row.destination;
  if (dest.kind !== 'fhir' && dest.kind !== 'webhook') return;
  let outcome;
  try {
    const request = buildRequest(row.referral, dest, { chiSystem: settings.identifierSystems.chi, nhsSystem: settings.identifierSystems.nhs });
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
    outcome = classifyResponse(response.status, await response.text());
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const url = dest.kind === 'fhir' ? dest.baseUrl : dest.url;
    const allowed = timedOut || (await reach(url));
    outcome = {
      kind: 'retry' as const,
      reason: timedOut
        ? 'The referral service did not answer in time.'
        : allowed
          ? 'The referral service could not be reached (network error).'
          : notAllowedMessage(url, 'Referral destination', 'The referral is kept and will be sent once access is allowed.'),
    };
  }
  const after = await update(db, id, { type: 'result', outcome });
  if (after && after.state !== row.state) {
    const action = after.state === 'sent' ? 'sent' : after.state === 'failed' ? 'failed' : undefined;
    if (action) await recordEvent(db, { kind: 'referral', action, need: row.summary.needs[0] });
  }
}

/** After a worker restart: anything left `sending` was interrupted; queue it to go again (idempotently). */
export async function recoverInterrupted(db: LinksDatabase): Promise<number> {
  const stuck = await db.outbox.where('state').equals('sending').primaryKeys();
  for (const id of stuck) await update(db, id, { type: 'interrupted' });
  return stuck.length;
}

export async function listOutbox(db: LinksDatabase, patientKey?: string): Promise<OutboxView[]> {
  const rows = patientKey
    ? await db.outbox.where('patientHash').equals(await hashPatient(db, patientKey)).toArray()
    : await db.outbox.toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(toView);
}

export async function retry(db: LinksDatabase, id: string): Promise<StoredOutboxRow> {
  const row = await update(db, id, { type: 'retry' });
  if (!row) throw new KindedError('NotFound', 'That referral is no longer in the outbox.');
  return row;
}

export async function markSent(db: LinksDatabase, id: string): Promise<StoredOutboxRow> {
  const row = await update(db, id, { type: 'marked-sent' });
  if (!row) throw new KindedError('NotFound', 'That referral is no longer in the outbox.');
  return row;
}

/** Closed loop: read the CLP's Task status for delivered FHIR referrals. */
export async function pollTasks(
  db: LinksDatabase,
  options: { fetchImpl?: typeof fetch; now?: number; rows?: StoredOutboxRow[]; force?: boolean } = {},
): Promise<void> {
  const now = options.now ?? Date.now();
  const rows = options.rows ?? (await db.outbox.toArray());
  for (const row of rows) {
    if (!row.taskUrl || row.destination.kind !== 'fhir' || !isDelivered(row.state as never)) continue;
    if (row.state === 'completed' || row.state === 'declined') continue;
    if (!options.force && row.lastPolledAt && now - row.lastPolledAt < POLL_EVERY_MS) continue;
    await db.outbox.update(row.id, { lastPolledAt: now });
    try {
      const url = new URL(row.taskUrl.replace(/\/_history\/.*$/, ''), `${row.destination.baseUrl.replace(/\/+$/, '')}/`).href;
      if (!isAllowedEndpoint(url)) continue;
      const response = await (options.fetchImpl ?? fetch)(url, { headers: { Accept: 'application/fhir+json' }, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
      if (!response.ok) continue;
      const task = (await response.json()) as { status?: unknown };
      if (typeof task.status !== 'string') continue;
      const before = row.state;
      const after = await update(db, row.id, { type: 'task-status', status: task.status });
      if (after && after.state !== before) {
        const action = after.state === 'accepted' ? 'accepted-by-clp' : after.state;
        if (action === 'accepted-by-clp' || action === 'in-progress' || action === 'completed' || action === 'declined') {
          await recordEvent(db, { kind: 'referral', action, need: row.summary.needs[0] });
        }
      }
    } catch {
      // Offline or the server is down: try again at the next poll.
    }
  }
}

/** Sent referrals keep patient identifiers only for the practice's retention period. */
export async function applyRetention(db: LinksDatabase, retentionDays: number, now = new Date()): Promise<number> {
  let reduced = 0;
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.toArray()) {
      const next = retentionReduce(row, now, retentionDays);
      if (next !== row) {
        const { patientHash: _hash, ...rest } = { ...row, ...next };
        await db.outbox.put({ ...rest, referral: undefined } as StoredOutboxRow);
        reduced += 1;
      }
    }
  });
  return reduced;
}
