import { isValidChi, isValidNhsNumber, normaliseIdentifier } from '../../context/identifiers';
import { parseAge, parseSex, POSTCODE_IN_TEXT, textOf } from '../dom-text';
import { headingOf, labelField, mayNameNotes, namesOtherPerson, remembered, startsKnown, type GenericField, type HeadingKind } from './labels';
import { HIDING_STYLE } from './text';

/** A value found next to a recognised label. `el` holds the value (the region test uses it). */
export interface Labelled {
  field: GenericField;
  raw: string;
  el: Element;
  seq: number;
}

/** A valid CHI or NHS number as printed on the page, and what (if anything) labels it. */
export interface IdToken {
  digits: string;
  chi: boolean;
  nhs: boolean;
  label?: 'chi' | 'nhs';
  el: Element;
  seq: number;
}

/** A recognised heading or label that opens a section; 'plain' is any other h1-h6 (it ends sections). */
export interface Heading {
  kind: HeadingKind | 'plain';
  el: Element;
  seq: number;
  text: string;
  /** The marker is on the element itself (aria-label, a custom element's name): its whole subtree is the section. */
  self?: boolean;
}

/** What one pass over the page (shadow roots and same-origin frames included) collected. */
export interface PageScan {
  /** Values next to recognised labels, in page order. */
  labelled: Labelled[];
  ids: IdToken[];
  headings: Heading[];
  /** Textareas and contenteditable boxes: candidates for the notes. */
  editors: Element[];
  /** Opening lines of letters ("Dear Dr Moncur,"). */
  letters: Element[];
  /** Same-origin frames walked (doc null when not readable) and the element each frame's document hangs from. */
  frames: { el: Element; doc: Document | null }[];
  frameOf: Map<Document, Element>;
  /** Custom elements and shadow hosts, with the shadow root they had (a later attachShadow must invalidate a cached walk). */
  hosts: { el: Element; root: ShadowRoot | null }[];
  /**
   * Every form control whose value the scan read, with that value. Typing in a
   * field changes its value without any DOM mutation, so a cached scan is only
   * re-used while each of these still reads the same (see scan-cache.ts).
   */
  controls: { el: Element; value: string }[];
  /** Elements visited so far; each item's seq is its element's place in document order. */
  seq: number;
  /**
   * Things the walk found or looked at outside the element in hand, counted:
   * a subtree during whose walk this did not move gave nothing and read only
   * itself, so a later walk may skip it while it is unchanged (WalkMemo).
   */
  interest: number;
  /** Of `seq`, the steps stepped over with a WalkMemo rather than walked (0 for a fresh walk). */
  reused: number;
}

/**
 * What a later walk of the same page may re-use (scan-cache.ts keeps one per
 * document and fills `dirty` and `fresh` from its MutationObserver). A
 * subtree that gave the last walk nothing (no value, identifier, heading,
 * editor, letter, frame, host or control; no look outside itself) and has not
 * changed since gives nothing again, so it is stepped over with the places in
 * page order (seq) it took. Everything else is walked as before.
 */
export interface WalkMemo {
  /**
   * Subtrees that gave nothing, with the seq steps their walk took. A change
   * deletes the changed node's entry and every ancestor's at once (scan-cache.ts),
   * so an entry is never trusted after a change inside it, even one made while
   * the subtree was hidden and out of the walk's reach.
   */
  dull: WeakMap<Element, number>;
  /**
   * Nodes whose ancestors' entries this batch of changes has already deleted:
   * only a shortcut for the next record, emptied after each walk.
   */
  dirty: Set<Node>;
  /**
   * Elements added since they were last walked: walked whole when the walk
   * next reaches them (they may have been changed while detached, out of the
   * observer's sight), however many walks pass before that (a hidden table).
   */
  fresh: WeakSet<Node>;
}

/** An empty memo: the first walk of a page. */
export function newWalkMemo(): WalkMemo {
  return { dull: new WeakMap(), dirty: new Set(), fresh: new WeakSet() };
}

/**
 * Remembering a tiny subtree costs about what walking it again does; only
 * subtrees of at least this many steps (a table row, a list item with its
 * text) are remembered.
 */
const MEMO_MIN_STEPS = 4;

