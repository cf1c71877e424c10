import { textOf } from '../dom-text';
import { chainOf, hasFollowing, parentOf, within } from './tree';
import type { Heading, PageScan } from './walk';

/**
 * Another person's sections (issue #13). A heading from the lexicon alone in
 * its element ("Next of kin", "Recent patients") marks what follows it in its
 * container up to the next clinical heading or heading of its rank; a
 * relative's label ("Next of kin" in a cell, "NOK: Fiona Docherty") marks
 * the details after it up to the next person's own name, date of birth, sex
 * or identifier; a staff label with its value ("Usual GP: Dr X") marks only
 * itself; an aria-label or custom element naming one marks itself whole.
 * Nothing in a section is ever read as the patient's.
 */
const BADGE = /\b(?:badge|flag|chip|pill|tag)s?\b/i;
/** A relative's or contact's label, as opposed to staff ("Usual GP", "Entered by"): its value is a person whose details may follow. */
const RELATIVE = /kin|nok|carer|contact|relative|relationship|guardian|attorney|parent|spouse|partner|household|family/i;
/** A label cell and its value, in a row of a table, list or stack of rows. */
const ROW = /^(?:TR|LI|DIV|P)$/;
const PERSON_FIELDS = /^(?:name|family|given|birthDate|sex)$/;
const CELL_LABEL = /^(?:TH|TD|DT|SPAN|LABEL)$/;
const FLAG = /^(?:yes|no|y|n|true|false|none|✓|✔)$/i;
const BANNER_SELECTOR = '[role="banner"], [class*="banner"], [id*="banner"], [aria-label*="atient banner"], [aria-label*="atient details"], [aria-label*="atient demographics"]';
const BANNER = /banner|patient[-_ ]?(?:card|details|header|demographics|summary|info)/i;

export interface Scope {
  root: Element;
  /** Items with from < seq < to are in the section. */
  from: number;
  to: number;
  /** The heading and the next heading (for elements whose place in the walk is not known). */
  head: Element | null;
  end: Element | null;
  /** A patient banner after the heading in the same container: the section stops short of it. */
  stop?: Element | null;
}

/** Marked as the patient banner: role="banner", or a class, id, aria-label or summary saying so. */
export function bannerMarked(chain: Element[], level: number): boolean {
  for (let i = 0; i <= level + 1 && i < chain.length; i++) {
    const el = chain[i] as Element;
    if (el.getAttribute('role') === 'banner') return true;
    for (const name of ['class', 'id', 'aria-label', 'summary']) if (BANNER.test(el.getAttribute(name) ?? '')) return true;
  }
  return false;
}

/**
 * Where the next person begins after `from` inside `container`: their name,
 * date of birth, sex or identifier. A relative's contact details ("Tel",
 * "Address") follow their name; a new person starts with who they are.
 */
function nextPerson(scan: PageScan, container: Element, from: number): { to: number; end: Element | null } {
  let to = Infinity;
  let end: Element | null = null;
  for (const item of scan.labelled) {
    if (item.seq > from && item.seq < to && PERSON_FIELDS.test(item.field) && within(item.el, container, scan)) [to, end] = [item.seq, item.el];
  }
  for (const token of scan.ids) {
    if (token.label && token.seq > from && token.seq < to && within(token.el, container, scan)) [to, end] = [token.seq, token.el];
  }
  return { to, end };
}

/**
 * The sections that belong to someone other than the patient. A heading
 * ("Next of kin", "Recent patients") runs to the next heading in its
 * container; a label ("Usual GP", "NOK: Fiona Docherty", a "Carer" cell)
 * runs only to the next person's own details.
 */
