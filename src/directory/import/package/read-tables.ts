/**
 * The tables of an HSDS package from its files: a zip is opened first, the
 * tables are found through datapackage.json (or, failing that, by their
 * standard file names), decoded (UTF-8, or Windows-1252 as Excel saves) and
 * parsed as CSV.
 */
import Papa from 'papaparse';
import { HSDS_TABLES, headerName, type HsdsTable, type HsdsTableName } from './hsds-tables';
import { isSafePath, isZip, unzipPackage, ZIP_LIMITS, type PackageFile, type ZipLimits } from './unzip';
import { isRecord } from '../../clean-text';

export type Row = Record<string, string | undefined>;

export interface Table {
  def: HsdsTable;
  /** The file it was read from (name inside the package). */
  file: string;
  rows: Row[];
}

export type Tables = Partial<Record<HsdsTableName, Table>>;

export type ReadTables = { ok: true; tables: Tables; notes: string[] } | { ok: false; reason: string };

const baseName = (name: string): string => (name.split('/').pop() ?? name).toLowerCase();

function decode(file: PackageFile): string {
  if (typeof file.text === 'string') return file.text.replace(/^\uFEFF/, '');
  const bytes = file.bytes ?? new Uint8Array(0);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: a spreadsheet saved by Excel on Windows.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The header line's separator: HSDS says commas; spreadsheets saved in some locales use semicolons or tabs. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string): number => header.split(c).length - 1;
  const [best] = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** A row whose every cell is empty or spaces (a spreadsheet's trailing ",,,," line). */
function blank(cells: readonly string[]): boolean {
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j] as string;
    if (c !== '' && c.trim() !== '') return false;
  }
  return true;
}

/**
 * CSV text -> one object per row, keyed by the lower-cased header. Parsed as
 * arrays and turned into objects here: about a fifth faster than papaparse's
 * header mode, which does per-field work this importer does not need. Blank
 * rows are skipped here, as papaparse's 'greedy' mode would, but without its
 * join-and-trim of every row (#16).
 */
function csvRows(text: string): Row[] {
  // Blank lines are skipped below (with whitespace-only ones), not by the parser: its pass copies every row.
  const data = Papa.parse<string[]>(text, { delimiter: delimiterOf(text) }).data;
  let first = 0;
  while (first < data.length && blank(data[first] as string[])) first++;
  const headers = (data[first] ?? []).map(headerName);
  const rows: Row[] = [];
  for (let i = first + 1; i < data.length; i++) {
    const cells = data[i] as string[];
    if (blank(cells)) continue;
    const row: Row = {};
    for (let j = 0; j < headers.length && j < cells.length; j++) if (headers[j]) row[headers[j] as string] = cells[j];
    rows.push(row);
  }
  return rows;
}

const sizeOf = (f: PackageFile): number => f.bytes?.length ?? (typeof f.text === 'string' ? f.text.length : 0);

/** Opens a single zip among the files; anything else passes through. */
function expand(files: readonly PackageFile[], limits: ZipLimits): { ok: true; files: PackageFile[]; notes: string[] } | { ok: false; reason: string } {
  const zips = files.filter((f) => /\.zip$/i.test(f.name) || isZip(f.bytes));
  if (zips.length === 0) return { ok: true, files: [...files], notes: [] };
  if (zips.length > 1) return { ok: false, reason: 'More than one zip was chosen. Choose one package (its folder, or its .zip). Nothing was changed.' };
  const others = files.filter((f) => f !== zips[0] && /\.(csv|json)$/i.test(f.name));
  if (others.length) return { ok: false, reason: 'A zip and loose files were chosen together. Choose one package: its folder, or its .zip. Nothing was changed.' };
  const opened = unzipPackage((zips[0] as PackageFile).bytes ?? new Uint8Array(0), limits);
  if (!opened.ok) return opened;
  const notes = opened.skipped.length ? [`Files in the zip that are not tables were left alone: ${opened.skipped.slice(0, 5).join(', ')}${opened.skipped.length > 5 ? '…' : ''}.`] : [];
  return { ok: true, files: opened.files, notes };
}

