import type { Destination } from './destinations';
import type { Referral } from './referral';
import type { DeliveryOutcome } from './response';

export { classifyResponse, type DeliveryOutcome } from './response';
export { snomedForRecord } from './record-codes';

/**
 * Life of a referral in the outbox. queued -> sending -> sent, with retries
 * back to queued; failed needs a person; accepted / in-progress / completed /
 * declined come back from the CLP's Task (the closed loop).
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'accepted' | 'in-progress' | 'completed' | 'declined';

/** What is kept after retention: enough for counts and the practice's own list. */
export interface ReferralSummary {
  needs: string[];
  level: Referral['level'];
  urgency: Referral['urgency'];
  createdAt: string;
}

export interface OutboxRow {
  /** The referral id (also the idempotency key). */
  id: string;
  destinationKind: Destination['kind'];
  /** The full referral; removed by retentionReduce. */
  referral?: Referral;
  summary: ReferralSummary;
  state: OutboxState;
  attempts: number;
  /** ISO time of the next automatic try, while queued after a failure. */
  nextAttemptAt?: string;
  /** Plain-words reason of the last failure. */
  lastError?: string;
  /** Where to read the CLP's Task for status, when the destination gave one. */
  taskUrl?: string;
  /** The CLP's words with the latest status (outcome, or reason for declining): the message back to the GP. */
  clpMessage?: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  /** Set when retentionReduce removed the patient details. */
  reducedAt?: string;
}

export type OutboxEvent =
  /** A sender picked the row up. */
  | { type: 'send' }
  /** The attempt finished; see classifyResponse. */
  | { type: 'result'; outcome: DeliveryOutcome }
  /** The browser closed mid-send: try again straight away (idempotency makes it safe). */
  | { type: 'interrupted' }
  /** Email and print: the person confirms they sent or printed it. */
  | { type: 'marked-sent' }
  /** "Try again" on a failed referral. */
  | { type: 'retry' }
  /** The CLP's Task status, read back from the destination (see readTaskUpdate), with their words if any. */
  | { type: 'task-status'; status: string; message?: string };

/** Automatic tries before a referral is marked failed for a person to look at (about 4 hours). */
export const MAX_ATTEMPTS = 12;
export const DEFAULT_RETENTION_DAYS = 30;
const FIRST_DELAY_MS = 10_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Wait before try `attempt + 1`: 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, then 30 min. No jitter: one practice, one sender. */
export function backoffMs(attempt: number): number {
  if (attempt < 1) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 3 ** Math.min(attempt - 1, 10));
}

/** A new outbox row for a referral about to be sent. */
export function newOutboxRow(referral: Referral, destinationKind: Destination['kind'], now: Date): OutboxRow {
  const at = now.toISOString();
  return {
    id: referral.id,
    destinationKind,
    referral,
    summary: { needs: [...referral.needs], level: referral.level, urgency: referral.urgency, createdAt: referral.createdAt },
    state: 'queued',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** Whether a sender should pick this row up now. */
export function isDue(row: OutboxRow, now: Date): boolean {
  if (row.state !== 'queued' || !row.referral) return false;
  return !row.nextAttemptAt || Date.parse(row.nextAttemptAt) <= now.getTime();
}

const TASK_STATES: Record<string, OutboxState> = {
  draft: 'sent',
  requested: 'sent',
  received: 'sent',
  ready: 'accepted',
  accepted: 'accepted',
  'in-progress': 'in-progress',
  'on-hold': 'in-progress',
  completed: 'completed',
  rejected: 'declined',
  cancelled: 'declined',
  failed: 'declined',
  'entered-in-error': 'declined',
};

/** FHIR Task.status onto our states; undefined for a status FHIR does not define. */
export function taskStatusToState(fhirTaskStatus: string): OutboxState | undefined {
  return Object.hasOwn(TASK_STATES, fhirTaskStatus) ? TASK_STATES[fhirTaskStatus] : undefined;
}

const DELIVERED: ReadonlySet<OutboxState> = new Set(['sent', 'accepted', 'in-progress', 'completed', 'declined']);

/** Whether the referral has left the practice. */
export function isDelivered(state: OutboxState): boolean {
  return DELIVERED.has(state);
}

/**
 * The row after `event` at `now`. Pure; an event that does not apply to the
 * row's state returns the row unchanged (same object), so a late or
 * duplicated event can never move a referral backwards. Never throws.
 */
export function transition(row: OutboxRow, event: OutboxEvent, now: Date): OutboxRow {
  const at = now.toISOString();
  const next = (patch: Partial<OutboxRow>): OutboxRow => ({ ...row, ...patch, updatedAt: at });
  switch (event.type) {
    case 'send':
      if (row.state !== 'queued' || !row.referral) return row;
      return next({ state: 'sending', attempts: row.attempts + 1, nextAttemptAt: undefined });
    case 'interrupted':
      return row.state === 'sending' ? next({ state: 'queued', nextAttemptAt: at }) : row;
    case 'result':
      return row.state === 'sending' ? afterResult(row, event.outcome, now, next) : row;
    case 'marked-sent':
      if (row.state !== 'queued' && row.state !== 'failed') return row;
      return next({ state: 'sent', sentAt: at, lastError: undefined, nextAttemptAt: undefined });
    case 'retry':
      if (row.state !== 'failed' || !row.referral) return row;
      return next({ state: 'queued', attempts: 0, nextAttemptAt: at });
    case 'task-status': {
      const state = taskStatusToState(event.status);
      if (!state || !isDelivered(row.state)) return row;
      const message = event.message ?? row.clpMessage;
      if (state === row.state && message === row.clpMessage) return row;
      return next(message ? { state, clpMessage: message } : { state });
    }
  }
}

function afterResult(
  row: OutboxRow,
  outcome: DeliveryOutcome,
  now: Date,
  next: (patch: Partial<OutboxRow>) => OutboxRow,
): OutboxRow {
  if (outcome.kind === 'sent') {
    return next({ state: 'sent', sentAt: now.toISOString(), lastError: undefined, taskUrl: outcome.taskUrl ?? row.taskUrl });
  }
  if (outcome.kind === 'failed') return next({ state: 'failed', lastError: outcome.reason });
  if (row.attempts >= MAX_ATTEMPTS) {
    return next({
      state: 'failed',
      lastError: `${outcome.reason} Gave up after ${row.attempts} tries; check the connection and press Try again.`,
    });
  }
  const due = new Date(now.getTime() + backoffMs(row.attempts)).toISOString();
  return next({ state: 'queued', nextAttemptAt: due, lastError: outcome.reason });
}

/**
 * After `retentionDays` a delivered (or long-failed) row keeps no patient
 * details: the referral, and its free text, go; needs, level, urgency, state
 * and dates stay. Rows still being sent are kept whole.
 */
export function retentionReduce(row: OutboxRow, now: Date, retentionDays = DEFAULT_RETENTION_DAYS): OutboxRow {
  if (!row.referral) return row;
  const since = isDelivered(row.state) ? row.sentAt ?? row.updatedAt : row.state === 'failed' ? row.updatedAt : undefined;
  if (!since) return row;
  if (now.getTime() - Date.parse(since) < retentionDays * 86_400_000) return row;
  const { referral: _dropped, lastError: _error, clpMessage: _message, ...kept } = row;
  return { ...kept, reducedAt: now.toISOString() };
}
