import { textOf } from '../dom-text';
import { labelField, sectionOf, type GenericField } from './labels';

/** What one pass over the page collected for the generic detector. */
export interface PageScan {
  /** Values found next to recognised labels, in page order. */
  labelled: { field: GenericField; raw: string }[];
  /** Visible text outside scripts, styles and note boxes, for the identifier scan. */
  text: string[];
  headings: { section: 'problems' | 'medications' | 'notes'; el: Element }[];
  /** Textareas and contenteditable boxes: candidates for the notes. */
  editors: Element[];
  /** First element whose class or id says "patient name" (banners without a Name label). */
  nameEl?: Element;
  /**
   * Every form control whose value the scan read, with that value. Typing in a
   * field changes its value without any DOM mutation, so a cached scan is only
   * re-used while each of these still reads the same (see scan-cache.ts).
   */
  controls: { el: Element; value: string }[];
}

/** Elements whose subtree is not page text; textareas and controls are handled on their own. */
const SPECIAL_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'TEXTAREA', 'INPUT', 'SELECT', 'HEAD']);
const NON_SPACE = /\S/;
const DISPLAY_NONE = /display\s*:\s*none/i;
const PATIENT_NAME = /patient[-_]?name/i;

const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** textOf, noting any form control read so a later pass can tell whether its value changed. */
function read(el: Element, scan: PageScan): string {
  const value = textOf(el);
  if (CONTROL_TAGS.has(el.tagName)) scan.controls[scan.controls.length] = { el, value };
  return value;
}

/** Text of the element's own text-node children (not its descendants). */
function ownText(el: Element): string {
  let text = '';
  for (let c = el.firstChild; c !== null; c = c.nextSibling) if (c.nodeType === 3) text += (c as Text).data;
  return text.replace(/\s+/g, ' ').trim();
}

/** The value that belongs to a label element: its `for` target, next sibling, or the next cell. */
function valueForLabel(el: Element, scan: PageScan): string {
  const doc = el.ownerDocument;
  const forId = el.tagName === 'LABEL' ? el.getAttribute('for') : null;
  if (forId) {
    const target = doc.getElementById(forId);
    if (target) return read(target, scan);
  }
  const next = el.nextElementSibling;
  if (next) return read(next, scan);
  const inner = el.querySelector('input, select, textarea');
  if (inner) return read(inner, scan);
  const parent = el.parentElement;
  if (parent && ownText(parent) === '' && parent.children.length === 1 && parent.nextElementSibling) {
    return read(parent.nextElementSibling, scan);
  }
  return '';
}

function special(el: Element, tag: string, scan: PageScan): void {
  if (tag === 'TEXTAREA') {
    scan.editors[scan.editors.length] = el;
  } else if (tag === 'INPUT' || tag === 'SELECT') {
    const value = read(el, scan);
    if (value !== '' && el.getAttribute('type') !== 'hidden') scan.text[scan.text.length] = value;
  }
}

/**
 * Read the attributes that matter in one pass over them. True when the
 * subtree must not be read: hidden (often a cached template of another
 * patient) or an editable notes box (collected as an editor instead).
 */
function skipByAttributes(el: Element, scan: PageScan): boolean {
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i];
    if (!attr) continue;
    const name = attr.name;
    if (name === 'class' || name === 'id') {
      if (!scan.nameEl && PATIENT_NAME.test(attr.value)) scan.nameEl = el;
      continue;
    }
    if (name === 'href') continue;
    if (name === 'hidden') return true;
    if (name === 'aria-hidden' && attr.value === 'true') return true;
    if (name === 'style' && DISPLAY_NONE.test(attr.value)) return true;
    if (name === 'contenteditable' && (attr.value === '' || attr.value === 'true' || attr.value === 'plaintext-only')) {
      scan.editors[scan.editors.length] = el;
      return true;
    }
    if (name === 'aria-label') {
      const field = labelField(attr.value);
      if (field) scan.labelled[scan.labelled.length] = { field, raw: read(el, scan) };
    }
  }
  return false;
}

/**
 * Walk the page once, depth first, with sibling pointers and index loops only
 * (no Array.prototype calls the page could have replaced, no selector
 * matching). Per element the work is its tag name and, when it has any, one
 * pass over its attributes: DOM property reads dominate the cost.
 */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { labelled: [], text: [], headings: [], editors: [], controls: [] };
  const root = doc.body ?? doc.documentElement;
  if (root) visit(root, scan);
  return scan;
}

function visit(el: Element, scan: PageScan): void {
  let own = '';
  for (let c = el.firstChild; c !== null; c = c.nextSibling) {
    const type = c.nodeType;
    if (type === 3) {
      own += (c as Text).data;
    } else if (type === 1) {
      const child = c as Element;
      const tag = child.tagName;
      if (SPECIAL_TAGS.has(tag)) special(child, tag, scan);
      else if (!child.hasAttributes() || !skipByAttributes(child, scan)) visit(child, scan);
    }
  }
  if (own === '' || !NON_SPACE.test(own)) return;
  own = own.replace(/\s+/g, ' ').trim();
  scan.text[scan.text.length] = own;
  if (own.length <= 60) visitShortText(el, own, scan);
}

function visitShortText(el: Element, own: string, scan: PageScan): void {
  const field = labelField(own);
  if (field) {
    // "<p>CHI: <b>140352 2103</b></p>": the value is inside the same element.
    const whole = el.children.length > 0 ? textOf(el).slice(own.length).trim() : '';
    const raw = whole !== '' ? whole : valueForLabel(el, scan);
    if (raw !== '') scan.labelled[scan.labelled.length] = { field, raw };
    return;
  }
  const colon = own.indexOf(':');
  if (colon > 0 && colon <= 40) {
    const inlineField = labelField(own.slice(0, colon));
    const rest = own.slice(colon + 1).trim();
    if (inlineField && rest !== '') {
      scan.labelled[scan.labelled.length] = { field: inlineField, raw: rest };
      return;
    }
  }
  const section = sectionOf(own);
  if (section) scan.headings[scan.headings.length] = { section, el };
}
