/**
 * Directory imports from the options page, and the atomic replacement of one
 * source's resources that sync and import share.
 *
 * Atomicity: everything is parsed first, then the source's old rows are
 * deleted and the new ones added in ONE IndexedDB transaction. If the worker
 * dies before that commits, the previous directory is complete and in use.
 */
import { toPages, type LinksDatabase, type SourceRow } from '../../db/database';
import { newGeneration } from './index-cache';
import { parseDirectory, parseDirectoryChunked, type DirectoryFormat, type ParseResult } from '../../directory/import/index';
import { parseDirectoryPackageChunked, type PackageFile } from '../../directory/import/package/index';
import type { Resource } from '../../directory/resource';
import { KindedError } from '../../lib/result';
import type { ImportResponse } from '../../messaging/protocol';
import type { Settings } from '../../settings/schema';
import type { IndexCache } from './index-cache';

/** Replace one source's resources in a single transaction (all or nothing). */
export async function replaceSource(db: LinksDatabase, cache: IndexCache, source: Omit<SourceRow, 'count'>, resources: Resource[]): Promise<void> {
  await db.transaction('rw', db.resourcePages, db.sources, db.kv, async () => {
    await db.resourcePages.where('source').equals(source.id).delete();
    await db.resourcePages.bulkPut(toPages(source.id, resources));
    await db.sources.put({ ...source, count: resources.length });
    // With the pages: a snapshot of the index built before this can never be taken for this directory.
    await newGeneration(db);
  });
  cache.invalidate();
}

export function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'import';
}

/** Import a file chosen in the options page. Bad records are reported; a bad file changes nothing. */
export async function importFile(db: LinksDatabase, cache: IndexCache, text: string, format: DirectoryFormat | undefined, label: string, now = new Date()): Promise<ImportResponse> {
  const id = `file-${slug(label)}`;
  const started = performance.now();
  const result = await parseDirectoryChunked(text, format, { source: id });
  const parsed = performance.now();
  if (result.resources.length === 0) {
    const reason = result.rejected[0]?.reason ?? 'The file has no services in it.';
    throw new KindedError('Invalid', `Nothing was imported, and the directory is unchanged: ${reason}`);
  }
  const sniffed: DirectoryFormat = format ?? guessFormat(text);
  await replaceSource(db, cache, { id, label, format: sniffed, lastSync: now.toISOString(), lastResult: summary(result), ok: true }, result.resources);
  return {
    count: result.resources.length,
    rejected: result.rejected.slice(0, 100),
    timings: { parseMs: Math.round(parsed - started), storeMs: Math.round(performance.now() - parsed) },
  };
}

/**
 * Import an HSDS 3.0 tabular package (a folder's files or one .zip). The tables
 * are joined into services in the background in slices; the per-table report
 * goes back to the options page. A package that gives no service changes nothing.
 */
export async function importPackage(db: LinksDatabase, cache: IndexCache, files: PackageFile[], label: string, now = new Date()): Promise<ImportResponse> {
  const id = `file-${slug(label)}`;
  const started = performance.now();
  const result = await parseDirectoryPackageChunked(files, { source: id });
  const parsed = performance.now();
  if (result.resources.length === 0) {
    const reason = result.rejected.find((r) => r.index < 0)?.reason ?? result.rejected[0]?.reason ?? 'The package has no services in it.';
    throw new KindedError('Invalid', `Nothing was imported, and the directory is unchanged: ${reason}`);
  }
  await replaceSource(db, cache, { id, label, format: 'hsds', lastSync: now.toISOString(), lastResult: summary(result), ok: true }, result.resources);
  return {
    count: result.resources.length,
    rejected: result.rejected.slice(0, 100),
    warnings: result.warnings.slice(0, 100),
    tables: result.tables,
    timings: { parseMs: Math.round(parsed - started), storeMs: Math.round(performance.now() - parsed) },
  };
}

/** Bytes from base64 text (a .zip sent through the text uploads), without one giant intermediate string per byte. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function guessFormat(text: string): DirectoryFormat {
  const head = text.trimStart().slice(0, 1);
  return head === '{' || head === '[' ? 'hsds' : 'csv';
}

export function summary(result: ParseResult): string {
  const n = result.resources.length;
  const bad = result.rejected.length;
  return `${n} service${n === 1 ? '' : 's'} imported${bad ? `, ${bad} entr${bad === 1 ? 'y' : 'ies'} skipped` : ''}.`;
}

/** Seed the clearly-marked demo directory on first run when the practice has configured nothing. */
export async function seedDemoIfEmpty(db: LinksDatabase, cache: IndexCache, settings: Settings, load: () => Promise<string>): Promise<boolean> {
  if (settings.directorySources.length > 0) return false;
  if ((await db.sources.count()) > 0) return false;
  const text = await load();
  const result = parseDirectory(text, 'aliss', { source: 'demo' });
  if (result.resources.length === 0) return false;
  await replaceSource(
    db,
    cache,
    { id: 'demo', label: 'Demo directory (invented services, Kelvinbrae)', format: 'aliss', lastSync: new Date().toISOString(), lastResult: summary(result), ok: true },
    result.resources,
  );
  return true;
}

export async function removeSource(db: LinksDatabase, cache: IndexCache, id: string): Promise<void> {
  await db.transaction('rw', db.resourcePages, db.sources, db.kv, async () => {
    await db.resourcePages.where('source').equals(id).delete();
    await db.sources.delete(id);
    await newGeneration(db);
  });
  cache.invalidate();
}

