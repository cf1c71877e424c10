/**
 * Directory importers: one entry point for every supported format. Nothing
 * here throws; problems come back as `rejected` with plain reasons.
 */
import { Collector, finishDraft, wholeFile, type DirectoryFormat, type Draft, type ParseOptions, type ParseResult } from './common';
import { readDirectoryFile, readJson, REASONS } from './read';
import { isRecord } from '../clean-text';
import { defaultNeedMapping } from '../need-mapping';
import { nextTask } from '../../lib/next-task';

export type { DirectoryFormat, ParseOptions, ParseResult, Rejection } from './common';
export { CSV_HEADER_ALIASES } from './csv';
export { REASONS as IMPORT_REASONS } from './read';
export {
  parseDirectoryPackage,
  parseDirectoryPackageChunked,
  ZIP_LIMITS,
  HSDS_TABLES,
  recogniseHsdsTable,
  type PackageFile,
  type PackageResult,
  type PackageOptions,
  type PackageChunkOptions,
  type TableReport,
} from './package/index';
export { startSync, afterPage, syncProgress, DEFAULT_SYNC_PAGE_LIMIT, type SyncState, type SyncStep, type SyncStop, type SyncStopReason, type SyncProgress } from './sync-plan';

type ToDraft = (record: unknown, index: number) => Draft | string;

/** Maps records[from..to) into the collector; `offset` is added to every reported index (pages). */
function convert(records: unknown[], toDraft: ToDraft, source: string, options: ParseOptions, collector: Collector, from: number, to: number, offset = 0): void {
  const mapping = options.mapping ?? defaultNeedMapping();
  for (let i = from; i < to; i++) {
    try {
      const draft = toDraft(records[i], i);
      if (typeof draft === 'string') {
        collector.add(offset + i, draft);
        continue;
      }
      const resource = finishDraft(draft, source, mapping);
      collector.add(offset + i, resource, draft.atLocation === true);
      if (typeof resource !== 'string') collector.warn(offset + i, draft.warnings);
    } catch {
      collector.add(offset + i, 'This entry could not be read.');
    }
  }
}

/**
 * Parses a directory file (ALISS v4, HSDS 3.0, Open Referral UK or CSV).
 * The format is sniffed when omitted. Never throws.
 */
export function parseDirectory(input: string, format?: DirectoryFormat, options: ParseOptions = {}): ParseResult {
  try {
    const file = readDirectoryFile(input, format, options.fileName);
    if (!file.ok) return wholeFile(file.reason);
    const collector = new Collector();
    convert(file.records, file.toDraft, options.source ?? file.format, options, collector, 0, file.records.length);
    return collector.result();
  } catch {
    return wholeFile(REASONS.unexpected);
  }
}

/**
 * Parses the pages of one source (as fetched by following `next`) into one
 * result, so a service repeated on two pages is reported once as a duplicate.
 * Rejection indexes count across pages; a bad page gives one rejection with
 * index -1 and its page number in the reason, and the other pages still import.
 */
export function parseDirectoryPages(pages: string[], format: DirectoryFormat, options: ParseOptions = {}): ParseResult {
  try {
    const collector = new Collector();
    let offset = 0;
    pages.forEach((page, n) => {
      const file = readDirectoryFile(page, format);
      if (!file.ok) {
        collector.rejected.push({ index: -1, reason: `Page ${n + 1}: ${file.reason}` });
        return;
      }
      convert(file.records, file.toDraft, options.source ?? file.format, options, collector, 0, file.records.length, offset);
      offset += file.records.length;
    });
    return collector.result();
  } catch {
    return wholeFile(REASONS.unexpected);
  }
}

/** parseDirectoryPages for ALISS (kept for callers written before HSDS pages were joined too). */
export function parseAlissPages(pages: string[], options: ParseOptions = {}): ParseResult {
  return parseDirectoryPages(pages, 'aliss', options);
}

/**
 * The next page to fetch: ALISS `next` (absolute URL); for HSDS/ORUK lists
 * `page_number < total_pages` gives `currentUrl` with `page` incremented.
 * Only http(s) URLs are returned; undefined on the last page or bad input.
 */
export function nextPageUrl(input: string, currentUrl?: string): string | undefined {
  try {
    const parsed = readJson(input.trim());
    if (!parsed.ok || !isRecord(parsed.json)) return undefined;
    const json = parsed.json;
    if (typeof json.next === 'string' && json.next !== '') {
      const url = new URL(json.next, currentUrl);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    }
    const page = Number(json.page_number ?? json.page);
    const total = Number(json.total_pages);
    if (!currentUrl || !Number.isFinite(page) || !Number.isFinite(total) || page >= total || json.last_page === true) return undefined;
    const url = new URL(currentUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.searchParams.set('page', String(page + 1));
    return url.href;
  } catch {
    return undefined;
  }
}

export interface ChunkOptions extends ParseOptions {
  /** Records mapped between yields; default 2,000. */
  chunkSize?: number;
  /** Called after each chunk with records done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks; default yields to the next task (src/lib/next-task.ts). */
  yieldFn?: () => Promise<void>;
}

/**
 * Async variant of parseDirectory for large files: the text is parsed once
 * (JSON.parse / papaparse, one step of about 10 ms per MB), then records are
 * mapped in chunks with `yieldFn` awaited between them so a UI or worker
 * stays responsive. Same result as parseDirectory. Never rejects.
 */
export async function parseDirectoryChunked(input: string, format?: DirectoryFormat, options: ChunkOptions = {}): Promise<ParseResult> {
  try {
    const file = readDirectoryFile(input, format, options.fileName);
    if (!file.ok) return wholeFile(file.reason);
    const size = Math.max(1, Math.floor(options.chunkSize ?? 2000));
    const collector = new Collector();
    const total = file.records.length;
    for (let from = 0; from < total; from += size) {
      const to = Math.min(total, from + size);
      convert(file.records, file.toDraft, options.source ?? file.format, options, collector, from, to);
      options.onProgress?.(to, total);
      if (to < total) await (options.yieldFn ?? nextTask)();
    }
    if (total === 0) options.onProgress?.(0, 0);
    return collector.result();
  } catch {
    return wholeFile(REASONS.unexpected);
  }
}
