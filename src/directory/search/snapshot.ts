/**
 * The directory index as stored data (issue #11): everything the search reads,
 * as typed arrays and a few long strings, so the worker can keep it in
 * IndexedDB and, after a wake, read it back in one row instead of reading and
 * re-indexing every service. Structured clone copies typed arrays as bytes,
 * so writing and reading it costs little beyond the bytes themselves.
 *
 * It is three parts, stored as three rows: what need and distance searches
 * read (IndexSnapshot), the text postings (TextSnapshot), so the sidebar's
 * cards after a wake do not wait for the larger text part, and the services'
 * ids (LabelSnapshot), which no search reads: a wake reads them only to look
 * a service up by id or to apply a curation edit. Real ids are UUIDs and
 * real names run to 30-40 characters; in the index part they were the
 * larger half of its bytes (#11). Names are not kept at all: a search breaks
 * ties by name, and the index part keeps each service's place in name order.
 *
 * A search over a snapshot returns positions; a position's page reference
 * (page key + offset) says where the service itself is stored, so only the
 * services shown are read back (src/services/directory/index-cache.ts).
 *
 * The practice's curation is not in the snapshot: the score bonus and the
 * hidden flag are worked out when it is loaded, from the facts kept here
 * (updated date, flags) and the curation rows, and changed in place on an edit.
 *
 * Pure: no browser API, no Dexie.
 */
import KDBush from 'kdbush';
import { lowerBound } from '../../lib/sorted';
import type { Curation, Resource } from '../resource';
import { staleCutoff } from '../freshness';
import { applyCuration, docIndex, type BonusFacts, type DocIndex, type SearchCore } from './index';
import { nameCollator } from './top-k';
import { bonusOf } from './search-columns';
import { OpenToday } from './open-today';
import type { Columns } from './search-columns';
import { defaultSynonyms, type Synonyms } from './synonyms';
import { TextIndex } from './text-index';
import { postingsData, postingsFromData } from './text-postings';

/**
 * Bump on any change to the layout below or to what the index computes from
 * a service (words, needs, columns): an older snapshot is then ignored and
 * the index is built from the stored services again.
 */
export const SNAPSHOT_VERSION = 10;

/** A stored page of services: its key in `resourcePages` and how many services it holds. */
export interface PageShape {
  key: [source: string, page: number];
  count: number;
}

const DEPRIORITISED = 1;
const TEMPORARILY_CLOSED = 2;

export interface IndexSnapshot {
  version: number;
  /** The directory generation it was built from (a token rewritten with every change to the stored services). */
  generation: string;
  /**
   * A token of this snapshot's own, in each of its parts: a part is used only with the index part it was written
   * with. The generation alone would pair parts of two snapshots of one directory, if one were ever rebuilt
   * without a new generation (after a page was found not to match).
   */
  build: string;
  /** Services in it (hidden ones too). */
  count: number;
  /**
   * A 32-bit hash of each id (`idHash`): the practice's curation finds its services by it, and a page read
   * back is checked against it, without the ids themselves (LabelSnapshot).
   */
  idHashes: Uint32Array;
  /** Each service's place in name order (`nameCollator`; equal names share a place): how a search breaks ties. */
  nameOrder: Narrow;
  /** JSON of the distinct updated dates ('' for none); updatedOf[i] is service i's. */
  updatedValues: string;
  updatedOf: Narrow;
  /** Bit 0: deprioritised; bit 1: temporarily closed. */
  flags: Uint8Array;
  /** JSON of the page keys, [source, page][]. */
  pageKeys: string;
  /** Services in each page, in pageKeys order: the services are the pages' contents in that order. */
  pageCounts: Uint32Array;
  needMask: Narrow;
  /** Each service's number of points (its locations with coordinates), in service order; their coordinates are in geo, point by point. */
  pointCounts: Narrow;
  /** KDBush's own buffer (KDBush.from reads it back). */
  geo: ArrayBuffer;
  /** Need lists: positions needList[needStart[b]] .. needList[needStart[b + 1] - 1] for need bit b (stored: working them out from needMask on a wake took longer than reading them). */
  needStart: Uint32Array;
  needList: Uint32Array;
  /** Open-today weekday byte per service, and JSON [position, hours][] of those the byte cannot say. */
  week: Uint8Array;
  complexHours: string;
}