export function otherScopes(scan: PageScan): Scope[] {
  const out: Scope[] = [];
  const headings = scan.headings;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Heading;
    if (h.kind !== 'other') continue;
    if (h.self) {
      out[out.length] = { root: h.el, from: -1, to: Infinity, head: null, end: null };
      continue;
    }
    if (BADGE.test(h.el.getAttribute('class') ?? '')) continue;
    const colon = h.text.search(/:\s*\S/);
    const relative = colon < 0 || RELATIVE.test(h.text.slice(0, colon));
    const label = colon >= 0 || CELL_LABEL.test(h.el.tagName);
    // The line itself ("Entered by: Dr X"); after a relative's ("NOK: Fiona"), the lines up to the next person.
    out[out.length] = { root: h.el, from: h.seq - 1, to: relative ? nextPerson(scan, h.el, h.seq).to : h.seq + 1, head: null, end: null };
    // A word inside a longer element, or a staff label with its value, opens nothing more.
    const full = textOf(h.el);
    if ((full !== h.text && !(full.startsWith(h.text) && full.length - h.text.length <= 12)) || !relative) continue;
    let node: Element = h.el;
    let container: Element | null = null;
    for (let up = 0; up < 5; up++) {
      if (hasFollowing(node)) {
        container = parentOf(node, scan);
        break;
      }
      const parent = parentOf(node, scan);
      // Climb only through wrappers of the heading alone: a badge inside a name heading opens nothing.
      if (!parent || textOf(parent) !== textOf(node)) break;
      node = parent;
    }
    if (!container) continue;
    // A label/value pair in a row of a banner table or list ("Next of kin | Fiona Docherty"): the rows
    // after it ("Tel | 07700 900 318") may be the relative's too. A flag ("Carer | Yes") is no person.
    const pair = container.firstElementChild === node && container.childElementCount <= 3 && ROW.test(container.tagName) && CELL_LABEL.test(node.tagName);
    if (pair && FLAG.test(textOf(container).slice(full.length).trim())) continue;
    if (pair) {
      node = container;
      container = parentOf(container, scan) ?? container;
    }
    let { to, end } = label ? nextPerson(scan, container, h.seq) : { to: Infinity, end: null as Element | null };
    // A heading runs to the next clinical heading, or the next heading of its own rank or above
    // (a person's name in an <h3> under "Related people" does not end it).
    const rank = /^H([1-6])$/.exec(h.el.tagName)?.[1];
    for (let j = i + 1; j < headings.length; j++) {
      const next = headings[j] as Heading;
      const ends = next.kind === 'plain' ? rank !== undefined && (/^H([1-6])$/.exec(next.el.tagName)?.[1] ?? '9') <= rank : next.kind !== 'other';
      if (ends && next.seq > h.seq && next.seq < to && next.el !== h.el && within(next.el, container, scan)) {
        to = next.seq;
        end = next.el;
        break;
      }
    }
    // Nor does it run into a block marked as the patient banner (a flat page: heading, list, banner).
    let stop: Element | null = null;
    for (let sib = node.nextElementSibling; sib && !stop; sib = sib.nextElementSibling) {
      if (bannerMarked([sib], 0) || sib.querySelector(BANNER_SELECTOR)) stop = sib;
    }
    out[out.length] = { root: container, from: h.seq, to, head: node, end, stop };
  }
  return out;
}

/** True when an item (its element and place in the page) is in another person's section. */
export function inOther(chain: Element[], seq: number, scopes: Scope[]): boolean {
  for (let i = 0; i < scopes.length; i++) {
    const s = scopes[i] as Scope;
    if (seq > s.from && seq < s.to && chain.indexOf(s.root) >= 0 && !(s.stop && chain.indexOf(s.stop) >= 0)) return true;
  }
  return false;
}

/** The same test for an element whose place in the walk is not known: by document position. */
export function elementInOther(el: Element, scan: PageScan, scopes: Scope[]): boolean {
  const chain = chainOf(el, scan);
  for (let i = 0; i < scopes.length; i++) {
    const s = scopes[i] as Scope;
    if (chain.indexOf(s.root) < 0 || (s.stop && chain.indexOf(s.stop) >= 0)) continue;
    if (!s.head) return true;
    const after = (s.head.compareDocumentPosition(el) & 4) !== 0 || s.head.contains(el);
    const before = !s.end || (s.end.compareDocumentPosition(el) & 2) !== 0;
    if (after && before) return true;
  }
  return false;
}

