// Practice insights over a busy year: 100k synthetic usage events (seeded, so
// every run measures the same data). Reports the aggregate, the CSV and the
// chart geometry separately and together; the screen target is < 500 ms total.
import { performance } from 'node:perf_hooks';
import { summarise } from '../src/insights/aggregate';
import { barChart } from '../src/insights/chart';
import { summaryToCsv } from '../src/insights/csv';
import { EVENT_ACTIONS, EVENT_KINDS, type UsageEvent } from '../src/insights/events';
import { NEED_IDS } from '../src/prompts/needs';
import { median, type BenchRow, prng } from './types';

const EVENTS = 100_000;
const RUNS = 15;

function syntheticEvents(n: number): UsageEvent[] {
  const rand = prng(20250304);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const districts = ['G31', 'G32', 'G40', 'G33', 'G21', 'G34', 'G69'];
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: n }, () => {
    const date = new Date(start + Math.floor(rand() * 366) * 86_400_000).toISOString().slice(0, 10);
    const kind = pick(EVENT_KINDS);
    const event: UsageEvent = { kind, action: pick(EVENT_ACTIONS), date, need: pick(NEED_IDS), role: pick(['gp', 'nurse', 'receptionist'] as const) };
    if (kind === 'search') event.district = pick(districts);
    return event;
  });
}

function time(fn: () => unknown): number[] {
  fn(); // warm-up
  return Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
}

export default async function bench(): Promise<BenchRow[]> {
  const events = syntheticEvents(EVENTS);
  const period = { from: '2024-01-01', to: '2024-12-31' };
  const summary = summarise(events, period);
  const aggregate = median(time(() => summarise(events, period)));
  const csv = median(time(() => summaryToCsv(summary)));
  const chart = median(time(() => barChart(summary.byNeed.map((r) => ({ label: r.label, value: r.referralsQueued })), { width: 640, height: 320 })));
  const total = median(
    time(() => {
      const s = summarise(events, period);
      summaryToCsv(s);
      barChart(s.byNeed.map((r) => ({ label: r.label, value: r.promptsShown })), { width: 640, height: 320 });
      barChart(s.weeks.map((w) => ({ label: w.weekStart, value: w.promptsShown })), { width: 640, height: 320 });
    }),
  );
  const suite = 'insights';
  return [
    { suite, name: `summarise ${EVENTS.toLocaleString('en-GB')} events (1 year), median`, value: aggregate, unit: 'ms', target: '< 500 ms', ok: aggregate < 500 },
    { suite, name: 'summaryToCsv, median', value: csv, unit: 'ms' },
    { suite, name: 'barChart geometry (16 needs), median', value: chart, unit: 'ms' },
    { suite, name: 'summarise + CSV + 2 charts, median', value: total, unit: 'ms', target: '< 500 ms', ok: total < 500 },
    { suite, name: 'summarise throughput', value: Math.round(EVENTS / (aggregate / 1000)), unit: 'items/s' },
  ];
}
