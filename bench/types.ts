/** One measured figure. Every bench/*.bench.ts default-exports a function returning these. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'items/s' | 's' | 'x';
  /** Human-readable target, e.g. "< 5 ms". */
  target?: string;
  /** Whether the figure meets the target (omit when there is none). */
  ok?: boolean;
}

export type Bench = () => Promise<BenchRow[]>;

/** Percentile (0-100) of a list of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: number[]): number => percentile(samples, 50);

/** mulberry32: a small, fast, seeded PRNG so synthetic data is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