/** The text postings of the same index (text-postings.ts), stored in a row of their own. */
export interface TextSnapshot {
  version: number;
  generation: string;
  /** The index part's `build`. */
  build: string;
  count: number;
  /** Words in code-unit order, space-separated (words are [a-z0-9] only); word k's list is the k-th. */
  words: string;
  /** Where word k ends in `words` (stored so that a wake never splits the words: SortedWords in text-vocab.ts). */
  wordEnds: Uint32Array;
  /** Word k's packed list is data[offsets[k]] .. data[offsets[k + 1] - 1] (text-postings.ts PackedLists). */
  offsets: Uint32Array;
  data: Uint8Array;
}

/** The services' ids, in a row of their own: no search reads them (see the top of this file). */
export interface LabelSnapshot {
  version: number;
  generation: string;
  /** The index part's `build`. */
  build: string;
  count: number;
  /** Ids joined without the start all of them share (the source in every id of a one-source directory), with the length of each rest. */
  idPrefix: string;
  ids: string;
  idLengths: Narrow;
}

/**
 * Where the practice's curated services are in the snapshot of `generation`
 * (each curated id with its positions; [] when the directory does not hold
 * it), stored beside the snapshot and kept up to date on each curation edit,
 * so that a wake applies the curation without reading the ids.
 */
export interface CuratedPositions {
  generation: string;
  /** The index part's `build`: positions are used only with the snapshot they were found in. */
  build: string;
  at: [id: string, positions: number[]][];
}

/** FNV-1a over an id's UTF-16 code units. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Whole numbers in the narrowest array type that holds them. */
type Narrow = Uint8Array | Uint16Array | Uint32Array;

function narrow(values: Uint32Array): Narrow {
  const max = values.reduce((a, v) => Math.max(a, v), 0);
  return max < 256 ? Uint8Array.from(values) : max < 65536 ? Uint16Array.from(values) : values.slice();
}

/** Strings joined without the start they all share, with the length of each rest. */
function pack(count: number, of: (i: number) => string): { prefix: string; text: string; lengths: Narrow } {
  let prefix = count > 0 ? of(0) : '';
  for (let i = 1; i < count && prefix !== ''; i++) {
    const s = of(i);
    let k = 0;
    while (k < prefix.length && k < s.length && prefix.charCodeAt(k) === s.charCodeAt(k)) k++;
    // Never part of a surrogate pair.
    if (k > 0 && k < prefix.length && (prefix.charCodeAt(k - 1) & 0xfc00) === 0xd800) k--;
    prefix = prefix.slice(0, k);
  }
  const parts: string[] = new Array<string>(count);
  const lengths = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const s = of(i).slice(prefix.length);
    parts[i] = s;
    lengths[i] = s.length;
  }
  return { prefix, text: parts.join(''), lengths: narrow(lengths) };
}

/** Positions whose id hash is one of the `ids`' hashes (a superset of where they are: compare the ids to be sure). */
function hashedLike(hashes: Uint32Array, ids: Iterable<string>): number[] {
  const wanted = new Set<number>();
  // The low 16 bits of each wanted hash, marked in a table: the loop reads a byte, not a Set, for every service.
  const low = new Uint8Array(65536);
  for (const key of ids) {
    const h = idHash(key);
    wanted.add(h);
    low[h & 0xffff] = 1;
  }
  const at: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    if (low[h & 0xffff] === 1 && wanted.has(h)) at.push(i);
  }
  return at;
}

/** The string at i of strings packed by pack() (made when asked). */
function sliceOf(prefix: string, text: string, lengths: Narrow): (i: number) => string {
  const ends = new Uint32Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; i++) ends[i] = at += lengths[i] as number;
  return (i) => prefix + text.slice(i === 0 ? 0 : (ends[i - 1] as number), ends[i] as number);
}