/** Elements whose subtree is not page text; textareas, controls and frames are handled on their own. */
const SPECIAL_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'FRAME', 'OBJECT', 'TEXTAREA', 'INPUT', 'SELECT', 'HEAD', 'LINKS-SIDEBAR', 'LINKS-SIDEBAR-PICKER']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/**
 * The built-in elements attachShadow accepts (DOM standard); custom elements
 * (a '-' in the name) may have one too. Asking any other element for its
 * shadow root is a wasted call on every cell of a results table.
 */
const SHADOW_HOSTS = new Set(['ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN']);
/** Elements that head or label what follows: where "Carer details" opens another person's section. */
const HEADING_LIKE = /^(?:H[1-6]|TH|DT|LABEL|LEGEND|CAPTION|SUMMARY|B|STRONG)$/;
const HEADING_CLASS = /head|title|label|caption/i;
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const CELL = /^(?:cell|gridcell|columnheader|rowheader)$/;
const SEARCHY = /search|find|filter|query/i;
const MAX_FRAME_DEPTH = 3;

/** Ten-digit tokens as pages print them: 1403522103, 140352 2103, 140-352-2103, 943 476 5919. */
const ID_TOKEN = /(?<![\d])(\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]?\d{4})(?![\d])/g;
/** The same shape without captures or look-arounds: the cheap test every line gets. */
const ID_SHAPE = /\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]?\d{4}/;
const CHI_BEFORE = /\b(?:CHI|community health index)\b[^\d]{0,14}$/i;
const NHS_BEFORE = /\bNHS\b[^\d]{0,14}$/i;

/** "Label value" without a colon is accepted only where the value's shape confirms it. */
const PREFIX_FORM: Partial<Record<GenericField, (rest: string) => boolean>> = {
  birthDate: (r) => /^\d{1,4}[/.\- ]/.test(r),
  age: (r) => parseAge(r) !== undefined,
  sex: (r) => parseSex(r) !== undefined && r.length < 12,
  postcode: (r) => POSTCODE_IN_TEXT.test(r),
  phone: (r) => /^[+(]?\d[\d ()-]{8,}\d/.test(r),
  chi: (r) => /^\d/.test(r),
  nhsNumber: (r) => /^\d/.test(r),
};

/** textOf, noting any form control read so a later pass can tell whether its value changed. */
function read(el: Element, scan: PageScan): string {
  scan.interest++;
  const value = el.getElementsByTagName('slot').length > 0 ? slotted(el).replace(/\s+/g, ' ').trim() : textOf(el);
  if (CONTROL_TAGS.has(el.tagName)) scan.controls[scan.controls.length] = { el, value };
  return value;
}

/** Text as shown inside a web component: a <slot> shows the light-DOM nodes assigned to it. */
function slotted(node: Node): string {
  let text = '';
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) text += (c as Text).data;
    else if (c.nodeType === 1 && (c as Element).tagName === 'SLOT') {
      const assigned = (c as HTMLSlotElement).assignedNodes?.() ?? [];
      if (assigned.length === 0) text += slotted(c);
      for (const a of assigned) text += ` ${a.textContent ?? ''} `;
    } else if (c.nodeType === 1) text += slotted(c);
  }
  return text;
}

function isCell(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'TD' || tag === 'TH' || CELL.test(el.getAttribute('role') ?? '');
}

/**
 * A label cell in a header row (its neighbour is a label too): the value is the
 * cell below, but only when a single data row follows and every header is a
 * patient label. Under a list's header row (a day book, a waiting room, even
 * with one row) no value belongs to the label.
 */
function cellBelow(cell: Element): Element | undefined {
  const row = cell.parentElement;
  if (!row) return undefined;
  let next = row.nextElementSibling;
  if (!next && row.parentElement?.tagName === 'THEAD') next = row.parentElement.nextElementSibling?.firstElementChild ?? null;
  if (!next || next.nextElementSibling) return undefined;
  let index = 0;
  let at = -1;
  // Every header a patient label: a banner laid out across. "Time", "Room", "Status" make it a list of one; an empty
  // header (over an alerts or actions cell) says nothing either way (one made a banner unread: dev4).
  for (let c = row.firstElementChild; c; c = c.nextElementSibling, index++) {
    const text = textOf(c);
    if (c === cell) at = index;
    else if (text !== '' && !labelField(text)) return undefined;
  }
  index = at;
  return next.children[index] ?? undefined;
}

function below(cell: Element, scan: PageScan): [string, Element] | undefined {
  const el = cellBelow(cell);
  return el ? [read(el, scan), el] : undefined;
}

