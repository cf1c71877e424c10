/**
 * Opening hours in a compact form a browser can read offline (#16). HSDS
 * schedule rows (freq, byday, opens_at, ...) and iCalendar RRULE text are both
 * read with the rrule library's parser, then kept as plain weekday masks and
 * month positions where those say it all (nearly every real schedule), so
 * "open now" needs no recurrence expansion. Anything else keeps its RRULE.
 */
import { remember } from '../../lib/remember';
import { RRule, type RRuleOptions } from './rrule-lib';

/** One recurring opening. Times are minutes after local midnight; dates are yyyy-mm-dd. */
export interface OpeningRule {
  /** Weekdays open, bit 0 = Monday … bit 6 = Sunday; every week, or every `every` weeks. */
  days?: number;
  /** Monthly by weekday: [n, weekday] pairs, n 1..5 from the start of the month, -1..-5 from its end ("last Friday" = [-1, 4]). */
  nth?: [number, number][];
  /** Monthly by date: 1..31, or -1 for the last day of the month. */
  monthDays?: number[];
  /** Every n weeks (for `days`) or months (for `nth`/`monthDays`), counted from `anchor` or `from`. Default 1. */
  every?: number;
  /** The week or month counting starts from, when `every` > 1 and it differs from `from`. */
  anchor?: string;
  /** First date the rule applies (HSDS valid_from / dtstart). */
  from?: string;
  /** Last date the rule applies (HSDS valid_to / until). */
  to?: string;
  /** Opening and closing time; absent when the source gave only days. Closing at or before opening means past midnight. */
  opens?: number;
  closes?: number;
  /** A rule the fields above cannot express (yearly, BYSETPOS, COUNT...), as DTSTART + RRULE text for the rrule library. */
  rrule?: string;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/** "10:00:00", "9:30", "0930", "9.30" -> minutes after midnight. */
export function minutesOf(value: unknown): number | undefined {
  const text = str(value);
  // A directory has a few dozen distinct times ("09:00", "16:30") across thousands of schedules.
  return text === undefined ? undefined : remember(timeCache, CACHE_LIMIT, text, readMinutes);
}

function readMinutes(text: string): number | undefined {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))(?::\d{2}(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h <= 24 && min < 60 && h * 60 + min <= 1440 ? h * 60 + min : undefined;
}
const timeCache = new Map<string, number | undefined>();
/** Distinct values kept by each of this file's memos (times, day lists, rule texts). */
const CACHE_LIMIT = 2_000;

/** "HH:MM" for minutes after midnight (24:00 for the end of the day). */
export const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const isoDay = (value: unknown): string | undefined => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : value.toISOString()) : str(value);
  const m = text ? /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
};

/** One BYDAY token: "MO", "1MO", "-1FR", "Monday", "1st"-less names -> iCalendar form ("1MO"); undefined if unreadable. */
function dayToken(token: string): string | undefined {
  const m = /^([+-]?\d)?([A-Z]{2,})$/.exec(token.trim().toUpperCase());
  if (!m) return undefined;
  const word = (m[2] as string).toLowerCase();
  const index = word.length === 2 ? DAY_CODES.findIndex((c) => c.toLowerCase() === word) : DAY_NAMES.findIndex((d) => word.length >= 3 && d.startsWith(word));
  return index < 0 ? undefined : `${m[1] ?? ''}${DAY_CODES[index]}`;
}

const LIST_FIELDS = [
  ['byweekno', 'BYWEEKNO'],
  ['bymonthday', 'BYMONTHDAY'],
  ['byyearday', 'BYYEARDAY'],
  ['bymonth', 'BYMONTH'],
  ['bysetpos', 'BYSETPOS'],
] as const;