/** The columns the snapshot leaves out, worked out again (a pass over the services and points; a few ms at 100k), and the tree read back. */
function derivedColumns(s: IndexSnapshot): Omit<Columns, 'needMask' | 'bonus'> {
  const n = s.count;
  const counts = s.pointCounts;
  const geo = KDBush.from(s.geo);
  const pointStart = new Uint32Array(n + 1);
  const hasLocation = new Uint8Array(n);
  const noLocation: number[] = [];
  // One loop (a wake runs it before the code is compiled): each service's points, and the service of each
  // point (points are numbered service by service). The tree holds every point (or one placeholder).
  const service = new Uint32Array(geo.numItems);
  let points = 0;
  for (let i = 0; i < n; i++) {
    const own = counts[i] as number;
    if (own > 0) hasLocation[i] = 1;
    else noLocation.push(i);
    for (let c = own; c > 0; c--) service[points++] = i;
    pointStart[i + 1] = points;
  }
  const pointDoc = service.subarray(0, points);
  const needDocs: Uint32Array[] = [];
  for (let b = 0; b + 1 < s.needStart.length; b++) needDocs.push(s.needList.subarray(s.needStart[b], s.needStart[b + 1]));
  // Each point's coordinates, from the tree (which keeps them in its own order, with each point's number).
  const pointLon = new Float32Array(points);
  const pointLat = new Float32Array(points);
  const { ids, coords } = geo;
  for (let k = 0; k < ids.length; k++) {
    const p = ids[k] as number;
    if (p >= points) continue; // The placeholder point of a tree with none.
    pointLon[p] = coords[2 * k] as number;
    pointLat[p] = coords[2 * k + 1] as number;
  }
  return { hasLocation, pointStart, pointLon, pointLat, pointDoc, needDocs, noLocation, geo };
}

/** An own copy of a typed array (a view would store its whole buffer). */
const own = <T extends Uint8Array | Uint32Array | Float32Array | Float64Array>(a: T): T => a.slice() as T;

/**
 * The snapshot of an index built over every stored service (hidden ones
 * too: build it with buildIndex(services) and any curation; the curation is
 * not kept). `pages` are the stored pages the services were read from, in
 * the same order. Builds the text index if it is not yet built.
 */
export function snapshotOf(
  core: SearchCore,
  pages: readonly PageShape[],
  generation: string,
  build: string = crypto.randomUUID(),
): { index: IndexSnapshot; text: TextSnapshot; labels: LabelSnapshot } {
  const { n, columns } = core;
  const total = pages.reduce((a, p) => a + p.count, 0);
  if (total !== n) throw new Error(`snapshotOf: the pages hold ${total} services, the index ${n}`);
  if (!core.name) throw new Error('snapshotOf: the index was not built from the services (it has no names)');
  const ids = pack(n, core.id);
  const updatedValues = new Map<string, number>([['', 0]]);
  const updatedOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const u = core.facts(i).updated ?? '';
    let k = updatedValues.get(u);
    if (k === undefined) updatedValues.set(u, (k = updatedValues.size));
    updatedOf[i] = k;
  }
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = core.facts(i);
    flags[i] = (f.deprioritised ? DEPRIORITISED : 0) | (f.temporarilyClosed ? TEMPORARILY_CLOSED : 0);
  }
  const text = postingsData(core.text.postings());
  const needStart = new Uint32Array(columns.needDocs.length + 1);
  columns.needDocs.forEach((list, b) => (needStart[b + 1] = (needStart[b] as number) + list.length));
  const needList = new Uint32Array(needStart[columns.needDocs.length] as number);
  columns.needDocs.forEach((list, b) => needList.set(list, needStart[b] as number));
  const { week, complex } = core.open.weekData();
  const index: IndexSnapshot = {
    version: SNAPSHOT_VERSION,
    generation,
    build,
    count: n,
    idHashes: Uint32Array.from({ length: n }, (_, i) => idHash(core.id(i))),
    nameOrder: nameOrderOf(n, core.name),
    updatedValues: JSON.stringify([...updatedValues.keys()]),
    updatedOf: narrow(updatedOf),
    flags,
    pageKeys: JSON.stringify(pages.map((p) => p.key)),
    pageCounts: Uint32Array.from(pages, (p) => p.count),
    needMask: narrow(Uint32Array.from(columns.needMask)),
    pointCounts: narrow(Uint32Array.from({ length: n }, (_, i) => (columns.pointStart[i + 1] as number) - (columns.pointStart[i] as number))),
    geo: columns.geo.data.slice(0) as ArrayBuffer,
    needStart,
    needList,
    week: own(week),
    complexHours: JSON.stringify([...complex]),
  };
  return {
    index,
    text: {
      version: SNAPSHOT_VERSION,
      generation,
      build,
      count: n,
      words: text.words,
      wordEnds: text.wordEnds,
      offsets: text.offsets,
      data: text.data,
    },
    labels: { version: SNAPSHOT_VERSION, generation, build, count: n, idPrefix: ids.prefix, ids: ids.text, idLengths: ids.lengths },
  };
}

/**
 * Each service's place in name order, equal names sharing one, so that comparing places is comparing names
 * with `nameCollator` (what TopK does for an index built from the services). Sorting 100k names this way
 * takes about 0.3 s: it is done when the snapshot is written (in the background), never on a wake.
 */