/** The value for a label element: its `for` target, the text or element after it, or the cell beside or below it. */
function valueFor(label: Element, scan: PageScan): [string, Element] | undefined {
  let el = label;
  if (el.tagName === 'LABEL') {
    const forId = el.getAttribute('for');
    const target = forId ? el.ownerDocument.getElementById(forId) : null;
    if (target) return [read(target, scan), target];
  }
  for (let up = 0; up < 4; up++) {
    let node = el.nextSibling;
    for (let k = 0; node && k < 4; k++, node = node.nextSibling) {
      if (node.nodeType === 3) {
        const text = (node as Text).data.replace(/\s+/g, ' ').trim();
        if (text !== '') return el.parentElement ? [text, el.parentElement] : undefined;
      } else if (node.nodeType === 1) {
        const next = node as Element;
        if (next.tagName === 'BR') continue;
        // The next header is a label too, or an empty header: a header row, whose values are in the row below.
        if (isCell(el) && isCell(next) && (labelField(textOf(next)) || (next.tagName === 'TH' && textOf(next) === ''))) return below(el, scan);
        return [read(next, scan), next];
      }
    }
    // The last label of a header row: the cell before it is a label too.
    const prev = el.previousElementSibling;
    if (!node && isCell(el) && prev && isCell(prev) && labelField(textOf(prev))) return below(el, scan);
    const inner = el.querySelector('input, select, textarea');
    if (inner) return [read(inner, scan), inner];
    // A label wrapped alone in its parent (<td><b>CHI</b></td><td>…</td>): look beside the parent.
    const parent = el.parentElement;
    if (!parent || parent.children.length !== 1 || textOf(parent) !== textOf(el)) return undefined;
    el = parent;
  }
  return undefined;
}

/** A `contenteditable` value that makes its element a box one types in. */
const editableValue = (value: string | null): boolean => value === '' || value === 'true' || value === 'plaintext-only';

function special(el: Element, tag: string, scan: PageScan, depth: number): void {
  scan.interest++;
  if (tag === 'TEXTAREA') {
    scan.editors[scan.editors.length] = el;
  } else if (tag === 'INPUT' || tag === 'SELECT') {
    if (el.getAttribute('type') === 'hidden' || el.getAttribute('type') === 'search') return;
    const value = read(el, scan);
    if (value !== '' && !SEARCHY.test(`${el.getAttribute('name') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''}`)) {
      tokens(value, el, scan);
    }
  } else if (tag === 'IFRAME' || tag === 'FRAME') {
    let doc: Document | null = null;
    try {
      doc = (el as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null; // another origin
    }
    scan.frames[scan.frames.length] = { el, doc };
    if (doc && doc.body && depth < MAX_FRAME_DEPTH) {
      scan.frameOf.set(doc, el);
      // A rich-text editor in a frame of its own (TinyMCE's, CKEditor's classic one): the frame's body is the box
      // the consultation is typed in (dev5: read as no notes box, and the page's other lines taken for the notes).
      if (editableValue(doc.body.getAttribute('contenteditable')) || doc.designMode === 'on') {
        scan.interest++;
        scan.editors[scan.editors.length] = doc.body;
      }
      visit(doc.body, doc.body.tagName, scan, depth + 1);
    }
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
    if (name === 'class' || name === 'id' || name === 'href') continue;
    if (name === 'hidden') return true;
    if (name === 'aria-hidden' && attr.value === 'true') return true;
    if (name === 'style' && HIDING_STYLE.test(attr.value)) return true;
    if (name === 'contenteditable' && editableValue(attr.value)) {
      scan.interest++;
      scan.editors[scan.editors.length] = el;
      return true;
    }
    if (name === 'aria-label') {
      scan.interest++;
      const field = labelField(attr.value);
      // An aria-label on a container of labelled rows ("Patient" on the whole banner) names a
      // region, not a value: its text is every row, other people's included.
      if (field && !holdsRows(el)) addValue(field, read(el, scan), el, scan);
      else if (headingOf(attr.value) === 'other') scan.headings[scan.headings.length] = { kind: 'other', el, seq: scan.seq, text: attr.value, self: true };
    }
  }
  return false;
}

/** Holds label/value structure of its own: a table, a definition list, form labels or several blocks. */
function holdsRows(el: Element): boolean {
  return el.querySelector('table, dl, dt, th, label, li, p, div, section, [aria-label]') !== null;
}

/** "Home" names an address only before one (a number and a word): a site's "Home" link is followed by another link. */
const HOME_LABEL = /^home\W*$/i;
const PHONE_ONLY = /^\+?[\d\s()-]{10,16}$/;

function addValue(field: GenericField, raw: string, el: Element, scan: PageScan, label?: string): void {
  if (raw === '') return;
  if (field === 'address' && label !== undefined && HOME_LABEL.test(label.trim()) && !(/\d/.test(raw) && /[A-Za-z]{3}/.test(raw))) {
    // "Home 01632 960812": the home phone.
    if (PHONE_ONLY.test(raw)) addValue('phone', raw, el, scan);
    return;
  }
  if (field === 'chi' || field === 'nhsNumber') {
    const digits = normaliseIdentifier(raw);
    const chi = field === 'chi' && isValidChi(digits);
    const nhs = isValidNhsNumber(digits);
    if (chi || (field === 'nhsNumber' && nhs)) scan.ids[scan.ids.length] = { digits, chi, nhs, label: chi ? 'chi' : 'nhs', el, seq: scan.seq };
    return;
  }
  scan.labelled[scan.labelled.length] = { field, raw, el, seq: scan.seq };
}

/** Every valid CHI or NHS number in a line of text, labelled when "CHI"/"NHS" comes just before it. */
function tokens(text: string, el: Element, scan: PageScan): void {
  ID_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ID_TOKEN.exec(text)) !== null) {
    const digits = normaliseIdentifier(m[1] ?? '');
    const chi = isValidChi(digits);
    const nhs = isValidNhsNumber(digits);
    if (!chi && !nhs) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const label = chi && CHI_BEFORE.test(before) ? 'chi' : nhs && NHS_BEFORE.test(before) ? 'nhs' : undefined;
    scan.ids[scan.ids.length] = label ? { digits, chi, nhs, label, el, seq: scan.seq } : { digits, chi, nhs, el, seq: scan.seq };
  }
}

