import type { Problem } from '../context/patient-context';
import { safeQuery, safeQueryAll, textOf } from './dom-text';
import type { FieldRule, SiteAdapter } from './schema';

// Reading one adapter rule from the page. Split from extract.ts, which turns
// the readings into a patient context and an explanation.

const regexCache = new Map<string, RegExp | null>();

/** Case-insensitive RegExp for an adapter pattern, cached; null when it does not compile. */
export function compile(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'i');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** A rule's selector as a list of alternatives. */
export function selectorList(selector: string | string[]): string[] {
  return typeof selector === 'string' ? [selector] : selector;
}

/** What one field rule found: the selector that matched, the text, or why not. */
export interface RuleRead {
  selector?: string;
  raw?: string;
  problem?: string;
}

/** Try each alternative selector in turn; the first giving non-empty text wins. */
export function readRule(doc: Document, rule: FieldRule): RuleRead {
  const selectors = selectorList(rule.selector);
  let fallback: RuleRead | undefined;
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as string;
    const el = safeQuery(doc, selector);
    if (!el) continue;
    let raw = rule.attribute ? (el.getAttribute(rule.attribute) ?? '').trim() : textOf(el);
    if (rule.regex) {
      const re = compile(rule.regex);
      const m = re ? re.exec(raw) : null;
      if (!m) {
        fallback ??= { selector, raw, problem: `found "${raw}" but it does not match the pattern ${rule.regex}` };
        continue;
      }
      raw = (m[1] ?? m[0]).trim();
    }
    if (raw === '') {
      fallback ??= { selector, raw, problem: 'the element was found but it is empty' };
      continue;
    }
    return { selector, raw };
  }
  const quoted = `"${selectors.join('", "')}"`;
  return fallback ?? { problem: `nothing on the page matches ${selectors.length > 1 ? 'any of ' : ''}${quoted}` };
}

/**
 * The items of a list rule. With a `listSelector` the items are looked for
 * inside the first element it matches only: a list elsewhere on the page
 * cannot add items, and the search stops at the list instead of walking the
 * whole record (one full walk per list otherwise, on every re-read).
 */
export function listItemsOf(doc: Document, spec: { listSelector?: string; itemSelector: string }): Element[] {
  if (spec.listSelector === undefined) return safeQueryAll(doc, spec.itemSelector);
  const list = safeQuery(doc, spec.listSelector);
  return list ? safeQueryAll(list, spec.itemSelector) : [];
}

/** Problem list items as term and code, per the adapter's problem rules. */
export function readProblems(doc: Document, spec: NonNullable<SiteAdapter['problems']>): Problem[] {
  const out: Problem[] = [];
  const items = listItemsOf(doc, spec);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Element;
    const termEl = spec.termSelector ? safeQuery(item, spec.termSelector) : item;
    const term = termEl ? textOf(termEl) : '';
    if (term === '') continue;
    const codeEl = spec.codeSelector ? safeQuery(item, spec.codeSelector) : item;
    let code: string | undefined;
    if (codeEl) code = spec.codeAttribute ? (codeEl.getAttribute(spec.codeAttribute) ?? undefined) : spec.codeSelector ? textOf(codeEl) : undefined;
    out[out.length] = code ? { term, code: code.trim() } : { term };
  }
  return out;
}
