/**
 * The closed loop: the CLP's Task status (and outcome text, the message back
 * to the GP) read from the FHIR destination for delivered referrals.
 */
import type { LinksDatabase, StoredOutboxRow } from '../../db/database';
import { isAllowedEndpoint } from '../../referral/destinations';
import { isDelivered } from '../../referral/outbox';
import { readTaskUpdate } from '../../referral/task-update';
import { recordEvent } from '../insights/events';
import type { CanReach } from '../net/reach';
import { requestSite } from '../net/request';
import { applyEvent } from './store';

export const POLL_EVERY_MS = 30_000;
const POLL_TIMEOUT_MS = 20_000;

export async function pollTasks(
  db: LinksDatabase,
  options: { fetchImpl?: typeof fetch; canReach?: CanReach; now?: number; rows?: StoredOutboxRow[]; force?: boolean; authorize?: (row: StoredOutboxRow) => Promise<Record<string, string>> } = {},
): Promise<void> {
  const now = options.now ?? Date.now();
  const rows = options.rows ?? (await db.outbox.toArray());
  for (const row of rows) {
    if (!row.taskUrl || row.destination.kind !== 'fhir' || !isDelivered(row.state)) continue;
    if (row.state === 'completed' || row.state === 'declined') continue;
    if (!options.force && row.lastPolledAt && now - row.lastPolledAt < POLL_EVERY_MS) continue;
    await db.outbox.update(row.id, { lastPolledAt: now });
    const base = `${row.destination.baseUrl.replace(/\/+$/, '')}/`;
    let url: string;
    try {
      url = new URL(row.taskUrl.replace(/\/_history\/.*$/, ''), base).href;
    } catch {
      continue;
    }
    // Only ever the configured server: a Task location elsewhere is not followed.
    if (!isAllowedEndpoint(url) || new URL(url).origin !== new URL(base).origin) continue;
    const auth = options.authorize ? await options.authorize(row).catch(() => undefined) : {};
    if (!auth) continue;
    const answer = await requestSite(
      url,
      { method: 'GET', headers: { Accept: 'application/fhir+json', ...auth } },
      {
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        ...(options.canReach ? { canReach: options.canReach } : {}),
        timeoutMs: POLL_TIMEOUT_MS,
        where: 'Referral destination',
        consequence: 'News from the Community Links service will be read once access is allowed.',
      },
    );
    // Offline, refused or a redirect: try again at the next poll.
    if (answer.kind !== 'response' || answer.status < 200 || answer.status >= 300) continue;
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      continue;
    }
    const news = readTaskUpdate(json);
    if (!news) continue;
    const before = row.state;
    const after = await applyEvent(db, row.id, { type: 'task-status', status: news.status, ...(news.message ? { message: news.message } : {}) });
    if (after && after.state !== before) {
      const action = after.state === 'accepted' ? 'accepted-by-clp' : after.state;
      if (action === 'accepted-by-clp' || action === 'in-progress' || action === 'completed' || action === 'declined') {
        await recordEvent(db, { kind: 'referral', action, need: row.summary.needs[0] });
      }
    }
  }
}
