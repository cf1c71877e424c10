/**
 * The directory cache: resources in IndexedDB, an in-memory index built on
 * wake, atomic replacement per source, conditional sync.
 *
 * Atomicity: a sync downloads and parses everything first (no fetch inside a
 * transaction), then deletes the source's old rows and adds the new ones in
 * ONE IndexedDB transaction. If the worker dies before that commits, the
 * transaction aborts and the previous directory is complete and still in use.
 */
import { toPages, type LinksDatabase, type SourceRow } from '../db/database';
import { buildIndex, type DirectoryIndex } from '../directory/search/index';
import { isStale } from '../directory/freshness';
import { shareText } from '../directory/share';
import { locatePostcode, outcodeOf, parseOutcodeCentroids, type LatLon, type PostcodeTables } from '../directory/geo';
import { nextPageUrl, parseAlissPages, parseDirectory, parseDirectoryChunked, type DirectoryFormat, type ParseResult } from '../directory/import/index';
import type { Curation, Resource } from '../directory/resource';
import { KindedError } from '../lib/result';
import type { ImportResponse, SearchHit, SearchResponse, SourceStatus } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { recordEvent } from './events-service';
import { canReach, notAllowedMessage, type CanReach } from './reach';

const MAX_PAGES = 200;
const FETCH_TIMEOUT_MS = 30_000;

interface IndexState {
  index: DirectoryIndex;
  curation: Map<string, Curation>;
  builtAt: number;
}

let state: Promise<IndexState> | undefined;

/** Forget the in-memory index; the next search rebuilds it from IndexedDB. */
export function invalidateIndex(): void {
  state = undefined;
}

export function getIndex(db: LinksDatabase): Promise<IndexState> {
  state ??= (async () => {
    const [pages, curationRows] = await Promise.all([db.resourcePages.toArray(), db.curation.toArray()]);
    const resources = pages.flatMap((p) => p.resources);
    const curation = new Map(curationRows.map((c) => [c.resourceId, c]));
    const index = buildIndex(resources, { curation });
    // Need + distance queries work at once; the text index is built in idle slices so
    // the first typed search does not pay for it.
    void index.warm();
    return { index, curation, builtAt: Date.now() };
  })().catch((error: unknown) => {
    state = undefined;
    throw error;
  });
  return state;
}

let districts: Promise<Map<string, LatLon>> | undefined;

/** The shipped outcode centroids (and an imported full-postcode table, when the practice has one). */
export async function postcodeTables(db: LinksDatabase, loadDistricts: () => Promise<unknown>): Promise<PostcodeTables> {
  districts ??= loadDistricts()
    .then(parseOutcodeCentroids)
    .catch(() => new Map<string, LatLon>());
  const fullRow = await db.kv.get('postcodes');
  const full = Array.isArray(fullRow?.value) ? new Map(fullRow.value as [string, LatLon][]) : undefined;
  return full ? { districts: await districts, full } : { districts: await districts };
}

export async function search(
  db: LinksDatabase,
  settings: Settings,
  tables: PostcodeTables,
  query: { needs?: string[]; text?: string; postcode?: string; limit?: number; origin?: 'sidebar' | 'popup' },
  now = new Date(),
): Promise<SearchResponse> {
  const { index, curation } = await getIndex(db);
  let near: { lat: number; lon: number } | undefined;
  let locatedBy: SearchResponse['locatedBy'];
  const located = query.postcode ? locatePostcode(query.postcode, tables) : undefined;
  if (located) {
    near = { lat: located.lat, lon: located.lon };
    locatedBy = located.precision;
  } else {
    const practice = settings.practice.location ?? (settings.practice.postcode ? locatePostcode(settings.practice.postcode, tables) : undefined);
    if (practice) {
      near = { lat: practice.lat, lon: practice.lon };
      locatedBy = 'practice';
    }
  }
  const found = index.search({
    ...(query.needs?.length ? { needs: query.needs } : {}),
    ...(query.text ? { text: query.text } : {}),
    ...(near ? { near } : {}),
    limit: query.limit ?? 10,
  });
  const hits = found.map((hit) => toHit(hit, curation.get(hit.resource.id), now));
  // A gap: nothing within the practice's radius. Anonymous: need and postcode district only.
  const withinRadius = hits.some((h) => h.distanceKm === undefined || h.distanceKm <= settings.practice.radiusKm);
  if (!withinRadius && (query.needs?.length || query.text)) {
    const district = query.postcode ? outcodeOf(query.postcode) : undefined;
    await recordEvent(db, { kind: 'search', action: 'no-result', ...(query.needs?.[0] ? { need: query.needs[0] } : {}), ...(district ? { district } : {}) }, now);
  }
  return { hits, total: index.size, ...(locatedBy ? { locatedBy } : {}) };
}

