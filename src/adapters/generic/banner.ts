import { normalisePostcode } from '../../context/postcode';
import { parseAge, parseSex, POSTCODE_IN_TEXT, textOf } from '../dom-text';
import { readBirth, type BirthRead } from '../checks';
import { hasRelationWord, headingOf, isNoValue, labelField, namesOtherPerson, type GenericField } from './labels';
import type { Winner } from './region';
import { hiddenByAttributes, linesOf } from './text';
import { within } from './tree';
import type { PageScan } from './walk';

/** The patient's details as the banner shows them; `refused` names details seen but not taken. */
export interface BannerRead {
  name?: string;
  birth: BirthRead;
  sex?: 'female' | 'male';
  age?: number;
  address?: string;
  postcode?: string;
  phone?: string;
  refused: string[];
}

/** A number the patient is reached through, not their own: "via care home", "c/o", "care of", "via the warden". */
const REACHED_THROUGH = /\b(?:c\/o|care of)\b|\bvia\s+(?:the\s+)?(?:(?:care|nursing|residential)\s+home|warden)\b/i;
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d ()-]{7,13}\d/;
const NAME_WORD = /^(?:[A-Z][A-Za-z'’-]*|[A-Z]{2,}|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|(?:van|von|de|da|di|del|la|le|bin|al)|\([A-Za-z]+\)),?$/;
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|master|rev|prof|sir|dame|lady|lord)\.?$/i;
const UI_WORDS = /^(?:patient|record|details|summary|banner|alerts?|allergies|home|back|save|print|close|open|edit|new|view|search|menu|demo)\b|\b(?:practice|surgery|centre|center|clinic|hospital|health|medical|services?|team|department|ltd|nhs)\b/i;
const NAME_CLASS = /name|title/i;
/** Elements that show the signed-in user or staff, never the patient. */
const STAFF = /user|clinician|staff|author|login|account|doctor|\bgp\b|prescriber/i;
const SKIP = /^(?:BR|SCRIPT|STYLE|TEMPLATE|TEXTAREA|INPUT|SELECT|IFRAME|BUTTON)$/;

/** The first item of a field, nearest the identifier; undefined when that item holds no usable value. */
function first(w: Winner, field: GenericField): Winner['items'][number] | undefined {
  for (const item of w.items) if (item.field === field) return item;
  return undefined;
}

function value(w: Winner, field: GenericField): string | undefined {
  const item = first(w, field);
  return item && !isNoValue(item.raw) ? item.raw : undefined;
}

/** "SURNAME, Forename (Title)" -> "Title Forename SURNAME"; other forms as shown. */
export function tidyName(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = /^([^,()]+),\s*([^,()]+?)(?:\s*\(([^)]+)\))?$/.exec(text);
  return m ? [m[3], m[2], m[1]].filter(Boolean).join(' ') : text;
}

/** Looks like a person's name: two to six capitalised words, no digits, no label or heading. */
export function nameLike(text: string): boolean {
  if (text.length < 4 || text.length > 60 || /\d|[:@/|]/.test(text) || UI_WORDS.test(text)) return false;
  if (labelField(text) || headingOf(text) || isNoValue(text)) return false;
  const words = text.replace(/,/g, ' , ').split(/\s+/).filter((w) => w !== '' && w !== ',' && !TITLE.test(w));
  if (words.length < 2 || words.length > 6) return false;
  for (const word of words) if (!NAME_WORD.test(word)) return false;
  return true;
}

/**
 * Looser than nameLike, on purpose: a value under a "Name" label is the name however it is
 * written (lower case, one word, a title in brackets); only what cannot be one person's name
 * (digits, several rows' text run together) is turned away.
 */
function plausibleName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length <= 80 && !/[\d@|]/.test(text) && text.split(' ').length <= 8 ? raw : undefined;
}

/** Inline elements a name may be styled in, part by part. */
const PART_TAGS = /^(?:SPAN|B|STRONG|EM|I|FONT|SMALL|ABBR)$/;

/**
 * A name styled in parts ("<span><span class=giv>Callum James</span> <span class=fam>Reid</span></span>", dev7): the
 * parts joined as one line, or undefined. Only leaf inline parts with nothing but spaces or commas between them, at
 * most one of them a name on its own and none a relation word: "<b>Jane Smith</b> <i>John Smith</i>" or "<b>Jane
 * Smith</b> <i>Mother</i>" are two people, not one name.
 */
function nameParts(el: Element): string | undefined {
  if (!PART_TAGS.test(el.tagName) || el.shadowRoot) return undefined;
  const parts: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if (!/^[\s,]*$/.test((c as Text).data)) return undefined;
      if ((c as Text).data.includes(',')) parts.push(',');
      continue;
    }
    if (c.nodeType !== 1) continue;
    const child = c as Element;
    if (!PART_TAGS.test(child.tagName) || child.firstElementChild || hiddenByAttributes(child)) return undefined;
    const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    // A label styled as a part ("<b>Informant</b> <span>Mary Reid</span>") says whose name follows (code review).
    if (hasRelationWord(text) || labelField(text) || headingOf(text) || namesOtherPerson(text)) return undefined;
    parts.push(text);
  }
  const words = parts.filter((p) => p !== ',');
  if (words.length < 2 || words.filter(nameLike).length > 1 || besideRelation(el)) return undefined;
  const whole = parts.join(' ').replace(/ ,/g, ',');
  return nameLike(whole) ? whole : undefined;
}

