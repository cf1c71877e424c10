/**
 * Practice insights from anonymous usage events: one pass over the events
 * with constant work per event, so a year of a busy practice (100k events)
 * summarises in milliseconds.
 */
import { NEED_IDS, needLabel } from '../prompts/needs';
import type { UsageEvent } from './events';
import { METRICS, METRIC_INDEX, toCounts, type Counts } from './metrics';

/** Bucket for events recorded without a need. */
export const NO_NEED = 'unspecified';

export interface NeedRow extends Counts {
  need: string;
  label: string;
}

/** Searches that found nothing within the radius, per need and postcode district. */
export interface GapRow {
  need: string;
  label: string;
  /** '' when the search had no district. */
  district: string;
  noResult: number;
}

export interface DistrictGapRow {
  district: string;
  searches: number;
  noResult: number;
}

export interface WeekRow {
  /** Monday of the week, yyyy-mm-dd. */
  weekStart: string;
  promptsShown: number;
  promptsAccepted: number;
  signposted: number;
  referralsQueued: number;
  noResult: number;
}

export interface InsightsSummary {
  period: { from: string; to: string };
  /** Events inside the period. */
  events: number;
  totals: Counts;
  byNeed: NeedRow[];
  gaps: { byDistrict: DistrictGapRow[]; byNeedAndDistrict: GapRow[] };
  weeks: WeekRow[];
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const METRIC_COUNT = METRICS.length;
const I = Object.fromEntries(METRICS.map((m, i) => [m.key, i])) as Record<keyof Counts, number>;

/** Days since 1970-01-01 for a yyyy-mm-dd string, or NaN. */
function dayNumber(date: string): number {
  if (!ISO_DAY.test(date)) return Number.NaN;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.floor(ms / DAY_MS);
}

/** Day number of the Monday on or before `day` (1970-01-01 was a Thursday). */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const needOrder = new Map<string, number>(NEED_IDS.map((id, i) => [id, i]));
/** Districts alphabetically, with searches that had no district last. */
function compareDistricts(a: string, b: string): number {
  return Number(a === '') - Number(b === '') || a.localeCompare(b);
}

function compareNeeds(a: string, b: string): number {
  const rank = (n: string): number => needOrder.get(n) ?? (n === NO_NEED ? Infinity : NEED_IDS.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * Summarises events dated within `period` (inclusive, yyyy-mm-dd). Never
 * throws: events with malformed dates are skipped, and a malformed or
 * back-to-front period yields an empty summary.
 */
export function summarise(events: readonly (UsageEvent & { count?: number })[], period: { from: string; to: string }): InsightsSummary {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  const valid = Number.isFinite(first) && Number.isFinite(last) && first <= last;
  const weekBase = valid ? mondayOf(first) : 0;
  const weekCount = valid ? Math.floor((mondayOf(last) - weekBase) / 7) + 1 : 0;
  const weekly = new Float64Array(weekCount * METRIC_COUNT);
  const byNeed = new Map<string, Float64Array>();
  const gaps = new Map<string, number>();
  const districts = new Map<string, { searches: number; noResult: number }>();
  const dayCache = new Map<string, number>();
  let inPeriod = 0;

  for (const event of valid ? events : []) {
    const date = event.date;
    if (date < period.from || date > period.to) continue;
    const indexes = METRIC_INDEX[event.kind]?.[event.action];
    let day = dayCache.get(date);
    if (day === undefined) dayCache.set(date, (day = dayNumber(date)));
    if (!Number.isFinite(day)) continue;
    // A daily roll-up row stands for `count` identical events (see src/db: eventCounts).
    const n = event.count ?? 1;
    inPeriod += n;
    if (!indexes) continue;
    const need = event.need ?? NO_NEED;
    let tally = byNeed.get(need);
    if (!tally) byNeed.set(need, (tally = new Float64Array(METRIC_COUNT)));
    const weekOffset = Math.floor((mondayOf(day) - weekBase) / 7) * METRIC_COUNT;
    for (const i of indexes) {
      tally[i]! += n;
      weekly[weekOffset + i]! += n;
    }
    if (event.kind === 'search') {
      const district = event.district ?? '';
      let d = districts.get(district);
      if (!d) districts.set(district, (d = { searches: 0, noResult: 0 }));
      d.searches += n;
      if (event.action === 'no-result') {
        d.noResult += n;
        const key = `${need}\u0000${district}`;
        gaps.set(key, (gaps.get(key) ?? 0) + n);
      }
    }
  }

  const totalTally = new Float64Array(METRIC_COUNT);
  const needRows: NeedRow[] = [...byNeed.keys()].sort(compareNeeds).map((need) => {
    const tally = byNeed.get(need) as Float64Array;
    tally.forEach((n, i) => (totalTally[i]! += n));
    return { need, label: need === NO_NEED ? 'Need not recorded' : needLabel(need), ...toCounts(tally) };
  });

  const gapRows: GapRow[] = [...gaps].map(([key, noResult]) => {
    const [need = NO_NEED, district = ''] = key.split('\u0000');
    return { need, label: need === NO_NEED ? 'Need not recorded' : needLabel(need), district, noResult };
  });
  gapRows.sort((a, b) => b.noResult - a.noResult || compareNeeds(a.need, b.need) || compareDistricts(a.district, b.district));
  const districtRows = [...districts].map(([district, d]) => ({ district, ...d }));
  districtRows.sort((a, b) => b.noResult - a.noResult || compareDistricts(a.district, b.district));

  const weeks: WeekRow[] = Array.from({ length: weekCount }, (_, w) => {
    const at = (key: keyof Counts): number => weekly[w * METRIC_COUNT + I[key]] ?? 0;
    return {
      weekStart: isoDay(weekBase + w * 7),
      promptsShown: at('promptsShown'),
      promptsAccepted: at('promptsAccepted'),
      signposted: at('signposted'),
      referralsQueued: at('referralsQueued'),
      noResult: at('noResult'),
    };
  });

  return {
    period: { from: period.from, to: period.to },
    events: inPeriod,
    totals: toCounts(totalTally),
    byNeed: needRows,
    gaps: { byDistrict: districtRows, byNeedAndDistrict: gapRows },
    weeks,
  };
}
