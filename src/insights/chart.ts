/**
 * Geometry for an accessible SVG bar chart of counts. The Preact component
 * only draws what this returns, so layout is tested without a DOM. Bars are
 * vertical, in row order; the y axis has "nice" whole-number ticks.
 */
export interface ChartRow {
  label: string;
  value: number;
}

export interface ChartOptions {
  width: number;
  height: number;
  /** Space for axis labels; defaults suit 12px text. */
  padding?: { top: number; right: number; bottom: number; left: number };
  /** Wanted number of tick intervals (default 4). */
  tickCount?: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  value: number;
}

export interface Tick {
  value: number;
  /** Vertical position of the grid line. */
  y: number;
  label: string;
}

export interface BarChart {
  bars: Bar[];
  ticks: Tick[];
  /** The value at the top of the axis (a nice number at least the largest bar). */
  max: number;
  plot: { x: number; y: number; width: number; height: number };
}

const DEFAULT_PADDING = { top: 8, right: 8, bottom: 32, left: 40 };
/** Fraction of each slot a bar fills; the rest is the gap between bars. */
const BAR_FILL = 0.7;

/** Counts are never negative or fractional on screen; NaN shows as nothing. */
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** A 1, 2 or 5 times a power of ten, at least `raw`, and never below 1 (counts are whole). */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Lays out one bar per row inside `opts.width` x `opts.height`. */
export function barChart(rows: readonly ChartRow[], opts: ChartOptions): BarChart {
  const pad = opts.padding ?? DEFAULT_PADDING;
  const plot = {
    x: pad.left,
    y: pad.top,
    width: Math.max(0, opts.width - pad.left - pad.right),
    height: Math.max(0, opts.height - pad.top - pad.bottom),
  };
  const largest = rows.reduce((m, r) => Math.max(m, clean(r.value)), 0);
  const step = niceStep(largest / Math.max(1, opts.tickCount ?? 4));
  const max = Math.max(step, Math.ceil(largest / step) * step);
  const scale = (value: number): number => (value / max) * plot.height;

  const ticks: Tick[] = [];
  for (let value = 0; value <= max; value += step) {
    ticks.push({ value, y: round(plot.y + plot.height - scale(value)), label: value.toLocaleString('en-GB') });
  }

  const slot = rows.length > 0 ? plot.width / rows.length : 0;
  const width = round(Math.max(1, slot * BAR_FILL));
  const bars = rows.map((row, i) => {
    const value = clean(row.value);
    const height = round(scale(value));
    return {
      x: round(plot.x + i * slot + (slot - width) / 2),
      y: round(plot.y + plot.height - height),
      width,
      height,
      label: row.label,
      value,
    };
  });
  return { bars, ticks, max, plot };
}

/**
 * Title and description for the chart's `<title>` and `<desc>` (the SVG has
 * `role="img"`), so a screen reader hears every value, not just "chart".
 */
export function describeChart(rows: readonly ChartRow[], title = 'Bar chart'): { title: string; desc: string } {
  if (rows.length === 0) return { title, desc: 'No data for this period.' };
  const parts = rows.map((r) => `${r.label}: ${clean(r.value).toLocaleString('en-GB')}`);
  const top = rows.reduce((best, r) => (clean(r.value) > clean(best.value) ? r : best));
  const count = `${rows.length} ${rows.length === 1 ? 'bar' : 'bars'}`;
  const highest = clean(top.value) > 0 ? ` Highest: ${top.label} (${clean(top.value).toLocaleString('en-GB')}).` : '';
  return { title, desc: `${title}, ${count}. ${parts.join('; ')}.${highest}` };
}