/**
 * Walk the page once, depth first, with sibling pointers and index loops only
 * (no Array.prototype calls the page could have replaced, no selector
 * matching): open shadow roots before their host's light children, same-origin
 * frames in place. Text is read line by line: `<br>` and elements end a line,
 * so "Dundee<br>DD4 7BQ" is two lines.
 */
export function scanPage(doc: Document, reuse?: WalkMemo): PageScan {
  const scan: PageScan = { labelled: [], ids: [], headings: [], editors: [], letters: [], frames: [], frameOf: new Map(), hosts: [], controls: [], seq: 0, interest: 0, reused: 0 };
  const root = doc.body ?? doc.documentElement;
  memo = reuse;
  freshDepth = 0;
  try {
    if (root) visit(root, root.tagName, scan, 0);
  } finally {
    memo = undefined;
  }
  return scan;
}

/** The memo of the walk under way (walks are synchronous), and how many fresh subtrees it is inside. */
let memo: WalkMemo | undefined;
let freshDepth = 0;

/** An element in a walk with a memo: stepped over when it gave nothing last time and is unchanged, else walked and remembered. */
function visitRemembered(child: Element, tag: string, scan: PageScan, depth: number, m: WalkMemo): void {
  const fresh = m.fresh.has(child);
  if (fresh) {
    m.fresh.delete(child);
    freshDepth++;
  } else if (freshDepth === 0) {
    const steps = m.dull.get(child);
    if (steps !== undefined) {
      scan.seq += steps;
      scan.reused += steps;
      return;
    }
  }
  const interest = scan.interest;
  const seq = scan.seq;
  if (!child.hasAttributes() || !skipByAttributes(child, scan)) visit(child, tag, scan, depth);
  if (scan.interest === interest && scan.seq - seq >= MEMO_MIN_STEPS) m.dull.set(child, scan.seq - seq);
  else m.dull.delete(child);
  if (fresh) freshDepth--;
}

function visit(el: Element, tag: string, scan: PageScan, depth: number): void {
  scan.seq++;
  if (HEADING_TAGS.has(tag)) {
    scan.interest++;
    scan.headings[scan.headings.length] = { kind: 'plain', el, seq: scan.seq, text: '' };
  }
  const custom = tag.indexOf('-') > 0;
  // (A lower-case name is an XHTML page: asked regardless.)
  const shadow = custom || SHADOW_HOSTS.has(tag) || tag.charCodeAt(0) >= 97 ? el.shadowRoot : null;
  if (shadow || custom) {
    scan.interest++;
    scan.hosts[scan.hosts.length] = { el, root: shadow };
    if (headingOf(tag.toLowerCase().replace(/-/g, ' ')) === 'other') scan.headings[scan.headings.length] = { kind: 'other', el, seq: scan.seq, text: tag, self: true };
    if (shadow) children(shadow, el, scan, depth);
  }
  children(el, el, scan, depth);
}

