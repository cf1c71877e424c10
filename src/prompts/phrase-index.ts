/**
 * A compiled set of phrases, indexed by first word, so one pass over the
 * tokens of the notes finds every phrase at once however many rules ask.
 *
 * Phrase syntax (docs/prompts.md, "Writing phrases"), kept small so a practice
 * can read it: words are matched on word boundaries with simple plurals;
 * `a|b` is either word; `struggl*` is any word starting "struggl"; `~3` is up
 * to three other words of the same clause ("behind ~3 rent" finds "behind with
 * the rent" and "behind on her rent"); `~~3` may also cross a comma.
 */
import { currentIds, type Token, phraseWordCount, phraseWordId, phraseWords, pluralForms, wordMatches } from './tokenize';

/** One word of an alternative: exact (with simple plurals) or a prefix (`struggl*`). */
export interface AltWord {
  word: string;
  prefix: boolean;
}
/**
 * One position of a phrase: any of the alternatives (each one or more words),
 * or a gap of up to `gap` words. A word slot also keeps its one-word
 * alternatives ready for matching: every accepted form in a set (and their
 * phrase-word numbers, which the matcher compares), and prefixes.
 */
export type Slot =
  | { alts: AltWord[][]; ids: Set<number>; prefixes: string[]; multi: AltWord[][]; gap?: undefined }
  | { gap: number; acrossClauses: boolean; alts?: undefined };

/** A slot of words (not a gap). */
export type WordSlot = Extract<Slot, { ids: Set<number> }>;

export interface CompiledPhrase {
  /** The phrase as the rule or lexicon wrote it. */
  phrase: string;
  slots: Slot[];
  /** Its position in the index's `phrases`, for look-ups by number. */
  id: number;
  /**
   * For each later word slot, the numbers of the words it can start with (fewest first): a text
   * that lacks all of one slot's words is never tried word by word.
   */
  needs: readonly Int32Array[];
}

export interface PhraseIndex {
  phrases: CompiledPhrase[];
  byFirstWord: Map<string, CompiledPhrase[]>;
  /** Phrases whose first word is a prefix (`struggl*`), by the prefix's first PREFIX_KEY letters. */
  byPrefix: Map<string, CompiledPhrase[]>;
}

/** A phrase found at tokens [first, last] (inclusive). */
export interface RawMatch {
  phrase: CompiledPhrase;
  first: number;
  last: number;
}

const PREFIX_KEY = 3;
const MAX_GAP = 9;

// Phrases repeat the same alternatives thousands of times ("her", "to", a list of relations), and reading one runs the
// tokenizer: each text is read once (#17: the sidebar compiles the rules on every open).
const altCache = new Map<string, AltWord[]>();

/** The words of one alternative; `word*` is a prefix when at least PREFIX_KEY letters long. */
function altWords(alt: string): AltWord[] {
  let words = altCache.get(alt);
  if (!words) {
    words = readAltWords(alt);
    altCache.set(alt, words);
  }
  return words;
}

function readAltWords(alt: string): AltWord[] {
  const out: AltWord[] = [];
  for (const piece of alt.trim().split(/\s+/)) {
    if (!piece) continue;
    const prefix = piece.endsWith('*');
    const words = phraseWords(prefix ? piece.slice(0, -1) : piece);
    words.forEach((word, i) => out.push({ word, prefix: prefix && i === words.length - 1 && word.length >= PREFIX_KEY }));
  }
  return out;
}

// The same word slots recur across thousands of phrases ("to", "her|his", a list of relations): build each once.
const slotCache = new Map<string, Slot>();

function wordSlot(alts: AltWord[][]): Slot {
  const key = alts.map((alt) => alt.map((w) => (w.prefix ? `${w.word}*` : w.word)).join(' ')).join('|');
  const cached = slotCache.get(key);
  if (cached) return cached;
  const slot = buildWordSlot(alts);
  slotCache.set(key, slot);
  return slot;
}

function buildWordSlot(alts: AltWord[][]): Slot {
  // Only the forms' numbers are kept: every form has one, so a text word is a form exactly when its number is here
  // (a set of the strings as well doubled the index's sets, a quarter of its memory and compile; #17).
  const ids = new Set<number>();
  const prefixes: string[] = [];
  const multi: AltWord[][] = [];
  for (const alt of alts) {
    const only = alt.length === 1 ? alt[0] : undefined;
    if (!only) multi.push(alt);
    else if (only.prefix) prefixes.push(only.word);
    else for (const form of pluralForms(only.word)) ids.add(phraseWordId(form));
  }
  return { alts, ids, prefixes, multi };
}

