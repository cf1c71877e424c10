/**
 * The "open today" filter of the directory index (#16): which services have
 * readable hours that open on the practice's today. Most services' hours are
 * plain weekly days, kept as one byte per service so a day's answer for
 * 100k services is one pass; the rest (monthly, fortnightly, dated) are
 * checked rule by rule. The answer is kept for the day it was worked out for.
 */
import type { Resource } from '../resource';
import { localNow } from '../hours/local-day';
import { occursOn } from '../hours/occurs';

const NO_HOURS = 0;
/** Hours the weekday byte cannot say (dates, every n weeks, monthly, RRULE): read rule by rule. */
const COMPLEX = 0x80;

export class OpenToday {
  private week?: Uint8Array;
  private key = '';
  private open?: Uint8Array;
  /** `hoursOf`: a service's hours by position (the docs' own, unless read back from a snapshot). */
  constructor(
    private readonly docs: readonly Resource[],
    private readonly hoursOf: (i: number) => Resource['hours'] = (i) => docs[i]?.hours,
  ) {}

  /**
   * From a snapshot (issue #11): the weekday byte per service, and the hours
   * of the few whose rules the byte cannot say.
   */
  static fromWeek(week: Uint8Array, complex: ReadonlyMap<number, NonNullable<Resource['hours']>>): OpenToday {
    const open = new OpenToday([], (i) => complex.get(i));
    open.week = week;
    return open;
  }

  /** The weekday byte per service, and the hours of those marked complex (for the snapshot). */
  weekData(): { week: Uint8Array; complex: Map<number, NonNullable<Resource['hours']>> } {
    const week = this.weekdays();
    const complex = new Map<number, NonNullable<Resource['hours']>>();
    week.forEach((w, i) => {
      const hours = this.hoursOf(i);
      if (w === COMPLEX && hours) complex.set(i, hours);
    });
    return { week, complex };
  }

  private weekdays(): Uint8Array {
    if (this.week) return this.week;
    const week = new Uint8Array(this.docs.length);
    this.docs.forEach((r, i) => {
      const rules = r.temporarilyClosed ? undefined : r.hours;
      if (!rules?.length) return;
      let days = 0;
      for (const rule of rules) {
        if (rule.days === undefined || rule.nth || rule.monthDays || rule.rrule || rule.from || rule.to || (rule.every ?? 1) > 1) {
          week[i] = COMPLEX;
          return;
        }
        days |= rule.days;
      }
      week[i] = days || NO_HOURS;
    });
    this.week = week;
    return week;
  }

  /** 1 for each service open at some time on the local day of `now` in `timeZone`. */
  mask(now: Date, timeZone: string): Uint8Array {
    const day = localNow(now, timeZone);
    const key = `${day.key}|${timeZone}`;
    if (this.open && this.key === key) return this.open;
    const week = this.weekdays();
    const open = this.open && this.open.length === week.length ? this.open : new Uint8Array(week.length);
    const bit = 1 << day.wd;
    for (let i = 0; i < week.length; i++) {
      const w = week[i] as number;
      open[i] = w === COMPLEX ? (this.hoursOf(i)?.some((r) => occursOn(r, day)) ? 1 : 0) : w & bit ? 1 : 0;
    }
    this.open = open;
    this.key = key;
    return open;
  }
}