/** An HSDS schedule row (or compiled schedule object) as iCalendar RRULE text, or a reason. */
function rruleTextOf(row: Record<string, unknown>): { text: string } | { reason: string } {
  const given = str(row.rrule) ?? str(row.recurrence);
  if (given) return { text: given };
  const description = str(row.description);
  if (description && /^(RRULE:)?FREQ=/i.test(description)) return { text: description };
  const parts: string[] = [];
  // HSDS 2 / ORUK 1 regular_schedules carry one `weekday` per row instead of byday.
  const weekday = str(row.weekday);
  const byday = str(row.byday) ?? (weekday && /^[1-7]$/.test(weekday) ? DAY_CODES[Number(weekday) - 1] : weekday);
  const freq = str(row.freq)?.toUpperCase() ?? (byday ? 'WEEKLY' : undefined);
  if (!freq) return { reason: 'the schedule gives no days' };
  parts.push(`FREQ=${freq}`);
  const interval = str(row.interval);
  if (interval && interval !== '1') parts.push(`INTERVAL=${interval}`);
  if (byday) {
    const tokens = byday.split(/[\s,;]+/).filter(Boolean).map(dayToken);
    if (tokens.some((t) => t === undefined)) return { reason: `the schedule's days ("${byday}") are not weekdays` };
    parts.push(`BYDAY=${tokens.join(',')}`);
  }
  for (const [field, key] of LIST_FIELDS) {
    const v = str(row[field]);
    if (v) parts.push(`${key}=${v.replace(/\s+/g, '')}`);
  }
  const count = str(row.count);
  if (count) parts.push(`COUNT=${count}`);
  return { text: parts.join(';') };
}

const validInts = (v: unknown, lo: number, hi: number): number[] | undefined => {
  const list = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.every((n) => typeof n === 'number' && Number.isInteger(n) && n !== 0 && Math.abs(n) >= lo && Math.abs(n) <= hi) ? (list as number[]) : undefined;
};

/** The parsed options as an OpeningRule's recurrence fields, or a reason. */
function recurrence(o: Partial<RRuleOptions>, anchor: string | undefined): Partial<OpeningRule> | string {
  const every = o.interval ?? 1;
  if (o.freq === undefined || o.freq === null || o.freq > RRule.DAILY) return 'the schedule has no daily, weekly, monthly or yearly frequency';
  if (!Number.isInteger(every) || every < 1) return 'the schedule repeats at an unreadable interval';
  const days = (Array.isArray(o.byweekday) ? o.byweekday : o.byweekday === null || o.byweekday === undefined ? [] : [o.byweekday]).map((d) =>
    typeof d === 'number' ? { weekday: d, n: undefined } : typeof d === 'string' ? { weekday: DAY_CODES.indexOf(d), n: undefined } : d,
  );
  if (days.some((d) => d === undefined || !(d.weekday >= 0 && d.weekday <= 6) || (d.n !== undefined && d.n !== 0 && !(Math.abs(d.n) <= 5)))) return 'the schedule names a day that is not a weekday';
  const monthDays = validInts(o.bymonthday, 1, 31);
  if (!monthDays) return 'the schedule names a day of the month that does not exist';
  for (const key of ['byweekno', 'byyearday', 'bymonth', 'bysetpos'] as const) if (o[key] !== null && o[key] !== undefined && !validInts(o[key], 1, 366)) return `the schedule's ${key.toUpperCase()} is unreadable`;
  if (o.count !== null && o.count !== undefined && !(Number.isInteger(o.count) && o.count > 0)) return "the schedule's COUNT is not a number";
  const plain = days.every((d) => !d.n);
  const mask = days.reduce((m, d) => m | (1 << d.weekday), 0);
  const other = ['byweekno', 'byyearday', 'bymonth', 'bysetpos', 'count'].some((k) => {
    const v = o[k as keyof RRuleOptions];
    return v !== null && v !== undefined && (!Array.isArray(v) || v.length > 0);
  });
  if (every > 1 && !anchor && !other) return `the schedule repeats every ${every} periods but gives no start date to count from`;
  const withEvery = (r: Partial<OpeningRule>): Partial<OpeningRule> => (every > 1 ? { ...r, every } : r);
  if (!other) {
    if (o.freq === RRule.DAILY && every === 1 && monthDays.length === 0) return { days: days.length ? mask : 127 };
    if (o.freq === RRule.WEEKLY && plain && days.length && monthDays.length === 0) return withEvery({ days: mask });
    if (o.freq === RRule.MONTHLY && days.length && monthDays.length === 0) {
      if (plain && every === 1) return { days: mask };
      if (days.every((d) => d.n)) return withEvery({ nth: days.map((d) => [d.n as number, d.weekday] as [number, number]) });
    }
    if (o.freq === RRule.MONTHLY && days.length === 0 && monthDays.length) return withEvery({ monthDays });
  }
  // Anything else is kept whole and read by the library (with a start date, which every RRULE needs).
  const dtstart = o.dtstart ?? new Date(`${anchor ?? '2000-01-01'}T00:00:00Z`);
  const { byhour: _h, byminute: _m, bysecond: _s, until: _u, dtstart: _d, tzid: _t, ...rest } = o;
  const text = RRule.optionsToString({ ...rest, dtstart });
  return { rrule: text };
}

