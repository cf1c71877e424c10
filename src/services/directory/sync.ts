/**
 * Conditional sync of the directory sources a practice configured. On any
 * failure the previous directory stays complete and in use, and the reason is
 * kept for the options page.
 */
import type { LinksDatabase, SourceRow } from '../../db/database';
import { nextPageUrl, parseAlissPages, parseDirectory, type DirectoryFormat, type ParseResult } from '../../directory/import/index';
import type { SourceStatus } from '../../messaging/protocol';
import type { Settings } from '../../settings/schema';
import type { CanReach } from '../net/reach';
import { requestSite, type SiteAnswer } from '../net/request';
import type { IndexCache } from './index-cache';
import { replaceSource, summary } from './import';

const MAX_PAGES = 200;
const FETCH_TIMEOUT_MS = 30_000;

/** One page of a source: the answer, or the words for why it could not be read. */
async function fetchPage(
  url: string,
  headers: Record<string, string>,
  options: { fetchImpl?: typeof fetch; canReach?: CanReach; timeoutMs: number },
): Promise<{ ok: true; answer: Extract<SiteAnswer, { kind: 'response' }> } | { ok: false; reason: string }> {
  const answer = await requestSite(url, { method: 'GET', headers }, {
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.canReach ? { canReach: options.canReach } : {}),
    timeoutMs: options.timeoutMs,
    where: 'Directory sources',
    consequence: 'The previous directory is still in use.',
  });
  switch (answer.kind) {
    case 'response':
      return { ok: true, answer };
    case 'redirect':
      return { ok: false, reason: `The directory address answered with a redirect (${answer.status}), which is not followed. Check the source address. The previous directory is still in use.` };
    case 'timeout':
      return { ok: false, reason: 'The directory server did not answer in time. The previous directory is still in use.' };
    case 'blocked':
      return { ok: false, reason: answer.message };
    case 'unreachable':
      return { ok: false, reason: 'The directory server could not be reached. Working offline from the saved directory.' };
  }
}

/**
 * Refresh one configured source with a conditional request. On any failure the
 * previous directory stays complete and in use; the reason is kept for the options page.
 */
export async function syncSource(
  db: LinksDatabase,
  cache: IndexCache,
  source: Settings['directorySources'][number],
  options: { fetchImpl?: typeof fetch; now?: Date; timeoutMs?: number; canReach?: CanReach } = {},
): Promise<SourceRow> {
  const fetchOptions = {
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.canReach ? { canReach: options.canReach } : {}),
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
  };
  const now = (options.now ?? new Date()).toISOString();
  const previous = await db.sources.get(source.id);
  const base: Omit<SourceRow, 'count'> = {
    id: source.id,
    label: source.label,
    format: source.format,
    refreshHours: source.refreshHours,
    ...(source.url ? { url: source.url } : {}),
    ...(previous?.etag ? { etag: previous.etag } : {}),
    ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
    ...(previous?.lastSync ? { lastSync: previous.lastSync } : {}),
    lastAttempt: now,
  };
  const keepOld = async (message: string): Promise<SourceRow> => {
    const row: SourceRow = { ...base, count: previous?.count ?? 0, lastResult: message, ok: false };
    await db.sources.put(row);
    return row;
  };
  if (!source.url) return keepOld('No address is set for this source.');
  const headers: Record<string, string> = { Accept: 'application/json, text/csv;q=0.9' };
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const first = await fetchPage(source.url, headers, fetchOptions);
  if (!first.ok) return keepOld(first.reason);
  if (first.answer.status === 304) {
    const row: SourceRow = { ...base, count: previous?.count ?? 0, lastSync: now, lastResult: 'Up to date (not changed since the last sync).', ok: true };
    await db.sources.put(row);
    return row;
  }
  if (first.answer.status < 200 || first.answer.status >= 300) {
    return keepOld(`The directory server answered ${first.answer.status}. The previous directory is still in use.`);
  }
  const pages = [first.answer.body];
  const etag = first.answer.headers.get('ETag');
  const lastModified = first.answer.headers.get('Last-Modified');
  let next = source.format === 'aliss' || source.format === 'hsds' || source.format === 'oruk' ? nextPageUrl(pages[0] ?? '', source.url) : undefined;
  while (next && pages.length < MAX_PAGES) {
    const page = await fetchPage(next, { Accept: 'application/json' }, fetchOptions);
    if (!page.ok) return keepOld(`Page ${pages.length + 1}: ${page.reason}`);
    if (page.answer.status < 200 || page.answer.status >= 300) {
      return keepOld(`Page ${pages.length + 1} failed (${page.answer.status}). The previous directory is still in use.`);
    }
    pages.push(page.answer.body);
    next = nextPageUrl(page.answer.body, next);
  }
  const result = source.format === 'aliss' ? parseAlissPages(pages, { source: source.id }) : mergePages(pages, source.format, source.id);
  const wholeFileProblem = result.rejected.find((r) => r.index === -1);
  if (result.resources.length === 0 || wholeFileProblem) {
    return keepOld(`${wholeFileProblem?.reason ?? 'The source returned no services.'} The previous directory is still in use.`);
  }
  const fresh: Omit<SourceRow, 'count'> = {
    ...base,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    lastSync: now,
    lastResult: summary(result),
    ok: true,
  };
  await replaceSource(db, cache, fresh, result.resources);
  return { ...fresh, count: result.resources.length };
}

function mergePages(pages: string[], format: DirectoryFormat, source: string): ParseResult {
  const out: ParseResult = { resources: [], rejected: [] };
  for (const page of pages) {
    const r = parseDirectory(page, format, { source });
    out.resources.push(...r.resources);
    out.rejected.push(...r.rejected);
  }
  return out;
}

/** Sources due for a refresh (never synced, or older than their interval). */
export async function dueSources(db: LinksDatabase, settings: Settings, now = Date.now()): Promise<Settings['directorySources']> {
  const due: Settings['directorySources'] = [];
  for (const source of settings.directorySources) {
    if (!source.url) continue;
    const row = await db.sources.get(source.id);
    const last = row?.lastAttempt ? Date.parse(row.lastAttempt) : 0;
    if (now - last >= source.refreshHours * 3_600_000) due.push(source);
  }
  return due;
}

export async function sourceStatuses(db: LinksDatabase, settings: Settings): Promise<SourceStatus[]> {
  const rows = await db.sources.toArray();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: SourceStatus[] = [];
  for (const s of settings.directorySources) {
    const row = byId.get(s.id);
    out.push(toStatus(row ?? { id: s.id, label: s.label, format: s.format, count: 0, ...(s.url ? { url: s.url } : {}) }));
    byId.delete(s.id);
  }
  for (const row of byId.values()) out.push(toStatus(row));
  return out;
}

function toStatus(row: SourceRow): SourceStatus {
  return {
    id: row.id,
    label: row.label,
    format: row.format,
    count: row.count,
    ...(row.url ? { url: row.url } : {}),
    ...(row.lastSync ? { lastSync: row.lastSync } : {}),
    ...(row.lastResult ? { lastResult: row.lastResult } : {}),
    ...(row.ok !== undefined ? { ok: row.ok } : {}),
  };
}

