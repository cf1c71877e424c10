import type { Problem } from '../../context/patient-context';
import { textOf } from '../dom-text';
import { isNoValue } from './labels';
import { linesAfter } from './text';
import { hasFollowing, onlyControlsAfter } from './tree';

/** One entry of a section: its element (for code attributes) and the texts of its cells. */
export interface Entry {
  el: Element | null;
  cells: string[];
}

const LIST_TAGS = new Set(['UL', 'OL', 'TABLE']);
const LIST_ROLES = /^(?:list|grid|table|treegrid|listbox)$/;
const LIST_SELECTOR = 'ul, ol, table, [role="list"], [role="grid"], [role="table"], [role="treegrid"]';
const SNOMED = /^\d{6,18}$/;
/** Read v2 / CTV3 style: five characters, dots allowed as padding, at least one digit. */
const READ = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9.]{4}$/;
const BRACKETED_CODE = /\s*[([]\s*([A-Za-z0-9.]{5,18})\s*[)\]]\s*$/;
const CODE_ATTRIBUTES = ['data-snomed', 'data-code', 'data-snomed-code', 'data-concept-id', 'data-read-code', 'data-readcode'];
/** A date as problem lists print one: 12-Apr-2016, Apr-2026, 03/2019, 2023-09, 11.2022, since 2019. */
const DATE = /^(?:since |from |dx |diagnosed |onset )?(?:\d{1,2}[/.\- ](?:\d{1,2}|[A-Za-z]{3,9})[/.\- ]\d{2,4}|(?:\d{1,2}|[A-Za-z]{3,9})[/.\- ]\d{4}|\d{4}(?:[/.-]\d{1,2}){0,2})$/i;
const STATUS = /^(?:active|inactive|resolved|current|past|ongoing|significant|minor|major|closed|open|confirmed|suspected|chronic|acute|new|historic)$/i;
const PARTS = /\s+[·•|–—]\s+|\s*;\s+|^[·•]\s*|\s*[·•]$/;

const isCode = (text: string): boolean => SNOMED.test(text) || READ.test(text);

function isList(el: Element): boolean {
  return LIST_TAGS.has(el.tagName) || LIST_ROLES.test(el.getAttribute('role') ?? '');
}

/**
 * The list (ul, ol, table, ARIA list or grid) a heading introduces: among its
 * next few siblings, never past the next heading, looking up from a heading
 * wrapped alone in its element.
 */
export function listAfter(heading: Element, stop: (el: Element) => boolean): Element | null {
  let node: Element | null = heading;
  for (let up = 0; up < 3 && node; up++) {
    let sib: Element | null = node.nextElementSibling;
    for (let k = 0; k < 4 && sib; k++, sib = sib.nextElementSibling) {
      if (stop(sib)) return listBeforeStop(sib, stop);
      const list = listIn(sib);
      if (list) return list;
    }
    const controls = onlyControlsAfter(node);
    if (hasFollowing(node) && !controls) return null;
    const parent: Element | null = node.parentElement;
    if (!parent || (textOf(parent) !== textOf(node) && !controls)) return null;
    node = parent;
  }
  return null;
}

/**
 * "<div class=body><table>…</table><p>Discontinued: Cetirizine…</p></div>" (dev7): a block holding the next heading may
 * still open with this heading's list. Its first child holding a list, when no child before it is (or holds) a heading.
 */
function listBeforeStop(block: Element, stop: (el: Element) => boolean): Element | null {
  for (let c = block.firstElementChild; c; c = c.nextElementSibling) {
    if (stop(c)) return null;
    const list = listIn(c);
    if (list) return list;
  }
  return null;
}

/** The element itself when it is a list, else the first list inside it. */
function listIn(el: Element): Element | null {
  return isList(el) ? el : el.querySelector(LIST_SELECTOR);
}

function cellTexts(row: Element, selector: string): string[] {
  const cells = row.querySelectorAll(selector);
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) out[out.length] = textOf(cells[i] as Element);
  return out;
}

/** A header row: every cell a <th>/columnheader, or every cell's text bold. */
function headerRow(row: Element): boolean {
  const cells = row.children;
  if (cells.length === 0) return true;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Element;
    if (cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader') continue;
    const bold = cell.querySelector('b, strong, th');
    if (!bold || textOf(bold) !== textOf(cell) || textOf(cell) === '') return false;
  }
  return true;
}

