/**
 * Builds the posting lists of the text index: for every word, the sorted
 * positions of the services that use it (all lists in one Uint32Array) and
 * which fields it appears in. Services are added in order, a slice at a
 * time, so the build can run in idle moments.
 */
import type { Resource } from '../resource';
import { SortedWords, Vocabulary, wordOrder, type WordOrder, type WordTable } from './text-vocab';

/** Characters of description indexed; the opening says what a service is, and this caps memory. */
export const DESCRIPTION_CHARS = 200;
/** Field bits stored per posting. */
export const TITLE = 1;
export const DESC = 2;
/** Shortest word that gets fuzzy matching. */
export const FUZZY_MIN = 5;

/** One word's services (ascending positions) and, for each, the fields it is in (TITLE | DESC). */
export interface PostingList {
  docs: Uint32Array;
  bits: Uint8Array;
}

/** Every word's posting list, by word id. */
export interface PostingLists {
  /** Services using word t. */
  df(t: number): number;
  /** Word t's list; `keep` false: not kept in a cache (a pass over every word). */
  list(t: number, keep?: boolean): PostingList;
}

/** Lists as built: word t's postings are docs[start[t]] .. docs[start[t + 1] - 1]. */
export class FlatLists implements PostingLists {
  constructor(
    readonly start: Uint32Array,
    readonly docs: Uint32Array,
    readonly bits: Uint8Array,
  ) {}

  df(t: number): number {
    return (this.start[t + 1] as number) - (this.start[t] as number);
  }

  list(t: number): PostingList {
    const from = this.start[t] as number;
    const to = this.start[t + 1] as number;
    return { docs: this.docs.subarray(from, to), bits: this.bits.subarray(from, to) };
  }
}

/**
 * Lists as stored in the snapshot (issue #11): word t's bytes are
 * data[offsets[t]] .. data[offsets[t + 1] - 1]: a varint count, then per
 * service a varint of (gap from the previous position - 1) × 4 + field bits.
 * A list is decoded when a query first needs it, and kept.
 */
export class PackedLists implements PostingLists {
  /** Each word's service count, read from its list's head when first asked (-1: not yet): a woken worker reads only the words a search uses (#11). */
  private readonly counts: Int32Array;
  private readonly cache = new Map<number, PostingList>();

  constructor(
    readonly offsets: Uint32Array,
    readonly data: Uint8Array,
  ) {
    this.counts = new Int32Array(offsets.length - 1).fill(-1);
  }

  df(t: number): number {
    let c = this.counts[t] as number;
    if (c < 0) {
      const { data } = this;
      let at = this.offsets[t] as number;
      c = 0;
      for (let b = 128, scale = 1; b & 128; scale *= 128) {
        b = data[at++] as number;
        c += (b & 127) * scale;
      }
      this.counts[t] = c;
    }
    return c;
  }

  list(t: number, keep = true): PostingList {
    const cached = this.cache.get(t);
    if (cached) return cached;
    const { data } = this;
    const n = this.df(t);
    const docs = new Uint32Array(n);
    const bits = new Uint8Array(n);
    let at = this.offsets[t] as number;
    while ((data[at++] as number) & 128);
    for (let k = 0, prev = -1; k < n; k++) {
      let b = data[at++] as number;
      let x = b & 127;
      for (let scale = 128; b & 128; scale *= 128) {
        b = data[at++] as number;
        x += (b & 127) * scale;
      }
      prev += Math.floor(x / 4) + 1;
      docs[k] = prev;
      bits[k] = x & 3;
    }
    const list = { docs, bits };
    if (keep) this.cache.set(t, list);
    return list;
  }

  /** Packs `lists`, word `order[k]` becoming word k. */
  static pack(lists: PostingLists, order: ArrayLike<number>): PackedLists {
    const v = order.length;
    const offsets = new Uint32Array(v + 1);
    let data = new Uint8Array(1 << 16);
    let at = 0;
    const put = (value: number): void => {
      if (at + 5 > data.length) {
        const grown = new Uint8Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      let x = value;
      while (x >= 128) {
        data[at++] = (x & 127) | 128;
        x = Math.floor(x / 128);
      }
      data[at++] = x;
    };
    for (let k = 0; k < v; k++) {
      const { docs, bits } = lists.list(order[k] as number, false);
      put(docs.length);
      for (let j = 0, prev = -1; j < docs.length; j++) {
        const d = docs[j] as number;
        put((d - prev - 1) * 4 + (bits[j] as number));
        prev = d;
      }
      offsets[k + 1] = at;
    }
    return new PackedLists(offsets, data.slice(0, at));
  }
}

/** The finished lists. */
export interface Postings {
  vocab: WordTable;
  lists: PostingLists;
  /** BM25-style inverse document frequency per word: rarer words count more. NaN: not worked out yet (idfAt). */
  idf: Float32Array;
  /** Words in code-unit order, with their ids, for prefix lookup by binary search. */
  order: WordOrder;
  /** Ids of words of each length (FUZZY_MIN - 1 and longer), for the fuzzy scan. */
  byLength: Map<number, number[]>;
}

interface Lists {
  start: Uint32Array;
  /** Next free place in each word's list while filling. */
  fill: Uint32Array;
  docs: Uint32Array;
  bits: Uint8Array;
}

export class PostingsBuilder {
  readonly vocab = new Vocabulary();
  /** Next service to add. */
  next = 0;
  private lastDoc = new Int32Array(1024).fill(-1);
  private slot = new Uint32Array(1024);
  private tok: Uint32Array;
  private tokBits: Uint8Array;
  private len = 0;
  private readonly docEnd: Uint32Array;
  private doc = 0;
  private bit = TITLE;
  private readonly onWord = (id: number): void => this.add(id);
  private lists?: Lists;
  private filled = 0;
  private filledTok = 0;

