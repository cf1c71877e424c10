/**
 * Evaluates a compiled condition tree against the facts, and says why in
 * words that point at what is on screen ('Age 81', 'Notes mention "..."').
 */
import type { CompiledCondition } from './compile';
import { affirmed } from './context';
import type { Facts } from './facts';
import type { CompiledLexicon } from './lexicon';
import { findRawMatches } from './phrase-index';
import type { LocatedHit } from './text-match';

export interface Outcome {
  ok: boolean;
  why: string[];
  /** Extra evidence beyond the minimum (more matches), added to strength. */
  evidence: number;
  /** A notes leaf's evidence (every unit, quoted or not), for `near`. */
  units?: Unit[];
  /** The outcomes an `all` or `any` held by: `near` gathers their units only when it needs them (`unitsOf`). */
  parts?: Outcome[];
}

/** The notes evidence an outcome holds by, or undefined when it holds by no notes at all (age, problems). */
function unitsOf(o: Outcome): Unit[] | undefined {
  if (o.units) return o.units;
  if (!o.parts) return undefined;
  let out: Unit[] | undefined;
  for (const p of o.parts) {
    const u = unitsOf(p);
    if (u) out = out ? out.concat(u) : u;
  }
  return out;
}

const NO: Outcome = { ok: false, why: [], evidence: 0 };
const MAX_QUOTES = 3;
/** Groups of evidence counted in the notes: more would only pass the strength cap. */
const MAX_GROUPS = 6;

/** Does the condition hold, and on what evidence. */
export function evaluate(c: CompiledCondition, f: Facts): Outcome {
  switch (c.kind) {
    case 'all': {
      const why: string[] = [];
      const held: Outcome[] = [];
      let evidence = 0;
      for (const item of c.items) {
        const r = evaluate(item, f);
        if (!r.ok) return NO;
        why.push(...r.why);
        held.push(r);
        evidence += r.evidence;
      }
      return { ok: true, why, evidence, parts: held };
    }
    case 'any': {
      const hits = c.items.map((item) => evaluate(item, f)).filter((r) => r.ok);
      if (hits.length === 0) return NO;
      return { ok: true, why: hits.flatMap((r) => r.why), evidence: hits.reduce((s, r) => s + r.evidence, 0) + hits.length - 1, parts: hits };
    }
    case 'near': {
      // Only the evidence that is near counts, and is quoted: a mention far away, or one that is both sides
      // at once (a phrase in two lexicons), is no reason.
      const a = evaluate(c.items[0], f);
      const aUnits = a.ok ? unitsOf(a) : undefined;
      if (!aUnits) return NO;
      const b = evaluate(c.items[1], f);
      const bUnits = b.ok ? unitsOf(b) : undefined;
      if (!bUnits) return NO;
      // By sentence, the smaller side first: long notes can hold hundreds of units on one side.
      const [few, many] = aUnits.length <= bUnits.length ? [aUnits, bUnits] : [bUnits, aUnits];
      const fewBySentence = bySentence(few);
      const nearMany = many.filter((y) => nearAny(y, fewBySentence, c.sentences));
      if (nearMany.length === 0) return NO;
      const manyBySentence = bySentence(nearMany);
      const nearFew = few.filter((x) => nearAny(x, manyBySentence, c.sentences));
      const [nearA, nearB] = few === aUnits ? [nearFew, nearMany] : [nearMany, nearFew];
      const qa = quoteUnits(nearA, f);
      const qb = quoteUnits(nearB, f);
      return { ok: true, why: [...qa.why, ...qb.why], evidence: qa.evidence + qb.evidence, units: [...nearA, ...nearB] };
    }
    case 'not':
      return evaluate(c.item, f).ok ? NO : { ok: true, why: [], evidence: 0 };
    case 'problems':
      return problems(c, f);
    case 'ltc': {
      const n = f.conditions().length;
      return n >= c.min ? { ok: true, why: [`${n} long-term conditions on the problem list`], evidence: n - c.min } : NO;
    }
    case 'physicalAndMental': {
      const found = f.conditions();
      const physical = found.find((x) => x.kind === 'physical');
      const mental = found.find((x) => x.kind === 'mental');
      if (!physical || !mental) return NO;
      return { ok: true, why: [`Physical and mental health conditions together ("${physical.term}", "${mental.term}")`], evidence: 0 };
    }
    case 'age': {
      const a = f.age;
      if (a === undefined || (c.min !== undefined && a < c.min) || (c.max !== undefined && a > c.max)) return NO;
      return { ok: true, why: [`Age ${a}`], evidence: 0 };
    }
    case 'meds': {
      const n = f.medicationCount;
      return n !== undefined && n >= c.min ? { ok: true, why: [`${n} current medicines`], evidence: n - c.min } : NO;
    }
    case 'notes':
      return quoteMentions(affirmedHits(c.phrases, f, c.denial), f);
    case 'lexicon': {
      // Several rules read the same lexicon (a need's own rule, and an inferred one such as stressor-with-sleep):
      // read once per call. Outcomes are never changed by their readers.
      let outcome = f.lexiconOutcomes.get(c.key);
      if (!outcome) f.lexiconOutcomes.set(c.key, (outcome = lexicon(c.lexicon, c.groups, f)));
      return outcome;
    }
    case 'notesDenied': {
      // "Lives alone. Denies feeling lonely or isolated": a guess from age and living alone yields to what was asked.
      const byPhrase = f.noteHits();
      for (const p of c.phrases) {
        for (const h of byPhrase.get(p) ?? []) {
          const x = h.context;
          if (!x.historical && !x.hypothetical && !x.otherPerson && (x.negated || f.answeredNo(h))) return { ok: true, why: [], evidence: 0 };
        }
      }
      return NO;
    }
    case 'deprivation': {
      const d = f.decile();
      if (d === undefined || d > c.max) return NO;
      return { ok: true, why: [`Postcode in SIMD decile ${d} (most deprived ${d * 10}%)`], evidence: 0 };
    }
    case 'role':
      return c.roles.has(f.role) ? { ok: true, why: [], evidence: 0 } : NO;
    case 'never':
      return NO;
  }
}

