// Rebuilds src/prompts/data/simd-2020v2-deciles.json, the SIMD 2020v2 decile of
// every 2011 data zone, from a CSV of the published overall ranks (#14). Run by
// hand when the source changes, never at run time:
//
//   npx tsx scripts/build-simd-deciles.ts <ranks.csv>
//
// The CSV needs a data zone column (Data_Zone, DZ, dz_code or DataZone) and the
// overall rank (SIMD2020v2_Rank or IMD_rank). Sources that have it, both under
// the Open Government Licence v3.0 (see src/prompts/data/README.md):
// - the Scottish Government's "SIMD 2020v2 ranks" sheet (gov.scot, saved as CSV);
// - github.com/humaniverse/IMD, data-raw/imd_scotland_dz.csv at commit
//   b432a88da5976e96ba64484589815a2f34638242 (the same ranks, used for the shipped file).
// Deciles follow the Scottish Government's definition: data zones ranked 1 (most
// deprived) to 6,976 fall in ten equal bands, decile = ceil(rank * 10 / 6976).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';

const input = process.argv[2];
if (!input) throw new Error('usage: npx tsx scripts/build-simd-deciles.ts <ranks.csv>');
const text = readFileSync(input, 'utf8');
const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
const key = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');
const fields = Object.keys(rows[0] ?? {});
const dzCol = fields.find((f) => ['datazone', 'dz', 'dzcode', 'datazone2011', 'datazone2011code'].includes(key(f)));
const rankCol = fields.find((f) => ['simd2020v2rank', 'imdrank', 'rank'].includes(key(f)));
if (!dzCol || !rankCol) throw new Error(`need a data zone and a rank column; found ${fields.join(', ')}`);

const FIRST = 6506;
const COUNT = 6976;
const deciles: number[] = new Array<number>(COUNT).fill(0);
const seenRanks = new Set<number>();
for (const row of rows) {
  const dz = String(row[dzCol] ?? '').trim();
  const rank = Number(row[rankCol]);
  const m = /^S01(\d{6})$/.exec(dz);
  const i = m ? Number(m[1]) - FIRST : -1;
  if (i < 0 || i >= COUNT || !Number.isInteger(rank) || rank < 1 || rank > COUNT) throw new Error(`bad row: ${dz} ${String(row[rankCol])}`);
  if (deciles[i] !== 0 || seenRanks.has(rank)) throw new Error(`duplicate data zone or rank: ${dz} ${rank}`);
  seenRanks.add(rank);
  deciles[i] = Math.ceil((rank * 10) / COUNT);
}
if (seenRanks.size !== COUNT) throw new Error(`expected ${COUNT} data zones, found ${seenRanks.size}`);

const out = {
  _source: 'Scottish Index of Multiple Deprivation 2020v2, overall ranks of the 6,976 2011 data zones (Scottish Government), as republished in github.com/humaniverse/IMD data-raw/imd_scotland_dz.csv @ b432a88da5976e96ba64484589815a2f34638242',
  _licence: 'Open Government Licence v3.0: Contains public sector information licensed under the Open Government Licence v3.0. Source: Scottish Government, Scottish Index of Multiple Deprivation 2020v2.',
  _method: 'decile = ceil(rank * 10 / 6976); 1 = most deprived 10%. deciles[i] is the decile of data zone S01(006506 + i). Rebuild: npx tsx scripts/build-simd-deciles.ts <ranks.csv>',
  _inputSha256: createHash('sha256').update(text).digest('hex'),
  firstDataZone: `S01${String(FIRST).padStart(6, '0')}`,
  count: COUNT,
  deciles,
};
const target = resolve('src/prompts/data/simd-2020v2-deciles.json');
writeFileSync(target, `${JSON.stringify(out, null, 1).replace(/\[\n([\d,\n ]+)\n \]/, (_m, body: string) => `[${body.replace(/\s+/g, '')}]`)}\n`);
const counts = deciles.reduce<Record<number, number>>((acc, d) => ({ ...acc, [d]: (acc[d] ?? 0) + 1 }), {});
console.log(`wrote ${target}: ${COUNT} data zones, per decile ${JSON.stringify(counts)}`);