  constructor(private readonly resources: readonly Resource[]) {
    this.tok = new Uint32Array(Math.max(1024, resources.length * 24));
    this.tokBits = new Uint8Array(this.tok.length);
    this.docEnd = new Uint32Array(resources.length);
  }

  /** Adds services up to (not including) position `end`. */
  addUpTo(end: number): void {
    for (let i = this.next; i < Math.min(end, this.resources.length); i++) {
      const r = this.resources[i] as Resource;
      this.doc = i;
      this.bit = TITLE;
      this.vocab.scan(r.name, this.onWord);
      if (r.organisation) this.vocab.scan(r.organisation, this.onWord);
      for (const c of r.categories) this.vocab.scan(c, this.onWord);
      // Languages and who it is for are short and said on purpose ("Polish", "Carers"): title words (#16).
      if (r.languages) for (const l of r.languages) this.vocab.scan(l, this.onWord);
      if (r.communityGroups) for (const g of r.communityGroups) this.vocab.scan(g, this.onWord);
      this.bit = DESC;
      this.vocab.scan(r.description.length > DESCRIPTION_CHARS ? r.description.slice(0, DESCRIPTION_CHARS) : r.description, this.onWord);
      // Access details and interpretation are sentences: description words ("wheelchair", "BSL").
      if (r.accessibility) this.vocab.scan(r.accessibility.length > DESCRIPTION_CHARS ? r.accessibility.slice(0, DESCRIPTION_CHARS) : r.accessibility, this.onWord);
      if (r.interpretation) this.vocab.scan(r.interpretation.length > DESCRIPTION_CHARS ? r.interpretation.slice(0, DESCRIPTION_CHARS) : r.interpretation, this.onWord);
      this.docEnd[i] = this.len;
      this.next = i + 1;
    }
  }

  private add(id: number): void {
    if (id >= this.lastDoc.length) {
      const last = new Int32Array(this.lastDoc.length * 2).fill(-1);
      last.set(this.lastDoc);
      const slot = new Uint32Array(last.length);
      slot.set(this.slot);
      this.lastDoc = last;
      this.slot = slot;
    }
    // One posting per word per service; a word in both fields keeps both bits.
    if (this.lastDoc[id] === this.doc) {
      const at = this.slot[id] as number;
      this.tokBits[at] = (this.tokBits[at] as number) | this.bit;
      return;
    }
    if (this.len === this.tok.length) this.grow();
    this.lastDoc[id] = this.doc;
    this.slot[id] = this.len;
    this.tok[this.len] = id;
    this.tokBits[this.len++] = this.bit;
  }

  private grow(): void {
    // Projects the final size from the services added so far, so the buffer is copied about once.
    const projected = Math.ceil((this.len / Math.max(1, this.doc)) * this.resources.length * 1.1);
    const tok = new Uint32Array(Math.max(this.tok.length + 4096, projected));
    tok.set(this.tok);
    const bits = new Uint8Array(tok.length);
    bits.set(this.tokBits);
    this.tok = tok;
    this.tokBits = bits;
  }

  /**
   * One slice of the remaining work: adding services, then (once all are in)
   * filling the per-word lists. True when only finish() is left, which is short.
   */
  step(sliceDocs: number): boolean {
    const n = this.resources.length;
    if (this.next < n) {
      this.addUpTo(this.next + sliceDocs);
      return false;
    }
    this.fillUpTo(this.filled + sliceDocs * 2);
    return this.filled >= n;
  }

