/**
 * Word -> id table for the text index. It reads words straight out of a text
 * (hashing character codes as it goes) instead of splitting the text and
 * looking each piece up in a Map: at 100k services that cut the index build
 * from ~1 s to a fraction, mostly by not creating millions of short strings.
 * Words are cut exactly as indexWords() in text-words.ts cuts them.
 */
import { lowerBound } from '../../lib/sorted';
import { isApostropheCode } from '../../lib/words';
import { foldWord } from './text-words';

const EMPTY = -1;
const MAX_WORD = 64;

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function hashCodes(codes: Uint16Array, len: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < len; k++) h = Math.imul(h ^ (codes[k] as number), 0x01000193);
  return h >>> 0;
}

/** Word -> id lookup over a fixed list of words. */
export interface WordTable {
  /** Id of an already cut word (lower-case, folded), if the table has it. */
  id(word: string): number | undefined;
  /** The word with id `t`. */
  word(t: number): string;
}

/** The words in code-unit order (for prefix look-ups and the fuzzy buckets): the k-th word and its id. */
export interface WordOrder {
  readonly size: number;
  wordAt(k: number): string;
  lengthAt(k: number): number;
  idAt(k: number): number;
  /** The first place whose word is not less than `word` (size when none). */
  lowerBound(word: string): number;
}

/** Words already in code-unit order, with their ids (the order of a freshly built vocabulary). */
export function wordOrder(sorted: readonly string[], ids: Uint32Array): WordOrder {
  const wordAt = (k: number): string => sorted[k] as string;
  return {
    size: sorted.length,
    wordAt,
    lengthAt: (k) => (sorted[k] as string).length,
    idAt: (k) => ids[k] as number,
    lowerBound: (word) => lowerBound(sorted.length, (k) => wordAt(k) < word),
  };
}

/**
 * Words in code-unit order, ids being their places, kept as one space-joined
 * string with each word's end (as the index snapshot stores them, issue #11)
 * and looked up by binary search. A woken worker neither hashes the words again
 * (~35 ms at 100k words) nor splits them (~5 ms): a word is cut out when asked.
 */
export class SortedWords implements WordTable, WordOrder {
  /** `wordEnds[k]`: where word k ends in `text` (word k + 1 starts one after it). */
  constructor(
    readonly text: string,
    readonly wordEnds: Uint32Array,
  ) {}

  /** From words already in code-unit order. */
  static of(words: readonly string[]): SortedWords {
    const ends = new Uint32Array(words.length);
    for (let k = 0, at = -1; k < words.length; k++) ends[k] = at += (words[k] as string).length + 1;
    return new SortedWords(words.join(' '), ends);
  }

  get size(): number {
    return this.wordEnds.length;
  }

  private start(k: number): number {
    return k === 0 ? 0 : (this.wordEnds[k - 1] as number) + 1;
  }

  wordAt(k: number): string {
    return this.text.slice(this.start(k), this.wordEnds[k]);
  }

  lengthAt(k: number): number {
    return (this.wordEnds[k] as number) - this.start(k);
  }

  idAt(k: number): number {
    return k;
  }

  word(t: number): string {
    return this.wordAt(t);
  }

  lowerBound(word: string): number {
    return lowerBound(this.size, (k) => this.wordAt(k) < word);
  }

  id(word: string): number | undefined {
    const k = this.lowerBound(word);
    return k < this.size && this.wordAt(k) === word ? k : undefined;
  }
}

export class Vocabulary implements WordTable {
  /** Words by id. */
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private table = new Int32Array(1 << 12).fill(EMPTY);
  private readonly buf = new Uint16Array(MAX_WORD);

  /** Number of distinct words. */
  get size(): number {
    return this.words.length;
  }

  word(t: number): string {
    return this.words[t] as string;
  }

  /** Id of an already cut word (lower-case, folded), if the table has it. */
  id(word: string): number | undefined {
    if (word.length > MAX_WORD) return undefined;
    for (let k = 0; k < word.length; k++) this.buf[k] = word.charCodeAt(k);
    const found = this.find(word.length, hashCodes(this.buf, word.length));
    return found < 0 ? undefined : found;
  }

  /**
   * Calls `onWord` with the id of every word in `text` (lower-cased,
   * apostrophes dropped, one-letter words skipped, plurals folded), adding
   * new words to the table.
   */
  scan(text: string, onWord: (id: number) => void): void {
    const buf = this.buf;
    let len = 0;
    for (let k = 0; k <= text.length; k++) {
      let c = k < text.length ? text.charCodeAt(k) : 32;
      // ASCII is lower-cased here; anything else goes through toLowerCase(), which can turn e.g. the Kelvin sign into "k".
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      if (isWordChar(c)) {
        // Overlong "words" (ids, URLs) are cut; the remainder still counts as one word.
        if (len < MAX_WORD) buf[len++] = c;
      } else if (!isApostropheCode(c) && len > 0) {
        if (len > 1) onWord(this.intern(len));
        len = 0;
      }
    }
  }

  private intern(rawLen: number): number {
    const len = this.fold(rawLen);
    const h = hashCodes(this.buf, len);
    const found = this.find(len, h);
    if (found >= 0) return found;
    const id = this.words.length;
    this.words.push(String.fromCharCode(...this.buf.subarray(0, len)));
    this.hashes.push(h);
    if (id * 2 >= this.table.length) this.rehash();
    this.place(id, h);
    return id;
  }

  /** foldWord() on the buffer; returns the folded length. */
  private fold(len: number): number {
    const b = this.buf;
    if (len <= 3 || b[len - 1] !== 115) return len;
    const p = b[len - 2];
    if (len > 4 && p === 101 && b[len - 3] === 105) {
      b[len - 3] = 121;
      return len - 2;
    }
    return p === 115 || p === 117 || p === 105 ? len : len - 1;
  }

  /** Id of the buffered word, or -1. */
  private find(len: number, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot] as number;
      if (id === EMPTY) return -1;
      if (this.hashes[id] === h && this.equals(id, len)) return id;
    }
  }

  private equals(id: number, len: number): boolean {
    const w = this.words[id] as string;
    if (w.length !== len) return false;
    for (let k = 0; k < len; k++) if (w.charCodeAt(k) !== this.buf[k]) return false;
    return true;
  }

  private place(id: number, h: number): void {
    const mask = this.table.length - 1;
    let slot = h & mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.table[slot] = id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    this.hashes.forEach((h, id) => this.place(id, h));
  }
}

/** Folds and looks up a typed word, the way scan() cut the indexed ones. */
export const lookupWord = (vocab: WordTable, word: string): number | undefined => vocab.id(foldWord(word));
