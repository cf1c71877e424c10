/**
 * Calendar days and wall-clock minutes in the practice's time zone. Opening
 * hours are wall-clock times ("09:00" stays 09:00 across the clock change), so
 * they are compared with the local date and minute, never with UTC.
 */

/** A local calendar day. `dayNo` counts days from 1970-01-01, so days can be stepped and subtracted. */
export interface LocalDay {
  y: number;
  /** 1..12 */
  m: number;
  d: number;
  /** Weekday, 0 = Monday … 6 = Sunday. */
  wd: number;
  /** yyyy-mm-dd */
  key: string;
  dayNo: number;
  /** Days in this month. */
  dim: number;
}

export interface LocalNow extends LocalDay {
  /** Minutes after local midnight. */
  minutes: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** The day `dayNo` days after 1970-01-01. */
export function dayFromNumber(dayNo: number): LocalDay {
  const date = new Date(dayNo * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return { y, m, d, wd: (date.getUTCDay() + 6) % 7, key: `${y}-${pad(m)}-${pad(d)}`, dayNo, dim: new Date(Date.UTC(y, m, 0)).getUTCDate() };
}

/** yyyy-mm-dd -> day number, or undefined. */
export function dayNumberOf(key: string): number | undefined {
  const t = Date.parse(`${key.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : Math.round(t / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
// UTC offset by time zone and UTC hour: zones change offset on the hour, so one look-up serves a whole hour.
const offsets = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get local time in `timeZone` at `ms` (0 for an unknown zone). */
function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset !== undefined) return offset;
  const f = formatter(timeZone);
  offset = 0;
  if (f) {
    const parts: Record<string, number> = {};
    for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
    offset = Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
  }
  if (offsets.size > 500) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The local day and minute of `now` in `timeZone` (an unknown zone reads as UTC). */
export function localNow(now: Date, timeZone: string): LocalNow {
  const ms = now.getTime();
  const local = ms + offsetMinutes(ms, timeZone) * 60_000;
  const dayNo = Math.floor(local / DAY_MS);
  return { ...dayFromNumber(dayNo), minutes: Math.floor((local - dayNo * DAY_MS) / 60_000) };
}

/** True when `timeZone` is one this browser knows. */
export const isKnownTimeZone = (timeZone: string): boolean => formatter(timeZone) !== null;
