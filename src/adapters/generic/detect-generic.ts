import { ageOn } from '../../context/dates';
import { chiBirthDate, chiSex } from '../../context/identifiers';
import type { ConfirmableField, PatientContext, Problem } from '../../context/patient-context';
import { crossCheck } from '../checks';
import { textOf } from '../dom-text';
import type { Detection } from '../detection';
import { readBanner } from './banner';
import { hasRelationWord, qualifierOnly } from './labels';
import { medicationCountOf, problemsOf, sectionEntries } from './lists';
import { notesFrom } from './notes';
import { arbitrate } from './region';
import { elementInOther, inOther } from './sections';
import { cachedScan } from './scan-cache';
import { linesOf } from './text';
import { chainOf, navLike } from './tree';
import { scanPage, type Heading, type PageScan } from './walk';

const DECEASED = /\b(?:deceased|date of death|died on|d\.?o\.?d\.?:)/i;
/** Text that opens with a date: a journal entry's heading. */
const DATED = /^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?[ -][A-Za-z]{3,9}[ -]\d{2,4})\b/;
/** A staff label in a journal entry ("Seen by", "Entered by", "Author"): its value is a clinician, not another patient. */
const STAFF_LABEL = /^(?:(?:seen|entered|authored|recorded|created|added|signed|reviewed|consulted|typed|written) by|author|clinician)$/;
const NO_ELEMENTS: ReadonlySet<Element> = new Set();

/**
 * The patient on a screen no adapter knows (issue #13): the banner region is
 * found around the one identifier that clearly belongs to it (region.ts), the
 * patient's details are read from that region only (banner.ts) and checked
 * against the identifier (checks.ts); lists and notes come from the sections
 * the page heads as problems, medication and notes. Never throws.
 * The page walk is re-used while nothing it read has changed (scan-cache.ts).
 */
export function detectGeneric(doc: Document, now: Date = new Date(), url?: string): PatientContext | null {
  const result = genericDetection(doc, now, url);
  return 'context' in result ? result.context : null;
}

/** detectGeneric with a fresh walk of the page, never the cache: for tests and benchmarks that compare the two. */
export function detectGenericFresh(doc: Document, now: Date = new Date(), url?: string): PatientContext | null {
  const result = genericDetection(doc, now, url, scanPage);
  return 'context' in result ? result.context : null;
}

/** The generic detector's full answer: the patient, or why the page was declined. */
export function genericDetection(doc: Document, now: Date = new Date(), url?: string, walk: (doc: Document) => PageScan = cachedScan): Detection {
  try {
    return fromScan(walk(doc), doc, now, url ?? doc.URL ?? '');
  } catch {
    return { declined: 'error', source: 'generic' };
  }
}

/** A bold label ending in a colon at the start of a paragraph that goes on after it. */
function inlineLabel(el: Element): boolean {
  if (el.tagName !== 'B' && el.tagName !== 'STRONG') return false;
  const parent = el.parentElement;
  if (!parent || parent.firstElementChild !== el || !/^(?:P|DIV|LI)$/.test(parent.tagName)) return false;
  const own = textOf(el).trim();
  const whole = textOf(parent).trim();
  return own.endsWith(':') && !hasRelationWord(own) && whole.startsWith(own) && whole.length > own.length + 10;
}

/**
 * The page title names a patient ("DOCHERTY, Margaret (Mrs)") who shares no
 * name with the banner: a screen caught between two patients.
 */
