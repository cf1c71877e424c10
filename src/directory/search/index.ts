/**
 * The directory index the sidebar queries: needs, words (with synonyms),
 * distance (kdbush + geokdbush), practice recommendation and freshness.
 * Pure: build it from plain Resource objects, query it synchronously.
 */
import { around, distance } from 'geokdbush';
import type { Curation, Resource } from '../resource';
import { staleCutoff } from '../freshness';
import { bonusOf, buildColumns, maskOf, popcount, WEIGHTS, type Columns } from './search-columns';
import { defaultSynonyms, expandQuery, queryWords, type Synonyms } from './synonyms';
import { TextIndex } from './text-index';
import { nameCollator, TopK } from './top-k';
import { OpenToday } from './open-today';
import { PRACTICE_TIME_ZONE } from '../hours/opening-status';
import { nextTask } from '../../lib/next-task';

export { WEIGHTS } from './search-columns';

export interface DirectoryQuery {
  needs?: string[];
  text?: string;
  near?: { lat: number; lon: number };
  /** Default 20. */
  limit?: number;
  /** Only services with a location within this many km (services without a location are then left out). */
  radiusKm?: number;
  /**
   * Only services whose opening hours say they open at some time today (#16).
   * Services without readable hours, and temporarily closed ones, are left out.
   */
  openToday?: boolean;
  /** "Today" for `openToday`; default the current time. */
  now?: Date;
  /** The practice's time zone for `openToday`; default Europe/London. */
  timeZone?: string;
}

export interface SearchHit {
  resource: Resource;
  distanceKm?: number;
  score: number;
}

export interface BuildOptions {
  curation?: Map<string, Curation> | Curation[];
  now?: Date;
  synonyms?: Synonyms;
  /** Build the text index now instead of on warm() or the first text query. */
  eagerText?: boolean;
}

/**
 * The search by position, whether built from the services or read back from a
 * snapshot (./snapshot.ts): what the worker's index cache holds.
 */
export interface DocIndex {
  /** Services shown (hidden ones excluded). */
  readonly size: number;
  /** The search; hits are positions, in ranking order. */
  searchDocs(query: DirectoryQuery): DocHit[];
  /** The id of the service at a position. */
  idOf(doc: number): string;
  /** Positions of a service by id (several when a directory repeats an id); hidden ones included. */
  positionsOf(id: string): readonly number[];
  /** Whether the practice hid the service at a position. */
  isHidden(doc: number): boolean;
  /**
   * Applies the practice's curation of one service (recommended, hidden,
   * verified on) in place: its score bonus and whether it is shown. No rebuild (issue #12).
   */
  curate(resourceId: string, curation: Curation | undefined): void;
  /** See DirectoryIndex.warm. */
  warm(yieldFn?: () => Promise<void>): Promise<void>;
}

export interface DirectoryIndex extends DocIndex {
  /** Services in the index (hidden ones excluded). */
  readonly size: number;
  search(query: DirectoryQuery): SearchHit[];
  get(id: string): Resource | undefined;
  /**
   * Builds the text index ahead of the first text query, ~4,000 services per
   * slice, awaiting `yieldFn` (default: the next task, src/lib/next-task.ts) between slices.
   * Resolves at once when it is already built. Never rejects.
   */
  warm(yieldFn?: () => Promise<void>): Promise<void>;
  /** What a snapshot is made of (./snapshot.ts). */
  readonly core: SearchCore;
}

/** A hit by position, before the service itself is looked up (the snapshot path reads it from storage). */
export interface DocHit {
  doc: number;
  distanceKm?: number;
  score: number;
}

/** A service's facts the practice's curation is combined with, for its score bonus. */
export type BonusFacts = Pick<Resource, 'updated' | 'deprioritised' | 'temporarilyClosed'>;

/**
 * What the search needs about the services, whether built from them or read
 * back from a snapshot. Every service is in it, hidden ones too: `hidden`
 * marks those the practice hid, and the search skips them exactly as if they
 * were not there (counts, text statistics), so hiding one is a flag, not a rebuild.
 */
