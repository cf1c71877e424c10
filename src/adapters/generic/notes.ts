import { notesTextOf, textOf } from '../dom-text';
import { NOTES_HINT, sectionOf } from './labels';

function labelledAsNotes(el: Element): boolean {
  const attrs = ['id', 'name', 'aria-label', 'placeholder', 'title', 'class'];
  for (let i = 0; i < attrs.length; i++) {
    const value = el.getAttribute(attrs[i] as string);
    if (value && NOTES_HINT.test(value) && !/search/i.test(value)) return true;
  }
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const label = doc.getElementById(labelledBy);
    if (label && sectionOf(textOf(label)) === 'notes') return true;
  }
  const id = el.getAttribute('id');
  if (id) {
    const labels = doc.getElementsByTagName('label');
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      if (label && label.getAttribute('for') === id && sectionOf(textOf(label)) === 'notes') return true;
    }
  }
  const prev = el.previousElementSibling;
  return prev !== null && sectionOf(textOf(prev)) === 'notes';
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
export function findNotes(editors: Element[]): Element | null {
  let largest: Element | null = null;
  let largestSize = -1;
  for (let i = 0; i < editors.length; i++) {
    const el = editors[i] as Element;
    if (labelledAsNotes(el)) return el;
    if (el.tagName === 'TEXTAREA') {
      const s = size(el);
      if (s > largestSize) {
        largest = el;
        largestSize = s;
      }
    }
  }
  return largest;
}
