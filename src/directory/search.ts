/**
 * The directory index the sidebar queries: needs, words (with synonyms),
 * distance (kdbush + geokdbush), practice recommendation and freshness.
 * Pure: build it from plain Resource objects, query it synchronously.
 */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { NEED_IDS } from '../prompts/needs';
import type { Curation, Resource } from './resource';
import { lastChecked, staleCutoff } from './freshness';
import { defaultSynonyms, expandQuery, queryWords, type Synonyms } from './synonyms';
import { TextIndex } from './text-index';

export interface DirectoryQuery {
  needs?: string[];
  text?: string;
  near?: { lat: number; lon: number };
  /** Default 20. */
  limit?: number;
  /** Only services with a location within this many km (services without a location are then left out). */
  radiusKm?: number;
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
  /** Build the MiniSearch text index now instead of on the first text query. */
  eagerText?: boolean;
}

export interface DirectoryIndex {
  /** Services in the index (hidden ones excluded). */
  readonly size: number;
  search(query: DirectoryQuery): SearchHit[];
  get(id: string): Resource | undefined;
}

/** Score weights; the ordering rules in docs/data-formats.md follow from these. */
export const WEIGHTS = {
  need: 4,
  synonymNeed: 1.5,
  text: 2,
  distance: 1.5,
  recommended: 0.8,
  stale: -0.8,
  noLocation: 0.3,
} as const;

const NEED_BIT = new Map<string, number>(NEED_IDS.map((id, i) => [id, 1 << i]));
const maskOf = (needs: readonly string[] | undefined): number => (needs ?? []).reduce((m, n) => m | (NEED_BIT.get(n) ?? 0), 0);
const popcount = (x: number): number => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

/** Builds the index. Hidden resources (curation.hidden) are left out entirely. */
export function buildIndex(resources: readonly Resource[], opts: BuildOptions = {}): DirectoryIndex {
  const curation = opts.curation instanceof Map ? opts.curation : new Map((opts.curation ?? []).map((c) => [c.resourceId, c]));
  const now = opts.now ?? new Date();
  const synonyms = opts.synonyms ?? defaultSynonyms();
  const cutoff = staleCutoff(now);
  const docs = curation.size ? resources.filter((r) => !curation.get(r.id)?.hidden) : resources;
  const n = docs.length;
  const needMask = new Uint32Array(n);
  const bonus = new Float32Array(n);
  const hasLocation = new Uint8Array(n);
  const pointDoc: number[] = [];
  const pointLon: number[] = [];
  const pointLat: number[] = [];
  let byId: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    const r = docs[i] as Resource;
    const c = curation.size ? curation.get(r.id) : undefined;
    needMask[i] = maskOf(r.needs);
    // Same rule as isStale(), with the cutoff computed once for the whole build.
    const checked = c?.verifiedOn ? lastChecked(r, c) : r.updated?.slice(0, 10);
    bonus[i] = (c?.recommended ? WEIGHTS.recommended : 0) + (checked === undefined || checked < cutoff ? WEIGHTS.stale : 0);
    for (const l of r.locations) {
      if (typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
      pointDoc.push(i);
      pointLon.push(l.lon);
      pointLat.push(l.lat);
      hasLocation[i] = 1;
    }
  }
  const geo = new KDBush(Math.max(1, pointDoc.length));
  for (let p = 0; p < pointDoc.length; p++) geo.add(pointLon[p] as number, pointLat[p] as number);
  if (pointDoc.length === 0) geo.add(0, 0);
  geo.finish();
  const text = new TextIndex(docs);
  if (opts.eagerText) text.build();

  function search(query: DirectoryQuery): SearchHit[] {
    const limit = Math.max(1, Math.floor(query.limit ?? 20));
    const wanted = maskOf(query.needs);
    const wantedCount = popcount(wanted);
    const expanded = query.text ? expandQuery(query.text, synonyms) : { needs: [], terms: [] };
    const synMask = maskOf(expanded.needs) & ~wanted;
    const typed = query.text ? queryWords(query.text).filter((w) => expanded.terms.includes(w)) : [];
    // Synonym terms are broad ("advice", "money"); when they already gave needs, the need match does their work.
    const extra = synMask || wanted ? [] : expanded.terms.filter((t) => !typed.includes(t));
    const textScores = typed.length || extra.length ? text.query(typed, extra) : undefined;
    const filtered = wanted !== 0 || synMask !== 0 || textScores !== undefined;
    const isCandidate = (i: number): boolean =>
      !filtered || ((needMask[i] as number) & (wanted | synMask)) !== 0 || (textScores?.has(i) ?? false);

    const score = (i: number, km: number | undefined): number => {
      const m = needMask[i] as number;
      let s = bonus[i] as number;
      if (wantedCount) s += (WEIGHTS.need * popcount(m & wanted)) / wantedCount;
      if (synMask && m & synMask) s += WEIGHTS.synonymNeed;
      if (textScores) s += WEIGHTS.text * (textScores.get(i) ?? 0);
      s += km === undefined ? (hasLocation[i] ? 0 : WEIGHTS.noLocation) : WEIGHTS.distance / (1 + km / 2);
      return s;
    };

    const hits: SearchHit[] = [];
    const seen = new Uint8Array(n);
    if (query.near && Number.isFinite(query.near.lat) && Number.isFinite(query.near.lon) && pointDoc.length) {
      const { lat, lon } = query.near;
      // Nearest candidate locations first; a generous pool so need/text strength can still reorder them.
      const pool = Math.max(limit * 15, 300);
      // The predicate runs in tree order, not distance order, so duplicates are skipped afterwards.
      const ids = around(geo, lon, lat, pool, query.radiusKm, (p) => isCandidate(pointDoc[p] as number));
      for (const p of ids) {
        const d = pointDoc[p] as number;
        if (seen[d]) continue;
        seen[d] = 1;
        const km = distance(lon, lat, pointLon[p] as number, pointLat[p] as number);
        hits.push({ resource: docs[d] as Resource, distanceKm: Math.round(km * 10) / 10, score: score(d, km) });
      }
      if (query.radiusKm === undefined) {
        for (let i = 0; i < n; i++) if (!hasLocation[i] && isCandidate(i)) hits.push({ resource: docs[i] as Resource, score: score(i, undefined) });
      }
    } else {
      const source = textScores && wanted === 0 && synMask === 0 ? [...textScores.keys()] : undefined;
      const each = (i: number): void => {
        if (isCandidate(i)) hits.push({ resource: docs[i] as Resource, score: score(i, undefined) });
      };
      if (source) source.forEach(each);
      else for (let i = 0; i < n; i++) each(i);
    }
    return topK(hits, limit);
  }

  // Built on first get(): the sidebar's hot path never needs it.
  const get = (id: string): Resource | undefined => {
    byId ??= new Map(docs.map((r, i) => [r.id, i]));
    const i = byId.get(id);
    return i === undefined ? undefined : docs[i];
  };
  return { size: n, search, get };
}

function topK(hits: SearchHit[], k: number): SearchHit[] {
  const byScore = (a: SearchHit, b: SearchHit): number =>
    b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.resource.name.localeCompare(b.resource.name);
  if (hits.length <= k * 4) return hits.sort(byScore).slice(0, k);
  // Partial selection: keep a sorted window of k, cheaper than sorting thousands of hits.
  const top: SearchHit[] = [];
  for (const h of hits) {
    if (top.length === k && byScore(h, top[k - 1] as SearchHit) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byScore(top[mid] as SearchHit, h) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, h);
    if (top.length > k) top.pop();
  }
  return top;
}
