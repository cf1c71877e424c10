/**
 * When referrals go: one run at a time per worker, every due row, then a timer
 * for the next due retry (the one-minute alarm is the backstop when the worker
 * sleeps). Holds the worker's only outbox state, created by the background, so
 * a test makes its own.
 */
import type { LinksDatabase } from '../../db/database';
import { isDue } from '../../referral/outbox';
import type { Settings } from '../../settings/schema';
import { sendOne, type SendOptions } from './send';
import { queuedRows } from './store';

export interface OutboxScheduler {
  /** Send every due referral (all queued ones when `force`, the "Try now" button), then schedule the next. */
  kick(force?: boolean): Promise<void>;
  /** Stops the retry timer (tests, worker shutdown). */
  stop(): void;
}

export function createOutboxScheduler(
  db: LinksDatabase,
  settings: () => Promise<Settings>,
  options: SendOptions & { now?: () => Date } = {},
): OutboxScheduler {
  let running: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = options.now ?? (() => new Date());

  const run = async (force: boolean): Promise<void> => {
    const current = await settings();
    for (const row of await queuedRows(db)) {
      if (row.destinationKind !== 'fhir' && row.destinationKind !== 'webhook') continue;
      if (!force && !isDue(row, now())) continue;
      await sendOne(db, current, row.id, options);
    }
    const next = Math.min(...(await queuedRows(db)).filter((r) => r.referral && (r.destinationKind === 'fhir' || r.destinationKind === 'webhook')).map((r) => (r.nextAttemptAt ? Date.parse(r.nextAttemptAt) : now().getTime())));
    clearTimeout(timer);
    if (Number.isFinite(next)) timer = setTimeout(() => void kick(), Math.max(1000, next - now().getTime()));
  };

  const kick = (force = false): Promise<void> => {
    running = running.then(() => run(force)).catch((error: unknown) => console.error('[links-sidebar] outbox run failed:', error));
    return running;
  };

  return { kick, stop: () => clearTimeout(timer) };
}
