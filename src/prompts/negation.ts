/**
 * Decides which phrase matches are negated ("no money worries", "denies
 * alcohol", "housing not a problem"). A simple, explainable NegEx-style
 * scheme driven by negation.json, so a practice can read and tune it.
 * Cues are looked up by token position, so the cost stays linear in the notes.
 */
import negation from './negation.json';
import { compilePhrases, findRawMatches, type RawMatch } from './phrase-index';
import type { Token } from './tokenize';

type CueKind = 'before' | 'after' | 'pseudo' | 'terminator';
interface CueMeta {
  scope: 'clause' | 'sentence';
  window: number;
}

const kinds = new Map<string, Set<CueKind>>();
const addKind = (phrase: string, kind: CueKind): void => {
  const set = kinds.get(phrase) ?? new Set<CueKind>();
  set.add(kind);
  kinds.set(phrase, set);
};
const beforeMeta = new Map<string, CueMeta>();
for (const c of negation.before) {
  beforeMeta.set(c.cue, { scope: c.scope === 'sentence' ? 'sentence' : 'clause', window: c.window });
  addKind(c.cue, 'before');
}
for (const c of negation.after.cues) addKind(c, 'after');
for (const c of negation.pseudo) addKind(c, 'pseudo');
for (const c of negation.terminators) addKind(c, 'terminator');
const cueIndex = compilePhrases([...kinds.keys()]);
const AFTER_WINDOW = negation.after.window;
const MAX_BEFORE_WINDOW = Math.max(...negation.before.map((c) => c.window));

/** Sparse lists by token position (most positions have none). */
class ByPosition {
  private readonly map = new Map<number, RawMatch[]>();
  add(at: number, m: RawMatch): void {
    const list = this.map.get(at);
    if (list) list.push(m);
    else this.map.set(at, [m]);
  }
  get(at: number): readonly RawMatch[] {
    return this.map.get(at) ?? NONE;
  }
}
const NONE: readonly RawMatch[] = [];

/** For each match (same order), whether it is negated in its sentence. */
export function markNegated(tokens: readonly Token[], matches: readonly RawMatch[]): boolean[] {
  if (matches.length === 0) return [];
  const n = tokens.length;
  const matchesByFirst = new ByPosition();
  for (const m of matches) matchesByFirst.add(m.first, m);
  const pseudoAt = new Set<number>();
  const termAt = new Map<number, number>();
  const before: RawMatch[] = [];
  const afterByFirst = new ByPosition();
  for (const c of findRawMatches(tokens, cueIndex)) {
    const k = kinds.get(c.phrase.phrase);
    if (!k) continue;
    if (k.has('pseudo')) pseudoAt.add(c.first);
    if (k.has('terminator')) termAt.set(c.first, Math.min(termAt.get(c.first) ?? n, c.last));
    if (k.has('after')) afterByFirst.add(c.first, c);
    if (k.has('before')) before.push(c);
  }
  const cuesByLast = new ByPosition();
  const cuesByFirst = new ByPosition();
  for (const c of before) {
    if (pseudoAt.has(c.first) || startsASignal(c, matchesByFirst)) continue;
    cuesByLast.add(c.last, c);
    cuesByFirst.add(c.first, c);
  }
  const blocked = (from: number, to: number): boolean => {
    for (let k = from + 1; k < to; k += 1) if ((termAt.get(k) ?? n) < to) return true;
    return false;
  };
  const sameSentence = (a: number, b: number): boolean => (tokens[a] as Token).sentence === (tokens[b] as Token).sentence;

  return matches.map((m) => {
    // The match itself begins with a real cue ("no money" inside "no money worries").
    if (cuesByFirst.get(m.first).some((c) => c.last < m.last)) return true;
    for (let k = m.first - 1; k >= 0 && k >= m.first - MAX_BEFORE_WINDOW; k -= 1) {
      if (!sameSentence(k, m.first)) break;
      for (const c of cuesByLast.get(k)) {
        const meta = beforeMeta.get(c.phrase.phrase);
        if (!meta || m.first - c.last > meta.window) continue;
        if (meta.scope === 'clause' && (tokens[k] as Token).clause !== (tokens[m.first] as Token).clause) continue;
        if (!blocked(c.last, m.first)) return true;
      }
    }
    for (let k = m.last + 1; k < n && k <= m.last + AFTER_WINDOW; k += 1) {
      if (!sameSentence(k, m.last)) break;
      if (afterByFirst.get(k).length > 0 && !blocked(m.last, k)) return true;
    }
    return false;
  });
}

/**
 * A cue that is simply the first word of a signal ("no heating", "no car")
 * is not a negation, unless a longer phrase runs on from inside that signal:
 * in "no money worries" the "no" negates "money worries".
 */
function startsASignal(cue: RawMatch, matchesByFirst: ByPosition): boolean {
  const starts = matchesByFirst.get(cue.first).filter((p) => p.last > cue.last);
  if (starts.length === 0) return false;
  return !starts.some((p) => {
    for (let k = cue.first + 1; k <= p.last; k += 1) {
      if (matchesByFirst.get(k).some((m) => m.last > p.last)) return true;
    }
    return false;
  });
}
