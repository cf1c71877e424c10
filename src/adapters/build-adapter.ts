import type { FieldName } from './field-names';
import { parseAdapter, type ParseAdapterResult, type SiteAdapter } from './schema';

// Turns what a practice manager clicked on the record page into adapter JSON.
// The result holds selectors and patterns only, never what was read, so it can
// be shared with other practices like a hand-written adapter.

/** One clicked field: where it is and, when its text holds more than the value, how to cut the value out. */
export interface PickedField {
  selector: string;
  regex?: string;
}

/** Everything picked on the page. */
export interface Picks {
  fields: Partial<Record<FieldName, PickedField>>;
  problems?: NonNullable<SiteAdapter['problems']>;
  notes?: { selector: string };
}

/** Where the picks were made. `avoid`: text read from the page (e.g. the patient's name) that must not end up in the adapter's name. */
export interface PickPage {
  url: string;
  title: string;
  avoid?: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path segment that names one record rather than a screen: numbers, UUIDs, hashes, CHI-like runs. */
export function isVariableSegment(segment: string): boolean {
  if (segment === '') return false;
  return /^\d+$/.test(segment) || UUID.test(segment) || /\d{5,}/.test(segment) || (/^[0-9a-f]{12,}$/i.test(segment) && /\d/.test(segment));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The adapter id: the host name (without "www."), plus the first fixed path
 * segment so two systems served from one host (as on the demo server) get
 * different ids. "https://www.ehr.example.scot/vision/patient/7" -> "ehr-example-scot-vision".
 */
export function adapterIdFor(url: URL): string {
  const host = slug(url.hostname.replace(/^www\./i, '')) || 'clinical-system';
  const first = url.pathname.split('/').find((s) => s !== '');
  const word = first && !isVariableSegment(first) && /^[a-z][a-z0-9_-]{1,30}$/i.test(first) ? slug(first) : '';
  const id = word ? `${host}-${word}` : host;
  return /^[a-z0-9]/.test(id) ? id : `site-${id}`;
}

/**
 * The page address as a URL pattern: origin and path, with record-specific
 * segments replaced by `*`; a trailing `*` when the address had a query or
 * hash, since those usually change between patients.
 */
export function urlPatternFor(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => (isVariableSegment(decodeURIComponent(segment)) ? '*' : segment))
    .join('/');
  const pattern = url.origin + path;
  return (url.search || url.hash) && !pattern.endsWith('*') ? `${pattern}*` : pattern;
}

/** A readable adapter name from the page title, without anything that looks like patient text. */
function adapterName(title: string, host: string, avoid: readonly string[]): string {
  const first = (title.split(/\s+[—–|:·-]\s+|\s*[—–|·]\s*/)[0] ?? '').trim();
  const lower = first.toLowerCase();
  const personal = avoid.some((text) => {
    const t = text.trim().toLowerCase();
    return t.length > 1 && (lower.includes(t) || t.includes(lower));
  });
  const usable = first !== '' && first.length <= 60 && !personal && !/\d{4,}/.test(first);
  return usable ? `${first} (built by clicking on ${host})` : `Clinical system at ${host} (built by clicking)`;
}

function cleanField(pick: PickedField): PickedField {
  return pick.regex ? { selector: pick.selector, regex: pick.regex } : { selector: pick.selector };
}

/**
 * Adapter JSON from the picks, checked with parseAdapter. The CHI (or NHS
 * number) field is required: it is both the patient's identifier and the
 * consultation signal. Never throws; problems come back in plain words.
 */
export function buildAdapter(picks: Picks, page: PickPage, isValidSelector?: (selector: string) => boolean): ParseAdapterResult {
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return { ok: false, errors: [`"${page.url}" is not a web address, so no adapter can be built for it.`] };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, errors: ['Adapters work on web pages only (addresses starting https://).'] };
  }
  const id = picks.fields.chi ?? picks.fields.nhsNumber;
  if (!id) return { ok: false, errors: ['Click the CHI or NHS number: without it the sidebar can never tell who the patient is.'] };

  const fields: SiteAdapter['fields'] = {};
  for (const [name, pick] of Object.entries(picks.fields) as [FieldName, PickedField | undefined][]) {
    if (pick) fields[name] = cleanField(pick);
  }
  const json: SiteAdapter = {
    id: adapterIdFor(url),
    name: adapterName(page.title, url.host, page.avoid ?? []),
    urlPatterns: [urlPatternFor(url)],
    consultationSignal: { selector: id.selector },
    fields,
  };
  if (picks.problems) json.problems = { ...picks.problems };
  if (picks.notes) json.notes = { selector: picks.notes.selector };
  return isValidSelector ? parseAdapter(json, isValidSelector) : parseAdapter(json);
}
