/**
 * Full-text side of the directory index: a compact inverted index (word ->
 * sorted list of service positions, in one Uint32Array), exact, prefix (last
 * typed word) and one-edit fuzzy matching (unknown words of 5+ letters).
 *
 * Why not MiniSearch, as the issue suggested first: measured on the
 * bench/directory.bench.ts data (100k synthetic services, shared 2-core machine),
 *   MiniSearch, name+org+categories and 120 chars of description, fuzzy+prefix:
 *     build 7.9 s, need+text+distance top-20 p95 198 ms;
 *   MiniSearch, one short field (name+categories), no fuzzy, prefix on the last word only:
 *     build 1.4 s, loadJSON of a prebuilt index 0.7 s (8.9 MB), text query p95 118 ms (p50 6 ms).
 * MiniSearch scores every matching document (~10 µs each) and its `filter`
 * option runs after scoring, so a common word ("food", "carers" in 5-12% of
 * services) cannot meet the 5 ms target. This index, same data and machine:
 * build 0.55-0.95 s at 100k (or warm() in ~15-20 ms slices), need+text+distance
 * top-20 p95 0.9-5 ms (p50 ~0.5 ms). Full table: docs/data-formats.md "Performance".
 */
import { lowerBound } from '../../lib/sorted';
import type { Resource } from '../resource';
import { DESC, FUZZY_MIN, idfAt, idfOf, PostingsBuilder, TITLE, type Postings } from './text-postings';
import { lookupWord } from './text-vocab';
import { foldWord, indexWords, withinOneEdit } from './text-words';

export { DESCRIPTION_CHARS } from './text-postings';

/** How much a query word counts by how it matched; title words count 3×, description words 1×. */
export const MATCH_WEIGHTS = { exact: 1, prefix: 0.5, fuzzy: 0.3, title: 3, description: 1 } as const;

const PREFIX_MIN = 3;
// Caps keep a short prefix ("com") or a fuzzy word from pulling in half the vocabulary; the commonest words win.
const MAX_PREFIX_WORDS = 40;
const MAX_FUZZY_WORDS = 20;
const SLICE_DOCS = 4000;
/** Share of its score a service keeps, in a multi-word query, when only synonym terms matched it. */
const SYNONYM_ONLY = 0.1;
const bitCount = (x: number): number => {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
};

/** What a posting's field bits (TITLE | DESC) count for: title 3, description 1, both 4. */
const FIELD_WEIGHT = Float64Array.from([0, 1, 2, 3], (b) => (b & TITLE ? MATCH_WEIGHTS.title : 0) + (b & DESC ? MATCH_WEIGHTS.description : 0));

/** Typed words whose coverage is tracked (the top byte of a service's stamp). */
const MAX_TRACKED = 8;
/** The group counter in the low 24 bits of a stamp. */
const STAMP_MASK = 0xffffff;
/** SHARE[words][bits]: the factor for a service that matched the typed words in `bits` out of `words`. */
const SHARE: Float32Array[] = Array.from({ length: MAX_TRACKED + 1 }, (_, words) =>
  Float32Array.from({ length: 256 }, (_, bits) => {
    const share = words ? bitCount(bits & ((1 << words) - 1)) / words : 1;
    return share > 0 ? share * share : SYNONYM_ONLY;
  }),
);

/** Matches of one text query. Valid until the next query on the same index (the arrays are reused). */
export interface TextMatches {
  /** Positions of matched services, in no particular order. */
  docs: Uint32Array;
  /** Raw score by position (> 0: matched; 0: not matched); relevance() scales it. */
  score: Float32Array;
  /** Relevance 0..1 (1 = best hit) of the service at position `i`; 0 means not matched. */
  relevance: (i: number) => number;
  /** Bits of the typed words service `i` matched (bit k = typed word k, the first 8 words); 0 when fewer than two were typed. */
  coverage: (i: number) => number;
  /** The bits of all typed words: a service with `coverage(i) === all` matched every word. 0 when fewer than two were typed. */
  all: number;
}