const PLAIN_DAY: Record<string, number> = { MO: 1, TU: 2, WE: 4, TH: 8, FR: 16, SA: 32, SU: 64 };
const EMPTY = (v: unknown): boolean => v === undefined || v === null || v === '';
/** Fields that, when given, need the full reading (dates, intervals, other BY parts, RRULE text). */
const NOT_PLAIN = new Set(['rrule', 'recurrence', 'interval', 'count', 'until', 'dtstart', 'valid_from', 'valid_to', 'bymonthday', 'byweekno', 'byyearday', 'bymonth', 'bysetpos']);

// A directory has a few hundred distinct day lists ("MO,TU,WE,TH,FR") across thousands of rows.
const dayMasks = new Map<string, number | undefined>();

/** A comma-separated list of plain weekdays as a mask (bit 0 Monday), or undefined when any item is something else. */
function readDays(byday: string): number | undefined {
  let days = 0;
  for (const token of byday.split(',')) {
    const bit = PLAIN_DAY[token.trim().toUpperCase()];
    if (bit === undefined) return undefined;
    days |= bit;
  }
  return days;
}

/**
 * The common case read directly, without the library: weekly (or no
 * frequency) on plain weekdays, no other BY parts, no dates, no count. A
 * package of 20k services has tens of thousands of these rows (#16 bench).
 */
function plainWeekly(row: Record<string, unknown>): OpeningRule | undefined {
  const freq = row.freq;
  if (!(EMPTY(freq) || freq === 'WEEKLY' || freq === 'weekly') || typeof row.byday !== 'string') return undefined;
  // The row's own fields (a handful in a CSV row), rather than a look-up of every field that would need the library.
  for (const k in row) {
    if (!NOT_PLAIN.has(k)) continue;
    const v = row[k];
    if (!EMPTY(v) && !(k === 'interval' && (v === 1 || v === '1'))) return undefined;
  }
  const days = remember(dayMasks, CACHE_LIMIT, row.byday, readDays);
  if (days === undefined) return undefined;
  const opens = minutesOf(row.opens_at);
  const closes = minutesOf(row.closes_at);
  return opens !== undefined && closes !== undefined ? { days, opens, closes } : { days };
}

/**
 * One schedule (an HSDS 3.0 schedule row or object, an HSDS 2 regular schedule,
 * or `{ rrule: "FREQ=WEEKLY;BYDAY=MO" }`) -> an OpeningRule, or a plain reason
 * it cannot be read (its description is then shown instead).
 */
