import { safeQueryAll } from './dom-text';
import type { FieldName } from './field-names';

// Selectors for the point-and-click adapter picker. A selector written into an
// adapter must still find the same field tomorrow and for the next patient, so
// anything that looks generated (hashes, record numbers, state classes) is
// left out in favour of names a developer chose on purpose.

/** Longest selector we suggest; longer ones are unreadable in the options page. */
const MAX_SELECTOR_LENGTH = 160;
const MAX_STEPS = 6;
const MAX_CLASSES = 2;
const NAMING_ATTRIBUTES = ['aria-label', 'name'] as const;
/** Classes that say what state an element is in, not what it is; they come and go. */
const STATE_CLASS = /^(?:is-|has-)|^(?:active|selected|current|hover|focus|focused|open|opened|closed|hidden|visible|disabled|checked|expanded|collapsed|highlight(?:ed)?|ng-.*)$/i;
/** Class prefixes that CSS-in-JS tools generate per build. */
const GENERATED_PREFIX = /^(?:css|sc|jsx|svelte|emotion|styled|makeStyles|jss)-/i;

/**
 * Whether an id, class or attribute value looks chosen by a person rather than
 * generated or tied to one record: not numeric, no long digit runs (record or
 * CHI numbers), no hex hashes or UUIDs, not very long.
 */
export function isStableToken(token: string): boolean {
  if (token === '' || token.length > 40) return false;
  if (/^\d+$/.test(token) || /\d{4,}/.test(token)) return false;
  if (/[0-9a-f]{8,}/i.test(token) && /\d/.test(token)) return false;
  if (/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(token)) return false;
  return !GENERATED_PREFIX.test(token);
}

function isStableClass(name: string): boolean {
  return isStableToken(name) && !STATE_CLASS.test(name) && !/^[a-z]{1,2}\d+$/i.test(name);
}

/** CSS identifier escape (CSS.escape is not everywhere, e.g. older test DOMs). */
export function cssIdent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (/[a-zA-Z0-9_-]/.test(ch) && !(i === 0 && /\d/.test(ch))) out += ch;
    else if (/\d/.test(ch)) out += `\\3${ch} `;
    else out += `\\${ch}`;
  }
  return out;
}

function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

function stableClasses(el: Element): string[] {
  const out: string[] = [];
  const list = el.classList;
  for (let i = 0; i < list.length && out.length < MAX_CLASSES; i++) {
    const name = list.item(i);
    if (name && isStableClass(name)) out.push(`.${cssIdent(name)}`);
  }
  return out;
}

/** Attribute selectors that name the element: data-* first, then aria-label and name. */
function namingAttributes(el: Element): string[] {
  const out: string[] = [];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs.item(i);
    if (!attr || !attr.name.startsWith('data-') || !/^[a-z0-9-]+$/.test(attr.name)) continue;
    if (attr.value === '') out.push(`[${attr.name}]`);
    else if (isStableToken(attr.value)) out.push(`[${attr.name}=${quoted(attr.value)}]`);
  }
  for (const name of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && value.length <= 40 && !/\d{4,}/.test(value)) out.push(`[${name}=${quoted(value)}]`);
  }
  return out;
}

function stableId(el: Element): string | undefined {
  const id = el.getAttribute('id');
  return id && isStableToken(id) ? `#${cssIdent(id)}` : undefined;
}

/** Whether `selector` finds exactly `el` in `root`. */
export function selectsOnly(root: ParentNode, selector: string, el: Element): boolean {
  const found = safeQueryAll(root, selector);
  return found.length === 1 && found[0] === el;
}

/** Selectors for the element on its own, best first. */
function ownCandidates(el: Element): string[] {
  const tag = tagOf(el);
  const out: string[] = [];
  const id = stableId(el);
  if (id) out.push(id);
  for (const attr of namingAttributes(el)) out.push(`${tag}${attr}`);
  const classes = stableClasses(el);
  if (classes.length) out.push(tag + classes.join(''));
  return out;
}

/** One step of a path: the best own selector, with :nth-of-type when same-tag siblings also match it. */
function stepFor(el: Element): string {
  const tag = tagOf(el);
  const attrs = namingAttributes(el);
  const classes = stableClasses(el);
  const base = tag + (attrs[0] ?? classes.join(''));
  const parent = el.parentElement;
  if (!parent) return base;
  let index = 0;
  let same = 0;
  for (let i = 0; i < parent.children.length; i++) {
    const sibling = parent.children[i];
    if (!sibling || tagOf(sibling) !== tag) continue;
    same++;
    if (sibling === el) index = same;
  }
  if (same < 2) return base;
  let peers = 0;
  for (let i = 0; i < parent.children.length; i++) if (parent.children[i]?.matches(base)) peers++;
  return peers === 1 ? base : `${base}:nth-of-type(${index})`;
}

/**
 * A short, stable CSS selector that matches exactly `el` in its document:
 * a stable `#id`, else a naming attribute (`[data-*]`, `[aria-label]`,
 * `[name]`), else tag and stable classes, else a `>` path of such steps up to
 * the nearest ancestor that can be named, with `:nth-of-type` where needed.
 */