/** One word group: its terms with weights, and the typed words it stands for. */
interface Group {
  terms: [number, number][];
  covers: number;
}


export class TextIndex {
  private builder?: PostingsBuilder;
  private index?: Postings;
  /** Postings still to be read back from a snapshot, on first use. */
  private loader?: () => Postings;
  // Reused between queries (sized on the first one), so a query allocates nothing per service.
  private score = new Float32Array(0);
  private stamp = new Uint32Array(0);
  private stampNo = 0;
  private matched = new Uint32Array(0);
  /** The stamp of this query's first group: stamps at or above it carry this query's coverage bits. */
  private firstStamp = 0;
  private matchedCount = 0;
  /**
   * The largest scaled score so far in this query, kept by the add loops as they go, when `bestAsWeGo`: then
   * no pass over every match is needed for it afterwards (see query()). `shareNow`: the share factors of this
   * query's word count (undefined when the score is not scaled).
   */
  private bestAsWeGo = false;
  private best = 0;
  private shareNow: Float32Array | undefined;
  /** Services the practice hid (1), kept in the lists but never matched (issue #11: a curation edit needs no rebuild). */
  private hidden?: Uint8Array;
  /** Their positions, ascending. */
  private hiddenAt: readonly number[] = [];
  /**
   * With hidden services: how many are shown, and each word's count and idf over the shown ones, worked out for a
   * word when a query first uses it (-1 / NaN: not yet). Worked out for every word at once, this was a pass over
   * every posting list: about 60 ms on a woken worker with 100k services and one hidden (#11).
   */
  private shown?: { count: number; df: Int32Array; idf: Float32Array };

  /** `count`: services indexed (the resources' number; given alone when read back from a snapshot). */
  constructor(
    private readonly resources: readonly Resource[],
    private readonly count = resources.length,
  ) {}

  /**
   * An index over `count` services from postings already built (the snapshot
   * kept in IndexedDB, issue #11), or from a function that makes them on first use.
   */
  static fromPostings(count: number, postings: Postings | (() => Postings)): TextIndex {
    const index = new TextIndex([], count);
    if (typeof postings === 'function') index.loader = postings;
    else index.index = postings;
    return index;
  }

  /** The postings, built now if they are not yet (for the snapshot). */
  postings(): Postings {
    this.build();
    return this.index as Postings;
  }

  /**
   * Leaves out the services marked 1 in `hidden`, whose positions are
   * `hiddenAt` (ascending; empty: none), as if they had never been indexed:
   * word counts, idf and which words exist are those of the shown services,
   * so results equal an index built without them. Call again after changing
   * the array in place.
   */
  setHidden(hidden: Uint8Array, hiddenAt: readonly number[]): void {
    this.hidden = hiddenAt.length > 0 ? hidden : undefined;
    this.hiddenAt = hiddenAt;
    this.shown = undefined;
  }

  /** The shown-only counts (undefined when nothing is hidden), made empty on first use. */
  private shownStats(ix: Postings): { count: number; df: Int32Array; idf: Float32Array } | undefined {
    if (!this.hidden) return undefined;
    if (!this.shown) {
      const v = ix.idf.length;
      this.shown = { count: this.count - this.hiddenAt.length, df: new Int32Array(v).fill(-1), idf: new Float32Array(v).fill(Number.NaN) };
    }
    return this.shown;
  }

  /** Services using word `t`: shown ones only when some are hidden (its list less the hidden services in it, found by binary search). */
  private df(ix: Postings, t: number): number {
    const shown = this.shownStats(ix);
    if (!shown) return ix.lists.df(t);
    let c = shown.df[t] as number;
    if (c < 0) {
      const { docs } = ix.lists.list(t);
      c = docs.length;
      for (const h of this.hiddenAt) if (docs[lowerBound(docs.length, (k) => (docs[k] as number) < h)] === h) c--;
      shown.df[t] = c;
    }
    return c;
  }

