/**
 * Whole-file reading: JSON vs CSV, format sniffing, and the plain reasons
 * given when a file cannot be read at all.
 */
import type { Draft, DirectoryFormat } from './common';
import { alissDraft, alissRecords, looksLikeAliss } from './aliss';
import { hsdsDraft, hsdsRecords, looksLikeOruk } from './hsds';
import { csvDraft, parseCsvRows } from './csv';

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
} as const;

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

function fromJson(json: unknown, format: DirectoryFormat | undefined): ReadFile {
  const aliss = format === 'aliss' || (format === undefined && looksLikeAliss(json));
  if (aliss) {
    const records = alissRecords(json);
    return records ? { ok: true, format: 'aliss', records, toDraft: alissDraft } : { ok: false, reason: `The file does not look like ${FORMAT_NAMES.aliss}.` };
  }
  const records = hsdsRecords(json);
  if (!records) return { ok: false, reason: format ? `The file does not look like ${FORMAT_NAMES[format]}.` : REASONS.unknownShape };
  return { ok: true, format: format ?? (looksLikeOruk(records[0]) ? 'oruk' : 'hsds'), records, toDraft: hsdsDraft };
}

/** Reads the whole text into records. Never throws. */
export function readDirectoryFile(input: unknown, format?: DirectoryFormat): ReadFile {
  try {
    if (typeof input !== 'string') return { ok: false, reason: REASONS.notDirectory };
    const text = input.replace(/^\uFEFF/, '').trim();
    if (text === '') return { ok: false, reason: REASONS.empty };
    const looksJson = text.startsWith('{') || text.startsWith('[');
    if (format === 'csv' || (format === undefined && !looksJson)) {
      if (format === undefined && !/^[^\n]*[,;\t]/.test(text)) return { ok: false, reason: REASONS.notDirectory };
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
