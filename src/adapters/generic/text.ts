import { textOf } from '../dom-text';
import { hasFollowing, onlyControlsAfter } from './tree';

/**
 * Text as lines, the way a page shows it: `<br>` and block elements end a
 * line (so "Dundee<br>DD4 7BQ" is two lines), table and grid cells are joined
 * with " · ". Hidden parts, scripts and form controls are left out.
 */
const BLOCK = /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIELDSET|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|THEAD|TFOOT|TR|UL|CAPTION)$/;
const SKIP = /^(?:SCRIPT|STYLE|TEMPLATE|TEXTAREA|INPUT|SELECT|IFRAME|BUTTON|NOSCRIPT)$/;
const CELL_ROLE = /^(?:cell|gridcell|columnheader|rowheader)$/;

/**
 * Where an inline element began or ended: a word on each side of it is two words ("Parkinson's disease<small>diagnosed
 * 2020</small>" is styled apart on screen, and "tablets<span>Stopped</span>" was read as one word; dev6), anything
 * else joins as written ("(<span>4</span>)", "£<b>60</b>").
 */
const EDGE = '\uE000';
const WORD_EDGE = /(?<=[\p{L}\p{N}])\uE000+(?=[\p{L}\p{N}])/gu;
const squash = (text: string): string =>
  (text.includes(EDGE) ? text.replace(WORD_EDGE, ' ').replaceAll(EDGE, '') : text).replace(/\s+/g, ' ').replace(/^[\s·]+|[\s·]+$/g, '');

/** An inline style that hides what it is on (a style sheet's hiding is not looked at: reading it costs a layout). */
export const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/**
 * Only `display: none` hides a whole subtree for the readers of lines: a child may show itself again inside
 * `visibility: hidden` ("<div style="visibility:hidden"><span style="visibility:visible">REID, Morag</span>"), so that
 * is left to the walk's identifiers (hostile review).
 */
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Hidden by its own attributes: `hidden`, `aria-hidden="true"` or an inline style. Pages keep the previous patient
 * that way ("<div style="display:none">MUNRO, Kerry…</div>" above the patient's bar, dev8), so no reader may take a
 * line from it.
 */
export function hiddenByAttributes(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || DISPLAY_NONE.test(el.getAttribute('style') ?? '');
}

/** Lines of an element's text, in order. */
export function linesOf(el: Element): string[] {
  const out: string[] = [];
  let cur = '';
  const push = (): void => {
    const text = squash(cur);
    if (text !== '') out[out.length] = text;
    cur = '';
  };
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        cur += (c as Text).data;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      const tag = child.tagName;
      if (tag === 'BR') {
        push();
        continue;
      }
      if (SKIP.test(tag) || hiddenByAttributes(child)) continue;
      const role = child.getAttribute('role') ?? '';
      const block = BLOCK.test(tag) || role === 'row';
      const inline = !block && INLINE.test(tag);
      if (block) push();
      else if (tag === 'TD' || tag === 'TH' || CELL_ROLE.test(role)) cur += ' · ';
      if (inline) cur += EDGE;
      rendered(child);
      if (block) push();
      else if (inline) cur += EDGE;
    }
  };
  // An element with an open shadow root shows its shadow tree (and its own children only through a slot): a
  // journal drawn inside a web component was read as empty (dev3).
  const rendered = (node: Element): void => {
    const shadow = node.shadowRoot;
    if (!shadow) return walk(node);
    walk(shadow);
    if (shadow.querySelector('slot')) walk(node);
  };
  rendered(el);
  push();
  return out;
}

const INLINE = /^(?:A|ABBR|B|CITE|CODE|EM|FONT|I|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|TIME|U)$/;

/**
 * The text after `node` among its siblings when it is only a short dated line in inline elements (a header's "27/05/2026
 * · Home visit"), else undefined. A date (a digit) is asked for: words alone beside a heading ("<b>Notes:</b> <span>seen
 * today</span>") may be the entry itself, and the blocks after its parent something else.
 */
function datedLineAfter(node: Element): string | undefined {
  let text = '';
  let any = false;
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return undefined;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (!INLINE.test(el.tagName) || el.querySelector('br, div, p, li, tr') || hiddenByAttributes(el)) return undefined;
    text += ` ${textOf(el)}`;
    any = true;
    if (text.length > 80) return undefined;
  }
  const line = squash(text);
  return any && /\d/.test(line) ? line : undefined;
}

/**
 * The lines that follow a heading in its container, up to the next heading
 * (`stop`), `max` lines, and, when `blankStops`, a blank line ("<br><br>").
 * A heading wrapped alone in an element (<b><u>Problems</u></b>) is read from
 * after its wrapper.
 */
export function linesAfter(heading: Element, stop: (el: Element) => boolean, max: number, blankStops: boolean): string[] {
  let node: Element = heading;
  // The date line beside a heading in its header ("<div><span>Last consultation</span><span>27/05/2026 · Home visit ·
  // ANP M Morrison</span></div>", the entry in the next block): read first, then what follows the header (three authors'
  // journals were read as their date line only: dev5, dev8).
  let besideHeading: string | undefined;
  for (let up = 0; up < 3; up++) {
    const controls = onlyControlsAfter(node);
    const dated = besideHeading === undefined && !controls ? datedLineAfter(node) : undefined;
    if (hasFollowing(node) && !controls && dated === undefined) break;
    const parent = node.parentElement;
    if (!parent || (textOf(parent) !== textOf(node) && !controls && dated === undefined)) return [];
    if (dated !== undefined) {
      if (!hasFollowing(parent)) break;
      besideHeading = dated;
    }
    node = parent;
  }
  const out: string[] = besideHeading ? [besideHeading] : [];
  let cur = '';
  let brs = 0;
  for (let n = node.nextSibling; n && out.length < max; n = n.nextSibling) {
    if (n.nodeType === 3) {
      cur += (n as Text).data;
      if (/\S/.test((n as Text).data)) brs = 0;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.tagName === 'BR') {
      const text = squash(cur);
      cur = '';
      if (text !== '') out[out.length] = text;
      else if (blankStops && out.length > 0 && brs > 0) break;
      brs++;
      continue;
    }
    if (stop(el)) break;
    if (SKIP.test(el.tagName) || hiddenByAttributes(el)) continue;
    brs = 0;
    if (INLINE.test(el.tagName) && !el.querySelector('br, div, p, li, tr')) {
      cur += ` ${textOf(el)} `;
      continue;
    }
    const text = squash(cur);
    cur = '';
    if (text !== '') out[out.length] = text;
    const lines = linesOf(el);
    for (let i = 0; i < lines.length; i++) out[out.length] = lines[i] as string;
  }
  const text = squash(cur);
  if (text !== '') out[out.length] = text;
  return out.length > max ? out.slice(0, max) : out;
}
