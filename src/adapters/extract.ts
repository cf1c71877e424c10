import { ageOn } from '../context/dates';
import { chiBirthDate, chiSex } from '../context/identifiers';
import type { PatientContext, Problem } from '../context/patient-context';
import { crossCheck, type Contradiction } from './checks';
import type { Detection } from './detection';
import { notesTextOf, safeQuery, textOf } from './dom-text';
import { convertField } from './fields';
import { compile, listItemsOf, readProblems, readRule, selectorList } from './read-rule';
import { FIELD_NAMES, type FieldName } from './field-names';
import type { SiteAdapter } from './schema';
import { matchesAnyUrl } from './url-match';

/** One line of the options page's "test on this tab" report. */
export interface ExplainRow {
  field: string;
  selector?: string;
  raw?: string;
  value?: string;
  ok: boolean;
  problem?: string;
}

interface AdapterRead {
  rows: ExplainRow[];
  values: Partial<Record<FieldName, string>>;
  isConsultation: boolean;
  urlMatches: boolean;
  fieldsDefined: number;
  fieldsRead: number;
  problems: Problem[];
  medicationCount?: number;
  notes: string;
  /** The identifier and the details read beside it disagree. */
  contradiction?: Contradiction;
}

const CONTRADICTION_WORDS: Record<Contradiction, string> = {
  'birth-date-mismatch': 'the date of birth shown is not the date in the CHI number',
  'sex-mismatch': 'the sex shown does not agree with the CHI number (its ninth digit)',
  'age-mismatch': 'the age shown does not follow from the date of birth',
};

/** How a list rule reads in the explanation: "ul.cv-problems → :scope > li". */
function listLabel(spec: { listSelector?: string; itemSelector: string }): string {
  return spec.listSelector ? `${spec.listSelector} → ${spec.itemSelector}` : spec.itemSelector;
}

/** Why a list gave nothing: the list itself is missing, or it has no items. */
function listProblem(doc: Document, spec: { listSelector?: string; itemSelector: string }, noItems: string): string {
  if (spec.listSelector && safeQuery(doc, spec.listSelector) === null) return `nothing on the page matches the list "${spec.listSelector}"`;
  return noItems;
}

function readAdapter(doc: Document, url: string, adapter: SiteAdapter): AdapterRead {
  const rows: ExplainRow[] = [];
  const urlMatches = matchesAnyUrl(adapter.urlPatterns, url);
  rows[rows.length] = urlMatches
    ? { field: 'address of this page', ok: true, value: url }
    : { field: 'address of this page', ok: false, raw: url, problem: 'this address does not match any of the adapter URL patterns' };

  const signal = adapter.consultationSignal;
  const signalEl = safeQuery(doc, signal.selector);
  let isConsultation = signalEl !== null;
  let signalProblem = signalEl ? undefined : `nothing on the page matches "${signal.selector}", so this is not treated as a consultation`;
  if (signalEl && signal.textMatches) {
    const re = compile(signal.textMatches);
    if (!re || !re.test(textOf(signalEl))) {
      isConsultation = false;
      signalProblem = `the consultation marker was found but its text does not match ${signal.textMatches}`;
    }
  }
  rows[rows.length] = { field: 'consultation screen', selector: signal.selector, ok: isConsultation, ...(signalProblem ? { problem: signalProblem } : {}) };

  const values: Partial<Record<FieldName, string>> = {};
  let fieldsDefined = 0;
  let fieldsRead = 0;
  for (let i = 0; i < FIELD_NAMES.length; i++) {
    const field = FIELD_NAMES[i] as FieldName;
    const rule = adapter.fields[field];
    if (!rule) continue;
    fieldsDefined++;
    const read = readRule(doc, rule);
    if (read.raw === undefined || read.problem) {
      rows[rows.length] = { field, ...read, ok: false };
      continue;
    }
    const converted = convertField(field, read.raw);
    if (converted.ok) {
      values[field] = converted.value;
      fieldsRead++;
      rows[rows.length] = { field, selector: read.selector, raw: read.raw, value: converted.value, ok: true };
    } else {
      rows[rows.length] = { field, selector: read.selector, raw: read.raw, ok: false, problem: converted.problem };
    }
  }

  const problems = adapter.problems ? readProblems(doc, adapter.problems) : [];
  if (adapter.problems) {
    const spec = adapter.problems;
    rows[rows.length] = { field: 'problems', selector: listLabel(spec), value: `${problems.length} found`, ok: problems.length > 0, ...(problems.length ? {} : { problem: listProblem(doc, spec, 'no problem list items found') }) };
  }

  let medicationCount: number | undefined;
  if (adapter.medications) {
    medicationCount = listItemsOf(doc, adapter.medications).length;
    const spec = adapter.medications;
    const missing = spec.listSelector !== undefined && safeQuery(doc, spec.listSelector) === null;
    rows[rows.length] = missing
      ? { field: 'medications', selector: listLabel(spec), ok: false, problem: listProblem(doc, spec, '') }
      : { field: 'medications', selector: listLabel(spec), value: `${medicationCount} items`, ok: true };
  }

  let notes = '';
  if (adapter.notes) {
    const selectors = selectorList(adapter.notes.selector);
    let found: string | undefined;
    for (let i = 0; i < selectors.length && found === undefined; i++) {
      const el = safeQuery(doc, selectors[i] as string);
      if (el) {
        found = selectors[i];
        notes = notesTextOf(el);
      }
    }
    rows[rows.length] = found
      ? { field: 'notes', selector: found, value: `${notes.length} characters`, ok: true }
      : { field: 'notes', ok: false, problem: 'the consultation notes box was not found' };
  }

  const hasId = values.chi !== undefined || values.nhsNumber !== undefined;
  const sex = values.sex === 'female' || values.sex === 'male' ? values.sex : undefined;
  const contradiction = hasId ? crossCheck({ chi: values.chi, birthDate: values.birthDate, sex }, new Date()) : undefined;
  rows[rows.length] = contradiction
    ? { field: 'patient', ok: false, problem: `${CONTRADICTION_WORDS[contradiction]}: the sidebar will say "check this record" instead of showing a patient` }
    : hasId
      ? { field: 'patient', ok: true, value: values.chi ? `CHI ending ${values.chi.slice(-4)}` : `NHS number ending ${(values.nhsNumber ?? '').slice(-4)}` }
      : { field: 'patient', ok: false, problem: 'no valid CHI or NHS number was read, so the sidebar will not show for this page' };

  return { rows, values, isConsultation, urlMatches, fieldsDefined, fieldsRead, problems, medicationCount, notes, ...(contradiction ? { contradiction } : {}) };
}

