/**
 * Whether an opening rule falls on a given local day. Weekday masks and month
 * positions are checked directly; rules kept as RRULE text are read with the
 * rrule library, started near the day asked about so it never walks years of
 * occurrences.
 */
import { RRule, type RRuleOptions } from './rrule-lib';
import type { OpeningRule } from './rules';
import { dayFromNumber, dayNumberOf, type LocalDay } from './local-day';

const DAY_MS = 86_400_000;

function monthIndex(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}

function inStep(rule: OpeningRule, day: LocalDay, unit: 'week' | 'month'): boolean {
  const every = rule.every ?? 1;
  if (every <= 1) return true;
  const anchor = rule.anchor ?? rule.from;
  if (!anchor) return false;
  if (unit === 'month') return (((day.y * 12 + day.m - 1 - monthIndex(anchor)) % every) + every) % every === 0;
  const a = dayNumberOf(anchor);
  if (a === undefined) return false;
  const anchorMonday = a - ((((a + 3) % 7) + 7) % 7);
  const weeks = Math.floor((day.dayNo - day.wd - anchorMonday) / 7);
  return ((weeks % every) + every) % every === 0;
}

const parsed = new Map<string, Partial<RRuleOptions> | null>();
const answers = new Map<string, boolean>();

function optionsOf(text: string): Partial<RRuleOptions> | null {
  let o = parsed.get(text);
  if (o === undefined) {
    try {
      o = RRule.parseString(text);
    } catch {
      o = null;
    }
    parsed.set(text, o);
  }
  return o;
}

/** dtstart moved forward by whole repeats (never past `day`), so the library starts near the day asked about. */
function startNear(o: Partial<RRuleOptions>, day: LocalDay): Date {
  const start = o.dtstart ?? new Date(Date.UTC(2000, 0, 1));
  if (o.count) return start;
  const every = o.interval && o.interval > 0 ? o.interval : 1;
  const target = day.dayNo * DAY_MS - 400 * DAY_MS;
  if (start.getTime() >= target) return start;
  if (o.freq === RRule.DAILY || o.freq === RRule.WEEKLY) {
    const period = (o.freq === RRule.DAILY ? 1 : 7) * every * DAY_MS;
    return new Date(start.getTime() + Math.floor((target - start.getTime()) / period) * period);
  }
  const months = (o.freq === RRule.YEARLY ? 12 : 1) * every;
  let k = Math.floor(((new Date(target).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(target).getUTCMonth() - start.getUTCMonth()) / months) * months;
  // A start on the 31st cannot move to a 30-day month; step back a repeat until the date exists.
  for (; k > 0; k -= months) {
    const moved = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, start.getUTCDate()));
    if (moved.getUTCDate() === start.getUTCDate()) return moved;
  }
  return start;
}

function viaLibrary(text: string, day: LocalDay): boolean {
  const key = `${day.key}|${text}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const o = optionsOf(text);
  let hit = false;
  if (o) {
    try {
      const dayStart = new Date(day.dayNo * DAY_MS);
      hit = new RRule({ ...o, dtstart: startNear(o, day) }).between(dayStart, new Date(dayStart.getTime() + DAY_MS - 1), true).length > 0;
    } catch {
      hit = false;
    }
  }
  if (answers.size > 5000) answers.clear();
  answers.set(key, hit);
  return hit;
}

/** True when `rule` opens on `day` (validity dates included). */
export function occursOn(rule: OpeningRule, day: LocalDay): boolean {
  if (rule.from !== undefined && day.key < rule.from) return false;
  if (rule.to !== undefined && day.key > rule.to) return false;
  if (rule.rrule !== undefined) return viaLibrary(rule.rrule, day);
  if (rule.days !== undefined && rule.days & (1 << day.wd)) return inStep(rule, day, 'week');
  if (rule.nth) {
    const fromStart = Math.ceil(day.d / 7);
    const fromEnd = -Math.ceil((day.dim - day.d + 1) / 7);
    if (rule.nth.some(([n, wd]) => wd === day.wd && (n === fromStart || n === fromEnd))) return inStep(rule, day, 'month');
  }
  if (rule.monthDays?.some((md) => md === day.d || (md < 0 && day.dim + md + 1 === day.d))) return inStep(rule, day, 'month');
  return false;
}

/** The next day from `day` (included) on which `rule` opens, within `maxDays`; undefined if none. */
export function nextOccurrence(rule: OpeningRule, day: LocalDay, maxDays: number): LocalDay | undefined {
  if (rule.rrule !== undefined) {
    const o = optionsOf(rule.rrule);
    if (!o) return undefined;
    try {
      const startNo = rule.from !== undefined && rule.from > day.key ? (dayNumberOf(rule.from) ?? day.dayNo) : day.dayNo;
      const from = new Date(startNo * DAY_MS);
      const found = new RRule({ ...o, dtstart: startNear(o, day) }).after(from, true);
      if (!found) return undefined;
      const next = dayFromNumber(Math.floor(found.getTime() / DAY_MS));
      return next.dayNo - day.dayNo < maxDays && occursOn(rule, next) ? next : undefined;
    } catch {
      return undefined;
    }
  }
  for (let k = 0; k < maxDays; k++) {
    const d = k === 0 ? day : dayFromNumber(day.dayNo + k);
    if (rule.to !== undefined && d.key > rule.to) return undefined;
    if (occursOn(rule, d)) return d;
  }
  return undefined;
}
