/**
 * Reporting periods for the insights page, as local calendar days
 * (yyyy-mm-dd) because events are stored by the practice's own day.
 */
import { dayOf } from '../../insights/events';

export interface Period {
  from: string;
  to: string;
}

/** The 30 days ending today, today included. */
export function last30Days(today: Date): Period {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: dayOf(from), to: dayOf(today) };
}

/** The 12 months ending today: from the day after this date last year. */
export function last12Months(today: Date): Period {
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  return { from: dayOf(from), to: dayOf(today) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a period cannot be shown, in plain words, or undefined when it can. */
export function periodProblem(period: Period): string | undefined {
  if (!DAY.test(period.from) || !DAY.test(period.to)) return 'Choose both a start date and an end date.';
  if (period.from > period.to) return 'The start date is after the end date.';
  return undefined;
}