/**
 * Field by field, what the adapter read on this page and why anything failed.
 * Never throws.
 */
export function explainAdapter(doc: Document, url: string, adapter: SiteAdapter): ExplainRow[] {
  return readAdapter(doc, url, adapter).rows;
}

/**
 * The patient on a consultation page, read with a site adapter. Null unless the
 * URL matches, the consultation marker is present and a valid CHI or NHS
 * number was read, or when the details contradict the identifier. Never throws.
 */
export function extractWithAdapter(doc: Document, url: string, adapter: SiteAdapter, now: Date = new Date()): PatientContext | null {
  const result = adapterDetection(doc, url, adapter, now);
  return result && 'context' in result ? result.context : null;
}

/**
 * What an adapter makes of the page: the patient; a contradiction between
 * the identifier and the details beside it (`check: true`: the person at the
 * screen should check the record); or null when the adapter does not apply
 * here (wrong address, not a consultation, no identifier), so the next reader may try.
 */
export function adapterDetection(doc: Document, url: string, adapter: SiteAdapter, now: Date = new Date()): Detection | null {
  const read = readAdapter(doc, url, adapter);
  const v = read.values;
  if (!read.urlMatches || !read.isConsultation || (v.chi === undefined && v.nhsNumber === undefined)) return null;
  if (read.contradiction) return { declined: read.contradiction, check: true, source: adapter.id };
  const birthDate = v.birthDate ?? (v.chi ? chiBirthDate(v.chi, now) : undefined);
  const sex = v.sex === 'female' || v.sex === 'male' ? v.sex : v.chi ? chiSex(v.chi) : 'unknown';
  // A date of birth worked out from the CHI alone (its century is a guess) is not vouched for.
  const unconfirmed: ('birthDate')[] = v.birthDate === undefined && birthDate ? ['birthDate'] : [];
  const ctx: PatientContext = {
    sex,
    problems: read.problems,
    notes: read.notes,
    pageKind: 'consultation',
    source: {
      adapter: adapter.id,
      confidence: Math.round((0.7 + (0.3 * read.fieldsRead) / Math.max(1, read.fieldsDefined)) * 100) / 100,
      confirmed: unconfirmed.length === 0,
      unconfirmed,
    },
  };
  if (v.name) ctx.name = v.name;
  if (birthDate) {
    ctx.birthDate = birthDate;
    ctx.age = ageOn(birthDate, now);
  }
  if (v.chi) ctx.chi = v.chi;
  if (v.nhsNumber) ctx.nhsNumber = v.nhsNumber;
  if (v.postcode) ctx.postcode = v.postcode;
  if (v.address) ctx.address = v.address;
  if (v.phone) ctx.phone = v.phone;
  if (read.medicationCount !== undefined) ctx.medicationCount = read.medicationCount;
  return { context: ctx };
}