function problems(c: Extract<CompiledCondition, { kind: 'problems' }>, f: Facts): Outcome {
  const tokens = f.problemTokens();
  const matched = f.problems.filter(
    (p, i) =>
      (p.code !== undefined && c.codes.has(String(p.code).trim())) ||
      (c.terms.phrases.length > 0 && findRawMatches(tokens[i] ?? [], c.terms).length > 0),
  );
  if (matched.length < c.min) return NO;
  const quoted = matched.slice(0, MAX_QUOTES).map((p) => `"${p.term.trim()}"`);
  const more = matched.length > MAX_QUOTES ? ` and ${matched.length - MAX_QUOTES} more` : '';
  return { ok: true, why: [`Problem list includes ${quoted.join(', ')}${more}`], evidence: matched.length - c.min };
}

/** Mentions of the phrases that are about the patient, now, and really said (context.ts). */
function affirmedHits(phrases: Iterable<string>, f: Facts, denial: boolean): LocatedHit[] {
  const byPhrase = f.noteHits();
  const out: LocatedHit[] = [];
  // A template's bare "no" ("Lives alone: N") denies a rule's own phrase only for the needs where that is safe to read.
  for (const p of phrases) for (const h of byPhrase.get(p) ?? []) if (affirmed(h.context) && !(denial && f.answeredNo(h))) out.push(h);
  return out;
}

/** One piece of evidence: a mention, or two mentions that only count together. */
interface Unit {
  start: number;
  end: number;
  hits: LocatedHit[];
}

/**
 * A need's lexicon: any affirmed signal, or a pair of affirmed hints close
 * enough together. `groups` limits it to some signal groups, hint groups
 * (each hint then counts alone) or pairs.
 */