/** The entries of a list or table, header rows left out. */
export function entriesOf(list: Element): Entry[] {
  const out: Entry[] = [];
  const role = list.getAttribute('role') ?? '';
  if (list.tagName === 'TABLE' || /grid|table/.test(role)) {
    const rows = list.querySelectorAll(list.tagName === 'TABLE' ? 'tr' : '[role="row"]');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Element;
      if (headerRow(row)) continue;
      out[out.length] = { el: row, cells: cellTexts(row, list.tagName === 'TABLE' ? 'td, th' : '[role="gridcell"], [role="cell"], [role="rowheader"]') };
    }
    return out;
  }
  for (let c = list.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName === 'LI' || c.getAttribute('role') === 'listitem') out[out.length] = { el: c, cells: [textOf(c)] };
  }
  return out;
}

/**
 * A heading that is a table's own row ("<tr><td colspan=4>Therapy</td></tr>" over a header row and the drugs): the
 * rows after it, header rows left out, up to the next heading (dev6: an old system's tables were read as lines, their
 * column headers counted as a medicine and "Status" as a problem).
 */
function rowsAfterHeadingRow(heading: Element, stop: (el: Element) => boolean): Entry[] | null {
  const cell = heading.tagName === 'TD' || heading.tagName === 'TH' ? heading : heading.parentElement;
  const row = cell?.parentElement;
  if (!cell || (cell.tagName !== 'TD' && cell.tagName !== 'TH') || !row || row.tagName !== 'TR' || row.children.length !== 1) return null;
  const out: Entry[] = [];
  for (let r = row.nextElementSibling; r; r = r.nextElementSibling) {
    if (r.tagName !== 'TR') continue;
    if (stop(r)) break;
    if (headerRow(r)) continue;
    // A row holding a list of its own ("<tr><td><ul><li>…"): that list's entries.
    const inner = r.querySelector(LIST_SELECTOR);
    if (inner) {
      const entries = entriesOf(inner);
      for (let i = 0; i < entries.length; i++) out[out.length] = entries[i] as Entry;
      continue;
    }
    out[out.length] = { el: r, cells: cellTexts(r, 'td, th') };
  }
  return out.length > 0 ? out : null;
}

/**
 * A section's entries: the items after a colon in the heading's own line
 * ("Problems: Asthma; COPD"), else the list it introduces, else the lines
 * that follow it up to a blank line or the next heading.
 */
export function sectionEntries(heading: Element, text: string, stop: (el: Element) => boolean): Entry[] {
  const colon = text.indexOf(':');
  const rest = colon > 0 ? text.slice(colon + 1).trim() : '';
  const lines = rest !== '' ? [rest] : null;
  // "<div>Problems: <span>Hypothyroidism</span><span>Atrial fibrillation</span></div>": the entries are the label's own
  // element's children (the table after it was the medication list, read as problems: dev4).
  if (!lines && colon > 0) {
    const inside: Entry[] = [];
    for (let c = heading.firstElementChild; c; c = c.nextElementSibling) {
      const t = textOf(c);
      if (t !== '' && !isNoValue(t)) inside[inside.length] = { el: c, cells: [t] };
    }
    if (inside.length > 0) return inside;
  }
  const rows = lines ? null : rowsAfterHeadingRow(heading, stop);
  if (rows) return rows;
  const list = lines ? null : listAfter(heading, stop);
  if (list) return entriesOf(list);
  const out: Entry[] = [];
  // "<strong>Diagnosis:</strong> Benign prostatic hyperplasia<br><strong>Plan:</strong> …": a bold label with its value
  // on the same line holds that line only (a letter's plan was read as three problems: dev6).
  const next = heading.nextSibling;
  const sameLine = colon > 0 && colon === text.trimEnd().length - 1 && INLINE_LABELS.has(heading.tagName) && next?.nodeType === 3 && (next.textContent ?? '').trim() !== '';
  for (const line of lines ?? linesAfter(heading, stop, sameLine ? 1 : 40, true)) {
    for (const part of line.split(/\s*;\s+/)) if (part !== '' && !isNoValue(part)) out[out.length] = { el: null, cells: [part] };
  }
  return out;
}

const INLINE_LABELS = new Set(['B', 'STRONG', 'SPAN', 'LABEL', 'EM', 'I', 'DT']);