function nameOrderOf(n: number, name: (i: number) => string): Narrow {
  const names = Array.from({ length: n }, (_, i) => name(i));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => nameCollator.compare(names[a] as string, names[b] as string));
  const place = new Uint32Array(n);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (k > 0 && nameCollator.compare(names[order[k - 1] as number] as string, names[i] as string) !== 0) at++;
    place[i] = at;
  }
  return narrow(place);
}

/** Why a stored snapshot cannot be used, or undefined when it can. */
export function snapshotProblem(s: unknown, generation: string): string | undefined {
  if (typeof s !== 'object' || s === null) return 'none stored';
  const snap = s as Partial<IndexSnapshot>;
  if (snap.version !== SNAPSHOT_VERSION) return `format ${String(snap.version)}, expected ${SNAPSHOT_VERSION}`;
  if (snap.generation !== generation) return 'built from an older directory';
  if (typeof snap.build !== 'string') return 'columns do not match its count';
  const n = snap.count ?? -1;
  const sized = [snap.idHashes, snap.nameOrder, snap.updatedOf, snap.flags, snap.needMask, snap.pointCounts, snap.week];
  const paged = snap.pageCounts?.reduce((a, c) => a + c, 0);
  if (n < 0 || sized.some((a) => a?.length !== n) || paged !== n || !pointsMatch(snap)) return 'columns do not match its count';
  return undefined;
}

/** Whether the points counted per service are the points in the tree (a plain loop: it runs on every wake, before the code is compiled). */
function pointsMatch(snap: Partial<IndexSnapshot>): boolean {
  const counts = snap.pointCounts;
  if (!counts || !(snap.geo instanceof ArrayBuffer)) return false;
  let points = 0;
  for (let i = 0; i < counts.length; i++) points += counts[i] as number;
  let inTree: number;
  try {
    inTree = KDBush.from(snap.geo).numItems;
  } catch {
    return false;
  }
  // A tree with no points holds one placeholder.
  return points === 0 ? inTree === 1 : inTree === points;
}

/** Whether each value is above the one before (a plain loop: it runs on a wake, before the code is compiled). */
function ascending(values: Uint32Array): boolean {
  for (let k = 1; k < values.length; k++) if ((values[k] as number) <= (values[k - 1] as number)) return false;
  return true;
}

/** What the text and ids parts are checked for alike: stored at all, in this format, of this directory and of this very snapshot. */
function partProblem(p: unknown, generation: string, build: string): string | undefined {
  if (typeof p !== 'object' || p === null) return 'none stored';
  const part = p as { version?: unknown; generation?: unknown; build?: unknown };
  if (part.version !== SNAPSHOT_VERSION) return `format ${String(part.version)}, expected ${SNAPSHOT_VERSION}`;
  if (part.generation !== generation) return 'built from an older directory';
  if (part.build !== build) return 'written with another index part';
  return undefined;
}

/** Why a stored text part cannot be used with an index part of `generation`, `count` and `build`, or undefined when it can. */
export function textSnapshotProblem(t: unknown, generation: string, count: number, build: string): string | undefined {
  const shared = partProblem(t, generation, build);
  if (shared) return shared;
  const text = t as Partial<TextSnapshot>;
  // The word ends are checked at their count and last end: a search reads them by binary search and cuts words with slice(), which cannot fail.
  const ends = text.wordEnds;
  const words = typeof text.words === 'string' && ends instanceof Uint32Array ? ends.length : -1;
  if (words < 0 || (words === 0 ? text.words !== '' : ends?.[words - 1] !== (text.words as string).length) || !ascending(ends as Uint32Array)) return 'words do not match';
  if (text.count !== count || text.offsets?.length !== words + 1 || text.offsets[words] !== text.data?.length) return 'lists do not match';
  return undefined;
}

/** Why a stored ids part cannot be used with an index part of `generation`, `count` and `build`, or undefined when it can. */
export function labelsProblem(l: unknown, generation: string, count: number, build: string): string | undefined {
  const shared = partProblem(l, generation, build);
  if (shared) return shared;
  const labels = l as Partial<LabelSnapshot>;
  if (labels.count !== count || labels.idLengths?.length !== count || typeof labels.ids !== 'string' || typeof labels.idPrefix !== 'string') return 'ids do not match';
  let total = 0;
  for (let i = 0; i < count; i++) total += labels.idLengths[i] as number;
  return total === labels.ids.length ? undefined : 'ids do not match';
}

