/**
 * The insights summary as a CSV file for a practice manager's spreadsheet:
 * several titled tables separated by blank lines, the same numbers as the
 * on-screen tables. Quoting follows RFC 4180 (CRLF line ends).
 */
import type { InsightsSummary } from './aggregate';
import { METRICS, type Counts } from './metrics';

type Cell = string | number;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @)
 * gets a leading apostrophe, since need ids and districts come from stored data.
 */
export function csvField(value: Cell): string {
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(cells: Cell[]): string {
  return cells.map(csvField).join(',');
}

const countsOf = (c: Counts): number[] => METRICS.map((m) => c[m.key]);

/** The whole summary as CSV text. */
export function summaryToCsv(summary: InsightsSummary): string {
  const lines: string[] = [];
  const metricLabels = METRICS.map((m) => m.label);
  lines.push(line(['Links Sidebar practice insights']));
  lines.push(line(['Period', `${summary.period.from} to ${summary.period.to}`]));
  lines.push(line(['Events', summary.events]));
  lines.push('');

  lines.push(line(['By need']));
  lines.push(line(['Need', ...metricLabels]));
  for (const row of summary.byNeed) lines.push(line([row.label, ...countsOf(row)]));
  lines.push(line(['Total', ...countsOf(summary.totals)]));
  lines.push('');

  lines.push(line(['Gaps: searches with nothing nearby, by postcode district']));
  lines.push(line(['Postcode district', 'Searches', 'Searches with nothing nearby']));
  for (const row of summary.gaps.byDistrict) lines.push(line([row.district || 'Not recorded', row.searches, row.noResult]));
  lines.push('');

  lines.push(line(['Gaps: by need and postcode district']));
  lines.push(line(['Need', 'Postcode district', 'Searches with nothing nearby']));
  for (const row of summary.gaps.byNeedAndDistrict) lines.push(line([row.label, row.district || 'Not recorded', row.noResult]));
  lines.push('');

  lines.push(line(['By week']));
  lines.push(line(['Week starting', 'Prompts shown', 'Prompts accepted', 'People signposted', 'Referrals made', 'Searches with nothing nearby']));
  for (const w of summary.weeks) {
    lines.push(line([w.weekStart, w.promptsShown, w.promptsAccepted, w.signposted, w.referralsQueued, w.noResult]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