/**
 * A container read as one "Name" value ("NamePATERSON, Hugh (Mr)CHI2701442079DOB…": its first row is the name row,
 * the rest glued on) that holds its own "Name" row: that row's value (dev7). Only a row inside that container and
 * in nobody else's section; otherwise the name is looked for line by line, as before.
 */
function ownNameRow(w: Winner, otherEl: (el: Element) => boolean): string | undefined {
  const glued = first(w, 'name');
  if (!glued) return undefined;
  for (const item of w.items) {
    if (item === glued || item.field !== 'name' || !glued.el.contains(item.el) || otherEl(item.el) || isNoValue(item.raw)) continue;
    const name = plausibleName(item.raw);
    if (name) return name;
  }
  return undefined;
}

/**
 * A line whose own short container names a relation: "<span>Mary REID</span> <span>(Carer)</span>", "<b>Jane Smith</b>
 * <i>Mother</i>". The name there is that person's, not the patient's (code review, nineteenth session).
 */
function besideRelation(el: Element): boolean {
  const container = el.parentElement;
  if (!container) return false;
  const text = container.textContent ?? '';
  return text.length <= 80 && hasRelationWord(text);
}

/** Short lines of the region in page order, with their element (open shadow roots included); a name in parts is one line. */
function eachLine(root: Element | ShadowRoot, visit: (el: Element, text: string) => boolean): boolean {
  let own = '';
  const el = root.nodeType === 1 ? (root as Element) : (root as ShadowRoot).host;
  const flush = (): boolean => {
    const text = own.replace(/\s+/g, ' ').trim();
    own = '';
    return text !== '' && visit(el, text);
  };
  const shadow = root.nodeType === 1 ? (root as Element).shadowRoot : null;
  if (shadow && eachLine(shadow, visit)) return true;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) own += (c as Text).data;
    else if (c.nodeType === 1) {
      const child = c as Element;
      if (flush()) return true;
      if (SKIP.test(child.tagName) || hiddenByAttributes(child)) continue;
      const whole = nameParts(child);
      if (whole !== undefined ? visit(child, whole) : eachLine(child, visit)) return true;
    }
  }
  return flush();
}

/** The part of `root` holding `el` carries no labelled detail, no identifier and no relation word. */
function aloneAbove(el: Element, root: Element, scan: PageScan): boolean {
  let branch: Element = el;
  while (branch.parentElement && branch.parentElement !== root) branch = branch.parentElement;
  for (const item of scan.labelled) if (branch.contains(item.el)) return false;
  for (const token of scan.ids) if (branch.contains(token.el)) return false;
  return !hasRelationWord(linesOf(branch).join(' '));
}

/**
 * The patient's name when no "Name" label gives it: the first name-like line
 * of the banner, then of the one or two elements around it, preferring
 * headings and elements whose class says "name". A plain line must come
 * before the identifier; never another person's section, another field's
 * value, or the signed-in user.
 */
