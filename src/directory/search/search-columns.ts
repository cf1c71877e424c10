/**
 * The per-service columns the directory search reads: need bits, score bonus
 * (recommended, stale), locations (with a kd-tree over them) and per-need
 * service lists. Typed arrays, so a 100k-service build makes little garbage.
 */
import KDBush from 'kdbush';
import { NEED_IDS } from '../../prompts/needs';
import type { Curation, Resource } from '../resource';
import { lastChecked } from '../freshness';

/** Score weights; the ordering rules in docs/data-formats.md follow from these. */
export const WEIGHTS = {
  need: 4,
  synonymNeed: 1.5,
  text: 2,
  distance: 1.5,
  recommended: 0.8,
  stale: -0.8,
  noLocation: 0.3,
  /** Every typed word matched (two or more typed): complete matches first (#16). */
  allWords: 1.5,
  /**
   * HSDS "temporarily closed": more than the whole spread of every other
   * weight (−0.8 … +11.3, a spread of 12.1), so it always ranks below open services (#16).
   */
  temporarilyClosed: -13,
} as const;

const NEED_BIT = new Map<string, number>(NEED_IDS.map((id, i) => [id, 1 << i]));
/** Need ids as a bit mask (unknown ids ignored). */
export const maskOf = (needs: readonly string[] | undefined): number => (needs ?? []).reduce((m, n) => m | (NEED_BIT.get(n) ?? 0), 0);
/** Number of bits set. */
export const popcount = (x: number): number => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

export interface Columns {
  /** Need bits by service (a snapshot keeps them in the narrowest array that holds them). */
  needMask: Uint8Array | Uint16Array | Uint32Array;
  bonus: Float32Array;
  hasLocation: Uint8Array;
  /** Locations of service i are points pointStart[i] .. pointStart[i + 1] - 1. */
  pointStart: Uint32Array;
  /** Coordinates as 32-bit floats (within 2 m anywhere; about 0.5 m in Scotland): half the size in memory and in the snapshot. */
  pointLon: Float32Array;
  pointLat: Float32Array;
  pointDoc: Uint32Array;
  /** Kd-tree over the points (one dummy point when there are none). */
  geo: KDBush;
  /** Positions of the services meeting each need, by need bit. */
  needDocs: Uint32Array[];
  noLocation: number[];
}

/**
 * A service's score bonus: recommended by the practice, not checked for a
 * year (stale), temporarily closed. Same rule as isStale(), with the cutoff
 * computed once for a whole build (a longer timestamp compares like its date).
 */
export function bonusOf(r: Pick<Resource, 'updated' | 'deprioritised' | 'temporarilyClosed'>, c: Curation | undefined, cutoff: string): number {
  const checked = c?.verifiedOn || r.deprioritised ? lastChecked(r as Resource, c) : r.updated;
  return (c?.recommended ? WEIGHTS.recommended : 0) + (checked === undefined || checked < cutoff ? WEIGHTS.stale : 0) + (r.temporarilyClosed ? WEIGHTS.temporarilyClosed : 0);
}

/** Builds the columns for `docs` (hidden ones already removed); `cutoff` is the stale date. */
export function buildColumns(docs: readonly Resource[], curation: Map<string, Curation>, cutoff: string): Columns {
  const n = docs.length;
  const needMask = new Uint32Array(n);
  const bonus = new Float32Array(n);
  const hasLocation = new Uint8Array(n);
  // Two passes over the services: count first, so every list is one typed array and the build makes little garbage.
  const needCount = new Uint32Array(NEED_IDS.length);
  let points = 0;
  for (let i = 0; i < n; i++) {
    const r = docs[i] as Resource;
    const mask = maskOf(r.needs);
    needMask[i] = mask;
    for (let b = 0, m = mask; m; b++, m >>>= 1) if (m & 1) needCount[b] = (needCount[b] as number) + 1;
    for (const l of r.locations) if (typeof l.lat === 'number' && typeof l.lon === 'number') points++;
  }
  const pointStart = new Uint32Array(n + 1);
  const pointLon = new Float32Array(points);
  const pointLat = new Float32Array(points);
  const pointDoc = new Uint32Array(points);
  const needList = new Uint32Array(needCount.reduce((a, c) => a + c, 0));
  const needFill = new Uint32Array(NEED_IDS.length);
  const needDocs: Uint32Array[] = [];
  for (let b = 0, at = 0; b < NEED_IDS.length; at += needCount[b] as number, b++) {
    needFill[b] = at;
    needDocs.push(needList.subarray(at, at + (needCount[b] as number)));
  }
  const noLocation: number[] = [];
  for (let i = 0, p = 0; i < n; i++) {
    const r = docs[i] as Resource;
    const c = curation.size ? curation.get(r.id) : undefined;
    for (let b = 0, m = needMask[i] as number; m; b++, m >>>= 1) {
      if (!(m & 1)) continue;
      const at = needFill[b] as number;
      needList[at] = i;
      needFill[b] = at + 1;
    }
    bonus[i] = bonusOf(r, c, cutoff);
    for (const l of r.locations) {
      if (typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
      pointDoc[p] = i;
      pointLon[p] = l.lon;
      pointLat[p++] = l.lat;
      hasLocation[i] = 1;
    }
    pointStart[i + 1] = p;
    if (!hasLocation[i]) noLocation.push(i);
  }
  const geo = new KDBush(Math.max(1, points), 64, Float32Array);
  for (let p = 0; p < points; p++) geo.add(pointLon[p] as number, pointLat[p] as number);
  if (points === 0) geo.add(0, 0);
  geo.finish();
  return { needMask, bonus, hasLocation, pointStart, pointLon, pointLat, pointDoc, geo, needDocs, noLocation };
}
