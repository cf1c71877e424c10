import { notesTextOf, textOf } from '../dom-text';
import { headingOf, NOTES_HINT } from './labels';
import { linesAfter, linesOf } from './text';
import type { PageScan } from './walk';

const MAX_NOTES = 8000;

function labelledAsNotes(el: Element, frameOf: ReadonlyMap<Document, Element>): boolean {
  const attrs = ['id', 'name', 'aria-label', 'placeholder', 'title', 'class'];
  for (let i = 0; i < attrs.length; i++) {
    const value = el.getAttribute(attrs[i] as string);
    if (value && NOTES_HINT.test(value) && !/search/i.test(value)) return true;
  }
  // An editable frame's body is labelled by its frame ("<iframe id="consultation_text_ifr">").
  const frame = el.tagName === 'BODY' ? frameOf.get(el.ownerDocument) : undefined;
  if (frame) return labelledAsNotes(frame, frameOf);
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const label = doc.getElementById(labelledBy);
    if (label && headingOf(textOf(label)) === 'notes') return true;
  }
  const id = el.getAttribute('id');
  if (id) {
    const labels = doc.getElementsByTagName('label');
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      if (label && label.getAttribute('for') === id && headingOf(textOf(label)) === 'notes') return true;
    }
  }
  const prev = el.previousElementSibling;
  return prev !== null && headingOf(textOf(prev)) === 'notes';
}

function size(el: Element): number {
  const rows = Number(el.getAttribute('rows') ?? '2') || 2;
  const cols = Number(el.getAttribute('cols') ?? '20') || 20;
  return rows * cols + notesTextOf(el).length;
}

/**
 * The consultation notes box: a textarea or contenteditable labelled as notes
 * (by attribute, label or the heading before it), else the largest textarea.
 */
export function findNotes(editors: Element[], frameOf: ReadonlyMap<Document, Element> = new Map()): { el: Element; labelled: boolean } | null {
  let largest: Element | null = null;
  let largestSize = -1;
  for (let i = 0; i < editors.length; i++) {
    const el = editors[i] as Element;
    if (labelledAsNotes(el, frameOf)) return { el, labelled: true };
    if (el.tagName === 'TEXTAREA') {
      const s = size(el);
      if (s > largestSize) {
        largest = el;
        largestSize = s;
      }
    }
  }
  return largest ? { el: largest, labelled: false } : null;
}

/** A frame that holds the journal: named so by its title, name or id, or its document's title. */
function notesFrame(frame: { el: Element; doc: Document | null }): boolean {
  for (const value of [frame.el.getAttribute('title'), frame.el.getAttribute('name'), frame.el.getAttribute('id'), frame.doc?.title]) {
    if (value && headingOf(value) === 'notes') return true;
  }
  return false;
}

/**
 * What the clinician is writing or has written about the patient: the notes
 * box when there is one (the text being typed), else the record's own note
 * sections (journal frames, "Last consultation", "Timeline"...), else the
 * body of a letter on screen ("Dear …" to "Yours …").
 */
export function notesFrom(scan: PageScan, stop: (el: Element) => boolean, usable: (el: Element) => boolean): string {
  const editor = findNotes(scan.editors, scan.frameOf);
  if (editor) {
    // A consultation written in several boxes side by side ("History", "Examination", "Plan"): all of them, in order
    // (only the first was read, and the plan's words were lost: dev5).
    // (Plain loops, as everywhere in the detector: a page may replace the array methods of our realm's prototypes.)
    const parent = editor.el.parentElement;
    let text = '';
    for (let i = 0; i < scan.editors.length; i++) {
      const e = scan.editors[i] as Element;
      if (e !== editor.el && !(editor.labelled && parent && e.parentElement === parent)) continue;
      const t = notesTextOf(e);
      if (t !== '') text = text === '' ? t : `${text}\n${t}`;
    }
    if (editor.labelled || text !== '') return text.length > MAX_NOTES ? text.slice(0, MAX_NOTES) : text;
  }
  const parts: string[] = [];
  for (const frame of scan.frames) if (frame.doc?.body && notesFrame(frame)) parts.push(linesOf(frame.doc.body).join('\n'));
  for (const h of scan.headings) {
    if (h.kind !== 'notes' || !usable(h.el)) continue;
    const lines = linesAfter(h.el, stop, 80, false);
    if (lines.length === 0) continue;
    // A section inside one already read (a bold "History:" in a consultation read whole) adds nothing.
    const read = parts.join('\n');
    let inside = parts.length > 0;
    for (let i = 0; i < lines.length && inside; i++) inside = read.includes(lines[i] as string);
    if (!inside) parts.push(`${h.text}\n${lines.join('\n')}`);
  }
  if (parts.length === 0) {
    for (const el of scan.letters) {
      const lines = linesAfter(el, stop, 80, false);
      const end = lines.findIndex((l) => /^Yours\b/i.test(l));
      parts.push((end >= 0 ? lines.slice(0, end) : lines).join('\n'));
    }
  }
  const text = parts.join('\n\n');
  return text.length > MAX_NOTES ? text.slice(0, MAX_NOTES) : text;
}
