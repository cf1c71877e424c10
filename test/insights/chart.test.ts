import { describe, expect, test } from 'vitest';
import { barChart, describeChart } from '../../src/insights/chart';

const padding = { top: 0, right: 0, bottom: 0, left: 0 };

describe('barChart', () => {
  test('bars share the width, sit on the baseline and scale to the axis maximum', () => {
    const chart = barChart([{ label: 'A', value: 10 }, { label: 'B', value: 5 }], { width: 200, height: 100, padding });
    expect(chart.max).toBe(10);
    expect(chart.bars).toEqual([
      { x: 15, y: 0, width: 70, height: 100, label: 'A', value: 10 },
      { x: 115, y: 50, width: 70, height: 50, label: 'B', value: 5 },
    ]);
    for (const bar of chart.bars) expect(bar.y + bar.height).toBe(100);
  });

  test.each([
    [[7], 8, [0, 2, 4, 6, 8]],
    [[10], 10, [0, 5, 10]],
    [[3], 3, [0, 1, 2, 3]],
    [[0], 1, [0, 1]],
    [[1234], 1500, [0, 500, 1000, 1500]],
    [[], 1, [0, 1]],
  ])('values %j give max %i and ticks %j', (values, max, ticks) => {
    const chart = barChart(values.map((value, i) => ({ label: String(i), value })), { width: 100, height: 100, padding });
    expect(chart.max).toBe(max);
    expect(chart.ticks.map((t) => t.value)).toEqual(ticks);
    expect(chart.ticks[0]?.y).toBe(100);
    expect(chart.ticks.at(-1)?.y).toBe(0);
  });

  test('default padding leaves room for axis labels', () => {
    const chart = barChart([{ label: 'A', value: 1 }], { width: 300, height: 200 });
    expect(chart.plot).toEqual({ x: 40, y: 8, width: 252, height: 160 });
    expect(chart.bars[0]?.y).toBe(8);
  });

  test('negative and non-numeric values draw as empty bars', () => {
    const chart = barChart([{ label: 'A', value: -3 }, { label: 'B', value: Number.NaN }], { width: 100, height: 50, padding });
    expect(chart.bars.map((b) => [b.height, b.value])).toEqual([[0, 0], [0, 0]]);
  });

  test('tick labels use thousands separators', () => {
    expect(barChart([{ label: 'A', value: 20000 }], { width: 10, height: 10 }).ticks.at(-1)?.label).toBe('20,000');
  });
});

describe('describeChart', () => {
  test.each([
    [[{ label: 'Money', value: 12 }, { label: 'Housing', value: 8 }], 'Referrals by need', 'Referrals by need, 2 bars. Money: 12; Housing: 8. Highest: Money (12).'],
    [[{ label: 'Food', value: 0 }], 'Gaps', 'Gaps, 1 bar. Food: 0.'],
    [[], 'Gaps', 'No data for this period.'],
  ])('%j', (rows, title, desc) => {
    expect(describeChart(rows, title)).toEqual({ title, desc });
  });
});
