/**
 * Conditional sync of the directory sources a practice configured. On any
 * failure the previous directory stays complete and in use, and the reason is
 * kept for the options page.
 */
import type { LinksDatabase, SourceRow } from '../../db/database';
import { parseDirectoryPages } from '../../directory/import/index';
import { afterPage, startSync, type SyncStop } from '../../directory/import/sync-plan';
import type { SourceStatus } from '../../messaging/protocol';
import type { Settings } from '../../settings/schema';
import type { CanReach } from '../net/reach';
import { requestSite, type SiteAnswer } from '../net/request';
import type { IndexCache } from './index-cache';
import { replaceSource, summary } from './import';

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
  options: { fetchImpl?: typeof fetch; now?: Date; timeoutMs?: number; canReach?: CanReach; onProgress?: (text: string) => unknown } = {},
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
  // After an incomplete sync (stopped at the page limit) the stored copy is partial: ask for everything again.
  const conditional = previous?.complete !== false;
  if (conditional && previous?.etag) headers['If-None-Match'] = previous.etag;
  if (conditional && previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
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
  let stop: SyncStop | undefined;
  // Paged JSON sources follow their pages under a plan that says plainly when and why it stopped (issue #16).
  if (source.format !== 'csv') {
    let step = afterPage(startSync(source.url, { pageLimit: source.pageLimit }), first.answer.body, source.url);
    await options.onProgress?.(step.progress.text);
    while ('next' in step) {
      const page = await fetchPage(step.next, { Accept: 'application/json' }, fetchOptions);
      if (!page.ok) return keepOld(`Page ${step.state.pages + 1}: ${page.reason}`);
      if (page.answer.status < 200 || page.answer.status >= 300) {
        return keepOld(`Page ${step.state.pages + 1} failed (${page.answer.status}). The previous directory is still in use.`);
      }
      pages.push(page.answer.body);
      step = afterPage(step.state, page.answer.body, step.next);
      await options.onProgress?.(step.progress.text);
    }
    stop = step.stop;
    // Only the practice's own page limit keeps a partial fetch (said plainly); any other stop keeps the old directory.
    if (!stop.complete && stop.reason !== 'page-limit') return keepOld(`${stop.message} The previous directory is still in use.`);
  }
  const result = parseDirectoryPages(pages, source.format, { source: source.id });
  const wholeFileProblem = result.rejected.find((r) => r.index === -1);
  if (result.resources.length === 0 || wholeFileProblem) {
    return keepOld(`${wholeFileProblem?.reason ?? 'The source returned no services.'} The previous directory is still in use.`);
  }
  const incomplete = stop !== undefined && !stop.complete;
  const fresh: Omit<SourceRow, 'count'> = {
    ...base,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    lastSync: now,
    lastResult: incomplete ? `${summary(result)} ${stop?.message ?? ''}`.trim() : summary(result),
    ok: true,
    complete: !incomplete,
  };
  await replaceSource(db, cache, fresh, result.resources);
  return { ...fresh, count: result.resources.length };
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
    ...(row.complete !== undefined ? { complete: row.complete } : {}),
    ...(row.progress ? { progress: row.progress } : {}),
  };
}

