// Directory index and importer benchmarks. Synthetic directories are generated
// deterministically (seeded PRNG). Measures; never asserts.
import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { percentile, type BenchRow, prng } from './types';
import { buildIndex } from '../src/directory/search/index';
import { parseDirectory, parseDirectoryChunked } from '../src/directory/import/index';
import { parseDirectoryPackage, type PackageFile } from '../src/directory/import/package/index';
import { readPackageTables } from '../src/directory/import/package/read-tables';
import { PackageJoin } from '../src/directory/import/package/join';
import { hsdsDraft } from '../src/directory/import/hsds';
import { finishDraft } from '../src/directory/import/common';
import { defaultNeedMapping } from '../src/directory/need-mapping';
import { openingStatus } from '../src/directory/hours/opening-status';
import { strToU8, zipSync } from 'fflate';
import { distanceKm } from '../src/directory/geo';
import { expandQuery } from '../src/directory/search/synonyms';
import type { Resource } from '../src/directory/resource';
import { NEED_IDS } from '../src/prompts/needs';

// Service words (what people search for) are mixed into a large pseudo-word vocabulary, so
// each service word appears in a few percent of services, as in a real directory.
const WORDS = ['community', 'pantry', 'advice', 'befriending', 'carers', 'recovery', 'walking', 'housing', 'money', 'energy', 'digital', 'family', 'transport', 'support', 'group', 'club', 'centre', 'project', 'wellbeing', 'counselling', 'jobs', 'learning', 'food', 'meals', 'debt', 'benefits', 'tenancy', 'repairs', 'youth', 'peer', 'bank', 'larder', 'cafe', 'lunch', 'garden', 'allotment', 'shed', 'choir', 'football', 'swimming', 'yoga', 'dementia', 'stroke', 'diabetes', 'pain', 'grief', 'anxiety', 'parents', 'toddlers', 'nursery', 'bus', 'drivers', 'tablet', 'wifi', 'laptop', 'advocacy', 'tribunal', 'immigration', 'abuse', 'safety'];
const CATS = ['Money Advice', 'Foodbank', 'Housing Advice', 'Energy Advice', 'Employability', 'Befriending', 'Counselling', 'Physical Activity', 'Respite', 'Alcohol Addiction', 'Adult Protection', 'Independent Advocacy', 'Digital Literacy', 'Community Transport', 'Parent & Family Support', 'Self Management'];
// Words with no synonym row, so only the text index finds them (no need to narrow by).
const TYPED_ONLY = ['allotment', 'choir', 'football', 'yoga', 'garden', 'cafe', 'shed', 'tenancy', 'befreinding', 'pantr'];
const QUERY_TEXT = ['food bank', 'skint', 'befriending', 'walking group', 'debt advice', 'carers', 'cant pay the gas', 'counselling', 'recovery cafe', 'digital'];

function vocabulary(size: number, rand: () => number): string[] {
  const syl = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'so', 'ti', 'vu', 'gre', 'sha', 'tho', 'bri', 'cla', 'dru', 'fen'];
  return Array.from({ length: size }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syl[Math.floor(rand() * syl.length)]).join(''));
}

