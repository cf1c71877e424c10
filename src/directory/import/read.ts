/**
 * Whole-file reading: JSON vs CSV, format sniffing, and the plain reasons
 * given when a file cannot be read at all.
 */
import type { Draft, DirectoryFormat } from './common';
import { alissDraft, alissRecords, looksLikeAliss } from './aliss';
import { hsdsDraft, hsdsRecords, looksLikeOruk } from './hsds';
import { csvDraft, csvHeaderRow, parseCsvRows } from './csv';
import { recogniseHsdsTable, singleTableReason } from './package/hsds-tables';
import { isRecord } from '../clean-text';

/** A file read into records plus the mapper for them, or a whole-file reason. */
export type ReadFile =
  | { ok: true; format: DirectoryFormat; records: unknown[]; toDraft: (record: unknown, index: number) => Draft | string }
  | { ok: false; reason: string };

export const REASONS = {
  empty: 'The file is empty.',
  truncated: 'The file ends part-way through — it may have been cut off while downloading.',
  notJson: 'The file is not valid JSON, so it cannot be read as a directory.',
  notDirectory: 'The file is neither JSON nor a spreadsheet (CSV) with a "name" column, so it cannot be read as a directory.',
  unknownShape: 'The file is valid JSON but is not a service list in a format we know (ALISS, Open Referral HSDS 3.0, Open Referral UK).',
  noNameColumn: 'The spreadsheet has no "name" column (or "service name"), so services cannot be told apart. Add a header row with a name column.',
  unexpected: 'Something unexpected went wrong while reading the file; nothing was imported.',
  dataPackage:
    'This is the datapackage.json of an HSDS tabular package: it describes the tables but holds no services. Import the whole package (the folder with datapackage.json, or its .zip). Nothing was changed.',
} as const;

/** A Frictionless data package descriptor (datapackage.json) rather than a service list. */
const isDataPackage = (json: unknown): boolean =>
  isRecord(json) && Array.isArray(json.resources) && json.resources.some((r) => isRecord(r) && (typeof r.path === 'string' || isRecord(r.schema)));

const FORMAT_NAMES: Record<DirectoryFormat, string> = {
  aliss: 'an ALISS service list',
  hsds: 'an Open Referral HSDS service list',
  oruk: 'an Open Referral UK service list',
  csv: 'a spreadsheet (CSV)',
};

/** Whether a JSON.parse failure means the text stopped early rather than being malformed. */
function isTruncation(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  if (/end of (json )?(data|input)|unterminated/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.length - 1;
}

/** Parses JSON text, turning errors into a reason. */
export function readJson(text: string): { ok: true; json: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: isTruncation(error, text.trimEnd()) ? REASONS.truncated : REASONS.notJson };
  }
}

const first = (json: unknown): Record<string, unknown> | undefined => {
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.data) ? json.data : isRecord(json) && Array.isArray(json.contents) ? json.contents : [isRecord(json) && isRecord(json.data) ? json.data : json];
  const head: unknown = list[0];
  return isRecord(head) ? head : undefined;
};

/** What a known kind of non-service JSON is, for a plainer reason than "unknown shape". */
function notServices(json: unknown): string | undefined {
  const r = first(json);
  if (!r) return undefined;
  const is = (what: string): string => `The file is ${what}, not a service list, so there is nothing to import from it.`;
  if (typeof r.model === 'string' && 'fields' in r) return is(`a database fixture ("${r.model}" records)`);
  if ('sub_categories' in r || ('slug' in r && 'name' in r && Object.keys(r).length <= 4 && !('organisation' in r))) return is('a list of categories');
  if ('type' in r && 'code' in r && 'name' in r && !('organisation' in r)) return is('a list of service areas');
  if ('taxonomy_id' in r || 'term_uri' in r || ('version' in r && 'uri' in r)) return is('an HSDS taxonomy (categories)');
  if ('tax_status' in r || 'legal_status' in r || 'year_incorporated' in r || ('services' in r && !('service' in r))) return is('an organisation record');
  if ('location_type' in r) return is('an HSDS location record');
  return undefined;
}

function fromJson(json: unknown, format: DirectoryFormat | undefined): ReadFile {
  if (isDataPackage(json)) return { ok: false, reason: REASONS.dataPackage };
  const aliss = format === 'aliss' || (format === undefined && looksLikeAliss(json));
  if (aliss) {
    const records = alissRecords(json);
    return records ? { ok: true, format: 'aliss', records, toDraft: alissDraft } : { ok: false, reason: `The file does not look like ${FORMAT_NAMES.aliss}.` };
  }
  const records = hsdsRecords(json);
  if (!records) return { ok: false, reason: format ? `The file does not look like ${FORMAT_NAMES[format]}.` : (notServices(json) ?? REASONS.unknownShape) };
  return { ok: true, format: format ?? (looksLikeOruk(records[0]) ? 'oruk' : 'hsds'), records, toDraft: hsdsDraft };
}

/**
 * Reads the whole text into records. Never throws. `fileName` (when known)
 * names the file in the reason a lone table of an HSDS package is refused.
 */
export function readDirectoryFile(input: unknown, format?: DirectoryFormat, fileName?: string): ReadFile {
  try {
    if (typeof input !== 'string') return { ok: false, reason: REASONS.notDirectory };
    if (fileName && /(^|[/\\])datapackage\.json$/i.test(fileName)) return { ok: false, reason: REASONS.dataPackage };
    const text = input.replace(/^\uFEFF/, '').trim();
    if (text === '') return { ok: false, reason: REASONS.empty };
    const looksJson = text.startsWith('{') || text.startsWith('[');
    if (format === 'csv' || (format === undefined && !looksJson)) {
      if (format === undefined && !/^[^\n]*[,;\t]/.test(text)) return { ok: false, reason: REASONS.notDirectory };
      // One table of an HSDS package (languages.csv...) would import as nonsense "services" (#16).
      const table = recogniseHsdsTable(csvHeaderRow(text));
      if (table) return { ok: false, reason: singleTableReason(table, fileName) };
      const { rows, fields } = parseCsvRows(text);
      if (!fields.has('name')) return { ok: false, reason: format === 'csv' ? REASONS.noNameColumn : fields.size ? REASONS.noNameColumn : REASONS.notDirectory };
      return { ok: true, format: 'csv', records: rows, toDraft: (r, i) => csvDraft(r as Parameters<typeof csvDraft>[0], i) };
    }
    const parsed = readJson(text);
    if (!parsed.ok) return parsed;
    return fromJson(parsed.json, format);
  } catch {
    return { ok: false, reason: REASONS.unexpected };
  }
}