function titleNamesAnother(title: string, name: string): boolean {
  const wordsOf = (text: string): string[] => (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !/^(?:mrs|miss|mstr|master|rev|prof)$/.test(w));
  const words = new Set(wordsOf(name));
  for (const part of title.split(/\s+(?:::|[·•|–—-])\s+/)) {
    if (!/^[A-Z][A-Z'-]+,\s*[A-Z][a-z]/.test(part.trim())) continue;
    const theirs = wordsOf(part);
    if (!theirs.some((w) => words.has(w))) return true;
  }
  return false;
}

/**
 * The banner's name beside another identifier elsewhere on the page ("Residents > BAXTER, Jean · DOB 12/03/1931 · CHI
 * 1203317204" over a details panel with Jean Margaret BAXTER, 21/03/1931 and another CHI): a half-refreshed page, or
 * one person under two numbers. Which is this patient cannot be told, so nobody is read (screens author dev9,
 * thirty-second session: the details panel was read). Two or more of the name's words, in the text around the number.
 */
function sameNameOtherNumber(scan: PageScan, own: string, name: string): boolean {
  const words = [...new Set((name.toLowerCase().match(/\p{L}[\p{L}'’-]{2,}/gu) ?? []).filter((w) => !/^(?:mrs|miss|mstr|master|rev|prof|mr|ms|dr)$/.test(w)))];
  if (words.length < 2) return false;
  for (const t of scan.ids) {
    if (t.digits === own) continue;
    let el: Element = t.el;
    // (Its own row only: never up to a list that holds other numbers, the banner's own among them.)
    const numbers = (text: string): number => (text.match(/\d{3}[\s-]?\d{3}[\s-]?\d{4}|\d{6}\s?\d{4}/g) ?? []).length;
    for (let up = 0; up < 3 && el.parentElement; up++) {
      const text = textOf(el.parentElement);
      if (text.length > 300 || numbers(text) > 1) break;
      el = el.parentElement;
    }
    const around = new Set(textOf(el).toLowerCase().match(/\p{L}[\p{L}'’-]{2,}/gu) ?? []);
    if (words.filter((w) => around.has(w)).length >= 2) return true;
  }
  return false;
}

function fromScan(scan: PageScan, doc: Document, now: Date, url: string): Detection {
  const arbitration = arbitrate(scan, doc.title ?? '', url);
  if ('declined' in arbitration) return { declined: arbitration.declined, source: 'generic' };
  const w = arbitration.winner;
  const scopes = arbitration.scopes;
  const isOther = (el: Element): boolean => elementInOther(el, scan, scopes);
  const banner = readBanner(w, scan, now, isOther);
  const chi = w.kind === 'chi' ? w.token.digits : undefined;
  // With no sex shown, a title ("Mrs", "Mr") is what the screen says about it.
  const titled = /\b(?:(Mr|Master)|(Mrs|Miss|Ms))\b/.exec(banner.name ?? '');
  const shownSex = banner.sex ?? (titled ? (titled[1] ? 'male' : 'female') : undefined);
  const contradiction = crossCheck({ chi, birthDate: banner.birth.birthDate, sex: shownSex, age: banner.age }, now);
  if (contradiction) return { declined: contradiction, check: true, source: 'generic' };
  if (banner.name && titleNamesAnother(doc.title ?? '', banner.name)) return { declined: 'ambiguous', source: 'generic' };
  if (banner.name && sameNameOtherNumber(scan, w.token.digits, banner.name)) return { declined: 'ambiguous', source: 'generic' };
  // No prompts, cards or referral for someone the banner says has died.
  if (DECEASED.test(linesOf(w.chain[Math.min(w.limit, w.level + 1)] ?? w.token.el).join(' '))) return { declined: 'deceased', check: true, source: 'generic' };

  // Only the banner's own identifier: a second number in the banner may be a baby's or a carer's.
  const nhsNumber = w.kind === 'nhs' ? w.token.digits : undefined;

  const headingEls = new Set<Element>();
  // "Active" or "Current" right under "Problems" or "Medication" qualifies that list and ends nothing; anywhere else
  // ("Current" over a list of residents, "Open" over tasks) it ends the section as any heading does (hostile review).
  // Only a qualifier that is the very next element after the list's heading ("<h2>Problems</h2><h3>Active</h3>").
  let listHeading: Element | undefined;
  for (const h of scan.headings) {
    const qualifies: boolean = listHeading !== undefined && h.el.previousElementSibling === listHeading && h.kind === 'plain' && qualifierOnly(textOf(h.el));
    if (!qualifies) headingEls.add(h.el);
    listHeading = qualifies || h.kind === 'problems' || h.kind === 'medications' ? h.el : undefined;
  }
  /** Whether a section's lines end at `el`: a heading, or an element holding one (but for the headings `through`). */
  const stopAt =
    (through: ReadonlySet<Element>) =>
    (el: Element): boolean => {
      if (headingEls.has(el)) return !through.has(el);
      for (const h of headingEls) if (!through.has(h) && el.contains(h)) return true;
      return false;
    };
  const stop = stopAt(NO_ELEMENTS);
  const usable = (h: Heading): boolean => !navLike(h.el) && !inOther(chainOf(h.el, scan), h.seq, scopes);

  let problems: Problem[] = [];
  let medicationCount: number | undefined;
  let foundProblems = false;
  for (const h of scan.headings) {
    if ((h.kind !== 'problems' && h.kind !== 'medications') || !usable(h)) continue;
    if (h.kind === 'problems') {
      if (problems.length > 0) continue;
      problems = problemsOf(sectionEntries(h.el, h.text, stop));
      foundProblems ||= problems.length > 0;
    } else {
      medicationCount = (medicationCount ?? 0) + medicationCountOf(h.text, () => sectionEntries(h.el, h.text, stop));
    }
  }
  // A consultation's own "Seen by" or "Entered by" (staff, not another patient or a relative), and a value in its
  // header ("Place: Surgery"), end no journal: the entry under them is this patient's (an article with a "Seen by"
  // row in its header had every note lost: dev3).
  const inJournal = new Set<Element>();
  for (const h of scan.headings) {
    if (h.kind === 'other' && (h.el.tagName === 'DD' || STAFF_LABEL.test(h.text.toLowerCase().replace(/[\s:]+$/, '')))) inJournal.add(h.el);
    // A journal entry's own heading ("<h4>29/05/2026 14:10 - Diabetes Specialist Nurse</h4>") is part of the journal.
    else if (h.kind === 'plain' && DATED.test(textOf(h.el))) inJournal.add(h.el);
    // A bold label opening its own paragraph ("<p><b>History:</b> Cough for 10 days…", "<b>Examination:</b>") is a
    // part of the entry, not a new section (dev8: a consultation was read to its date line only). Only a plain label:
    // another person's ("Carer:", "Daughter:"), a list's ("Documents:", "Letters:") or a notes heading of its own
    // ("History:", read as a section itself) still ends it (hostile review).
    // A notes label opening its paragraph the same way ("<p><b>History:</b> Cough for 10 days…</p><p><b>Examination:</b>
    // …") no longer ends it either (dev8: the consultation under "Last consultation" stopped at "History:", and its
    // examination and plan were read by nothing); its own reading, the same lines again, is left out (`notesFrom`).
    else if ((h.kind === 'plain' || h.kind === 'notes') && inlineLabel(h.el)) inJournal.add(h.el);
  }
  const notes = notesFrom(scan, stopAt(inJournal), (el) => !navLike(el) && !isOther(el));

  const unconfirmed: ConfirmableField[] = [];
  for (const field of banner.refused) unconfirmed.push(field as ConfirmableField);
  let birthDate = banner.birth.birthDate;
  if (birthDate && banner.birth.guessed && !chi) unconfirmed.push('birthDate');
  if (!birthDate && chi) {
    birthDate = chiBirthDate(chi, now);
    if (birthDate) unconfirmed.push('birthDate');
  }
  const found = [banner.name, banner.birth.birthDate, banner.sex, banner.address, banner.postcode, foundProblems, medicationCount !== undefined, notes !== ''];
  let count = 0;
  for (const present of found) if (present) count++;

  const ctx: PatientContext = {
    sex: banner.sex ?? (chi ? chiSex(chi) : (shownSex ?? 'unknown')),
    problems,
    notes,
    pageKind: 'consultation',
    source: { adapter: 'generic', confidence: Math.round((0.4 + (0.6 * count) / 8) * 100) / 100, confirmed: unconfirmed.length === 0, unconfirmed },
  };
  if (banner.name) ctx.name = banner.name;
  if (birthDate) {
    ctx.birthDate = birthDate;
    ctx.age = ageOn(birthDate, now);
  } else if (banner.age !== undefined) ctx.age = banner.age;
  if (chi) ctx.chi = chi;
  if (nhsNumber) ctx.nhsNumber = nhsNumber;
  if (banner.postcode) ctx.postcode = banner.postcode;
  if (banner.address) ctx.address = banner.address;
  if (banner.phone) ctx.phone = banner.phone;
  if (medicationCount !== undefined) ctx.medicationCount = medicationCount;
  return { context: ctx };
}
