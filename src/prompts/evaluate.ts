/**
 * Evaluates a compiled condition tree against the facts, and says why in
 * words that point at what is on screen ('Age 81', 'Notes mention "..."').
 */
import type { CompiledCondition } from './compile';
import type { Facts } from './facts';
import { findRawMatches } from './phrase-index';
import type { LocatedHit } from './text-match';

export interface Outcome {
  ok: boolean;
  why: string[];
  /** Extra evidence beyond the minimum (more matches), added to strength. */
  evidence: number;
}

const NO: Outcome = { ok: false, why: [], evidence: 0 };
const MAX_QUOTES = 3;

/** Does the condition hold, and on what evidence. */
export function evaluate(c: CompiledCondition, f: Facts): Outcome {
  switch (c.kind) {
    case 'all': {
      const why: string[] = [];
      let evidence = 0;
      for (const item of c.items) {
        const r = evaluate(item, f);
        if (!r.ok) return NO;
        why.push(...r.why);
        evidence += r.evidence;
      }
      return { ok: true, why, evidence };
    }
    case 'any': {
      const hits = c.items.map((item) => evaluate(item, f)).filter((r) => r.ok);
      if (hits.length === 0) return NO;
      return { ok: true, why: hits.flatMap((r) => r.why), evidence: hits.reduce((s, r) => s + r.evidence, 0) + hits.length - 1 };
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
      return notes(c.phrases, f);
    case 'deprivation': {
      const d = f.decile();
      if (d === undefined || d > c.max) return NO;
      return { ok: true, why: [`Postcode ${f.postcode ?? ''} is in SIMD decile ${d} (1 = most deprived)`], evidence: 0 };
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

/** Positive mentions of the phrases; overlapping mentions ("rent arrears" / "arrears") count once. */
function notes(phrases: Set<string>, f: Facts): Outcome {
  const byPhrase = f.noteHits();
  const hits: LocatedHit[] = [];
  for (const p of phrases) hits.push(...(byPhrase.get(p) ?? []));
  hits.sort((a, b) => a.start - b.start);
  if (hits.length === 0) return NO;
  // Group overlapping mentions; each group is quoted by its longest hit.
  const groups: { start: number; end: number; best: LocatedHit }[] = [];
  for (const h of hits) {
    const g = groups.find((x) => h.start < x.end && h.end > x.start);
    if (!g) groups.push({ start: h.start, end: h.end, best: h });
    else {
      if (h.end - h.start > g.best.end - g.best.start) g.best = h;
      g.start = Math.min(g.start, h.start);
      g.end = Math.max(g.end, h.end);
    }
  }
  const quotes: string[] = [];
  for (const g of groups) {
    if (quotes.length >= MAX_QUOTES) break;
    const s = f.snippet(g.best);
    if (!quotes.includes(s)) quotes.push(s);
  }
  return {
    ok: true,
    why: quotes.map((s) => `Notes mention "${s}"`),
    evidence: groups.length - 1,
  };
}
