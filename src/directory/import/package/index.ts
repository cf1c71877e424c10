/**
 * HSDS 3.0 tabular data packages (#16): a folder's files or one .zip in,
 * services joined with their organisation, locations, addresses, phones,
 * schedules, languages, accessibility and taxonomy terms out, and a report
 * on every table. Never throws.
 */
import { Collector, finishDraft, type ParseOptions, type ParseResult, type Rejection } from '../common';
import { hsdsDraft } from '../hsds';
import { defaultNeedMapping } from '../../need-mapping';
import { readPackageTables } from './read-tables';
import { PackageJoin } from './join';
import { tableReports, type TableReport } from './report';
import { ZIP_LIMITS, type PackageFile, type ZipLimits } from './unzip';
import { nextTask } from '../../../lib/next-task';

export type { PackageFile } from './unzip';
export type { TableReport } from './report';
export { ZIP_LIMITS } from './unzip';
export { HSDS_TABLES, recogniseHsdsTable } from './hsds-tables';

export interface PackageResult extends ParseResult {
  /** Notes on the package as a whole (index -1) and on kept services (their row index in services.csv). */
  warnings: Rejection[];
  /** One report per table read, in HSDS order. Empty when the package could not be read at all. */
  tables: TableReport[];
}

export interface PackageOptions extends ParseOptions {
  /** Size and zip limits; defaults to ZIP_LIMITS. */
  limits?: Partial<ZipLimits>;
}

export interface PackageChunkOptions extends PackageOptions {
  /** Services joined between yields; default 2,000. */
  chunkSize?: number;
  /** Called after each chunk with services done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks; default a zero-delay timer. */
  yieldFn?: () => Promise<void>;
}

const failed = (reason: string): PackageResult => ({ resources: [], rejected: [{ index: -1, reason }], warnings: [], tables: [] });
const UNEXPECTED = 'Something unexpected went wrong while reading the package; nothing was imported.';

/** The work, in slices: yields the number of services done after each slice, returns the result. */
function* steps(files: readonly PackageFile[], options: PackageOptions, chunkSize: number): Generator<[number, number], PackageResult> {
  const read = readPackageTables(files, { ...ZIP_LIMITS, ...options.limits });
  if (!read.ok) return failed(read.reason);
  const join = new PackageJoin(read.tables);
  const collector = new Collector();
  const mapping = options.mapping ?? defaultNeedMapping();
  const source = options.source ?? 'hsds';
  const total = join.rows('service').length;
  for (let i = 0; i < total; i++) {
    try {
      const joined = join.compile(i);
      const draft = hsdsDraft(joined.record);
      if (typeof draft === 'string') {
        collector.add(i, draft);
      } else if (collector.add(i, finishDraft(draft, source, mapping))) {
        join.commit(joined.uses);
        if (joined.notes.length > 0 || draft.warnings?.length) collector.warn(i, [...joined.notes, ...(draft.warnings ?? [])]);
      }
    } catch {
      collector.add(i, 'This row could not be read.');
    }
    if ((i + 1) % chunkSize === 0 && i + 1 < total) yield [i + 1, total];
  }
  const result = collector.result();
  const packageNotes = read.notes.map((reason) => ({ index: -1, reason }));
  if (total === 0) packageNotes.push({ index: -1, reason: 'services.csv has no rows, so no services were imported.' });
  return { ...result, warnings: [...packageNotes, ...(result.warnings ?? [])], tables: tableReports(join, result.rejected) };
}

/**
 * Imports an HSDS 3.0 tabular package: the files of its folder
 * (`{ name, bytes }` or `{ name, text }`; names may carry the folder path) or
 * a single `.zip`. Reads datapackage.json for the table files (standard names
 * otherwise), joins, and reports per table. Rejection and warning indexes are
 * row positions in services.csv (0 = the first row under the header); -1 is
 * the package as a whole. Never throws.
 */
export function parseDirectoryPackage(files: readonly PackageFile[], options: PackageOptions = {}): PackageResult {
  try {
    const run = steps(files, options, Number.MAX_SAFE_INTEGER);
    for (;;) {
      const next = run.next();
      if (next.done) return next.value;
    }
  } catch {
    return failed(UNEXPECTED);
  }
}

/**
 * parseDirectoryPackage in slices, awaiting `yieldFn` between slices of
 * `chunkSize` services, for a worker that must keep answering messages.
 * Same result. Never rejects.
 */
export async function parseDirectoryPackageChunked(files: readonly PackageFile[], options: PackageChunkOptions = {}): Promise<PackageResult> {
  try {
    const run = steps(files, options, Math.max(1, Math.floor(options.chunkSize ?? 2000)));
    for (;;) {
      const next = run.next();
      if (next.done) {
        options.onProgress?.(next.value.tables.find((t) => t.table === 'service')?.rows ?? 0, next.value.tables.find((t) => t.table === 'service')?.rows ?? 0);
        return next.value;
      }
      options.onProgress?.(next.value[0], next.value[1]);
      await (options.yieldFn ?? nextTask)();
    }
  } catch {
    return failed(UNEXPECTED);
  }
}
