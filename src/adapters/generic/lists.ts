import type { Problem } from '../../context/patient-context';
import { textOf } from '../dom-text';

const LIST_TAGS = new Set(['UL', 'OL', 'TABLE']);
const SNOMED = /^\d{6,18}$/;
/** Read v2 / CTV3 style: five characters, dots allowed as padding, at least one digit. */
const READ = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9.]{4}$/;
const BRACKETED_CODE = /\s*[([]\s*([A-Za-z0-9.]{5,18})\s*[)\]]\s*$/;
const CODE_ATTRIBUTES = ['data-snomed', 'data-code', 'data-snomed-code', 'data-concept-id', 'data-read-code', 'data-readcode'];

function isCode(text: string): boolean {
  return SNOMED.test(text) || READ.test(text);
}

/** The list (ul, ol or table) that follows a section heading, looking a little way up and along. */
export function listAfter(heading: Element): Element | null {
  let node: Element | null = heading;
  for (let up = 0; up < 3 && node; up++) {
    let sib: Element | null = node.nextElementSibling;
    for (let k = 0; k < 4 && sib; k++) {
      if (LIST_TAGS.has(sib.tagName)) return sib;
      const inner = sib.querySelector('ul, ol, table');
      if (inner) return inner;
      sib = sib.nextElementSibling;
    }
    node = node.parentElement;
  }
  return null;
}

/** List items or body rows, in order (rows made only of header cells are skipped). */
export function listItems(list: Element): Element[] {
  const out: Element[] = [];
  if (list.tagName === 'TABLE') {
    const rows = list.querySelectorAll('tr');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row && row.querySelector('td')) out[out.length] = row;
    }
    return out;
  }
  const children = list.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child && child.tagName === 'LI') out[out.length] = child;
  }
  return out;
}

function attributeCode(el: Element): string | undefined {
  for (let i = 0; i < CODE_ATTRIBUTES.length; i++) {
    const value = el.getAttribute(CODE_ATTRIBUTES[i] as string);
    if (value && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function problemFromRow(row: Element): Problem | undefined {
  const cells = row.querySelectorAll('td, th');
  let term = '';
  let code = attributeCode(row);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) continue;
    const text = textOf(cell);
    if (text === '') continue;
    if (isCode(text)) code ??= text;
    else if (term === '' && /[A-Za-z]{3}/.test(text)) term = text;
  }
  if (term === '') return undefined;
  return code ? { term, code } : { term };
}

function problemFromItem(item: Element): Problem | undefined {
  let term = textOf(item);
  let code = attributeCode(item);
  const bracket = BRACKETED_CODE.exec(term);
  if (bracket && bracket[1] && isCode(bracket[1])) {
    code ??= bracket[1];
    term = term.slice(0, bracket.index).trim();
  }
  if (term === '') return undefined;
  return code ? { term, code } : { term };
}

/** Problems (term and code when shown) from a list or table. */
export function readProblemList(list: Element): Problem[] {
  const out: Problem[] = [];
  const items = listItems(list);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Element;
    const problem = item.tagName === 'TR' ? problemFromRow(item) : problemFromItem(item);
    if (problem) out[out.length] = problem;
  }
  return out;
}
