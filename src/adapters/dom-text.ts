/**
 * Small DOM readers shared by the adapter extractor and the generic detector.
 * They use only DOM APIs and plain loops, never the page's Array.prototype
 * methods, so a page that overrides map/filter/forEach cannot fool or break us.
 */

/** Text of an element with runs of whitespace collapsed. Form controls give their value. */
export function textOf(el: Element): string {
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT') {
    const value = (el as HTMLInputElement).value;
    return typeof value === 'string' ? value.trim() : '';
  }
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Notes keep their line breaks; contenteditable blocks become lines. */
export function notesTextOf(el: Element): string {
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') {
    const value = (el as HTMLTextAreaElement).value;
    return typeof value === 'string' ? value : '';
  }
  const inner = (el as HTMLElement).innerText;
  const text = typeof inner === 'string' && inner !== '' ? inner : (el.textContent ?? '');
  return text.trim();
}

/** querySelector that returns null instead of throwing on a bad selector. */
export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** querySelectorAll as a plain array (our own, built with a loop); empty on a bad selector. */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  let list: NodeListOf<Element>;
  try {
    list = root.querySelectorAll(selector);
  } catch {
    return out;
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (el) out[out.length] = el;
  }
  return out;
}

/** "F", "Female", "woman" -> female; "M", "Male" -> male; anything else unknown. */
export function parseSex(raw: string): 'female' | 'male' | undefined {
  const word = raw.trim().toLowerCase().split(/[^a-z]+/)[0] ?? '';
  if (word === 'f' || word === 'female' || word === 'woman') return 'female';
  if (word === 'm' || word === 'male' || word === 'man') return 'male';
  return undefined;
}

/** Whole years from an "Age" value such as "72", "72y", "72 years". */
export function parseAge(raw: string): number | undefined {
  const m = /^\s*(\d{1,3})\s*(?:y|yr|yrs|years?)?\b/i.exec(raw);
  if (!m) return undefined;
  const age = Number(m[1]);
  return age <= 125 ? age : undefined;
}

/** A UK postcode somewhere in free text (e.g. the end of an address line). */
export const POSTCODE_IN_TEXT = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b/i;