function attributeCode(el: Element | null): string | undefined {
  if (!el) return undefined;
  for (let i = 0; i < CODE_ATTRIBUTES.length; i++) {
    const value = el.getAttribute(CODE_ATTRIBUTES[i] as string);
    if (value && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** "12/10/2015 Gout" -> "Gout"; "Gout (2019)" -> "Gout"; dates and statuses alone -> ''. */
function clean(part: string): string {
  let text = part.trim();
  const words = text.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    if (DATE.test(words.slice(0, n).join(' '))) {
      text = words.slice(n).join(' ');
      break;
    }
  }
  const tail = /\s*[(,]\s*([^()]*)\)?\s*$/.exec(text);
  if (tail && DATE.test((tail[1] ?? '').trim())) text = text.slice(0, tail.index);
  return DATE.test(text) || STATUS.test(text) ? '' : text.trim();
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
/** A status that says an entry is over (a past problem listed beside current ones). */
const PAST_STATUS = /^(?:inactive|resolved|past|closed|historic)$/i;

/**
 * "Parkinson's disease diagnosed 2020 Active": a trailing status word and date (or a leading "Active:") are the entry's
 * columns, not its term (styled apart on screen, one line in the text; dev6). Undefined when the status says the
 * problem is over.
 */
function withoutTrailingColumns(part: string): string | undefined {
  let text = part;
  // "Active: Type 1 diabetes mellitus": a status label before the term.
  const lead = /^(\S+)\s*:\s+/.exec(text);
  if (lead && STATUS.test(lead[1] as string)) {
    if (PAST_STATUS.test(lead[1] as string)) return undefined;
    text = text.slice(lead[0].length);
  }
  const status = /\s+(\S+)$/.exec(text);
  if (status && STATUS.test(status[1] as string)) {
    if (PAST_STATUS.test(status[1] as string)) return undefined;
    text = text.slice(0, status.index);
  }
  // A date alone ("Aug 2015", its own cell) is left to clean(), which drops it.
  // (DATE takes any word of three to nine letters for a month name: "Epilepsy 2009" is a term and its year.)
  if (DATE.test(text) && (MONTH.test(text.split(' ')[0] as string) || /^\d/.test(text))) return text;
  const words = text.split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const rest = words.slice(0, -n).join(' ');
    // "Aug 2015" split as "Aug" and "2015" is one date, not a term and its date.
    // "Asthma — resolved 1996": the status in a part of its own, before its date.
    if (DATE.test(words.slice(-n).join(' ')) && !MONTH.test(rest)) return PAST_STATUS.test(rest) ? undefined : rest;
  }
  return PAST_STATUS.test(text) ? undefined : text;
}

function problemOf(entry: Entry): Problem | undefined {
  let term = '';
  let code = attributeCode(entry.el);
  for (const cell of entry.cells) {
    for (const raw of cell.split(PARTS)) {
      const trimmed = withoutTrailingColumns(raw.trim());
      if (trimmed === undefined) return undefined;
      let part = trimmed;
      const bracket = BRACKETED_CODE.exec(part);
      if (bracket && bracket[1] && isCode(bracket[1])) {
        code ??= bracket[1];
        part = part.slice(0, bracket.index).trim();
      }
      if (part === '') continue;
      if (isCode(part)) {
        code ??= part;
        continue;
      }
      const cleaned = clean(part);
      if (term === '' && /[A-Za-z]{3}/.test(cleaned)) term = cleaned;
    }
  }
  if (term === '') return undefined;
  return code ? { term, code } : { term };
}

/** Problems (term and code when shown) from a section's entries. */
export function problemsOf(entries: Entry[]): Problem[] {
  const out: Problem[] = [];
  for (const entry of entries) {
    const problem = problemOf(entry);
    if (problem) out[out.length] = problem;
  }
  return out;
}

/** How many medicines a section lists: the count in its heading ("Repeats (4)"), else its entries. */
export function medicationCountOf(headingText: string, entries: () => Entry[]): number {
  const count = /\((\d{1,3})\)/.exec(headingText);
  if (count) return Number(count[1]);
  let n = 0;
  for (const entry of entries()) if (entry.cells.some((c) => /[A-Za-z]/.test(c) && !isNoValue(c)) && !entry.cells.some((c) => NOT_CURRENT.test(c))) n++;
  return n;
}

/**
 * An entry marked as no longer taken, in a list of current ones ("Ropinirole 2mg … Stopped Jan 2026", a "Discontinued"
 * badge): not counted (dev6, where stopped drugs sat greyed in the same list). Only the status as a word of its own,
 * at the end, before a date, a bracketed reason or "by" ("Cancelled by prescriber", "Discontinued (rash)", dev7): "Stop
 * smoking" and "Discontinue if rash" are instructions, not statuses.
 */
const NOT_CURRENT = /(?:^|[\s\-–—(])(?:Stopped|STOPPED|Discontinued|DISCONTINUED|Cancelled|CANCELLED|Ended|ENDED)(?:\s+(?:on\s+)?\d|\s*\)|\s*\(|\s*$|\s*[-–—:,]|\s+(?:by|BY)\s|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)/;