/**
 * What is wrong with a phrase's brackets, if anything: the syntax has one level of "( | )" and no more, so a bracket
 * inside a bracket or one left open would be read as other words and silently never match; an empty choice
 * ("rent (arrears|)") is dropped, so the phrase never matches without one of the others; and a "?" after a bracket
 * or a word is no "optional" mark (the syntax has none) but is dropped, so the words before it are required.
 */
export function bracketProblem(phrase: string): string | undefined {
  let depth = 0;
  for (const c of phrase) {
    if (c === '(') {
      depth += 1;
      if (depth > 1) return 'has a bracket inside a bracket: write each choice as its own phrase';
    } else if (c === ')') {
      depth -= 1;
      if (depth < 0) return 'closes a bracket it never opened';
    }
  }
  if (depth !== 0) return 'opens a bracket it never closes';
  // "(the)? heating" reads as "the heating": the syntax has no optional words, and a "?" is dropped (code review).
  if (phrase.includes('?')) return 'has a "?": the syntax has no optional words; write the phrase with and without them';
  if (/\(\s*\||\|\s*\)|\|\s*\|/.test(phrase)) return 'has an empty choice: write the phrase with and without the word';
  // "(falling behind ~1 with|behind with)": a gap is a slot of its own, so inside a bracket "~1" is read as the word "1"
  // and that choice never matches (five such phrases were found in the twenty-ninth session).
  if (/\([^)]*~/.test(phrase)) return 'has a gap (~) inside a bracket: a choice is words only; write the phrase with the gap as its own phrase';
  return undefined;
}

/** Parse one phrase into slots; an empty list when it has no words. */
export function phraseSlots(phrase: string): Slot[] {
  const slots: Slot[] = [];
  // "(a b|c)" is one slot whose alternatives may be several words; a bare piece is a word, "a|b", "word*" or a gap "~N".
  for (const m of String(phrase).matchAll(/\(([^)]*)\)|(\S+)/g)) {
    const piece = pieceSlots(m[0], m[1]);
    // A gap only makes sense between words.
    if (piece.length === 1 && piece[0]?.gap !== undefined && slots.length === 0) continue;
    for (const slot of piece) slots.push(slot);
  }
  while (slots.length > 0 && slots[slots.length - 1]?.gap !== undefined) slots.pop();
  return slots;
}

// The rules' phrases are built from a few thousand pieces used over and over ("~2", "her|his", a bracket of relations):
// each piece is read once. Slots are never changed after they are built, so they are shared (see wordSlot).
const pieceCache = new Map<string, readonly Slot[]>();

/** The slots of one piece of a phrase: `group` is the inside of "( )" when the piece is a bracket. */
function pieceSlots(text: string, group: string | undefined): readonly Slot[] {
  const cached = pieceCache.get(text);
  if (cached) return cached;
  const slots = readPiece(text, group);
  pieceCache.set(text, slots);
  return slots;
}

function readPiece(piece: string, group: string | undefined): Slot[] {
  if (group === undefined) {
    const gap = /^(~~?)(\d)$/.exec(piece);
    if (gap) return [{ gap: Math.min(MAX_GAP, Number(gap[2])), acrossClauses: gap[1] === '~~' }];
  }
  // A bracket's inside, or a bare "a|b", is one slot of alternatives.
  const choices = group ?? (piece.includes('|') ? piece : undefined);
  if (choices !== undefined) {
    const alts = choices.split('|').map(altWords).filter((a) => a.length > 0);
    return alts.length > 0 ? [wordSlot(alts)] : [];
  }
  return altWords(piece).map((w) => wordSlot([[w]]));
}

/**
 * Every notes phrase compiled in this page or worker (the default rules, a practice's own, the context cues): the words they
 * can match (each word of each alternative, with its plurals) and their `word*` prefixes. What the prompts can read of
 * a text (src/prompts/vocabulary.ts) is what is in here.
 */
