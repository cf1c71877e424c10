import { textOf } from '../dom-text';
import type { PageScan } from './walk';

/** Headings inside navigation (tabs, menus, links) name screens, not sections. */
const NAVIGATION = 'a, button, nav, [role="tab"], [role="tablist"], [role="menu"], [role="menubar"], [role="navigation"]';
const TAB_TAGS = new Set(['SPAN', 'A', 'LI', 'BUTTON']);

/** The parent in the composed tree: a shadow root's host, a same-origin frame's <iframe>. */
export function parentOf(el: Element, scan: PageScan): Element | null {
  const p = el.parentNode;
  if (!p) return null;
  if (p.nodeType === 1) return p as Element;
  if (p.nodeType === 11) return (p as ShadowRoot).host ?? null;
  if (p.nodeType === 9) return scan.frameOf.get(p as Document) ?? null;
  return null;
}

/** `el` and its ancestors, nearest first, across shadow roots and frames. */
export function chainOf(el: Element, scan: PageScan): Element[] {
  const out: Element[] = [];
  for (let cur: Element | null = el; cur && out.length < 80; cur = parentOf(cur, scan)) out[out.length] = cur;
  return out;
}

/** True when `el` is `root` or inside it, across shadow roots and frames. */
export function within(el: Element, root: Element, scan: PageScan): boolean {
  for (let cur: Element | null = el; cur; cur = parentOf(cur, scan)) if (cur === root) return true;
  return false;
}

/**
 * A heading that is really navigation: inside a menu, tab list or link, or one
 * of a row of short sibling labels ("Summary | Consultation | Medication").
 */
export function navLike(el: Element): boolean {
  const nav = el.closest(NAVIGATION);
  if (nav) return !accordionHeader(nav);
  const parent = el.parentElement;
  if (!parent || !TAB_TAGS.has(el.tagName)) return false;
  let short = 0;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === el.tagName && textOf(c).length <= 30) short++;
  return short >= 3;
}

/**
 * The button of an accordion's header (WAI-ARIA's pattern: "<h2><button aria-expanded="true" aria-controls="sec-notes">
 * Round notes</button></h2>" over its region): a section's heading, not navigation (dev6: an accordion's problems and
 * notes were both read as empty). Only inside a heading, and inside no other navigation.
 */
function accordionHeader(nav: Element): boolean {
  if (nav.tagName !== 'BUTTON' || !nav.hasAttribute('aria-expanded')) return false;
  const parent = nav.parentElement;
  return parent !== null && (/^H[1-6]$/.test(parent.tagName) || parent.getAttribute('role') === 'heading') && parent.closest(NAVIGATION) === null;
}

const CONTROL = /^(?:A|BUTTON|INPUT|SELECT)$/;
const CONTROL_ROLE = /^(?:button|tablist|toolbar|menubar)$/;

/**
 * Whether everything after `node` in its parent is a control (a link or button, "Issue", "Edit", "+ Add"): a heading
 * with buttons beside it in a panel's header still heads what follows the header (one read "Issue" as the only
 * medication: dev5).
 */
export function onlyControlsAfter(node: Node): boolean {
  let any = false;
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return false;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.tagName === 'BR') continue;
    // An icon hidden from assistive technology (an accordion's arrow, "<span aria-hidden="true">▲</span>") is decoration
    // beside the heading, as a button is (dev5: a Material UI accordion's "Problems" and "Encounters" were read as empty).
    // A tab list or tool bar ("<div role="tablist"><button>All</button><button>Results</button></div>" filtering a journal
    // under its heading, dev5) is controls too.
    if (!CONTROL.test(el.tagName) && !CONTROL_ROLE.test(el.getAttribute('role') ?? '') && el.getAttribute('aria-hidden') !== 'true') return false;
    any = true;
  }
  return any;
}

/** True when something other than white space or <br> follows `node` among its siblings. */
export function hasFollowing(node: Node): boolean {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3 ? /\S/.test((n as Text).data) : n.nodeType === 1 && (n as Element).tagName !== 'BR') return true;
  }
  return false;
}