function lexicon(lex: CompiledLexicon, groups: Set<string> | undefined, f: Facts): Outcome {
  const units: Unit[] = [];
  for (const g of lex.signals) if (!groups || groups.has(g.name)) for (const h of f.groupHits(g)) units.push({ start: h.start, end: h.end, hits: [h] });
  if (groups) for (const g of lex.hints.values()) if (groups.has(g.name)) for (const h of f.groupHits(g)) units.push({ start: h.start, end: h.end, hits: [h] });
  for (const pair of lex.pairs) {
    if (groups && !groups.has(pair.name)) continue;
    // Copies: firstPair sorts them, and the group lists are shared by every rule of this call.
    if (f.groupCount(pair.a) === 0 || f.groupCount(pair.b) === 0) continue;
    const a = [...f.groupHits(pair.a)];
    const b = [...f.groupHits(pair.b)];
    const found = firstPair(a, b, lex.pairWindow);
    if (found) units.push({ start: Math.min(found[0].start, found[1].start), end: Math.max(found[0].end, found[1].end), hits: found });
  }
  return quoteUnits(units, f);
}

/** Two mentions, one from each list, that do not overlap and are at most `window` sentences apart (the earliest such first mention). */
function firstPair(a: LocatedHit[], b: LocatedHit[], window: number): [LocatedHit, LocatedHit] | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  a.sort(byStart);
  b.sort(byStart);
  for (const x of a) {
    for (const y of b) {
      if (y.sentence > x.sentence + window) break;
      if (y.sentence < x.sentence - window || (x.first <= y.last && y.first <= x.last)) continue;
      return x.start <= y.start ? [x, y] : [y, x];
    }
  }
  return undefined;
}

const byStart = (x: { start: number; end: number }, y: { start: number; end: number }): number => x.start - y.start || y.end - x.end;

/** Units by the sentence of each of their mentions (`near`). */
function bySentence(units: readonly Unit[]): Map<number, Unit[]> {
  const out = new Map<number, Unit[]>();
  for (const u of units) {
    for (const h of u.hits) {
      const list = out.get(h.sentence);
      if (!list) out.set(h.sentence, [u]);
      else if (list[list.length - 1] !== u) list.push(u);
    }
  }
  return out;
}

/** Whether a unit has a mention at most `sentences` sentences from one of the others' that does not overlap it. */
function nearAny(x: Unit, others: Map<number, Unit[]>, sentences: number): boolean {
  for (const h of x.hits) {
    for (let d = -sentences; d <= sentences; d += 1) {
      for (const y of others.get(h.sentence + d) ?? []) if (!(x.start < y.end && y.start < x.end)) return true;
    }
  }
  return false;
}

function quoteMentions(hits: LocatedHit[], f: Facts): Outcome {
  return quoteUnits(hits.map((h) => ({ start: h.start, end: h.end, hits: [h] })), f);
}

/** Overlapping evidence ("rent arrears" / "arrears") counts once; each group is quoted by its best unit (a single mention, then the longest). */
function quoteUnits(units: Unit[], f: Facts): Outcome {
  if (units.length === 0) return NO;
  units.sort(byStart);
  const groups: { end: number; best: Unit }[] = [];
  for (const u of units) {
    const g = groups[groups.length - 1];
    if (!g || u.start >= g.end) {
      // Evidence is capped anyway; a few groups are enough to quote and to count.
      if (groups.length >= MAX_GROUPS) break;
      groups.push({ end: u.end, best: u });
      continue;
    }
    if (u.hits.length < g.best.hits.length || (u.hits.length === g.best.hits.length && u.end - u.start > g.best.end - g.best.start)) g.best = u;
    g.end = Math.max(g.end, u.end);
  }
  const quotes: string[] = [];
  for (const g of groups) {
    if (quotes.length >= MAX_QUOTES) break;
    const q = `Notes mention ${g.best.hits.map((h) => `"${f.snippet(h)}"`).join(' and ')}`;
    if (!quotes.includes(q)) quotes.push(q);
  }
  return { ok: true, why: quotes, evidence: groups.length - 1, units };
}
