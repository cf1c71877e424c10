import { nameLike } from './banner';
import { hasRelationWord, listScreenTitle, type GenericField } from './labels';
import { bannerMarked, inOther, otherScopes, type Scope } from './sections';
import { linesOf } from './text';
import { chainOf, navLike, parentOf, within } from './tree';
import type { Heading, IdToken, Labelled, PageScan } from './walk';

/**
 * Which part of the page is the patient banner, and whose identifier it holds.
 *
 * Identifiers in another person's section (sections.ts) are never
 * candidates. Each remaining identifier gets a region: its nearest ancestors, up to (not including) the
 * first that also holds a different identifier or a clinical section
 * (problems, medication, notes). The region scores the patient fields it holds
 * (name, date of birth, sex, address, postcode, phone, age), plus its label,
 * its presence in the title or address bar, and banner markings. The best must
 * beat the next by MARGIN, and a row of three or more alike is a list.
 */
const MARGIN = 3;
/** How far above its first field a banner may reach to take in another field. */
const SPREAD = 1;
const ORGANISATION = /\b(?:practice|surgery|centre|center|clinic|hospital|pharmacy|ltd|department|ward|trust|board)\b/i;
const ELSEWHERE = 'a[href], nav, button, select, [role="navigation"], [role="menu"], [role="menuitem"], [role="option"], [role="listbox"]';

export interface Winner {
  token: IdToken;
  kind: 'chi' | 'nhs';
  /** The winning identifier's element and its ancestors; the banner is chain[level]. */
  chain: Element[];
  level: number;
  /** The highest level the region could grow to (for the name, which may sit just above the fields). */
  limit: number;
  /** Patient-field items inside the banner, with their level, nearest first. */
  items: (Labelled & { level: number })[];
}

export type Arbitration = { winner: Winner; scopes: Scope[] } | { declined: 'no-identifier' | 'ambiguous' | 'several-patients' };

/** Level (index in `chain`) of the nearest ancestor of `chain` that also holds `el`; -1 when none does. */
function levelOf(levels: Map<Element, number>, el: Element, scan: PageScan): number {
  for (let cur: Element | null = el; cur; cur = parentOf(cur, scan)) {
    const level = levels.get(cur);
    if (level !== undefined) return level;
  }
  return -1;
}

const FIELD_GROUP: Partial<Record<GenericField, string>> = { family: 'name', given: 'name' };

interface Scored {
  key: string;
  score: number;
  /** Labelled, or in a region with three patient fields: fit to be the banner's identifier. */
  eligible: boolean;
  fields: number;
  winner: Winner;
  signature: string;
}

function signature(el: Element): string {
  let sig = '';
  let cur: Element | null = el;
  for (let i = 0; i < 3 && cur; i++, cur = cur.parentElement) sig += `${cur.tagName}.${cur.getAttribute('class') ?? ''}/`;
  return sig;
}

/** The child of `top` that holds `el` (the part of the page a region grows by). */
function branchBelow(el: Element, top: Element, scan: PageScan): Element | undefined {
  let prev: Element | undefined;
  for (let cur: Element | null = el; cur; cur = parentOf(cur, scan)) {
    if (cur === top) return prev;
    prev = cur;
  }
  return undefined;
}

/** May the banner grow by `branch`, a sibling of `core`? (See the rules above.) */
function banned(branch: Element, core: Element, items: Labelled[], seen: Set<string>, scan: PageScan): boolean {
  let near = false;
  let prev: Element | null = core;
  let next: Element | null = core;
  for (let k = 0; k < 2 && !near; k++) {
    prev = prev?.previousElementSibling ?? null;
    next = next?.nextElementSibling ?? null;
    near = prev === branch || next === branch;
  }
  if (!near) return false;
  const lines = linesOf(branch);
  if (hasRelationWord(lines.join(' '))) return false;
  // Another person's name, or an organisation (the practice's footer), is not more of the banner.
  for (const line of lines) if (ORGANISATION.test(line) || nameLike(line.replace(/^[^:]{1,30}:\s*/, ''))) return false;
  const groups = new Set<string>();
  for (const item of items) {
    if (!within(item.el, branch, scan)) continue;
    const group = FIELD_GROUP[item.field] ?? item.field;
    if (seen.has(group)) return false;
    groups.add(group);
  }
  return !(groups.has('name') && groups.size > 1);
}

/** Does this token block another identifier's region (a different person's number)? */
function blocks(t: IdToken, kind: 'chi' | 'nhs'): boolean {
  return t.chi || t.label === 'nhs' || (kind === 'nhs' && t.nhs);
}

