import { describe, expect, test } from 'vitest';
import { summarise } from '../../src/insights/aggregate';
import { csvField, summaryToCsv } from '../../src/insights/csv';
import { METRICS } from '../../src/insights/metrics';
import type { UsageEvent } from '../../src/insights/events';

/** Minimal RFC 4180 reader, to check the file parses back to the same numbers. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

const events: UsageEvent[] = [
  { kind: 'prompt', action: 'shown', date: '2025-03-03', need: 'money' },
  { kind: 'prompt', action: 'accepted', date: '2025-03-03', need: 'money' },
  { kind: 'signpost', action: 'slip', date: '2025-03-04', need: 'caring' },
  { kind: 'referral', action: 'queued', date: '2025-03-04', need: 'caring' },
  { kind: 'search', action: 'no-result', date: '2025-03-11', need: 'food', district: 'G31' },
  { kind: 'search', action: 'no-result', date: '2025-03-11', need: 'food' },
];
const summary = summarise(events, { from: '2025-03-03', to: '2025-03-16' });
const rows = parseCsv(summaryToCsv(summary));
const section = (title: string): string[][] => {
  const start = rows.findIndex((r) => r[0] === title);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 2, end === -1 ? undefined : end);
};

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    [12, '12'],
    ['Money, benefits and debt', '"Money, benefits and debt"'],
    ['He said "hi"', '"He said ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
  ])('%j -> %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('summaryToCsv', () => {
  test('uses CRLF line ends and quotes labels with commas', () => {
    const text = summaryToCsv(summary);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\r|(?<!")\n/);
    expect(text).toContain('"Money, benefits and debt",1,1,');
  });

  test('every row of the by-need table has the header width', () => {
    const header = rows[rows.findIndex((r) => r[0] === 'By need') + 1];
    expect(header).toEqual(['Need', ...METRICS.map((m) => m.label)]);
    for (const row of section('By need')) expect(row).toHaveLength(header?.length ?? 0);
  });

  test('by-need numbers match the summary', () => {
    const table = section('By need');
    const expected = [...summary.byNeed, { label: 'Total', ...summary.totals }].map((r) => [r.label, ...METRICS.map((m) => String(r[m.key]))]);
    expect(table).toEqual(expected);
  });

  test('gap and weekly numbers match the summary', () => {
    expect(section('Gaps: searches with nothing nearby, by postcode district')).toEqual(
      summary.gaps.byDistrict.map((g) => [g.district || 'Not recorded', String(g.searches), String(g.noResult)]),
    );
    expect(section('Gaps: by need and postcode district')).toEqual([
      ['Food', 'G31', '1'],
      ['Food', 'Not recorded', '1'],
    ]);
    expect(section('By week')).toEqual(
      summary.weeks.map((w) => [w.weekStart, ...[w.promptsShown, w.promptsAccepted, w.signposted, w.referralsQueued, w.noResult].map(String)]),
    );
  });
});