/** datapackage.json's table name -> file name, or a note saying why it could not be used. */
function descriptor(file: PackageFile | undefined): { paths: Map<string, string>; note?: string } {
  const paths = new Map<string, string>();
  if (!file) return { paths, note: 'The package has no datapackage.json; its tables were found by their standard HSDS file names.' };
  let json: unknown;
  try {
    json = JSON.parse(decode(file));
  } catch {
    return {
      paths,
      note: 'datapackage.json could not be read (it is not JSON; in copies of the Open Referral examples it is a link to a file that was not copied). The tables were found by their standard HSDS file names.',
    };
  }
  const resources = isRecord(json) && Array.isArray(json.resources) ? json.resources : [];
  for (const r of resources) if (isRecord(r) && typeof r.name === 'string' && typeof r.path === 'string') paths.set(r.name, baseName(r.path));
  return paths.size ? { paths } : { paths, note: 'datapackage.json lists no tables; they were found by their standard HSDS file names.' };
}

/** Reads the package's tables. Never throws. */
export function readPackageTables(input: readonly PackageFile[], limits: ZipLimits = ZIP_LIMITS): ReadTables {
  const expanded = expand(input, limits);
  if (!expanded.ok) return expanded;
  const notes = [...expanded.notes];
  const files = expanded.files.filter((f) => !baseName(f.name).startsWith('.'));
  const unsafe = files.find((f) => !isSafePath(f.name));
  if (unsafe) return { ok: false, reason: `A file has an unsafe path ("${unsafe.name.slice(0, 80)}"). Nothing was changed.` };
  const total = files.reduce((n, f) => n + sizeOf(f), 0);
  if (total > limits.maxTotalBytes) return { ok: false, reason: `The package's files come to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB, more than a directory needs. Nothing was changed.` };
  const byBase = new Map<string, PackageFile[]>();
  for (const f of files) byBase.set(baseName(f.name), [...(byBase.get(baseName(f.name)) ?? []), f]);
  const dp = byBase.get('datapackage.json');
  // Two copies of a table (two packages in one folder): only the folder holding datapackage.json can say which.
  const home = dp?.length === 1 ? (dp[0] as PackageFile).name.slice(0, -'datapackage.json'.length) : undefined;
  const pick = (base: string): PackageFile | undefined | 'ambiguous' => {
    const list = byBase.get(base) ?? [];
    if (list.length <= 1) return list[0];
    const inHome = home === undefined ? [] : list.filter((f) => f.name.slice(0, -base.length) === home);
    return inHome.length === 1 ? inHome[0] : 'ambiguous';
  };
  const dpFile = pick('datapackage.json');
  if (dpFile === 'ambiguous') return { ok: false, reason: 'The files hold more than one datapackage.json: choose one package at a time. Nothing was changed.' };
  const { paths, note } = descriptor(dpFile);
  if (note) notes.push(note);
  const tables: Tables = {};
  const claimed = new Set<string>(['datapackage.json']);
  for (const def of HSDS_TABLES) {
    const candidates = [paths.get(def.name), ...def.files].filter((n): n is string => n !== undefined);
    const base = candidates.find((n) => byBase.has(n));
    if (!base) continue;
    const file = pick(base);
    if (file === 'ambiguous') return { ok: false, reason: `The files hold more than one ${base} (two packages?): choose one package at a time. Nothing was changed.` };
    if (!file) continue;
    claimed.add(base);
    tables[def.name] = { def, file: file.name, rows: csvRows(decode(file)) };
  }
  const ignored = [...byBase.keys()].filter((b) => !claimed.has(b) && /\.csv$/.test(b));
  if (ignored.length) notes.push(`Not HSDS tables, so not read: ${ignored.slice(0, 8).join(', ')}${ignored.length > 8 ? '…' : ''}.`);
  if (!tables.service) {
    return { ok: false, reason: 'The package has no services table (services.csv), so there are no services to import. Choose the folder (or .zip) that holds services.csv. Nothing was changed.' };
  }
  return { ok: true, tables, notes };
}