export interface SearchCore {
  n: number;
  /**
   * `columns.bonus` already includes the practice's curation. NaN in it: not worked out yet;
   * `plainBonus` then gives it (a service with no curation), when the search first scores the service.
   */
  plainBonus?: (i: number) => number;
  columns: Columns;
  text: TextIndex;
  open: OpenToday;
  /** Tie-break: whether service i's name comes before service j's (services with equal scores come in name order). */
  nameBefore: (i: number, j: number) => boolean;
  /** Names, when the core was built from the services (a snapshot keeps only their order: `nameBefore`). */
  name?: (i: number) => string;
  /** A snapshot's core reads ids from a part of its own, read when first needed: this throws before that. */
  id: (i: number) => string;
  facts: (i: number) => BonusFacts;
  synonyms: Synonyms;
  /** yyyy-mm-dd before which a service counts as stale (fixed when the index is made). */
  cutoff: string;
  /** 1 for services the practice hid. */
  hidden: Uint8Array;
  /** Services not hidden. */
  shown: number;
  /** Hidden services in each need list, by need bit. */
  hiddenPerNeed: Uint32Array;
  /** Locations of shown services. */
  shownPoints: number;
}

/**
 * Marks the hidden services from the curation, in place, and fills the bonus
 * column with `bonus` (service, its curation) when given. `curationOf`: the
 * curation of the service at a position (by its id, or by position when a
 * snapshot's stored positions of the curated services say where they are).
 */
export function applyCuration(
  core: SearchCore,
  curationOf: (i: number) => Curation | undefined,
  bonus?: (i: number, c: Curation | undefined) => number,
  /** Only these positions can be curated (the others keep their bonus and are shown): a snapshot finds them by id hash. */
  only?: readonly number[],
): void {
  const { n, hidden, columns } = core;
  hidden.fill(0);
  const apply = (i: number): void => {
    const c = curationOf(i);
    if (bonus) columns.bonus[i] = bonus(i, c);
    if (c?.hidden) hidden[i] = 1;
  };
  if (only) only.forEach(apply);
  else for (let i = 0; i < n; i++) apply(i);
  recount(core, only);
}

/** Counts what the hidden services take away; `only`: the positions that can be hidden (all others are shown). */
function recount(core: SearchCore, only?: readonly number[]): void {
  const { hidden, columns } = core;
  const hiddenAt: number[] = [];
  let points = columns.pointDoc.length;
  core.hiddenPerNeed.fill(0);
  const visit = (i: number): void => {
    if (hidden[i] !== 1) return;
    hiddenAt.push(i);
    points -= (columns.pointStart[i + 1] as number) - (columns.pointStart[i] as number);
    for (let b = 0, m = columns.needMask[i] as number; m; b++, m >>>= 1) if (m & 1) core.hiddenPerNeed[b] = (core.hiddenPerNeed[b] as number) + 1;
  };
  if (only) only.forEach(visit);
  else for (let i = 0; i < core.n; i++) visit(i);
  core.shown = core.n - hiddenAt.length;
  core.shownPoints = points;
  core.text.setHidden(hidden, hiddenAt.sort((a, b) => a - b));
}

/** Positions by id, made on first use (the sidebar's hot path never needs it). */
function positions(core: SearchCore): (id: string) => readonly number[] {
  let byId: Map<string, number | number[]> | undefined;
  return (id) => {
    if (!byId) {
      byId = new Map();
      for (let i = 0; i < core.n; i++) {
        const key = core.id(i);
        const at = byId.get(key);
        if (at === undefined) byId.set(key, i);
        else if (typeof at === 'number') byId.set(key, [at, i]);
        else at.push(i);
      }
    }
    const at = byId.get(id);
    return at === undefined ? [] : typeof at === 'number' ? [at] : at;
  };
}

/** The DocIndex over a core: search by position, curation in place. */
export function docIndex(core: SearchCore): DocIndex {
  const searchDocs = searcher(core);
  const positionsOf = positions(core);
  return {
    get size() {
      return core.shown;
    },
    searchDocs,
    idOf: core.id,
    positionsOf,
    isHidden: (doc) => core.hidden[doc] === 1,
    curate(resourceId, c) {
      const at = positionsOf(resourceId);
      if (at.length === 0) return;
      let changed = false;
      for (const i of at) {
        core.columns.bonus[i] = bonusOf(core.facts(i), c, core.cutoff);
        const h = c?.hidden ? 1 : 0;
        if (core.hidden[i] !== h) {
          core.hidden[i] = h;
          changed = true;
        }
      }
      if (changed) recount(core);
    },
    // A failing yieldFn only stops warming early; the first text query then finishes the build.
    warm: (yieldFn: () => Promise<void> = nextTask): Promise<void> => core.text.buildInSlices(yieldFn).catch(() => undefined),
  };
}