export function scheduleRule(row: Record<string, unknown>): OpeningRule | string {
  const fast = plainWeekly(row);
  if (fast) return fast;
  const read = rruleTextOf(row);
  if ('reason' in read) return read.reason;
  const validFrom = isoDay(row.valid_from);
  const rowStart = isoDay(row.dtstart);
  const recurring = parsedRecurrence(read.text, rowStart, validFrom);
  if (typeof recurring === 'string') return recurring;
  const { parsed, dtstart, anchor, until: ruleUntil } = recurring;
  const validTo = isoDay(row.valid_to);
  const until = isoDay(row.until) ?? ruleUntil;
  const opens = minutesOf(row.opens_at);
  const closes = minutesOf(row.closes_at);
  const rule: OpeningRule = { ...parsed };
  if (opens !== undefined && closes !== undefined) Object.assign(rule, { opens, closes });
  const from = [validFrom, dtstart].filter((d): d is string => d !== undefined).sort().pop();
  const to = [validTo, until].filter((d): d is string => d !== undefined).sort()[0];
  if (from) rule.from = from;
  if (to) rule.to = to;
  if (rule.every && anchor && anchor !== from) rule.anchor = anchor;
  if (from && to && to < from) return 'the schedule ends before it starts';
  return rule;
}

interface ParsedRecurrence {
  parsed: Partial<OpeningRule>;
  dtstart: string | undefined;
  anchor: string | undefined;
  until: string | undefined;
}

// A directory repeats a few recurrence patterns thousands of times ("first Saturday of the month"): the
// library's parse of each distinct rule text and start is remembered (a 20k-service package spent a tenth
// of its import here, #16). The result is shared, so it is frozen.
const recurrenceCache = new Map<string, ParsedRecurrence | string>();

/** The rule text read with the library into an OpeningRule's recurrence fields (cached), or a reason. */
function parsedRecurrence(text: string, rowStart: string | undefined, validFrom: string | undefined): ParsedRecurrence | string {
  return remember(recurrenceCache, CACHE_LIMIT, `${text}\u0000${rowStart ?? ''}\u0000${validFrom ?? ''}`, () => deepFreeze(parseRecurrence(text, rowStart, validFrom)));
}

function parseRecurrence(text: string, rowStart: string | undefined, validFrom: string | undefined): ParsedRecurrence | string {
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(text.replace(/^RRULE:/i, ''));
  } catch {
    return 'the schedule is not a recurrence rule we can read';
  }
  const dtstart = rowStart ?? isoDay(options.dtstart ?? undefined);
  const anchor = dtstart ?? validFrom;
  const parsed = recurrence({ ...options, ...(dtstart ? { dtstart: new Date(`${dtstart}T00:00:00Z`) } : {}) }, anchor);
  if (typeof parsed === 'string') return parsed;
  return { parsed, dtstart, anchor, until: isoDay(options.until ?? undefined) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every field of a rule in a fixed order: equal rules, equal keys (cheaper than JSON for a two-row schedule). */
const ruleKey = (r: OpeningRule): string =>
  `${r.days ?? ''}|${r.nth?.join(';') ?? ''}|${r.monthDays?.join(';') ?? ''}|${r.every ?? ''}|${r.anchor ?? ''}|${r.from ?? ''}|${r.to ?? ''}|${r.opens ?? ''}|${r.closes ?? ''}|${r.rrule ?? ''}`;

/** Rules for a list of schedules; unreadable ones are counted so the description can stand in. */
export function scheduleRules(rows: unknown[]): { rules: OpeningRule[]; unreadable: string[] } {
  const rules: OpeningRule[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
    const rule = scheduleRule(row as Record<string, unknown>);
    if (typeof rule === 'string') {
      unreadable.push(rule);
      continue;
    }
    // Most services have one or two rows; only compare when there is something to compare with.
    const key = rows.length > 1 ? ruleKey(rule) : '';
    if (!seen.has(key)) rules.push(rule);
    if (key) seen.add(key);
  }
  return { rules, unreadable };
}
