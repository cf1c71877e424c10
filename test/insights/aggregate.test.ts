import { describe, expect, test } from 'vitest';
import { summarise } from '../../src/insights/aggregate';
import type { UsageEvent } from '../../src/insights/events';

/** A hand-built fortnight: Mon 3 to Sun 16 March 2025, plus events either side. */
const e = (kind: UsageEvent['kind'], action: UsageEvent['action'], date: string, extra: Partial<UsageEvent> = {}): UsageEvent => ({ kind, action, date, ...extra });
const events: UsageEvent[] = [
  e('prompt', 'shown', '2025-03-03', { need: 'money' }),
  e('prompt', 'shown', '2025-03-03', { need: 'money' }),
  e('prompt', 'shown', '2025-03-04', { need: 'money' }),
  e('prompt', 'accepted', '2025-03-04', { need: 'money' }),
  e('prompt', 'dismissed', '2025-03-05', { need: 'money' }),
  e('prompt', 'snoozed', '2025-03-10', { need: 'money' }),
  e('prompt', 'shown', '2025-03-10', { need: 'housing' }),
  e('signpost', 'slip', '2025-03-04', { need: 'money' }),
  e('signpost', 'copied', '2025-03-11', { need: 'money' }),
  e('signpost', 'slip', '2025-03-11'),
  e('referral', 'queued', '2025-03-05', { need: 'housing' }),
  e('referral', 'sent', '2025-03-05', { need: 'housing' }),
  e('referral', 'accepted-by-clp', '2025-03-12', { need: 'housing' }),
  e('referral', 'completed', '2025-03-16', { need: 'housing' }),
  e('referral', 'failed', '2025-03-06', { need: 'money' }),
  e('referral', 'declined', '2025-03-13', { need: 'money' }),
  e('referral', 'in-progress', '2025-03-13', { need: 'money' }),
  e('search', 'no-result', '2025-03-06', { need: 'food', district: 'G31' }),
  e('search', 'no-result', '2025-03-07', { need: 'food', district: 'G31' }),
  e('search', 'no-result', '2025-03-07', { need: 'housing', district: 'G40' }),
  e('search', 'found', '2025-03-07', { need: 'food', district: 'G40' }),
  e('search', 'no-result', '2025-03-14', { need: 'food' }),
  e('prompt', 'shown', '2025-03-02', { need: 'money' }), // before the period
  e('prompt', 'shown', '2025-03-17', { need: 'money' }), // after the period
];
const period = { from: '2025-03-03', to: '2025-03-16' };
const summary = summarise(events, period);
const need = (id: string) => summary.byNeed.find((r) => r.need === id);

describe('summarise', () => {
  test('only events in the period count', () => {
    expect(summary.events).toBe(22);
  });

  test.each([
    ['money', 'promptsShown', 3],
    ['money', 'promptsAccepted', 1],
    ['money', 'promptsDismissed', 1],
    ['money', 'promptsSnoozed', 1],
    ['money', 'signposted', 2],
    ['money', 'referralsFailed', 1],
    ['money', 'declined', 1],
    ['money', 'inProgress', 1],
    ['housing', 'promptsShown', 1],
    ['housing', 'referralsQueued', 1],
    ['housing', 'referralsSent', 1],
    ['housing', 'acceptedByClp', 1],
    ['housing', 'completed', 1],
    ['housing', 'noResult', 1],
    ['food', 'searches', 4],
    ['food', 'noResult', 3],
    ['unspecified', 'signposted', 1],
  ] as const)('%s %s = %i', (id, key, value) => {
    expect(need(id)?.[key]).toBe(value);
  });

  test('needs are listed in taxonomy order, unrecorded last', () => {
    expect(summary.byNeed.map((r) => r.need)).toEqual(['money', 'housing', 'food', 'unspecified']);
    expect(summary.byNeed[0]?.label).toBe('Money, benefits and debt');
    expect(summary.byNeed[3]?.label).toBe('Need not recorded');
  });

  test('totals are the sum of the need rows', () => {
    expect(summary.totals).toMatchObject({ promptsShown: 4, signposted: 3, referralsQueued: 1, searches: 5, noResult: 4, completed: 1 });
  });

  test('gaps by district and by need and district', () => {
    expect(summary.gaps.byDistrict).toEqual([
      { district: 'G31', searches: 2, noResult: 2 },
      { district: 'G40', searches: 2, noResult: 1 },
      { district: '', searches: 1, noResult: 1 },
    ]);
    expect(summary.gaps.byNeedAndDistrict.map((g) => [g.need, g.district, g.noResult])).toEqual([
      ['food', 'G31', 2],
      ['housing', 'G40', 1],
      ['food', '', 1],
    ]);
  });

  test('weekly series starts on Mondays and covers the period', () => {
    expect(summary.weeks).toEqual([
      { weekStart: '2025-03-03', promptsShown: 3, promptsAccepted: 1, signposted: 1, referralsQueued: 1, noResult: 3 },
      { weekStart: '2025-03-10', promptsShown: 1, promptsAccepted: 0, signposted: 2, referralsQueued: 0, noResult: 1 },
    ]);
  });

  test.each([
    ['a period starting mid-week', { from: '2025-03-05', to: '2025-03-05' }, ['2025-03-03']],
    ['a period over a year end', { from: '2024-12-30', to: '2025-01-13' }, ['2024-12-30', '2025-01-06', '2025-01-13']],
    ['a back-to-front period', { from: '2025-03-16', to: '2025-03-03' }, []],
    ['a malformed period', { from: 'March', to: '2025-03-03' }, []],
  ])('%s', (_name, p, weeks) => {
    expect(summarise(events, p).weeks.map((w) => w.weekStart)).toEqual(weeks);
  });

  test('no events gives zeros, not errors', () => {
    const empty = summarise([], period);
    expect(empty.events).toBe(0);
    expect(empty.byNeed).toEqual([]);
    expect(Object.values(empty.totals).every((n) => n === 0)).toBe(true);
    expect(empty.weeks).toHaveLength(2);
  });

  test('a malformed stored date is skipped', () => {
    expect(summarise([e('prompt', 'shown', '2025-03-0x')], period).events).toBe(0);
  });
});