export function synthetic(n: number, seed: number): Resource[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const vocab = vocabulary(4000, rand);
  return Array.from({ length: n }, (_, i) => {
    const c1 = Math.floor(rand() * 16);
    const c2 = Math.floor(rand() * 16);
    const name = `${pick(vocab)} ${pick(WORDS)} ${pick(vocab)}`.replace(/^./, (c) => c.toUpperCase());
    const month = 1 + Math.floor(rand() * 12);
    const words = Array.from({ length: 26 }, (_, k) => (k % 13 === 5 ? pick(WORDS) : pick(vocab)));
    return {
      id: `syn:${i}`,
      source: 'syn',
      sourceId: String(i),
      name,
      organisation: `${pick(vocab)} trust`,
      description: words.join(' '),
      needs: [...new Set([NEED_IDS[c1] as string, NEED_IDS[c2] as string])],
      categories: [CATS[c1] as string, CATS[c2] as string],
      locations: [{ postcode: 'G31 1AA', lat: 55.6 + rand() * 0.6, lon: -4.6 + rand() * 1.6 }],
      access: ['unknown'],
      // Most services open some weekdays; a few monthly; a few give no hours (#16 "open today").
      ...(i % 10 === 9 ? {} : { hours: i % 10 === 8 ? [{ nth: [[1 + (i % 4), i % 7]] as [number, number][], opens: 600, closes: 720 }] : [{ days: 1 + Math.floor(rand() * 127), opens: 540, closes: 960 }] }),
      updated: `${rand() < 0.1 ? 2023 : 2026}-${String(month).padStart(2, '0')}-01`,
    } satisfies Resource;
  });
}

function hsdsJson(resources: Resource[]): string {
  return JSON.stringify({
    total_items: resources.length,
    page_number: 1,
    total_pages: 1,
    contents: resources.map((r) => ({
      id: r.sourceId,
      name: r.name,
      description: `<p>${r.description}</p>`,
      url: 'https://example.org/service',
      email: 'hello@example.org',
      status: 'active',
      last_modified: `${r.updated}T10:00:00Z`,
      organization: { id: 'o1', name: r.organisation },
      phones: [{ number: '0141 496 0000' }],
      attributes: r.categories.map((c) => ({ taxonomy_term: { name: c } })),
      service_at_locations: [{ location: { name: 'Hall', latitude: r.locations[0]?.lat, longitude: r.locations[0]?.lon, addresses: [{ address_1: '1 Main St', city: 'Glasgow', postal_code: 'G31 1AA' }] } }],
    })),
  });
}

const csvLine = (cells: (string | number)[]): string => cells.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',');
const csvTable = (header: string[], rows: (string | number)[][]): string => [header.join(','), ...rows.map(csvLine)].join('\n');

/** A tabular HSDS 3.0 package of the resources: services, organisations, locations, addresses, phones, schedules, languages, taxonomy. */
export function hsdsPackage(resources: Resource[]): PackageFile[] {
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const cats = [...new Set(resources.flatMap((r) => r.categories))];
  const table = (name: string, header: string[], rows: (string | number)[][]): PackageFile => ({ name: `pkg/${name}`, text: csvTable(header, rows) });
  return [
    table('services.csv', ['id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'last_modified', 'assured_date'], resources.map((r, i) => [r.sourceId, `o${i % 2000}`, r.name, r.description, 'https://example.org/service', 'hello@example.org', i % 50 === 0 ? 'temporarily closed' : 'active', `${r.updated}T10:00:00Z`, r.updated ?? ''])),
    table('organizations.csv', ['id', 'name', 'website'], Array.from({ length: 2000 }, (_, i) => [`o${i}`, `Organisation ${i}`, 'https://example.org/'])),
    table('locations.csv', ['id', 'location_type', 'name', 'latitude', 'longitude'], resources.map((r) => [`l${r.sourceId}`, 'physical', 'Hall', r.locations[0]?.lat ?? '', r.locations[0]?.lon ?? ''])),
    table('service_at_location.csv', ['id', 'service_id', 'location_id'], resources.map((r) => [`x${r.sourceId}`, r.sourceId, `l${r.sourceId}`])),
    table('addresses.csv', ['id', 'location_id', 'address_1', 'city', 'postal_code'], resources.map((r) => [`a${r.sourceId}`, `l${r.sourceId}`, '1 Main St', 'Glasgow', 'G31 1AA'])),
    table('phones.csv', ['id', 'service_id', 'number'], resources.map((r) => [`p${r.sourceId}`, r.sourceId, '0141 496 0000'])),
    table('schedules.csv', ['id', 'service_id', 'freq', 'byday', 'opens_at', 'closes_at'], resources.flatMap((r, i) => [[`h${r.sourceId}`, r.sourceId, 'WEEKLY', days.filter((_, d) => (i >> d) & 1).join(',') || 'MO', '09:00', '16:00'], ...(i % 4 === 0 ? [[`m${r.sourceId}`, r.sourceId, 'MONTHLY', '1SA', '10:00', '12:00']] : [])])),
    table('languages.csv', ['id', 'service_id', 'name', 'code'], resources.filter((_, i) => i % 3 === 0).map((r) => [`g${r.sourceId}`, r.sourceId, 'Polish', 'pl'])),
    table('accessibility.csv', ['id', 'location_id', 'description'], resources.filter((_, i) => i % 5 === 0).map((r) => [`c${r.sourceId}`, `l${r.sourceId}`, 'Wheelchair accessible; hearing loop.'])),
    table('taxonomy_terms.csv', ['id', 'name'], cats.map((c, k) => [`t${k}`, c])),
    table('attributes.csv', ['id', 'link_id', 'taxonomy_term_id', 'link_entity'], resources.flatMap((r) => r.categories.map((c, k) => [`at${r.sourceId}-${k}`, r.sourceId, `t${cats.indexOf(c)}`, 'service']))),
  ];
}

interface Q {
  needs: string[];
  text: string;
  near: { lat: number; lon: number };
}

function queries(count: number, seed: number): Q[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    needs: [NEED_IDS[Math.floor(rand() * 16)] as string],
    text: QUERY_TEXT[i % QUERY_TEXT.length] as string,
    near: { lat: 55.7 + rand() * 0.4, lon: -4.4 + rand() * 1.2 },
  }));
}

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