const compiledVocabulary = {
  words: new Set<string>(),
  /** Prefixes of `word*` alternatives, by their first PREFIX_KEY letters. */
  prefixes: new Map<string, string[]>(),
  /** Words a phrase of one word can match by themselves ("charlie", "arrears"), with their plurals. */
  alone: new Set<string>(),
  /** Words as a phrase writes them, without the plurals worked out for them ("parkinsons", not "hdles" from "hdl"). */
  written: new Set<string>(),
  /** Words and prefixes learned so far: it grows with each one, so a cache of what is read can key on it. */
  size: 0,
};

function learnSlots(slots: readonly Slot[]): void {
  const v = compiledVocabulary;
  const one = slots.length === 1;
  for (const slot of slots) {
    if (slot.alts === undefined) continue;
    for (const alt of slot.alts) {
      for (const w of alt) {
        if (!w.prefix) {
          v.written.add(w.word);
          for (const form of pluralForms(w.word)) {
            if (!v.words.has(form)) {
              v.words.add(form);
              v.size += 1;
            }
            if (one && alt.length === 1) v.alone.add(form);
          }
          continue;
        }
        const key = w.word.slice(0, PREFIX_KEY);
        const list = v.prefixes.get(key);
        if (list?.includes(w.word)) continue;
        if (list) list.push(w.word);
        else v.prefixes.set(key, [w.word]);
        v.size += 1;
      }
    }
  }
}

/** How many words and prefixes the compiled phrases hold (it only grows): a cache of what is read may key on it. */
export function vocabularySize(): number {
  return compiledVocabulary.size;
}

/** Whether a phrase compiled in this page or worker writes this normalised word itself (not only as a plural of another). */
export function phraseWritesWord(word: string): boolean {
  return compiledVocabulary.written.has(word);
}

/** Whether a phrase of one word, compiled in this page or worker, matches this normalised word by itself. */
export function matchedAlone(word: string): boolean {
  return compiledVocabulary.alone.has(word);
}

/**
 * How a normalised word (tokenize.ts) is one that the phrases compiled so far can match: 'word' when a phrase has it
 * (or its plural), else the longest `word*` prefix it starts with, else undefined.
 */
export function phraseVocabularyFit(word: string): 'word' | string | undefined {
  const v = compiledVocabulary;
  if (v.words.has(word)) return 'word';
  let best: string | undefined;
  for (const p of v.prefixes.get(word.slice(0, PREFIX_KEY)) ?? []) if (word.startsWith(p) && (best === undefined || p.length > best.length)) best = p;
  return best;
}

/**
 * Compile phrases once; empty or punctuation-only phrases are ignored. `readsNotes: false` for phrases matched against
 * something other than a patient's notes (a problem list's terms, a caller's own search): their words are not what the
 * prompts read of notes, so they stay out of the vocabulary pasted notes are kept to (ADR 0013). Thirty-seventh session:
 * the long-term conditions table's terms had made "gout" a word the prompts read, whenever its module had loaded first.
 */
export function compilePhrases(phrases: readonly string[], readsNotes = true): PhraseIndex {
  return runSteps(compilePhrasesInSteps(phrases, readsNotes));
}