  /** Word `t`'s idf: over shown services only when some are hidden. */
  private idf(ix: Postings, t: number): number {
    const shown = this.shownStats(ix);
    if (!shown) return idfAt(ix.idf, ix.lists, this.count, t);
    if (Number.isNaN(shown.idf[t] as number)) shown.idf[t] = idfOf(shown.count, this.df(ix, t));
    return shown.idf[t] as number;
  }

  /** Whether word `t` is used by a shown service. */
  private live(ix: Postings, t: number | undefined): t is number {
    if (t === undefined) return false;
    if (this.hidden === undefined) return true;
    // Used by more services than are hidden: some shown one uses it, known without decoding its list
    // (a prefix or a typo can bring many words here, each a list to decode, on a woken worker: #11).
    if (ix.lists.df(t) > this.hiddenAt.length) return true;
    return this.df(ix, t) > 0;
  }

  /** Whether the index is ready (built in full, or warmed). */
  get built(): boolean {
    return this.index !== undefined;
  }

  /** Builds the rest of the index now, in one go. */
  build(): void {
    if (this.index) return;
    if (this.loader) {
      this.index = this.loader();
      this.loader = undefined;
      return;
    }
    this.builder ??= new PostingsBuilder(this.resources);
    this.index = this.builder.finish();
    this.builder = undefined;
  }

  /** Builds the index a slice of services at a time, awaiting `yieldFn` between slices. */
  async buildInSlices(yieldFn: () => Promise<void>, sliceDocs = SLICE_DOCS): Promise<void> {
    while (!this.index) {
      if (this.loader) {
        this.build();
        return;
      }
      this.builder ??= new PostingsBuilder(this.resources);
      if (this.builder.step(Math.max(1, sliceDocs))) this.build();
      else await yieldFn();
    }
  }

  private commonest(ix: Postings, ids: number[], max: number): number[] {
    return ids.length <= max ? ids : ids.sort((a, b) => this.df(ix, b) - this.df(ix, a)).slice(0, max);
  }

  private prefixTerms(ix: Postings, prefix: string): number[] {
    const { order } = ix;
    const ids: number[] = [];
    for (let k = order.lowerBound(prefix); k < order.size && order.wordAt(k).startsWith(prefix); k++) {
      const t = order.idAt(k);
      if (this.live(ix, t)) ids.push(t);
    }
    return this.commonest(ix, ids, MAX_PREFIX_WORDS);
  }