/** The search over columns; returns positions. */
function searcher(core: SearchCore): (query: DirectoryQuery) => DocHit[] {
  const { n, text, synonyms } = core;
  const { needMask, bonus, hasLocation, pointStart, pointLon, pointLat, pointDoc, geo, needDocs, noLocation } = core.columns;
  const openToday = core.open;
  let seen: Uint32Array | undefined;
  let seenNo = 0;
  const freshStamp = (): Uint32Array => {
    seen ??= new Uint32Array(n);
    if (++seenNo === 0xffffffff) {
      seen.fill(0);
      seenNo = 1;
    }
    return seen;
  };

  return function search(query: DirectoryQuery): DocHit[] {
    const limit = Math.max(1, Math.floor(query.limit ?? 20));
    const wanted = maskOf(query.needs);
    const wantedCount = popcount(wanted);
    const expanded = query.text ? expandQuery(query.text, synonyms) : { needs: [], terms: [] };
    const synMask = maskOf(expanded.needs) & ~wanted;
    const typed = query.text ? queryWords(query.text).filter((w) => expanded.terms.includes(w)) : [];
    // Synonym terms are broad ("advice", "money"); when they already gave needs, the need match does their work.
    const extra = synMask || wanted ? [] : expanded.terms.filter((t) => !typed.includes(t));
    const matches = typed.length || extra.length ? text.query(typed, extra) : undefined;
    const textScore = matches?.score;
    const needBits = wanted | synMask;
    const filtered = needBits !== 0 || matches !== undefined;
    const open = query.openToday ? openToday.mask(query.now ?? new Date(), query.timeZone ?? PRACTICE_TIME_ZONE) : undefined;
    const hidden = core.shown < n ? core.hidden : undefined;
    const shown = (i: number): boolean => (open === undefined || open[i] === 1) && (hidden === undefined || hidden[i] !== 1);
    const isCandidate = (i: number): boolean =>
      shown(i) && (!filtered || ((needMask[i] as number) & needBits) !== 0 || (textScore !== undefined && (textScore[i] as number) > 0));
    const coverage = matches?.coverage;
    const allWords = matches?.all ?? 0;

    // Every candidate once: the need lists and text matches, or every service when nothing filters.
    const eachCandidate = (fn: (i: number) => void): void => {
      if (!filtered) {
        for (let i = 0; i < n; i++) if (shown(i)) fn(i);
        return;
      }
      const stamp = freshStamp();
      const visit = (i: number): void => {
        if (stamp[i] === seenNo) return;
        stamp[i] = seenNo;
        if (shown(i)) fn(i);
      };
      for (let b = 0; b < needDocs.length; b++) if (needBits & (1 << b)) needDocs[b]?.forEach(visit);
      matches?.docs.forEach(visit);
    };

    const score = (i: number, km: number | undefined): number => {
      const m = needMask[i] as number;
      let s = bonus[i] as number;
      if (s !== s && core.plainBonus) {
        bonus[i] = core.plainBonus(i);
        s = bonus[i] as number;
      }
      if (wantedCount) s += (WEIGHTS.need * popcount(m & wanted)) / wantedCount;
      if (synMask && m & synMask) s += WEIGHTS.synonymNeed;
      if (matches) s += WEIGHTS.text * matches.relevance(i);
      if (allWords && coverage && (coverage(i) & allWords) === allWords) s += WEIGHTS.allWords;
      s += km === undefined ? (hasLocation[i] ? 0 : WEIGHTS.noLocation) : WEIGHTS.distance / (1 + km / 2);
      return s;
    };
    const top = new TopK(limit, core.nameBefore);
    const offer = (i: number, km: number | undefined): void => top.add(i, score(i, km), km ?? Infinity);

    if (query.near && Number.isFinite(query.near.lat) && Number.isFinite(query.near.lon) && core.shownPoints > 0) {
      const { lat, lon } = query.near;
      // Nearest candidates first; a generous pool so need/text strength can still reorder them.
      const pool = Math.max(limit * 15, 300);
      // Counted over shown services only, so hiding one never changes which way a search goes.
      const visible = core.shown;
      let estimate = filtered ? (matches?.docs.length ?? 0) : visible;
      for (let b = 0; b < needDocs.length; b++) if (needBits & (1 << b)) estimate += (needDocs[b]?.length ?? 0) - (core.hiddenPerNeed[b] as number);
      // The tree walk visits about pool × n / candidates points; measuring every candidate costs about the same per item.
      if (estimate * estimate <= pool * visible) {
        const found: number[] = [];
        const kms: number[] = [];
        eachCandidate((i) => {
          let best = Infinity;
          for (let p = pointStart[i] as number; p < (pointStart[i + 1] as number); p++) best = Math.min(best, distance(lon, lat, pointLon[p] as number, pointLat[p] as number));
          if (best === Infinity || (query.radiusKm !== undefined && best > query.radiusKm)) return;
          found.push(i);
          kms.push(best);
        });
        const cut = found.length > pool ? (Float64Array.from(kms).sort()[pool - 1] as number) : Infinity;
        found.forEach((i, k) => {
          if ((kms[k] as number) <= cut) offer(i, kms[k]);
        });
      } else {
        const stamp = freshStamp();
        // The predicate runs in tree order, not distance order, so duplicates are skipped afterwards.
        const ids = around(geo, lon, lat, pool, query.radiusKm, (p) => isCandidate(pointDoc[p] as number));
        for (const p of ids) {
          const d = pointDoc[p] as number;
          if (stamp[d] === seenNo) continue;
          stamp[d] = seenNo;
          offer(d, distance(lon, lat, pointLon[p] as number, pointLat[p] as number));
        }
      }
      if (query.radiusKm === undefined) for (const i of noLocation) if (isCandidate(i)) offer(i, undefined);
    } else {
      eachCandidate((i) => offer(i, undefined));
    }
    return top.entries().map(({ i, score: s, km }) => (Number.isFinite(km) ? { doc: i, distanceKm: Math.round(km * 10) / 10, score: s } : { doc: i, score: s }));
  };
}