function score(token: IdToken, kind: 'chi' | 'nhs', scan: PageScan, scopes: Scope[], clinical: Heading[], hint: string): Scored {
  const chain = chainOf(token.el, scan);
  const levels = new Map<Element, number>();
  for (let i = 0; i < chain.length; i++) levels.set(chain[i] as Element, i);
  let limit = chain.length - 1;
  for (const t of scan.ids) {
    if (t.digits === token.digits || !blocks(t, kind)) continue;
    const l = levelOf(levels, t.el, scan);
    if (l >= 0 && l - 1 < limit) limit = l - 1;
  }
  for (const h of clinical) {
    const l = levelOf(levels, h.el, scan);
    if (l >= 0 && l - 1 < limit) limit = l - 1;
  }
  const items: (Labelled & { level: number })[] = [];
  for (const item of scan.labelled) {
    const level = levelOf(levels, item.el, scan);
    if (level < 0 || level > limit || inOther(chainOf(item.el, scan), item.seq, scopes)) continue;
    items[items.length] = { ...item, level };
  }
  items.sort((a, b) => a.level - b.level || a.seq - b.seq);
  // The smallest region holding the most distinct fields. A field further out than the banner's
  // own is taken only from a branch next to it that reads like more of the same banner: no
  // relation word ("daughter", "carer"), no second value of a field already found, and no
  // name beside other details (an unheaded next-of-kin panel must not lend the patient its phone).
  const seen = new Set<string>();
  const refused: Element[] = [];
  let best = 0;
  let level = 0;
  for (const item of items) {
    const group = FIELD_GROUP[item.field] ?? item.field;
    if (seen.has(group)) continue;
    if (seen.size > 0 && item.level > level) {
      if (item.level > (items[0]?.level ?? 0) + SPREAD) break;
      const branch = branchBelow(item.el, chain[item.level] as Element, scan);
      if (!branch || refused.indexOf(branch) >= 0) continue;
      if (!banned(branch, chain[item.level - 1] as Element, items, seen, scan)) {
        refused[refused.length] = branch;
        continue;
      }
    }
    seen.add(group);
    best = seen.size;
    level = item.level;
  }
  const inside = items.filter((i) => i.level <= level && !refused.some((r) => within(i.el, r, scan)));
  const marked = bannerMarked(chain, level);
  const s = best + (token.label ? 2 : 0) + (hint.indexOf(token.digits) >= 0 ? 2 : 0) + (marked ? 1 : 0);
  return { key: `${kind}:${token.digits}`, score: s, fields: best, eligible: best >= 3 || token.label !== undefined, signature: signature(token.el), winner: { token, kind, chain, level, limit, items: inside } };
}

/**
 * The banner's identifier, or why there is none: no identifier, a list of
 * patients, or several identifiers with none clearly the banner's.
 */
export function arbitrate(scan: PageScan, title: string, url: string): Arbitration {
  if (listScreenTitle(title)) return { declined: 'several-patients' };
  const scopes = otherScopes(scan);
  const clinical = scan.headings.filter((h) => h.kind !== 'other' && h.kind !== 'plain' && !navLike(h.el));
  const hint = `${title} ${url}`.replace(/[\s-]+/g, '');
  const letters: Element[] = [];
  for (const el of scan.letters) if (el.parentElement) letters.push(el.parentElement);
  const best = new Map<string, Scored>();
  const signatures = new Map<string, Set<string>>();
  // One kind per number: an NHS number somewhere labelled as one is an NHS number everywhere.
  const nhsLabelled = new Set<string>();
  for (const token of scan.ids) if (token.label === 'nhs') nhsLabelled.add(token.digits);
  // A number a style sheet hides (a cached banner of the last patient) is passed over while any is
  // shown. Asked only when numbers differ: the browser may have to work out the page's style to answer.
  const distinct = new Set<string>();
  for (const t of scan.ids) distinct.add(t.digits);
  const shown = distinct.size > 1 ? scan.ids.filter((t) => visible(t.el)) : scan.ids;
  for (const token of shown.length > 0 ? shown : scan.ids) {
    const kind = nhsLabelled.has(token.digits) || !token.chi ? 'nhs' : 'chi';
    if (inOther(chainOf(token.el, scan), token.seq, scopes)) continue;
    const scored = score(token, kind, scan, scopes, clinical, hint);
    // A number quoted in a letter ("Re: Mr X, CHI …") names the letter's subject, not the record's;
    // one in a link, menu or button is a way to another record.
    if (token.el.closest(ELSEWHERE) || letters.some((letter) => within(token.el, letter, scan))) scored.eligible = false;
    const group = signatures.get(scored.signature) ?? new Set<string>();
    group.add(scored.key);
    signatures.set(scored.signature, group);
    const prev = best.get(scored.key);
    if (!prev || scored.score > prev.score || (scored.score === prev.score && scored.eligible)) best.set(scored.key, scored);
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || Number(b.eligible) - Number(a.eligible));
  const top = ranked[0];
  if (!top) return { declined: 'no-identifier' };
  // Three or more patients in rows alike, under no "recent patients" heading: a list on screen.
  for (const group of signatures.values()) if (group.size >= 3) return { declined: 'several-patients' };
  if (!top.eligible) return { declined: ranked.length > 2 ? 'several-patients' : 'no-identifier' };
  const second = ranked[1];
  // A second banner (its own identifier and three details, under no other person's heading) is a second patient on screen.
  if (second && (second.score > top.score - MARGIN || (second.eligible && second.fields >= 3))) {
    return { declined: ranked.length >= 3 ? 'several-patients' : 'ambiguous' };
  }
  // A frame that names only other patients (a journal left open on the last patient) disagrees with the banner.
  const winnerDoc = top.winner.token.el.ownerDocument;
  const agrees = new Map<Document, boolean>();
  for (const s of best.values()) {
    const doc = s.winner.token.el.ownerDocument;
    if (doc !== winnerDoc) agrees.set(doc, (agrees.get(doc) ?? false) || s.key === top.key);
  }
  for (const ok of agrees.values()) if (!ok) return { declined: 'ambiguous' };
  // The address bar naming another patient's number (?chi=…) while the page shows this one.
  const inUrl = /[?&#/](?:chi|nhs|nhsno|nhsnumber|patient)[=/](\d{10})(?!\d)/i.exec(url);
  if (inUrl && inUrl[1] !== top.winner.token.digits) return { declined: 'ambiguous' };
  return { winner: top.winner, scopes };
}

/** Shown on screen: not hidden by a style sheet (hidden attributes and inline styles were never walked). */
function visible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  try {
    return typeof check === 'function' ? check.call(el) : true;
  } catch {
    return true;
  }
}