  private fuzzyTerms(ix: Postings, word: string): number[] {
    const ids: number[] = [];
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      for (const t of ix.byLength.get(len) ?? []) if (withinOneEdit(word, ix.vocab.word(t)) && this.live(ix, t)) ids.push(t);
    }
    return this.commonest(ix, ids, MAX_FUZZY_WORDS);
  }

  /** Word groups to score: each group adds at most once per service (its best-weighted match first). */
  private groups(ix: Postings, typed: readonly string[], extra: readonly string[]): Group[] {
    const groups: Group[] = [];
    const used = new Set<number>();
    typed.forEach((w, k) => {
      const folded = foldWord(w);
      const found = ix.vocab.id(folded);
      const exact = this.live(ix, found) ? found : undefined;
      const terms: [number, number][] = exact === undefined ? [] : [[exact, MATCH_WEIGHTS.exact]];
      if (exact !== undefined) used.add(exact);
      if (k === typed.length - 1 && w.length >= PREFIX_MIN) {
        for (const t of this.prefixTerms(ix, w)) if (t !== exact) terms.push([t, MATCH_WEIGHTS.prefix]);
      }
      // A word found nowhere in the directory is taken as a possible typo.
      if (exact === undefined && folded.length >= FUZZY_MIN) for (const t of this.fuzzyTerms(ix, folded)) terms.push([t, MATCH_WEIGHTS.fuzzy]);
      const covers = k < MAX_TRACKED ? 1 << k : 0;
      groups.push({ terms, covers });
      // "food bank" also finds "foodbank", which stands for both words.
      const joined = k + 1 < typed.length ? lookupWord(ix.vocab, w + (typed[k + 1] as string)) : undefined;
      if (this.live(ix, joined) && !used.has(joined)) {
        groups.push({ terms: [[joined, MATCH_WEIGHTS.exact]], covers: k + 1 < MAX_TRACKED ? covers | (1 << (k + 1)) : covers });
        used.add(joined);
      }
    });
    for (const phrase of extra) {
      for (const w of indexWords(phrase)) {
        const t = ix.vocab.id(w);
        if (!this.live(ix, t) || used.has(t)) continue;
        groups.push({ terms: [[t, MATCH_WEIGHTS.exact]], covers: 0 });
        used.add(t);
      }
    }
    return groups;
  }

  /**
   * Scores services for typed words (exact, prefix on the last one, fuzzy on
   * unknown long ones) and synonym terms (exact only). Builds the index first
   * if it is not ready.
   */
  query(typed: readonly string[], extra: readonly string[]): TextMatches {
    this.build();
    const ix = this.index as Postings;
    const n = this.count;
    if (this.score.length !== n) {
      this.score = new Float32Array(n);
      this.stamp = new Uint32Array(n);
      this.matched = new Uint32Array(n);
    }
    const { score, matched, stamp } = this;
    // Which typed words each service matched (#16) rides in the top byte of its stamp, which the scoring loop
    // reads and writes anyway: the first 8 typed words, and only when two or more were typed.
    const words = Math.min(typed.length, MAX_TRACKED);
    const track = words >= 2;
    for (let k = 0; k < this.matchedCount; k++) score[matched[k] as number] = 0;
    const groups = this.groups(ix, typed, extra);
    if (this.stampNo + groups.length >= STAMP_MASK) {
      stamp.fill(0);
      this.stampNo = 0;
    }
    const first = this.stampNo + 1;
    this.firstStamp = first;
    // The largest scaled score is kept as the lists are added when it can only grow with each add: scores only
    // grow (weights and idf are positive) and so does a service's share, unless the synonym-only share is above
    // that of one typed word (four or more words). Its largest value on any add is then its final largest (IEEE
    // rounding keeps the order of sums and products of non-negative numbers), so nothing changes but the pass
    // over every match it replaces, which cost a just-woken worker about 5 ms for 100k matches (#11).
    const share = track ? (SHARE[words] as Float32Array) : undefined;
    this.bestAsWeGo = share === undefined || (share[1] as number) >= (share[0] as number);
    this.shareNow = share;
    this.best = 0;
    let count = 0;
    for (const group of groups) {
      this.stampNo++;
      for (const [t, weight] of group.terms) {
        const w = weight * this.idf(ix, t);
        // The query's first list: nothing is scored or stamped yet and a list names a service once (#11).
        count = count === 0 ? this.addFirst(ix, t, w, track ? group.covers : 0) : track ? this.addTracked(ix, t, w, group.covers, count) : this.add(ix, t, w, count);
      }
    }
    // Multi-word queries (#16): a service matching only some of the words counts for the share it matched,
    // squared, so "walking group" puts services with both words above those repeating one. One found only
    // through a synonym term keeps a small part, as it matched none of the typed words.
    let best = this.best;
    // Scores still to be scaled by their share when read (the largest scaled one was kept as the lists were added).
    const unscaled = share !== undefined && this.bestAsWeGo;
    if (share !== undefined && !unscaled) {
      for (let k = 0; k < count; k++) {
        const d = matched[k] as number;
        const v = (score[d] as number) * (share[(stamp[d] as number) >>> 24] as number);
        score[d] = v;
        if (v > best) best = v;
      }
    }
    this.matchedCount = count;
    const coverage = track ? (i: number): number => ((((stamp[i] as number) & STAMP_MASK) >= first ? (stamp[i] as number) >>> 24 : 0)) : (): number => 0;
    // Scaled when asked, not in another pass over every match: a search reads the relevance of a few hundred
    // candidates at most, and a pass over 100k matches in a just-woken worker costs milliseconds (#11).
    // Math.fround: the values a Float32Array holding the scaled scores gave before.
    const relevance = unscaled
      ? (i: number): number => (best > 0 ? Math.fround(Math.fround((score[i] as number) * ((share as Float32Array)[coverage(i)] as number)) / best) : 0)
      : (i: number): number => (best > 0 ? Math.fround((score[i] as number) / best) : 0);
    return { docs: matched.subarray(0, count), score, relevance, coverage, all: track ? (1 << words) - 1 : 0 };
  }

  /**
   * add() or addTracked() for the query's first list, with less to do per service: every score is 0 and
   * every stamp older than this query, and the list names each service once. A woken worker runs this
   * loop before it is compiled, over up to every service (#11).
   */
  private addFirst(ix: Postings, t: number, base: number, covers: number): number {
    const { score, stamp, matched, hidden } = this;
    const mark = (this.stampNo | (covers << 24)) >>> 0;
    const { docs, bits } = ix.lists.list(t);
    const weight = FIELD_WEIGHT.map((f) => base * f);
    let top = 0;
    let count = 0;
    for (let p = 0; p < docs.length; p++) {
      const d = docs[p] as number;
      if (hidden !== undefined && hidden[d] === 1) continue;
      stamp[d] = mark;
      const v = Math.fround(weight[bits[p] as number] as number);
      score[d] = v;
      if (v > top) top = v;
      matched[count++] = d;
    }
    // Every service here ends this add with the same share: the largest scaled score is the largest score times it.
    if (this.bestAsWeGo) this.best = Math.max(this.best, this.shareNow ? top * (this.shareNow[covers] as number) : top);
    return count;
  }

  /** Adds word `t`'s services to the scores (once per service per group, by the stamp); `base` is weight × idf; returns the matched count. */
  private add(ix: Postings, t: number, base: number, count: number): number {
    const { score, stamp, matched, hidden } = this;
    const s = this.stampNo;
    let top = 0;
    const { docs, bits } = ix.lists.list(t);
    for (let p = 0; p < docs.length; p++) {
      const d = docs[p] as number;
      if (stamp[d] === s || (hidden !== undefined && hidden[d] === 1)) continue;
      stamp[d] = s;
      const b = bits[p] as number;
      if (score[d] === 0) matched[count++] = d;
      const v = Math.fround((score[d] as number) + base * (FIELD_WEIGHT[b] as number));
      score[d] = v;
      if (v > top) top = v;
    }
    // Only unscaled queries (one typed word, or synonyms) come here.
    this.best = Math.max(this.best, top);
    return count;
  }

  /** add(), carrying in each stamp's top byte the typed words (`covers` bits) the service has matched in this query. */
  private addTracked(ix: Postings, t: number, base: number, covers: number, count: number): number {
    const { score, stamp, matched, hidden } = this;
    const s = this.stampNo;
    const first = this.firstStamp;
    const { docs, bits } = ix.lists.list(t);
    // The share factors when the largest scaled score is kept as we go (see query()).
    const share = this.bestAsWeGo ? this.shareNow : undefined;
    let top = 0;
    for (let p = 0; p < docs.length; p++) {
      const d = docs[p] as number;
      if (hidden !== undefined && hidden[d] === 1) continue;
      const v = stamp[d] as number;
      const low = v & STAMP_MASK;
      if (low === s) continue;
      const cov = (low >= first ? v >>> 24 : 0) | covers;
      stamp[d] = (s | (cov << 24)) >>> 0;
      const b = bits[p] as number;
      if (score[d] === 0) matched[count++] = d;
      const f = Math.fround((score[d] as number) + base * (FIELD_WEIGHT[b] as number));
      score[d] = f;
      if (share !== undefined) {
        const scaled = f * (share[cov] as number);
        if (scaled > top) top = scaled;
      }
    }
    if (share !== undefined) this.best = Math.max(this.best, top);
    return count;
  }
}