/** The children of `parent` (an element or a shadow root); text lines are read as belonging to `el`. */
function children(parent: ParentNode, el: Element, scan: PageScan, depth: number): void {
  let own = '';
  let pending: Pending;
  let hasChildren = false;
  for (let c = parent.firstChild; c !== null; c = c.nextSibling) {
    const type = c.nodeType;
    if (type === 3) {
      own += (c as Text).data;
    } else if (type === 1) {
      const child = c as Element;
      const tag = child.tagName;
      if (tag === 'BR') {
        pending = line(own, el, scan, pending);
        own = '';
        continue;
      }
      hasChildren = true;
      if (SPECIAL_TAGS.has(tag)) special(child, tag, scan, depth);
      else if (tag === 'DIALOG' && !child.hasAttribute('open')) continue; // a closed dialog is not on screen
      else if (memo !== undefined) visitRemembered(child, tag, scan, depth, memo);
      else if (!child.hasAttributes() || !skipByAttributes(child, scan)) visit(child, tag, scan, depth);
    }
  }
  pending = line(own, el, scan, pending);
  if (pending) {
    // A bare label and no value line after it: the value is inside the element or beside it.
    const [field, text] = pending;
    const inside = hasChildren ? textOf(el).slice(textOf(el).indexOf(text) + text.length).trim() : '';
    const value: [string, Element] | undefined = inside !== '' ? [inside, el] : valueFor(el, scan);
    if (value) addValue(field, value[0], value[1], scan, text);
  }
}

/** lineShape's answer: no text at all; white space at the ends; white space to squeeze inside; ten digits or more (room for an identifier). */
export const BLANK = 0;
const PLAIN = 1;
const TRIM = 2;
const SQUEEZE = 4;
export const TEN_DIGITS = 8;

/** What String.prototype.trim and /\s/ count as white space. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * One pass over a line's characters instead of three regular expressions
 * (/\S/, the squeeze-and-trim, the identifier shape): most lines of a record
 * are short data, and those regular expressions were half the cost of a full
 * walk in Chromium (#13 bench).
 */
export function lineShape(raw: string): number {
  let shape = BLANK;
  let digits = 0;
  let run = 0; // white space characters since the last other character
  let plainRun = true; // that run is one ordinary space
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isSpace(c)) {
      plainRun = run === 0 && c === 32;
      run++;
      continue;
    }
    if (run > 0) shape |= shape === BLANK ? TRIM : plainRun ? 0 : SQUEEZE;
    run = 0;
    shape |= PLAIN;
    if (c >= 48 && c <= 57) digits++;
  }
  if (shape === BLANK) return BLANK;
  if (run > 0) shape |= TRIM;
  return digits >= 10 ? shape | TEN_DIGITS : shape;
}

/** The line with white space squeezed to single spaces and trimmed, as `raw.replace(/\s+/g, ' ').trim()`. */
export function normalLine(raw: string, shape: number): string {
  return shape & SQUEEZE ? (squeezed(raw) as string) : shape & TRIM ? raw.trim() : raw;
}

/** Lines with runs of white space (an indented template's text) are the same text pass after pass: squeezed once. */
const squeezed = remembered((raw: string): string => raw.replace(/\s+/g, ' ').trim());

/** A bare label waiting for its value (the next line, or the element beside it). */
type Pending = [GenericField, string] | undefined;

/** Words that may name another person in a heading-like element; tested before the element is asked anything. */
const OTHER_HINT = /kin|nok|carer|contact|attorney|guardian|relati|household|famil|recent|viewed|registered|gp\b|referr|entered|logged|signed|proxy|represent|linked|parent/i;