async function naiveDexie(resources: Resource[], qs: Q[]): Promise<number[]> {
  const db = new Dexie(`bench-directory-${resources.length}`);
  db.version(1).stores({ resources: 'id' });
  const table = (db as Dexie & { resources: Table<Resource, string> }).resources;
  await table.clear();
  await table.bulkPut(resources);
  const samples: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    const words = expandQuery(q.text).terms;
    const rows = await table
      .filter((r) => r.needs.some((n) => q.needs.includes(n)) || words.some((w) => `${r.name} ${r.description}`.toLowerCase().includes(w)))
      .toArray();
    rows
      .map((r) => ({ r, d: r.locations[0]?.lat !== undefined ? distanceKm(q.near, { lat: r.locations[0].lat, lon: r.locations[0].lon ?? 0 }) : 999 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 20);
    samples.push(performance.now() - t);
  }
  db.close();
  await Dexie.delete(db.name);
  return samples;
}

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const suite = 'directory';
  for (const n of [1_000, 10_000, 100_000]) {
    const data = synthetic(n, n);
    const cold = time(() => buildIndex(data));
    rows.push({ suite, name: `cold build (no text index) ${n / 1000}k`, value: cold, unit: 'ms', ...(n === 100_000 ? { target: '< 300 ms', ok: cold < 300 } : {}) });
    const index = buildIndex(data);
    const qs = queries(300, 7);
    const firstText = time(() => index.search({ text: 'food bank', limit: 20 }));
    rows.push({ suite, name: `first text query incl. text index build ${n / 1000}k`, value: firstText, unit: 'ms', ...(n === 100_000 ? { target: '< 2000 ms', ok: firstText < 2000 } : {}) });
    for (const q of qs.slice(0, 30)) index.search({ ...q, limit: 20 });
    const samples = qs.map((q) => time(() => index.search({ ...q, limit: 20 })));
    const p95 = percentile(samples, 95);
    rows.push({ suite, name: `query p95 need+text+distance top20 ${n / 1000}k`, value: p95, unit: 'ms', ...(n === 100_000 ? { target: '< 5 ms', ok: p95 < 5 } : {}) });
    const textNear = percentile(qs.map((q) => time(() => index.search({ text: q.text, near: q.near, limit: 20 }))), 95);
    rows.push({ suite, name: `query p95 text+distance (no needs) top20 ${n / 1000}k`, value: textNear, unit: 'ms', ...(n === 100_000 ? { target: '< 5 ms', ok: textNear < 5 } : {}) });
    // What the popup sends while someone types: every prefix of each query, plus words with no synonym.
    const typing = qs.flatMap((q, i) => {
      const t = i % 3 === 2 ? (TYPED_ONLY[i % TYPED_ONLY.length] as string) : q.text;
      return i % 10 === 0 ? Array.from({ length: t.length }, (_, k) => ({ text: t.slice(0, k + 1), near: q.near })) : [{ text: t, near: q.near }];
    });
    const typingP95 = percentile(typing.map((q) => time(() => index.search({ ...q, limit: 20 }))), 95);
    rows.push({ suite, name: `query p95 as-you-type text+distance top20 ${n / 1000}k`, value: typingP95, unit: 'ms', ...(n === 100_000 ? { target: '< 5 ms', ok: typingP95 < 5 } : {}) });
    const needOnly = percentile(qs.map((q) => time(() => index.search({ needs: q.needs, near: q.near, limit: 20 }))), 95);
    rows.push({ suite, name: `query p95 need+distance (no text) top20 ${n / 1000}k`, value: needOnly, unit: 'ms' });
    const today = new Date('2026-03-03T10:00:00Z');
    const firstOpen = time(() => index.search({ needs: qs[0]?.needs, near: qs[0]?.near, openToday: true, now: today, limit: 20 }));
    rows.push({ suite, name: `first "open today" query (works out the day) ${n / 1000}k`, value: firstOpen, unit: 'ms' });
    const openP95 = percentile(qs.map((q) => time(() => index.search({ needs: q.needs, text: q.text, near: q.near, openToday: true, now: today, limit: 20 }))), 95);
    rows.push({ suite, name: `query p95 need+text+distance+open today top20 ${n / 1000}k`, value: openP95, unit: 'ms', ...(n === 100_000 ? { target: '< 5 ms', ok: openP95 < 5 } : {}) });
    const eager = time(() => buildIndex(data, { eagerText: true }));
    rows.push({ suite, name: `cold build incl. text index ${n / 1000}k`, value: eager, unit: 'ms' });
    // warm() as the background runs it after start-up: total time and the longest stretch without yielding.
    const warming = buildIndex(data);
    let last = performance.now();
    let longest = 0;
    const w0 = performance.now();
    await warming.warm(async () => {
      longest = Math.max(longest, performance.now() - last);
      await new Promise((r) => setTimeout(r, 0));
      last = performance.now();
    });
    longest = Math.max(longest, performance.now() - last);
    rows.push({ suite, name: `warm() text index total ${n / 1000}k`, value: performance.now() - w0, unit: 'ms' });
    rows.push({ suite, name: `warm() longest block between yields ${n / 1000}k`, value: longest, unit: 'ms' });
    if (n <= 10_000 || process.env.BENCH_NAIVE_100K) {
      const naive = await naiveDexie(data, qs.slice(0, n >= 10_000 ? 10 : 30));
      const naiveP95 = percentile(naive, 95);
      rows.push({ suite, name: `naive Dexie filter() p95 ${n / 1000}k`, value: naiveP95, unit: 'ms' });
      rows.push({ suite, name: `naive/indexed p95 ratio ${n / 1000}k`, value: naiveP95 / p95, unit: 'x' });
    }
  }

  // #16: a 20k-service tabular package, as loose files and zipped; "open now" on 20 cards.
  const pkgResources = synthetic(20_000, 98);
  const pkg = hsdsPackage(pkgResources);
  parseDirectoryPackage(hsdsPackage(pkgResources.slice(0, 500)));
  const pkgMs = time(() => parseDirectoryPackage(pkg));
  const pkgRate = 20_000 / (pkgMs / 1000);
  rows.push({ suite, name: `HSDS tabular package parse + join (20k services, ${(pkg.reduce((n, f) => n + (f.text?.length ?? 0), 0) / 1e6).toFixed(0)} MB of CSV)`, value: pkgRate, unit: 'items/s', target: '>= 20000 items/s', ok: pkgRate >= 20_000 });
  // Where the time goes, stage by stage (the same work as the row above, timed apart): CSV parse, join, mapping.
  let read: ReturnType<typeof readPackageTables> | undefined;
  const readMs = time(() => {
    read = readPackageTables(pkg);
  });
  if (read?.ok) {
    const join = new PackageJoin(read.tables);
    const joined: Record<string, unknown>[] = [];
    const joinMs = time(() => {
      for (let i = 0; i < 20_000; i++) joined.push(join.compile(i).record);
    });
    const mapping = defaultNeedMapping();
    const mapMs = time(() => joined.forEach((record) => {
      const draft = hsdsDraft(record);
      if (typeof draft !== 'string') finishDraft(draft, 'hsds', mapping);
    }));
    rows.push({ suite, name: 'HSDS tabular package, CSV parse only (20k services)', value: 20_000 / (readMs / 1000), unit: 'items/s' });
    rows.push({ suite, name: 'HSDS tabular package, parse + join, no mapping (20k services)', value: 20_000 / ((readMs + joinMs) / 1000), unit: 'items/s' });
    rows.push({ suite, name: 'HSDS tabular package, mapping joined records to cards only (20k services)', value: 20_000 / (mapMs / 1000), unit: 'items/s' });
  }
  const zipped: PackageFile = { name: 'pkg.zip', bytes: zipSync(Object.fromEntries(pkg.map((f) => [f.name, strToU8(f.text ?? '')]))) };
  const zipMs = time(() => parseDirectoryPackage([zipped]));
  rows.push({ suite, name: 'HSDS tabular package from a .zip: unzip + parse + join (20k services)', value: 20_000 / (zipMs / 1000), unit: 'items/s' });

  const cards = pkgResources.slice(0, 20);
  const cardNow = new Date('2026-03-03T10:15:00Z');
  const cold = time(() => cards.forEach((c) => openingStatus(c, cardNow)));
  rows.push({ suite, name: '"open now" on 20 cards, first render', value: cold, unit: 'ms', target: '< 2 ms', ok: cold < 2 });
  const renders = Array.from({ length: 200 }, (_, k) => time(() => cards.forEach((c) => openingStatus(c, new Date(cardNow.getTime() + k * 60_000)))));
  const cardsP95 = percentile(renders, 95);
  rows.push({ suite, name: '"open now" on 20 cards, p95 of later renders', value: cardsP95, unit: 'ms', target: '< 2 ms', ok: cardsP95 < 2 });

  const hsds = hsdsJson(synthetic(20_000, 99));
  parseDirectory(hsds.slice(0, 200_000));
  const parseMs = time(() => parseDirectory(hsds, 'hsds'));
  const rate = 20_000 / (parseMs / 1000);
  rows.push({ suite, name: 'HSDS parse + validate (20k services)', value: rate, unit: 'items/s', target: '>= 20000 items/s', ok: rate >= 20_000 });

  // ~50 MB input through the chunked parser: total time and the longest stretch without yielding.
  const big = hsdsJson(synthetic(55_000, 5));
  let last = performance.now();
  let longest = 0;
  const t0 = performance.now();
  await parseDirectoryChunked(big, 'hsds', {
    chunkSize: 2000,
    yieldFn: async () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      await new Promise((r) => setTimeout(r, 0));
      last = performance.now();
    },
  });
  longest = Math.max(longest, performance.now() - last);
  rows.push({ suite, name: `chunked parse ${(big.length / 1e6).toFixed(0)} MB total`, value: performance.now() - t0, unit: 'ms' });
  rows.push({ suite, name: 'chunked parse longest block between yields', value: longest, unit: 'ms' });
  return rows;
}
