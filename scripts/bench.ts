// Runs every bench/*.bench.ts (or those named on the command line), prints one
// table and writes bench-results/bench.json (a partial run: bench-results/bench-<suites>.json). Benchmarks measure; they never fail
// the build (targets are reported in the `ok` column and in the closing note).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from '../bench/types';

const dir = resolve('bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
  process.stderr.write(`bench: ${file}\n`);
  try {
    rows.push(...(await mod.default()));
  } catch (error) {
    process.stderr.write(`bench: ${file} failed: ${String(error)}\n`);
    rows.push({ suite: file, name: 'failed to run', value: Number.NaN, unit: 'ms', ok: false });
  }
}

const fmt = (n: number): string => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(3)) : 'n/a');
const table = rows.map((r) => ({
  suite: r.suite,
  name: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  target: r.target ?? '',
  ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
}));
const cols = ['suite', 'name', 'value', 'target', 'ok'] as const;
const widths = cols.map((c) => Math.max(c.length, ...table.map((t) => t[c].length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
console.log(line([...cols]));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const t of table) console.log(line(cols.map((c) => t[c])));

// A partial run (some suites named, or BROWSER_BENCH choosing a part) writes a file of its own, so the last full run's
// bench.json is never replaced by a few rows (thirty-fourth session: an interaction-only run overwrote the full table).
const partial = only.length > 0 || process.env.BROWSER_BENCH !== undefined;
const name = partial ? `bench-${[...only, process.env.BROWSER_BENCH ?? ''].filter(Boolean).join('-').replace(/[^\w-]/g, '_')}.json` : 'bench.json';
mkdirSync('bench-results', { recursive: true });
writeFileSync(join('bench-results', name), JSON.stringify({ date: new Date().toISOString(), node: process.version, only, browserBench: process.env.BROWSER_BENCH ?? null, rows }, null, 2));
console.log(`\nJSON written to bench-results/${name}`);