/** Read one line of an element's own text; returns the label still waiting for its value. */
function line(raw: string, el: Element, scan: PageScan, pending: Pending): Pending {
  const shape = lineShape(raw);
  if (shape === BLANK) return pending;
  // Each line takes its own place in page order: "<p><b>Carer:</b> Jane<br>Mobile: …</p>" puts the
  // mobile after the heading, though both belong to elements entered before it.
  scan.seq++;
  const text = normalLine(raw, shape);
  if (shape & TEN_DIGITS) {
    scan.interest++;
    if (ID_SHAPE.test(text)) tokens(text, el, scan);
  }
  if (text.length > 80) return undefined;
  if (pending) {
    addValue(pending[0], text, el, scan, pending[1]);
    return undefined;
  }
  // (Or a notes heading named by its writer, "Round notes": `headingOf` reads those by their last word.)
  if (startsKnown(text) || mayNameNotes(text)) {
    scan.interest++;
    // Most lines of a page are data and fail this first test: no label, heading or "Label value" to look for.
    const field = labelField(text);
    if (field) return [field, text];
    const colon = text.indexOf(':');
    if (colon > 0 && colon <= 40) {
      const inline = labelField(text.slice(0, colon));
      const rest = text.slice(colon + 1).trim();
      if (inline && rest !== '') {
        addValue(inline, rest, el, scan, text.slice(0, colon));
        return undefined;
      }
    }
    const kind = headingOf(text);
    // A cell in a row ("Problem" over a grid's terms, "Repeat" beside a drug) opens no section, nor does a form's label
    // ("<label>Problem<select>…</select></label>", coding a consultation: its problems were read from what followed);
    // "Usual GP" still marks its row.
    if (kind && (kind === 'other' || (!columnHeader(el) && !formLabel(el) && (kind === 'notes' || !badgeBesideValue(el))))) {
      scan.headings[scan.headings.length] = { kind, el, seq: scan.seq, text };
      return undefined;
    }
    if (!kind) prefixForm(text, el, scan);
  }
  if (text.length <= 50 && OTHER_HINT.test(text)) {
    scan.interest++;
    if (headingLike(el) && namesOtherPerson(text)) scan.headings[scan.headings.length] = { kind: 'other', el, seq: scan.seq, text };
  } else if (text.length < 60 && text.charCodeAt(0) === 68 && /^Dear\s\S/.test(text)) {
    scan.interest++;
    scan.letters[scan.letters.length] = el;
  }
  return undefined;
}

/**
 * A status badge after a value in its row ("<div><span>Rasagiline 1mg</span><span>Repeat</span></div>"): it names what
 * the entry is, not a section. An inline element that is not heading-like, after an inline sibling with words (dev6:
 * each drug's "Repeat" badge opened a section, and the medication list under its real heading was read as empty).
 * Not for a notes word: a journal entry's type beside its date ("<span>27 May</span><span>Consultation</span>") is
 * where its text is read from (dev4).
 */
function badgeBesideValue(el: Element): boolean {
  if (!INLINE_TAGS.has(el.tagName) || headingLike(el)) return false;
  for (let prev = el.previousElementSibling; prev !== null; prev = prev.previousElementSibling) {
    if (INLINE_TAGS.has(prev.tagName) && /[\p{L}\p{N}]{2}/u.test(textOf(prev))) return true;
  }
  return false;
}
const INLINE_TAGS = new Set(['SPAN', 'SMALL', 'B', 'STRONG', 'EM', 'I', 'MARK', 'FONT']);

function formLabel(el: Element): boolean {
  return el.tagName === 'LABEL' && el.querySelector('select, input, textarea') !== null;
}

function headingLike(el: Element): boolean {
  return HEADING_LIKE.test(el.tagName) || HEADING_CLASS.test(el.getAttribute('class') ?? '') || el.getAttribute('role') === 'heading';
}

/** A cell in a row of several: "Problem" over a column, "Repeat" beside a drug, names a column or a value, not a section. */
function columnHeader(el: Element): boolean {
  return isCell(el) && (el.parentElement?.children.length ?? 0) > 1;
}

/** "Born 11.06.90", "Tel 01632 960 411": a label word or two, then a value of the right shape. */
function prefixForm(text: string, el: Element, scan: PageScan): void {
  const found = prefixValue(text);
  if (found) addValue(found[0], found[1], el, scan);
}

/** The field and value of a "Label value" line, remembered per text (journal lines repeat, and each try slices the line). */
const prefixValue = remembered((text: string): [GenericField, string] | undefined => {
  let space = text.indexOf(' ');
  for (let k = 0; k < 3 && space > 0; k++) {
    const field = labelField(text.slice(0, space));
    const check = field ? PREFIX_FORM[field] : undefined;
    if (field && check) {
      const rest = text.slice(space + 1).trim();
      return check(rest) ? [field, rest] : undefined;
    }
    space = text.indexOf(' ', space + 1);
  }
  return undefined;
});