export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  for (const candidate of ownCandidates(el)) if (selectsOnly(doc, candidate, el)) return candidate;
  const steps: string[] = [stepFor(el)];
  let fallback = '';
  for (let node = el.parentElement; node && steps.length <= MAX_STEPS; node = node.parentElement) {
    const anchors = ownCandidates(node).filter((c) => selectsOnly(doc, c, node));
    // A named ancestor: "anchor descendant-path" usually reads best.
    for (const anchor of anchors) {
      const selector = `${anchor} ${steps.join(' > ')}`;
      if (selectsOnly(doc, selector, el)) return selector;
    }
    const pathSelector = steps.join(' > ');
    if (selectsOnly(doc, pathSelector, el) && pathSelector.length <= MAX_SELECTOR_LENGTH) return pathSelector;
    if (node === doc.documentElement) break;
    steps.unshift(stepFor(node));
    fallback = steps.join(' > ');
  }
  return selectsOnly(doc, fallback, el) ? fallback : absolutePath(el);
}

/** Last resort: an nth-of-type path from <html>; always unique, though brittle. */
function absolutePath(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (!parent) {
      steps.unshift(tagOf(node));
      break;
    }
    let index = 0;
    for (let i = 0, same = 0; i < parent.children.length; i++) {
      const sibling: Element | undefined = parent.children[i];
      if (sibling && tagOf(sibling) === tagOf(node)) same++;
      if (sibling === node) index = same;
    }
    steps.unshift(`${tagOf(node)}:nth-of-type(${index})`);
  }
  return steps.join(' > ');
}

/** How to find a field's value inside longer text, and the capture group to suggest for it. */
const VALUE_PATTERNS = {
  chi: { find: /\d(?:[ -]?\d){9}/, capture: '[\\d ]{10,12}' },
  nhsNumber: { find: /\d(?:[ -]?\d){9}/, capture: '[\\d ]{10,12}' },
  postcode: { find: /[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}/i, capture: '[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}' },
  birthDate: { find: /\d{1,2}[-/. ](?:\d{1,2}|[A-Z]{3,9})[-/. ]\d{4}|\d{4}-\d{2}-\d{2}/i, capture: '\\d{1,2}[-/. ](?:\\d{1,2}|[A-Za-z]{3,9})[-/. ]\\d{4}|\\d{4}-\\d{2}-\\d{2}' },
  phone: { find: /\+?\d[\d ()-]{6,}\d/, capture: '\\+?\\d[\\d ()-]{6,}\\d' },
  sex: { find: /\b(?:female|male|F|M)\b/i, capture: '[A-Za-z]+' },
  name: { find: /\S.*$/, capture: '.+' },
  address: { find: /\S.*$/, capture: '.+' },
} satisfies Record<FieldName, { find: RegExp; capture: string }>;

const LABEL_TAIL = /([A-Za-z][A-Za-z.'/]*(?: [A-Za-z][A-Za-z.'/]*){0,2})$/;

/** The label before a value ("CHI:", "Patient CHI No."), never patient text such as the street before a postcode. */
function labelOf(prefix: string, kind: FieldName): string | undefined {
  const colon = /:\s*$/.test(prefix);
  const core = prefix.replace(/:\s*$/, '').trim();
  const tail = LABEL_TAIL.exec(core)?.[1];
  if (!tail) return undefined;
  if (colon) return tail;
  // Without a colon only a short all-letters prefix counts, and only before an identifier, date or phone.
  return tail === core && (kind === 'chi' || kind === 'nhsNumber' || kind === 'birthDate' || kind === 'phone') ? tail : undefined;
}

function escapeLabel(label: string): string {
  return label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ +/g, '\\s+');
}

/**
 * A capture regex for a clicked element whose text holds more than the value,
 * e.g. "CHI: 140352 2103" -> `CHI:?\s*([\d ]{10,12})`, or the postcode at the
 * end of an address line -> `([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\s*$`.
 * Undefined when the text is just the value (no regex needed) or no value is seen.
 */
export function regexFor(text: string, kind: FieldName): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const pattern = VALUE_PATTERNS[kind];
  const free = kind === 'name' || kind === 'address';
  const match = free ? /^([^:]{1,30}):\s*(\S.*)$/.exec(t) : pattern.find.exec(t);
  if (!match) return undefined;
  const start = free ? t.length - (match[2] ?? '').length : match.index;
  const end = free ? t.length : match.index + match[0].length;
  const prefix = t.slice(0, start).trim();
  const suffix = t.slice(end).trim();
  if (prefix === '' && suffix === '') return undefined;
  const capture = (kind === 'chi' || kind === 'nhsNumber') && match[0].includes('-') ? '[\\d -]{10,12}' : pattern.capture;
  const label = labelOf(prefix, kind);
  if (label) return `${escapeLabel(label)}:?\\s*(${capture})`;
  if (free) return undefined;
  if (suffix === '') return `(${capture})\\s*$`;
  if (prefix === '') return `^\\s*(${capture})`;
  return `(${capture})`;
}
