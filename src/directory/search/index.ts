/**
 * The directory index the sidebar queries: needs, words (with synonyms),
 * distance (kdbush + geokdbush), practice recommendation and freshness.
 * Pure: build it from plain Resource objects, query it synchronously.
 */
import { around, distance } from 'geokdbush';
import type { Curation, Resource } from '../resource';
import { staleCutoff } from '../freshness';
import { buildColumns, maskOf, popcount, WEIGHTS, type Columns } from './search-columns';
import { defaultSynonyms, expandQuery, queryWords, type Synonyms } from './synonyms';
import { TextIndex } from './text-index';
import { TopK } from './top-k';
import { OpenToday } from './open-today';
import { PRACTICE_TIME_ZONE } from '../hours/opening-status';

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

export interface DirectoryIndex {
  /** Services in the index (hidden ones excluded). */
  readonly size: number;
  search(query: DirectoryQuery): SearchHit[];
  get(id: string): Resource | undefined;
  /**
   * Builds the text index ahead of the first text query, ~4,000 services per
   * slice, awaiting `yieldFn` (default: a zero-delay timer) between slices.
   * Resolves at once when it is already built. Never rejects.
   */
  warm(yieldFn?: () => Promise<void>): Promise<void>;
}

const nextSlice = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A hit by position, before the service itself is looked up (the snapshot path reads it from storage). */
export interface DocHit {
  doc: number;
  distanceKm?: number;
  score: number;
}

/** What the search needs about the services, whether built from them or read back from a snapshot. */
interface Core {
  n: number;
  columns: Columns;
  text: TextIndex;
  open: OpenToday;
  /** Tie-break: services with equal scores come in name order. */
  name: (i: number) => string;
  synonyms: Synonyms;
  /** Services the practice hid (snapshot path: kept in the columns, skipped here). */
  hidden?: Uint8Array;
}

/** The search over columns; returns positions. */
function searcher(core: Core): (query: DirectoryQuery) => DocHit[] {
  const { n, text, synonyms } = core;
  const { needMask, bonus, hasLocation, pointStart, pointLon, pointLat, pointDoc, geo, needDocs, noLocation } = core.columns;
  const hidden = core.hidden;
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
      if (wantedCount) s += (WEIGHTS.need * popcount(m & wanted)) / wantedCount;
      if (synMask && m & synMask) s += WEIGHTS.synonymNeed;
      if (textScore) s += WEIGHTS.text * (textScore[i] as number);
      if (allWords && coverage && (coverage(i) & allWords) === allWords) s += WEIGHTS.allWords;
      s += km === undefined ? (hasLocation[i] ? 0 : WEIGHTS.noLocation) : WEIGHTS.distance / (1 + km / 2);
      return s;
    };
    const top = new TopK(limit, core.name);
    const offer = (i: number, km: number | undefined): void => top.add(i, score(i, km), km ?? Infinity);

    if (query.near && Number.isFinite(query.near.lat) && Number.isFinite(query.near.lon) && pointDoc.length) {
      const { lat, lon } = query.near;
      // Nearest candidates first; a generous pool so need/text strength can still reorder them.
      const pool = Math.max(limit * 15, 300);
      let estimate = filtered ? (matches?.docs.length ?? 0) : n;
      for (let b = 0; b < needDocs.length; b++) if (needBits & (1 << b)) estimate += needDocs[b]?.length ?? 0;
      // The tree walk visits about pool × n / candidates points; measuring every candidate costs about the same per item.
      if (estimate * estimate <= pool * n) {
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

/** Builds the index. Hidden resources (curation.hidden) are left out entirely. */
export function buildIndex(resources: readonly Resource[], opts: BuildOptions = {}): DirectoryIndex {
  const curation = opts.curation instanceof Map ? opts.curation : new Map((opts.curation ?? []).map((c) => [c.resourceId, c]));
  const now = opts.now ?? new Date();
  const synonyms = opts.synonyms ?? defaultSynonyms();
  const docs = curation.size ? resources.filter((r) => !curation.get(r.id)?.hidden) : resources;
  const n = docs.length;
  const columns = buildColumns(docs, curation, staleCutoff(now));
  const text = new TextIndex(docs);
  if (opts.eagerText) text.build();
  const open = new OpenToday(docs);
  const searchDocs = searcher({ n, columns, text, open, name: (i) => (docs[i] as Resource).name, synonyms });
  let byId: Map<string, number> | undefined;
  function search(query: DirectoryQuery): SearchHit[] {
    return searchDocs(query).map(({ doc, ...hit }) => ({ resource: docs[doc] as Resource, ...hit }));
  }

  // Built on first get(): the sidebar's hot path never needs it.
  const get = (id: string): Resource | undefined => {
    byId ??= new Map(docs.map((r, i) => [r.id, i]));
    const i = byId.get(id);
    return i === undefined ? undefined : docs[i];
  };
  // A failing yieldFn only stops warming early; the first text query then finishes the build.
  const warm = (yieldFn: () => Promise<void> = nextSlice): Promise<void> => text.buildInSlices(yieldFn).catch(() => undefined);
  return { size: n, search, get, warm };
}
