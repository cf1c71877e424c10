/**
 * Which event counts toward which figure. One table drives the aggregate, the
 * CSV headings and the charts, so a figure can never mean two things.
 */
import type { EventAction, EventKind } from './events';

export const METRICS = [
  { key: 'promptsShown', label: 'Prompts shown', kind: 'prompt', actions: ['shown'] },
  { key: 'promptsAccepted', label: 'Prompts accepted', kind: 'prompt', actions: ['accepted'] },
  { key: 'promptsDismissed', label: 'Prompts dismissed', kind: 'prompt', actions: ['dismissed'] },
  { key: 'promptsSnoozed', label: 'Prompts snoozed', kind: 'prompt', actions: ['snoozed'] },
  { key: 'signposted', label: 'People signposted (slip or copied)', kind: 'signpost', actions: ['slip', 'copied'] },
  { key: 'referralsQueued', label: 'Referrals made', kind: 'referral', actions: ['queued'] },
  { key: 'referralsSent', label: 'Referrals sent', kind: 'referral', actions: ['sent'] },
  { key: 'referralsFailed', label: 'Referrals failed to send', kind: 'referral', actions: ['failed'] },
  { key: 'acceptedByClp', label: 'Accepted by CLP', kind: 'referral', actions: ['accepted-by-clp'] },
  { key: 'inProgress', label: 'In progress', kind: 'referral', actions: ['in-progress'] },
  { key: 'completed', label: 'Completed', kind: 'referral', actions: ['completed'] },
  { key: 'declined', label: 'Declined', kind: 'referral', actions: ['declined'] },
  { key: 'searches', label: 'Searches', kind: 'search', actions: ['found', 'no-result'] },
  { key: 'noResult', label: 'Searches with nothing nearby', kind: 'search', actions: ['no-result'] },
] as const satisfies readonly { key: string; label: string; kind: EventKind; actions: readonly EventAction[] }[];

export type MetricKey = (typeof METRICS)[number]['key'];
export type Counts = Record<MetricKey, number>;

export const METRIC_KEYS: MetricKey[] = METRICS.map((m) => m.key);

/** kind -> action -> metric indexes, built once so the hot loop is two property reads. */
export const METRIC_INDEX: Record<string, Record<string, number[]>> = {};
METRICS.forEach((metric, index) => {
  const byAction = (METRIC_INDEX[metric.kind] ??= {});
  for (const action of metric.actions) (byAction[action] ??= []).push(index);
});

export function zeroCounts(): Counts {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, 0])) as Counts;
}

/** Counts from a dense tally array (same order as METRICS). */
export function toCounts(tally: ArrayLike<number>): Counts {
  const counts = zeroCounts();
  METRIC_KEYS.forEach((key, i) => {
    counts[key] = tally[i] ?? 0;
  });
  return counts;
}