/**
 * The stored positions of the curated services, as a map, when they can stand in for the ids on a wake:
 * found in this very snapshot (its generation and build), holding every curated id, and each position holding a service
 * whose id hashes like the curated id. Undefined otherwise (the ids part is then read and the curation
 * applied by id, as before).
 */
export function curatedAtFor(s: IndexSnapshot, curated: Iterable<string>, stored: CuratedPositions | undefined): Map<string, readonly number[]> | undefined {
  if (!stored || stored.generation !== s.generation || stored.build !== s.build || !Array.isArray(stored.at)) return undefined;
  // Only this code writes the row, but a damaged one must mean "read the ids", never a wake that throws.
  if (!stored.at.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1]))) return undefined;
  const at = new Map(stored.at);
  for (const id of curated) {
    const positions = at.get(id);
    if (!Array.isArray(positions)) return undefined;
    const h = idHash(id);
    for (const p of positions) if (!Number.isInteger(p) || p < 0 || p >= s.count || s.idHashes[p] !== h) return undefined;
  }
  return at;
}

export interface SnapshotIndex extends DocIndex {
  /** Services in the snapshot, hidden ones included. */
  readonly count: number;
  /** Whether text searches can run (the text part was given). */
  readonly hasText: boolean;
  /** Gives the text part (check textSnapshotProblem() first); it is decoded on the first text search. */
  provideText(text: TextSnapshot): void;
  /** Whether the ids are in (idOf, positionsOf and curate need them). */
  readonly hasLabels: boolean;
  /** Gives the ids part (check labelsProblem() first). */
  provideLabels(labels: LabelSnapshot): void;
  /** The hash of the id at a position (`idHash`), without the ids: a page read back is checked against it. */
  idHashOf(doc: number): number;
  /** Where each of a few ids is (as CuratedPositions keeps them), found by hash: needs the ids part. */
  positionsOfIds(ids: readonly string[]): [string, number[]][];
  /** Where the curation given at load found its services (undefined: none was given), to be stored for the next wake. */
  readonly curatedAt: ReadonlyMap<string, readonly number[]> | undefined;
  /** Where the service at a position is stored. */
  pageOf(doc: number): { key: [string, number]; offset: number };
  /** Page keys of all stored pages the snapshot was built from. */
  readonly pageKeys: readonly [string, number][];
}

export interface FromSnapshotOptions {
  now?: Date;
  synonyms?: Synonyms;
  /** The ids part (labelsProblem() checked), when read with the index part. */
  labels?: LabelSnapshot;
  /** The curated services' positions (from curatedAtFor()): the curation is then applied without the ids. */
  curatedAt?: ReadonlyMap<string, readonly number[]>;
}

/**
 * A search over a snapshot, with the practice's curation applied. Never
 * touches the services: hits are positions, and pageOf() says where each is
 * stored. Check snapshotProblem() first. A query with text needs the text
 * part: given here or later with provideText() (a text query without it throws).
 * A curation needs either the ids part or the curated services' positions.
 */
