import { ageOn, parseUkDate } from '../../context/dates';
import { chiBirthDate, chiSex } from '../../context/identifiers';
import type { PatientContext, Problem } from '../../context/patient-context';
import { normalisePostcode } from '../../context/postcode';
import { notesTextOf, parseAge, parseSex, POSTCODE_IN_TEXT, textOf } from '../dom-text';
import { identifiersOn } from './identify';
import type { GenericField } from './labels';
import { listAfter, listItems, readProblemList } from './lists';
import { findNotes } from './notes';
import { cachedScan } from './scan-cache';
import { scanPage, type PageScan } from './walk';

/** Headings inside navigation (tabs, menus, links) name screens, not sections. */
const NAVIGATION = 'a, button, nav, [role="tab"], [role="tablist"], [role="menu"], [role="menubar"]';

function firstValue<T>(scan: PageScan, field: GenericField, convert: (raw: string) => T | undefined): T | undefined {
  for (let i = 0; i < scan.labelled.length; i++) {
    const item = scan.labelled[i];
    if (!item || item.field !== field) continue;
    const value = convert(item.raw);
    if (value !== undefined) return value;
  }
  return undefined;
}

function sectionList(scan: PageScan, section: 'problems' | 'medications'): Element | null {
  for (let i = 0; i < scan.headings.length; i++) {
    const h = scan.headings[i];
    if (!h || h.section !== section || h.el.closest(NAVIGATION)) continue;
    const list = listAfter(h.el);
    if (list && listItems(list).length > 0) return list;
  }
  return null;
}

function postcodeFrom(raw: string): string | undefined {
  const direct = normalisePostcode(raw);
  if (direct) return direct;
  const m = POSTCODE_IN_TEXT.exec(raw);
  return m ? normalisePostcode(`${m[1]} ${m[2]}`) : undefined;
}

const nonEmpty = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());

/**
 * The patient on a screen no adapter knows, found from labels ("CHI No",
 * "D.O.B.", "Gender"...), section headings and the notes box. Returns null
 * unless exactly one valid CHI or NHS number is shown. Never throws.
 * The page walk is re-used while nothing it read has changed (scan-cache.ts).
 */
export function detectGeneric(doc: Document, now: Date = new Date()): PatientContext | null {
  return detectWith(cachedScan, doc, now);
}

/** detectGeneric with a fresh walk of the page, never the cache: for tests and benchmarks that compare the two. */
export function detectGenericFresh(doc: Document, now: Date = new Date()): PatientContext | null {
  return detectWith(scanPage, doc, now);
}

function detectWith(walk: (doc: Document) => PageScan, doc: Document, now: Date): PatientContext | null {
  let scan: PageScan;
  try {
    scan = walk(doc);
  } catch {
    return null;
  }
  return fromScan(scan, now);
}

function fromScan(scan: PageScan, now: Date): PatientContext | null {
  const ids = identifiersOn(scan);
  if (ids.several || (!ids.chi && !ids.nhsNumber)) return null;

  let found = 0;
  const name = firstValue(scan, 'name', nonEmpty) ?? nameFallback(scan);
  const pageBirth = firstValue(scan, 'birthDate', parseUkDate);
  const pageSex = firstValue(scan, 'sex', parseSex);
  const address = firstValue(scan, 'address', nonEmpty);
  const postcode = firstValue(scan, 'postcode', postcodeFrom) ?? (address ? postcodeFrom(address) : undefined);
  const phone = firstValue(scan, 'phone', nonEmpty);
  const problemList = sectionList(scan, 'problems');
  const problems: Problem[] = problemList ? readProblemList(problemList) : [];
  const medList = sectionList(scan, 'medications');
  const notesEl = findNotes(scan.editors);
  for (const present of [name, pageBirth, pageSex, address, postcode, problemList, medList, notesEl]) if (present) found++;

  const birthDate = pageBirth ?? (ids.chi ? chiBirthDate(ids.chi, now) : undefined);
  const ctx: PatientContext = {
    sex: pageSex ?? (ids.chi ? chiSex(ids.chi) : 'unknown'),
    problems,
    notes: notesEl ? notesTextOf(notesEl) : '',
    pageKind: 'consultation',
    source: { adapter: 'generic', confidence: Math.round((0.4 + (0.6 * found) / 8) * 100) / 100 },
  };
  if (name) ctx.name = name;
  if (birthDate) {
    ctx.birthDate = birthDate;
    ctx.age = ageOn(birthDate, now);
  } else {
    const age = firstValue(scan, 'age', parseAge);
    if (age !== undefined) ctx.age = age;
  }
  if (ids.chi) ctx.chi = ids.chi;
  if (ids.nhsNumber) ctx.nhsNumber = ids.nhsNumber;
  if (postcode) ctx.postcode = postcode;
  if (address) ctx.address = address;
  if (phone) ctx.phone = phone;
  if (medList) ctx.medicationCount = listItems(medList).length;
  return ctx;
}

function nameFallback(scan: PageScan): string | undefined {
  const text = scan.nameEl ? textOf(scan.nameEl) : '';
  return text !== '' && text.length < 80 ? text : undefined;
}