function nameInRegion(w: Winner, scan: PageScan, skip: (el: Element) => boolean): string | undefined {
  const top = Math.min(w.limit, w.level + 2);
  const idEl = w.token.el;
  for (let level = w.level; level <= top; level++) {
    const root = w.chain[level];
    if (!root) break;
    let plain: string | undefined;
    let preferred: string | undefined;
    const core = w.chain[w.level] as Element;
    eachLine(root, (el, text) => {
      if (!nameLike(text) || STAFF.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) || skip(el) || besideRelation(el)) return false;
      // Above the banner itself, only a line before it, in a part holding no other details.
      if (level > w.level && !core.contains(el) && ((core.compareDocumentPosition(el) & 2) === 0 || !aloneAbove(el, root, scan))) return false;
      // A web component's name part or slot ("<span part="name">", "<span slot="name">") says so as a class would (dev4, dev5).
      if (/^H[1-6]$/.test(el.tagName) || NAME_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('part') ?? ''} ${el.getAttribute('slot') ?? ''}`)) {
        preferred = text;
        return true;
      }
      if (plain === undefined && (el.contains(idEl) || (idEl.compareDocumentPosition(el) & 2) !== 0)) plain = text;
      return false;
    });
    const found = preferred ?? plain;
    if (found) return found;
  }
  return undefined;
}

/**
 * An address written as lines under its label in one element ("<div><b>Address</b><br>3 Thornhill Drive<br>Elgin<br>
 * IV30 6GQ</div>"): the label's value is only the first line, and the town and postcode below it were lost. The
 * lines from that one to the next label (at most six), when the element's first line is the address label.
 */
function addressBlock(el: Element, raw: string): string[] | undefined {
  const lines = linesOf(el);
  if (lines.length < 3 || lines[1] !== raw || labelField(lines[0] ?? '') !== 'address') return undefined;
  const out: string[] = [];
  for (const line of lines.slice(1, 7)) {
    if (labelField(line) || headingOf(line)) break;
    out.push(line);
  }
  return out;
}

const GLUED_POSTCODE = /([a-z])([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?![A-Za-z\d])/g;

function postcodeIn(text: string): string | undefined {
  const direct = normalisePostcode(text);
  if (direct) return direct;
  let found: string | undefined;
  const re = new RegExp(POSTCODE_IN_TEXT.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) found = normalisePostcode(`${m[1]} ${m[2]}`) ?? found;
  return found;
}

/** Whether `core` holds an element hidden by its own attributes whose text is a name other than `name`. */
function hiddenOtherName(core: Element, name: string): boolean {
  const shown = tidyName(name);
  const all = core.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    if (!hiddenByAttributes(el)) continue;
    for (const line of linesOf(el)) if (nameLike(line) && tidyName(line) !== shown) return true;
  }
  return false;
}

/** Read the patient's details from the banner region only. */
export function readBanner(w: Winner, scan: PageScan, now: Date, otherEl: (el: Element) => boolean): BannerRead {
  const out: BannerRead = { birth: {}, refused: [] };
  // A field whose value is a bare text node has the banner itself as its element ("<div id=pbar><span
  // class=pname>MATHESON, Ruaridh</span> <span>CHI No</span> 3003911953…", dev8). The banner's own bare lines stay
  // skipped (a caller's or a GP's name written there is no name: hostile review), but its child elements are not
  // another field's values, or the name in its own element would be skipped too.
  const valueEls = w.items.map((i) => i.el).filter((el) => !el.contains(w.token.el));
  const barEls = w.items.map((i) => i.el).filter((el) => el.contains(w.token.el));
  const ageRaw = value(w, 'age');
  const age = ageRaw === undefined ? undefined : parseAge(ageRaw);
  const dob = value(w, 'birthDate');
  out.birth = dob ? readBirth(dob, now, age) : age !== undefined ? { age } : {};
  if (out.birth.age !== undefined) out.age = out.birth.age;
  const sexRaw = value(w, 'sex');
  const sex = sexRaw === undefined ? undefined : parseSex(sexRaw);
  if (sex) out.sex = sex;

  // A "Name" value holding digits or running on is not one person's name (it is a container's text,
  // other rows and other people included): the name is then looked for line by line instead.
  let name = plausibleName(value(w, 'name')) ?? ownNameRow(w, otherEl);
  const family = value(w, 'family');
  if (!name && family) name = `${value(w, 'given') ?? ''} ${family.toUpperCase()}`.trim();
  name ??= nameInRegion(w, scan, (el) => otherEl(el) || barEls.includes(el) || valueEls.some((v) => within(el, v, scan)));
  // A banner caught between two patients: a hidden name line of its own that is not the name shown ("<span
  // style="display:none">REID, Morag</span><span>MUNRO, Kerry</span>" mid-switch) leaves no name to trust (hostile review).
  if (name && hiddenOtherName(w.chain[w.level] as Element, name)) {
    out.refused.push('name');
    name = undefined;
  }
  if (name) {
    if (hasRelationWord(name)) out.refused.push('name');
    else out.name = tidyName(name);
  }

  // A detail that names a relation ("07700 900 318 (son)", "c/o daughter") is someone else's.
  const addressItem = first(w, 'address');
  if (addressItem && hasRelationWord(addressItem.raw)) out.refused.push('address');
  else if (addressItem && !isNoValue(addressItem.raw) && /[A-Za-z]/.test(addressItem.raw)) {
    const lines = textOf(addressItem.el) === addressItem.raw ? linesOf(addressItem.el) : (addressBlock(addressItem.el, addressItem.raw) ?? [addressItem.raw]);
    // A postcode in an element of its own with no space before it ("Edinburgh<span>EH6 5QR</span>") reads glued to
    // the town ("EdinburghEH6 5QR"), where no postcode is found: the case change is the boundary.
    out.address = lines.join(', ').replace(GLUED_POSTCODE, '$1, $2');
  }
  const pc = value(w, 'postcode');
  const inAddress = out.address ? postcodeIn(out.address) : undefined;
  const postcode = pc ? postcodeIn(pc) : first(w, 'postcode') ? undefined : inAddress;
  // A postcode row that disagrees with the address above it: one of them is not the patient's.
  if (postcode && inAddress && postcode !== inAddress) out.refused.push('postcode');
  else if (postcode) out.postcode = postcode;

  const firstPhone = first(w, 'phone');
  for (const item of w.items) {
    if (item.field !== 'phone' || !firstPhone || item.level !== firstPhone.level || isNoValue(item.raw)) continue;
    // "via care home 01632 960209", "c/o neighbour": a number the patient is reached through is not theirs (dev8).
    if (hasRelationWord(item.raw) || REACHED_THROUGH.test(item.raw)) {
      out.refused.push('phone');
      continue;
    }
    const m = PHONE.exec(item.raw);
    if (m) {
      out.phone = m[0].trim();
      break;
    }
  }
  return out;
}
