/** Messages about referrals: send, list (pushed and asked), retry, mark sent, letter, test. */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import { KindedError } from '../../lib/result';
import { referralLetter, type HttpDestination } from '../../referral/destinations';
import type { AuthClient } from '../../referral/auth/token-client';
import type { Settings } from '../../settings/schema';
import type { HandlerGroup } from '../handler-group';
import type { CanReach } from '../net/reach';
import type { PatientKeys } from '../privacy/patient-keys';
import { enqueue } from './enqueue';
import { pollTasks } from './poll';
import type { OutboxScheduler } from './scheduler';
import { listOutbox, markSent, retry, toView } from './store';
import { sendTestReferral } from './test-referral';

export interface OutboxDeps {
  db: LinksDatabase;
  keys: PatientKeys;
  settings: () => Promise<Settings>;
  scheduler: OutboxScheduler;
  /** Asks the record tab whether this patient is still on screen (src/services/tabs.ts). */
  confirmOnScreen: (tabId: number, patientKey: string) => Promise<void>;
  fetchImpl?: typeof fetch;
  canReach?: CanReach;
  /** Signs requests in to the destination (issue #15). */
  auth?: AuthClient;
}

export function outboxHandlers(deps: OutboxDeps): HandlerGroup<
  'referral.send' | 'referral.list' | 'referral.retry' | 'referral.flush' | 'referral.markSent' | 'referral.letter' | 'referral.openLetter' | 'referral.test'
> {
  const { db, keys } = deps;
  const net = { ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}), ...(deps.canReach ? { canReach: deps.canReach } : {}) };
  const auth = deps.auth;
  const authorize = auth ? (row: { destination: unknown }) => auth.authorize(row.destination as HttpDestination) : undefined;
  return {
    'referral.send': async ({ patientKey, draft, tabId }) => {
      // The tab's screen is the authority: the same patient must still be on it (issue #17).
      if (tabId !== undefined && patientKey) await deps.confirmOnScreen(tabId, patientKey);
      const row = await enqueue(db, keys, await deps.settings(), draft, patientKey);
      // Reply "queued" at once; delivery runs after this answer is on its way.
      void deps.scheduler.kick();
      return toView(row);
    },
    'referral.list': async ({ patientKey, refresh }) => {
      // Closed loop: a patient's referrals are checked with the CLP when their record is opened.
      const poll = pollTasks(db, { ...net, force: refresh === true, ...(authorize ? { authorize } : {}) });
      if (refresh) await poll;
      return listOutbox(db, keys, patientKey);
    },
    'referral.retry': async ({ id }) => {
      const row = await retry(db, id);
      void deps.scheduler.kick(true);
      return toView(row);
    },
    'referral.flush': async () => {
      await deps.scheduler.kick(true);
      return listOutbox(db, keys);
    },
    'referral.markSent': async ({ id }) => toView(await markSent(db, id)),
    'referral.letter': async ({ id }) => {
      const row = await db.outbox.get(id);
      if (!row?.referral) throw new KindedError('NotFound', 'That referral is no longer held on this computer (past the retention period).');
      return { text: referralLetter(row.referral) };
    },
    'referral.openLetter': async ({ id }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/letter.html?id=${encodeURIComponent(id)}`) });
      return { opened: true };
    },
    'referral.test': async () => sendTestReferral(await deps.settings(), { ...net, ...(auth ? { auth } : {}) }),
  };
}