/**
 * Builds the index. Hidden resources (curation.hidden) never appear in
 * results and count for nothing (their words, their share of a need); they
 * stay in the columns so that curate() can show them again without a rebuild.
 */
export function buildIndex(resources: readonly Resource[], opts: BuildOptions = {}): DirectoryIndex {
  const curation = opts.curation instanceof Map ? opts.curation : new Map((opts.curation ?? []).map((c) => [c.resourceId, c]));
  const docs = resources;
  const n = docs.length;
  const cutoff = staleCutoff(opts.now ?? new Date());
  const columns = buildColumns(docs, curation, cutoff);
  const text = new TextIndex(docs);
  if (opts.eagerText) text.build();
  const core: SearchCore = {
    n,
    columns,
    text,
    open: new OpenToday(docs),
    name: (i) => (docs[i] as Resource).name,
    nameBefore: (i, j) => nameCollator.compare((docs[i] as Resource).name, (docs[j] as Resource).name) < 0,
    id: (i) => (docs[i] as Resource).id,
    facts: (i) => docs[i] as Resource,
    synonyms: opts.synonyms ?? defaultSynonyms(),
    cutoff,
    hidden: new Uint8Array(n),
    shown: n,
    hiddenPerNeed: new Uint32Array(columns.needDocs.length),
    shownPoints: columns.pointDoc.length,
  };
  if (curation.size) applyCuration(core, (i) => curation.get(core.id(i)));
  const index = docIndex(core);
  function search(query: DirectoryQuery): SearchHit[] {
    return index.searchDocs(query).map(({ doc, ...hit }) => ({ resource: docs[doc] as Resource, ...hit }));
  }
  const get = (id: string): Resource | undefined => {
    const i = index.positionsOf(id).find((p) => core.hidden[p] !== 1);
    return i === undefined ? undefined : docs[i];
  };
  return Object.assign(index, { search, get, core });
}