/**
 * A hit as the sidebar and popup receive it: with the practice's curation, its
 * staleness and the text a receptionist copies. That text is made here, from
 * data sanitised on import, so the content script carries no text-cleaning code.
 */
function toHit(found: { resource: Resource; score: number; distanceKm?: number }, curation: Curation | undefined, now: Date): SearchHit {
  return {
    ...found,
    ...(curation ? { curation } : {}),
    stale: isStale(found.resource, curation, now),
    shareText: shareText(found.resource, found.distanceKm),
  };
}

export async function getResource(db: LinksDatabase, id: string): Promise<SearchHit | null> {
  const resource = (await getIndex(db)).index.get(id);
  if (!resource) return null;
  const curation = await db.curation.get(id);
  return toHit({ resource, score: 0 }, curation, new Date());
}

/**
 * Resources for the practice to curate, hidden ones included (the search
 * index leaves hidden services out), matched on name or organisation.
 */
export async function browse(db: LinksDatabase, text: string, limit = 50, now = new Date()): Promise<{ hits: SearchHit[]; total: number }> {
  const needle = text.trim().toLowerCase();
  const [pages, curationRows] = await Promise.all([db.resourcePages.toArray(), db.curation.toArray()]);
  const curation = new Map(curationRows.map((c) => [c.resourceId, c]));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const page of pages) {
    for (const resource of page.resources) {
      if (needle && !`${resource.name} ${resource.organisation ?? ''}`.toLowerCase().includes(needle)) continue;
      total += 1;
      if (hits.length >= limit) continue;
      hits.push(toHit({ resource, score: 0 }, curation.get(resource.id), now));
    }
  }
  hits.sort((a, b) => a.resource.name.localeCompare(b.resource.name));
  return { hits, total };
}

/** Replace one source's resources in a single transaction (all or nothing). */
export async function replaceSource(db: LinksDatabase, source: Omit<SourceRow, 'count'>, resources: Resource[]): Promise<void> {
  await db.transaction('rw', db.resourcePages, db.sources, async () => {
    await db.resourcePages.where('source').equals(source.id).delete();
    await db.resourcePages.bulkPut(toPages(source.id, resources));
    await db.sources.put({ ...source, count: resources.length });
  });
  invalidateIndex();
}

export function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'import';
}

/** Import a file chosen in the options page. Bad records are reported; a bad file changes nothing. */
export async function importFile(db: LinksDatabase, text: string, format: DirectoryFormat | undefined, label: string, now = new Date()): Promise<ImportResponse> {
  const id = `file-${slug(label)}`;
  const started = performance.now();
  const result = await parseDirectoryChunked(text, format, { source: id });
  const parsed = performance.now();
  if (result.resources.length === 0) {
    const reason = result.rejected[0]?.reason ?? 'The file has no services in it.';
    throw new KindedError('Invalid', `Nothing was imported, and the directory is unchanged: ${reason}`);
  }
  const sniffed: DirectoryFormat = format ?? guessFormat(text);
  await replaceSource(db, { id, label, format: sniffed, lastSync: now.toISOString(), lastResult: summary(result), ok: true }, result.resources);
  return {
    count: result.resources.length,
    rejected: result.rejected.slice(0, 100),
    timings: { parseMs: Math.round(parsed - started), storeMs: Math.round(performance.now() - parsed) },
  };
}