  /** Counts each word's services, so every list gets its place in one array. */
  private prepare(): void {
    const v = this.vocab.size;
    const start = new Uint32Array(v + 1);
    for (let k = 0; k < this.len; k++) {
      const j = (this.tok[k] as number) + 1;
      start[j] = (start[j] as number) + 1;
    }
    for (let t = 0; t < v; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    this.lists = { start, fill: start.slice(0, v), docs: new Uint32Array(this.len), bits: new Uint8Array(this.len) };
  }

  /** Turns per-service word lists into per-word service lists, for services up to `end`. */
  private fillUpTo(end: number): void {
    if (!this.lists) this.prepare();
    const { fill, docs, bits } = this.lists as Lists;
    const last = Math.min(end, this.resources.length);
    // Services are visited in order, so every word's list comes out sorted.
    for (let i = this.filled, k = this.filledTok; i < last; i++) {
      for (const stop = this.docEnd[i] as number; k < stop; k++) {
        const t = this.tok[k] as number;
        const p = fill[t] as number;
        fill[t] = p + 1;
        docs[p] = i;
        bits[p] = this.tokBits[k] as number;
      }
      this.filledTok = k;
    }
    this.filled = Math.max(this.filled, last);
  }

  /** Does whatever work is left and returns the finished lists. */
  finish(): Postings {
    const n = this.resources.length;
    this.addUpTo(n);
    this.fillUpTo(n);
    const { start, docs, bits } = this.lists as Lists;
    const v = this.vocab.size;
    const words = this.vocab.words;
    const lists = new FlatLists(start, docs, bits);
    const idf = idfsOf(n, lists, v);
    const ids = Array.from({ length: v }, (_, t) => t).sort((a, b) => ((words[a] as string) < (words[b] as string) ? -1 : 1));
    // Build-time buffers are dropped: only the finished lists stay in memory.
    this.tok = new Uint32Array(0);
    this.tokBits = new Uint8Array(0);
    const order = wordOrder(
      ids.map((t) => words[t] as string),
      Uint32Array.from(ids),
    );
    return { vocab: this.vocab, lists, idf, order, byLength: lengthBuckets(order) };
  }
}

/** BM25-style inverse document frequency of a word in `df` of `n` services (stored as a float32). */
export const idfOf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

function idfsOf(n: number, lists: PostingLists, v: number): Float32Array {
  const idf = new Float32Array(v);
  for (let t = 0; t < v; t++) idf[t] = idfOf(n, lists.df(t));
  return idf;
}

/** Word `t`'s idf among `n` services, worked out and kept on first use where the postings left it NaN. */
export function idfAt(idf: Float32Array, lists: PostingLists, n: number, t: number): number {
  let w = idf[t] as number;
  if (Number.isNaN(w)) {
    idf[t] = idfOf(n, lists.df(t));
    w = idf[t] as number;
  }
  return w;
}

/**
 * Ids of words by length, each bucket in word order (not id order): ids
 * depend on which service used a word first, so a snapshot that also holds
 * hidden services would otherwise list fuzzy candidates in another order.
 */
function lengthBuckets(order: WordOrder): Map<number, number[]> {
  const byLength = new Map<number, number[]>();
  for (let k = 0; k < order.size; k++) {
    const len = order.lengthAt(k);
    if (len < FUZZY_MIN - 1) continue;
    const t = order.idAt(k);
    const bucket = byLength.get(len);
    if (bucket) bucket.push(t);
    else byLength.set(len, [t]);
  }
  return byLength;
}

/**
 * Postings as plain data, for the index snapshot kept in IndexedDB (issue
 * #11): the words in code-unit order (word k is id k) joined by spaces, with
 * each word's end, and their lists packed (PackedLists). idf and the lookup
 * tables are worked out again when read.
 */
export interface PostingsData {
  words: string;
  /** Where word k ends in `words` (word k + 1 starts one after it). */
  wordEnds: Uint32Array;
  offsets: Uint32Array;
  data: Uint8Array;
}

export function postingsData(p: Postings): PostingsData {
  const { order } = p;
  const ids = new Uint32Array(order.size);
  const words: string[] = new Array<string>(order.size);
  for (let k = 0; k < order.size; k++) {
    ids[k] = order.idAt(k);
    words[k] = order.wordAt(k);
  }
  const packed = PackedLists.pack(p.lists, ids);
  const sorted = SortedWords.of(words);
  return { words: sorted.text, wordEnds: sorted.wordEnds, offsets: packed.offsets, data: packed.data };
}

/** Postings back from their data: each word's idf, the length buckets and each list worked out when a query needs them. */
export function postingsFromData(d: PostingsData): Postings {
  const words = new SortedWords(d.words, d.wordEnds);
  let byLength: Map<number, number[]> | undefined;
  return {
    vocab: words,
    lists: new PackedLists(d.offsets, d.data),
    idf: new Float32Array(words.size).fill(Number.NaN),
    order: words,
    // Only a fuzzy search needs them.
    get byLength() {
      return (byLength ??= lengthBuckets(words));
    },
  };
}