export function indexFromSnapshot(s: IndexSnapshot, curation: ReadonlyMap<string, Curation> | readonly Curation[], opts: FromSnapshotOptions & { text?: TextSnapshot } = {}): SnapshotIndex {
  const n = s.count;
  const curated = curation instanceof Map ? (curation as ReadonlyMap<string, Curation>) : new Map((curation as readonly Curation[]).map((c) => [c.resourceId, c]));
  const derived = derivedColumns(s);
  const needDocs = derived.needDocs;
  const columns: Columns = { ...derived, needMask: s.needMask, bonus: new Float32Array(n) };
  let textPart = opts.text;
  const text = TextIndex.fromPostings(n, () => {
    const t = textPart;
    if (!t) throw new Error('The text part of the index snapshot is not loaded.');
    textPart = undefined;
    return postingsFromData(t);
  });
  const complex = new Map<number, NonNullable<Resource['hours']>>(JSON.parse(s.complexHours) as [number, NonNullable<Resource['hours']>][]);
  let idOf = opts.labels ? sliceOf(opts.labels.idPrefix, opts.labels.ids, opts.labels.idLengths) : undefined;
  const id = (i: number): string => {
    if (!idOf) throw new Error('The ids part of the index snapshot is not loaded.');
    return idOf(i);
  };
  const order = s.nameOrder;
  const updatedValues = JSON.parse(s.updatedValues) as string[];
  const facts = (i: number): BonusFacts => {
    const f = s.flags[i] as number;
    const u = updatedValues[s.updatedOf[i] as number];
    return { ...(u ? { updated: u } : {}), ...(f & DEPRIORITISED ? { deprioritised: true } : {}), ...(f & TEMPORARILY_CLOSED ? { temporarilyClosed: true } : {}) };
  };
  const core: SearchCore = {
    n,
    columns,
    text,
    open: OpenToday.fromWeek(s.week, complex),
    nameBefore: (i, j) => (order[i] as number) < (order[j] as number),
    id,
    facts,
    synonyms: opts.synonyms ?? defaultSynonyms(),
    cutoff: staleCutoff(opts.now ?? new Date()),
    hidden: new Uint8Array(n),
    shown: n,
    hiddenPerNeed: new Uint32Array(needDocs.length),
    shownPoints: derived.pointDoc.length,
  };
  // Without curation a service's bonus depends only on its date and flags: worked out once per distinct
  // pair, kept in a table (NaN: not yet), and put in the column when a search first scores the service:
  // a wake does not loop over every service for it before the code is compiled (#11).
  const plain = new Float64Array(updatedValues.length * 4).fill(Number.NaN);
  const { bonus } = columns;
  bonus.fill(Number.NaN);
  core.plainBonus = (i) => {
    const key = (s.updatedOf[i] as number) * 4 + ((s.flags[i] as number) & 3);
    let b = plain[key];
    // (undefined: a date index past the stored dates, in a damaged row; its facts then have no date, as before.)
    if (b === undefined || Number.isNaN(b)) {
      b = bonusOf(facts(i), undefined, core.cutoff);
      if (key < plain.length) plain[key] = b;
    }
    return b;
  };
  /**
   * Where each of `keys` is: only services whose id hashes like one of them are looked at, and their ids compared
   * in full (cutting all 100k ids out of the joined string took ~15 ms on a wake: #11). Needs the ids part.
   */
  const findIds = (keys: readonly string[]): Map<string, number[]> => {
    const found = new Map(keys.map((key): [string, number[]] => [key, []]));
    for (const i of hashedLike(s.idHashes, keys)) found.get(id(i))?.push(i);
    return found;
  };
  if (curated.size && !opts.curatedAt && !idOf) throw new Error('The curation needs the ids part of the index snapshot or the curated services\' positions.');
  // Where the curated services are: stored beside the snapshot (curatedAtFor checked them, and no ids are read),
  // or found by their ids. Either way the curation is applied to those positions alone.
  const curatedAt = curated.size ? (opts.curatedAt ?? findIds([...curated.keys()])) : undefined;
  if (curatedAt) {
    const byPosition = new Map<number, Curation>();
    for (const [key, c] of curated) for (const p of curatedAt.get(key) ?? []) byPosition.set(p, c);
    applyCuration(core, (i) => byPosition.get(i), (i, c) => (c ? bonusOf(facts(i), c, core.cutoff) : Number.NaN), [...byPosition.keys()]);
  }
  const pageKeys = JSON.parse(s.pageKeys) as [string, number][];
  // pageStart[j]: the position of page j's first service.
  const pageStart = new Uint32Array(s.pageCounts.length + 1);
  s.pageCounts.forEach((c, j) => (pageStart[j + 1] = (pageStart[j] as number) + c));
  let textGiven = opts.text !== undefined;
  return Object.assign(docIndex(core), {
    get hasText() {
      return textGiven;
    },
    provideText(t: TextSnapshot) {
      if (textGiven) return;
      textPart = t;
      textGiven = true;
    },
    get hasLabels() {
      return idOf !== undefined;
    },
    provideLabels(l: LabelSnapshot) {
      idOf ??= sliceOf(l.idPrefix, l.ids, l.idLengths);
    },
    idHashOf: (doc: number) => s.idHashes[doc] as number,
    // By hash, then compared: positionsOf would cut every id out of the joined string.
    positionsOfIds: (ids: readonly string[]): [string, number[]][] => [...findIds(ids)],
    curatedAt,
    count: n,
    pageKeys,
    pageOf: (doc: number) => {
      // The first page that ends after `doc` (the last page for a position past the end, as before).
      const page = Math.max(0, Math.min(s.pageCounts.length - 1, lowerBound(s.pageCounts.length, (j) => (pageStart[j + 1] as number) <= doc)));
      return { key: pageKeys[page] as [string, number], offset: doc - (pageStart[page] as number) };
    },
  });
}
