/**
 * "Open now · until 16:00", "Opens today 14:00", "Opens Tue 09:00" or
 * "Closed today" for a card, worked out in the browser from the stored
 * opening rules, in the practice's time zone (#16). When the hours cannot be
 * read, the source's own words (`openingTimes`) are the answer.
 */
import type { Resource } from '../resource';
import { clock, type OpeningRule } from './rules';
import { dayFromNumber, localNow, type LocalDay } from './local-day';
import { nextOccurrence, occursOn } from './occurs';

/** Scottish practices; a practice elsewhere passes its own IANA zone. */
export const PRACTICE_TIME_ZONE = 'Europe/London';

export interface OpeningStatus {
  /** `unknown` when there are no readable hours (the text is then the source's description, or empty). */
  state: 'open' | 'closed' | 'unknown';
  /** The line for a card or slip; '' when there is nothing to say. */
  text: string;
  /** Opens at some time today (false when unknown). */
  openToday: boolean;
}

type HoursOf = Pick<Resource, 'hours' | 'openingTimes' | 'temporarilyClosed'>;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** How far ahead "Opens …" looks: far enough for monthly sessions. */
const LOOK_AHEAD_DAYS = 35;

/** [opens, closes) minute spans of `rules` on `day`, plus whether an untimed rule falls on it. */
function spansOn(rules: readonly OpeningRule[], day: LocalDay, yesterday?: LocalDay): { spans: [number, number][]; untimed: boolean } {
  const spans: [number, number][] = [];
  let untimed = false;
  for (const r of rules) {
    const timed = r.opens !== undefined && r.closes !== undefined;
    if (occursOn(r, day)) {
      if (!timed) untimed = true;
      else if (r.opens === r.closes) spans.push([0, 1440]);
      else spans.push([r.opens as number, (r.closes as number) > (r.opens as number) ? (r.closes as number) : 1440]);
    }
    // Overnight hours (22:00–02:00) run on into the next morning.
    if (yesterday && timed && (r.closes as number) < (r.opens as number) && (r.closes as number) > 0 && occursOn(r, yesterday)) spans.push([0, r.closes as number]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return { spans: merged, untimed };
}

const dayLabel = (day: LocalDay, today: LocalDay): string =>
  day.dayNo - today.dayNo < 7 ? (WEEKDAYS[day.wd] as string) : `${WEEKDAYS[day.wd] as string} ${day.d} ${MONTHS[day.m - 1] as string}`;

function nextOpening(rules: readonly OpeningRule[], today: LocalDay): { day: LocalDay; at?: number } | undefined {
  const tomorrow = dayFromNumber(today.dayNo + 1);
  let best: LocalDay | undefined;
  for (const r of rules) {
    const d = nextOccurrence(r, tomorrow, LOOK_AHEAD_DAYS);
    if (d && (!best || d.dayNo < best.dayNo)) best = d;
  }
  if (!best) return undefined;
  const { spans } = spansOn(rules, best);
  return spans.length ? { day: best, at: spans[0]?.[0] } : { day: best };
}

/**
 * Today's opening line for a service. `now` defaults to the current time and
 * `timeZone` to Europe/London. Never throws.
 */
export function openingStatus(resource: HoursOf, now: Date = new Date(), timeZone: string = PRACTICE_TIME_ZONE): OpeningStatus {
  if (resource.temporarilyClosed) return { state: 'closed', text: 'Temporarily closed', openToday: false };
  const unknown: OpeningStatus = { state: 'unknown', text: resource.openingTimes ?? '', openToday: false };
  const rules = resource.hours;
  if (!rules?.length) return unknown;
  try {
    const local = localNow(now, timeZone);
    // Hours that have all run out are no guide to today: say what the source says instead.
    if (!rules.some((r) => r.to === undefined || r.to >= local.key)) return unknown;
    const { spans, untimed } = spansOn(rules, local, dayFromNumber(local.dayNo - 1));
    const openToday = spans.length > 0 || untimed;
    const current = spans.find(([s, e]) => s <= local.minutes && local.minutes < e);
    if (current) {
      const end = current[1];
      // Open to midnight: tomorrow's first hours (an overnight session, or 24 hours) say when it really closes.
      const first = end === 1440 ? spansOn(rules, dayFromNumber(local.dayNo + 1), local).spans[0] : undefined;
      const until = end < 1440 ? `until ${clock(end)}` : first?.[0] !== 0 ? 'until midnight' : (first[1] as number) < 1440 ? `until ${clock(first[1] as number)}` : '24 hours';
      return { state: 'open', text: `Open now · ${until}`, openToday };
    }
    const later = spans.find(([s]) => s > local.minutes);
    if (later) return { state: 'closed', text: `Opens today ${clock(later[0])}`, openToday };
    if (untimed && spans.length === 0) return { state: 'unknown', text: 'Open today (times not given)', openToday };
    const next = nextOpening(rules, local);
    if (next) return { state: 'closed', text: `Opens ${dayLabel(next.day, local)}${next.at !== undefined ? ` ${clock(next.at)}` : ''}`, openToday };
    return { state: 'closed', text: openToday ? 'Closed now' : 'Closed today', openToday };
  } catch {
    return unknown;
  }
}

/** True when the service has readable hours that open at some time today (the "open today" filter). */
export function isOpenToday(resource: HoursOf, now: Date = new Date(), timeZone: string = PRACTICE_TIME_ZONE): boolean {
  if (resource.temporarilyClosed || !resource.hours?.length) return false;
  try {
    const local = localNow(now, timeZone);
    return resource.hours.some((r) => occursOn(r, local));
  } catch {
    return false;
  }
}