function guessFormat(text: string): DirectoryFormat {
  const head = text.trimStart().slice(0, 1);
  return head === '{' || head === '[' ? 'hsds' : 'csv';
}

function summary(result: ParseResult): string {
  const n = result.resources.length;
  const bad = result.rejected.length;
  return `${n} service${n === 1 ? '' : 's'} imported${bad ? `, ${bad} entr${bad === 1 ? 'y' : 'ies'} skipped` : ''}.`;
}

/** Seed the clearly-marked demo directory on first run when the practice has configured nothing. */
export async function seedDemoIfEmpty(db: LinksDatabase, settings: Settings, load: () => Promise<string>): Promise<boolean> {
  if (settings.directorySources.length > 0) return false;
  if ((await db.sources.count()) > 0) return false;
  const text = await load();
  const result = parseDirectory(text, 'aliss', { source: 'demo' });
  if (result.resources.length === 0) return false;
  await replaceSource(
    db,
    { id: 'demo', label: 'Demo directory (invented services, Kelvinbrae)', format: 'aliss', lastSync: new Date().toISOString(), lastResult: summary(result), ok: true },
    result.resources,
  );
  return true;
}

async function fetchText(url: string, headers: Record<string, string>, fetchImpl: typeof fetch, timeoutMs: number): Promise<Response> {
  return fetchImpl(url, { headers, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * Refresh one configured source with a conditional request. On any failure the
 * previous directory stays complete and in use; the reason is kept for the options page.
 */
export async function syncSource(
  db: LinksDatabase,
  source: Settings['directorySources'][number],
  options: { fetchImpl?: typeof fetch; now?: Date; timeoutMs?: number; canReach?: CanReach } = {},
): Promise<SourceRow> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
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
  try {
    const headers: Record<string, string> = { Accept: 'application/json, text/csv;q=0.9' };
    if (previous?.etag) headers['If-None-Match'] = previous.etag;
    if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
    const first = await fetchText(source.url, headers, fetchImpl, timeoutMs);
    if (first.status === 304) {
      const row: SourceRow = { ...base, count: previous?.count ?? 0, lastSync: now, lastResult: 'Up to date (not changed since the last sync).', ok: true };
      await db.sources.put(row);
      return row;
    }
    if (!first.ok) return keepOld(`The directory server answered ${first.status}. The previous directory is still in use.`);
    const pages = [await first.text()];
    const etag = first.headers.get('ETag');
    const lastModified = first.headers.get('Last-Modified');
    let next = source.format === 'aliss' || source.format === 'hsds' || source.format === 'oruk' ? nextPageUrl(pages[0] ?? '', source.url) : undefined;
    while (next && pages.length < MAX_PAGES) {
      const response = await fetchText(next, { Accept: 'application/json' }, fetchImpl, timeoutMs);
      if (!response.ok) return keepOld(`Page ${pages.length + 1} failed (${response.status}). The previous directory is still in use.`);
      const text = await response.text();
      pages.push(text);
      next = nextPageUrl(text, next);
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
    await replaceSource(db, fresh, result.resources);
    return { ...fresh, count: result.resources.length };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    if (timedOut) return keepOld('The directory server did not answer in time. The previous directory is still in use.');
    if (source.url && !(await (options.canReach ?? canReach)(source.url))) {
      return keepOld(notAllowedMessage(source.url, 'Directory sources', 'The previous directory is still in use.'));
    }
    return keepOld('The directory server could not be reached. Working offline from the saved directory.');
  }
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

export async function removeSource(db: LinksDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.resourcePages, db.sources, async () => {
    await db.resourcePages.where('source').equals(id).delete();
    await db.sources.delete(id);
  });
  invalidateIndex();
}

export async function curate(db: LinksDatabase, resourceId: string, patch: Omit<Curation, 'resourceId'>): Promise<Curation> {
  const next = await db.transaction('rw', db.curation, async () => {
    const current = (await db.curation.get(resourceId)) ?? { resourceId };
    const merged: Curation = { ...current, ...patch, resourceId };
    await db.curation.put(merged);
    return merged;
  });
  invalidateIndex();
  return next;
}
