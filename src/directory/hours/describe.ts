/**
 * Opening rules in words for a printed slip or a text message, where "open
 * now" means nothing by the time it is read: "Mon–Fri 09:00–17:00; Sat
 * 10:00–12:00; 1st Tue of the month 18:00–20:00".
 */
import { clock, type OpeningRule } from './rules';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ORDINALS: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th', [-1]: 'last', [-2]: '2nd to last' };

/** Weekday bits as ranges: 0b0011111 -> "Mon–Fri", 0b1010101 -> "Mon, Wed, Fri, Sun". */
export function dayRanges(mask: number): string {
  if ((mask & 127) === 127) return 'Every day';
  const out: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!(mask & (1 << d))) continue;
    let end = d;
    while (end + 1 < 7 && mask & (1 << (end + 1))) end++;
    out.push(end - d >= 2 ? `${WEEKDAYS[d]}–${WEEKDAYS[end]}` : end === d ? (WEEKDAYS[d] as string) : `${WEEKDAYS[d]}, ${WEEKDAYS[end]}`);
    d = end;
  }
  return out.join(', ');
}

const times = (r: OpeningRule): string =>
  r.opens === undefined || r.closes === undefined ? '' : r.opens === r.closes ? ' 24 hours' : ` ${clock(r.opens)}–${clock(r.closes % 1440)}`;

function when(r: OpeningRule): string | undefined {
  const every = r.every && r.every > 1 ? r.every : 1;
  const month = every > 1 ? `every ${every} months` : 'the month';
  if (r.days !== undefined) return every > 1 ? `${dayRanges(r.days)}, every ${every} weeks` : dayRanges(r.days);
  if (r.nth) return `${r.nth.map(([n, wd]) => `${ORDINALS[n] ?? `${n}th`} ${WEEKDAYS[wd]}`).join(' and ')} of ${month}`;
  if (r.monthDays) return `Day ${r.monthDays.map((d) => (d === -1 ? 'last' : String(d))).join(', ')} of ${month}`;
  return undefined;
}

/**
 * The rules in words, times grouped by day pattern. Rules kept as RRULE text
 * are left out (the source's own description covers them); undefined when
 * nothing can be said.
 */
export function describeHours(rules: readonly OpeningRule[] | undefined, today?: string): string | undefined {
  if (!rules?.length) return undefined;
  const current = rules.filter((r) => today === undefined || r.to === undefined || r.to >= today);
  // Same days, several sessions: "Mon–Fri 09:00–12:00, 13:00–17:00".
  const groups = new Map<string, string[]>();
  for (const r of current) {
    const w = when(r);
    if (!w) continue;
    const t = times(r).trim();
    const list = groups.get(w) ?? [];
    if (t && !list.includes(t)) list.push(t);
    groups.set(w, list);
  }
  const parts = [...groups].map(([w, t]) => (t.length ? `${w} ${t.join(', ')}` : w));
  return parts.length ? parts.join('; ') : undefined;
}