/** A generator run to its end at once (the synchronous form of a sliced computation). */
export function runSteps<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** How many phrases are compiled between two pauses of a sliced compile (a few milliseconds' work). */
const PHRASES_PER_STEP = 150;

/**
 * compilePhrases in steps: it pauses (yields) every PHRASES_PER_STEP phrases, so a page can
 * compile a large rule set in short tasks while staying responsive to clicks (issue #17).
 */
export function* compilePhrasesInSteps(phrases: readonly string[], readsNotes = true): Generator<void, PhraseIndex> {
  const seen = new Set<string>();
  const list: CompiledPhrase[] = [];
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  const byPrefix = new Map<string, CompiledPhrase[]>();
  const file = (map: Map<string, CompiledPhrase[]>, key: string, p: CompiledPhrase): void => {
    const bucket = map.get(key);
    if (!bucket) map.set(key, [p]);
    else if (!bucket.includes(p)) bucket.push(p);
  };
  for (const phrase of phrases) {
    if (typeof phrase !== 'string' || seen.has(phrase)) continue;
    seen.add(phrase);
    if (seen.size % PHRASES_PER_STEP === 0) yield;
    const slots = phraseSlots(phrase);
    if (readsNotes) learnSlots(slots);
    const first = slots[0];
    if (!first?.alts) continue;
    const compiled: CompiledPhrase = { phrase, slots, id: list.length, needs: requiredForms(slots) };
    list.push(compiled);
    for (const alt of first.alts) {
      const w = alt[0] as AltWord;
      if (w.prefix) file(byPrefix, w.word.slice(0, PREFIX_KEY), compiled);
      // Filed under its first word's plurals too, so look-up is one map hit per token.
      else for (const form of pluralForms(w.word)) file(byFirstWord, form, compiled);
    }
  }
  return { phrases: list, byFirstWord, byPrefix };
}


/**
 * For each word slot after the first, the numbers of the words it can start with (the forms of
 * its one-word alternatives and of its several-word alternatives' first words), fewest first: the
 * text must have one of each. A slot with a prefix (`struggl*`) can start with too many words to list.
 */
function requiredForms(slots: readonly Slot[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (let k = 1; k < slots.length; k += 1) {
    const slot = slots[k] as Slot;
    if (slot.alts === undefined) continue;
    const starts = startIds(slot);
    if (starts !== undefined && !out.includes(starts)) out.push(starts);
  }
  return out.sort((a, b) => a.length - b.length);
}

const startIdsOf = new WeakMap<Slot, Int32Array | null>();

/** The numbers of the words a word slot can start with, or undefined when a prefix makes that open-ended (worked out once per slot). */
function startIds(slot: WordSlot): Int32Array | undefined {
  let starts = startIdsOf.get(slot);
  if (starts === undefined) {
    if (slot.prefixes.length > 0 || slot.multi.some((alt) => (alt[0] as AltWord).prefix)) starts = null;
    else {
      let ids = slot.ids;
      if (slot.multi.length > 0) {
        ids = new Set(ids);
        for (const alt of slot.multi) for (const form of pluralForms((alt[0] as AltWord).word)) ids.add(phraseWordId(form));
      }
      starts = Int32Array.from(ids);
    }
    startIdsOf.set(slot, starts);
  }
  return starts ?? undefined;
}

/** What may start at a token with a given word, worked out once per word and index. */
interface Entry {
  /** One-word phrases this word already is: a match, no further checks. */
  singles: readonly CompiledPhrase[];
  /** Longer phrases (or several-word alternatives) starting with this word: checked word by word. */
  longer: readonly CompiledPhrase[];
  /** Phrases of two plain first words, by the second word's number. */
  two: Map<number, CompiledPhrase[]> | undefined;
  /**
   * `longer` less the phrases that cannot match the text being scanned (a word they need is not there), worked out
   * the first time the scan meets this word (`scan`): "no" and "not" start hundreds of phrases and come back many
   * times in a long note, and each time only these few are tried. The array is re-used from scan to scan.
   */
  live: CompiledPhrase[];
  scan: number;
}
/** Entries of one index: by word number, and by word for words no phrase uses (only a prefix can start there). */
interface Entries {
  byId: (Entry | undefined)[];
  byWord: Map<string, Entry>;
}
const entryCache = new WeakMap<PhraseIndex, Entries>();
const ENTRY_CACHE_LIMIT = 50_000;
const NO_PHRASES: readonly CompiledPhrase[] = [];
let scans = 0;
const EMPTY: Entry = { singles: NO_PHRASES, longer: NO_PHRASES, two: undefined, live: [], scan: 0 };

function entryFor(index: PhraseIndex, entries: Entries, tok: Token): Entry {
  const word = tok.word;
  const exact = index.byFirstWord.get(word) ?? NO_PHRASES;
  const prefixed = (index.byPrefix.get(word.slice(0, PREFIX_KEY)) ?? NO_PHRASES).filter((p) => !exact.includes(p));
  const singles: CompiledPhrase[] = [];
  const longer: CompiledPhrase[] = [];
  let two: Map<number, CompiledPhrase[]> | undefined;
  for (const p of [...exact, ...prefixed]) {
    const first = p.slots[0] as WordSlot;
    // This word is the whole first slot when it is one of its one-word forms (the token's number is current:
    // findRawMatches made it so) or prefixes.
    const oneWord = first.ids.has(tok.id) || fitsPrefix(first.prefixes, word);
    const second = p.slots[1];
    if (oneWord && !second) singles.push(p);
    else if (oneWord && second && plainWords(second)) {
      two ??= new Map();
      for (const id of second.ids) {
        const bucket = two.get(id);
        if (bucket) bucket.push(p);
        else two.set(id, [p]);
      }
      // A several-word alternative of the first slot may still start with this word.
      if (first.multi.length > 0) longer.push(p);
    } else if (oneWord || first.multi.some((alt) => wordFits(alt[0] as AltWord, word))) longer.push(p);
  }
  const entry: Entry = singles.length === 0 && longer.length === 0 && !two ? EMPTY : { singles, longer, two, live: [], scan: 0 };
  if (tok.id >= 0) {
    // Kept a dense array (filled to its length), so look-ups by number stay fast.
    while (entries.byId.length <= tok.id) entries.byId.push(undefined);
    entries.byId[tok.id] = entry;
  } else {
    if (entries.byWord.size >= ENTRY_CACHE_LIMIT) entries.byWord.clear();
    entries.byWord.set(word, entry);
  }
  return entry;
}

/** A word slot whose alternatives are all single plain words (no prefix, no several-word alternative). */
function plainWords(slot: Slot): slot is WordSlot {
  return slot.alts !== undefined && slot.prefixes.length === 0 && slot.multi.length === 0;
}

/** Every occurrence of every phrase, within one sentence, in text order. */
export function findRawMatches(tokens: readonly Token[], index: PhraseIndex, options: { prefilter?: boolean } = {}): RawMatch[] {
  const out: RawMatch[] = [];
  let entries = entryCache.get(index);
  if (!entries) entryCache.set(index, (entries = { byId: [], byWord: new Map() }));
  // Most phrases that start at a common word ("no", "not", "her") need a later word the text never has:
  // each phrase is checked against the text's words once per call (0 not yet, 1 may match, 2 cannot).
  // (`prefilter: false` tries every phrase: the same matches, slower; the tests compare the two.)
  currentIds(tokens);
  const present = markPresent(tokens);
  const verdict = new Uint8Array(index.phrases.length);
  if (options.prefilter === false) verdict.fill(1);
  // A number per call that never repeats (2^53 calls), unlike the stamps' counter, which wraps.
  const scan = (scans += 1);
  for (let i = 0; i < tokens.length; i += 1) {
    const tok = tokens[i] as Token;
    const entry = (tok.id >= 0 ? entries.byId[tok.id] : entries.byWord.get(tok.word)) ?? entryFor(index, entries, tok);
    if (entry === EMPTY) continue;
    for (let j = 0; j < entry.singles.length; j += 1) out.push({ phrase: entry.singles[j] as CompiledPhrase, first: i, last: i });
    const live = entry.live;
    if (entry.scan !== scan) {
      live.length = 0;
      for (let j = 0; j < entry.longer.length; j += 1) if (mayMatch(entry.longer[j] as CompiledPhrase, verdict, present)) live.push(entry.longer[j] as CompiledPhrase);
      entry.scan = scan;
    }
    for (let j = 0; j < live.length; j += 1) {
      const p = live[j] as CompiledPhrase;
      const last = matchFrom(tokens, i, p.slots, 0, tok.sentence);
      if (last >= 0) out.push({ phrase: p, first: i, last });
    }
    if (entry.two === undefined) continue;
    const next = tokens[i + 1];
    const two = next !== undefined && next.sentence === tok.sentence && next.id >= 0 ? entry.two.get(next.id) : undefined;
    if (two === undefined) continue;
    for (let j = 0; j < two.length; j += 1) {
      const p = two[j] as CompiledPhrase;
      if (!mayMatch(p, verdict, present)) continue;
      const last = matchFrom(tokens, i + 2, p.slots, 2, tok.sentence);
      if (last >= 0) out.push({ phrase: p, first: i, last });
    }
  }
  return out;
}

/** Whether a phrase may match the text: each needed word is there (worked out once per call, kept in `verdict`: 1 may, 2 cannot). */
function mayMatch(p: CompiledPhrase, verdict: Uint8Array, present: Present): boolean {
  let v = verdict[p.id] as number;
  if (v === 0) {
    v = 1;
    for (let k = 0; k < p.needs.length && v === 1; k += 1) if (!anyIn(p.needs[k] as Int32Array, present)) v = 2;
    verdict[p.id] = v;
  }
  return v === 1;
}

/**
 * The phrase words of the text being scanned: `stamps[id] === scan` for each. One array for
 * every scan (a scan runs to its end before another starts), so marking a text costs no set.
 */
interface Present {
  stamps: Uint32Array;
  scan: number;
}
const present: Present = { stamps: new Uint32Array(0), scan: 0 };

function markPresent(tokens: readonly Token[]): Present {
  const count = phraseWordCount();
  if (present.stamps.length < count) present.stamps = new Uint32Array(Math.max(count, present.stamps.length * 2));
  present.scan += 1;
  if (present.scan === 0xffffffff) {
    present.stamps.fill(0);
    present.scan = 1;
  }
  const { stamps, scan } = present;
  for (let i = 0; i < tokens.length; i += 1) {
    const id = (tokens[i] as Token).id;
    if (id >= 0) stamps[id] = scan;
  }
  return present;
}

/** Whether any of the words numbered `ids` is in the text. */
function anyIn(ids: Int32Array, { stamps, scan }: Present): boolean {
  for (let k = 0; k < ids.length; k += 1) if (stamps[ids[k] as number] === scan) return true;
  return false;
}

/** Whether a word slot could begin at this token (its one-word forms, prefixes, or a several-word alternative's first word). */
function mayStart(slot: WordSlot, tok: Token): boolean {
  if (slot.ids.has(tok.id) || (slot.prefixes.length > 0 && fitsPrefix(slot.prefixes, tok.word))) return true;
  for (let a = 0; a < slot.multi.length; a += 1) if (wordFits((slot.multi[a] as AltWord[])[0] as AltWord, tok.word)) return true;
  return false;
}

function fitsPrefix(prefixes: readonly string[], word: string): boolean {
  for (let k = 0; k < prefixes.length; k += 1) if (word.startsWith(prefixes[k] as string)) return true;
  return false;
}

const wordFits = (w: AltWord, text: string): boolean => (w.prefix ? text.startsWith(w.word) : wordMatches(text, w.word));

/** Match slots[k..] from token i; the last token index, or -1. The whole phrase stays in one sentence; gaps stay in one clause. */
function matchFrom(tokens: readonly Token[], i: number, slots: readonly Slot[], k: number, sentence: number): number {
  // Plain one-word slots are stepped through in a loop; only gaps and several-word alternatives branch.
  for (;;) {
    if (k >= slots.length) return i - 1;
    const slot = slots[k] as Slot;
    if (slot.gap !== undefined) {
      const before = tokens[i - 1] as Token;
      const after = slots[k + 1];
      for (let g = 0; g <= slot.gap; g += 1) {
        const next = tokens[i + g];
        if (next === undefined || next.sentence !== sentence || (!slot.acrossClauses && next.clause !== before.clause)) break;
        // Try the rest only where the word after the gap could start (most places it cannot).
        if (after?.alts !== undefined && !mayStart(after, next)) continue;
        const last = matchFrom(tokens, i + g, slots, k + 1, sentence);
        if (last >= 0) return last;
      }
      return -1;
    }
    const tok = tokens[i];
    if (tok === undefined || tok.sentence !== sentence) return -1;
    const one = slot.ids.has(tok.id) || (slot.prefixes.length > 0 && fitsPrefix(slot.prefixes, tok.word));
    if (slot.multi.length === 0) {
      if (!one) return -1;
      i += 1;
      k += 1;
      continue;
    }
    if (one) {
      const last = matchFrom(tokens, i + 1, slots, k + 1, sentence);
      if (last >= 0) return last;
    }
    for (let a = 0; a < slot.multi.length; a += 1) {
      const alt = slot.multi[a] as AltWord[];
      let ok = true;
      for (let j = 0; j < alt.length && ok; j += 1) {
        const t = tokens[i + j];
        ok = t !== undefined && t.sentence === sentence && wordFits(alt[j] as AltWord, t.word);
      }
      if (!ok) continue;
      const last = matchFrom(tokens, i + alt.length, slots, k + 1, sentence);
      if (last >= 0) return last;
    }
    return -1;
  }
}
