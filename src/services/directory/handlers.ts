/** Messages about the community directory: search, import, sync, curation, postcodes, slips. */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import type { Settings } from '../../settings/schema';
import type { HandlerGroup } from '../handler-group';
import { recordEvent } from '../insights/events';
import type { CanReach } from '../net/reach';
import { curate } from './curation';
import { fromBase64, importFile, importPackage, removeSource } from './import';
import type { IndexCache } from './index-cache';
import type { PostcodeStore } from './postcodes';
import { browse, getResource, search } from './search';
import { sourceStatuses, syncSource } from './sync';
import type { Uploads } from './uploads';

export interface DirectoryDeps {
  db: LinksDatabase;
  settings: () => Promise<Settings>;
  cache: IndexCache;
  postcodes: PostcodeStore;
  uploads: Uploads;
  /** Resolves once first-run set-up of the directory is done. */
  ready: () => Promise<unknown>;
  fetchImpl?: typeof fetch;
  canReach?: CanReach;
}

export function directoryHandlers(deps: DirectoryDeps): HandlerGroup<
  | 'directory.search'
  | 'upload.chunk'
  | 'directory.import'
  | 'directory.importPackage'
  | 'directory.status'
  | 'directory.warm'
  | 'directory.sync'
  | 'directory.remove'
  | 'directory.curate'
  | 'directory.get'
  | 'directory.browse'
  | 'directory.importPostcodes'
  | 'slip.open'
  | 'signpost.record'
> {
  const { db, cache } = deps;
  /** A file sent inline or in pieces (schema: exactly one of the two). */
  const fileText = (input: { text?: string; uploadId?: string }): string => input.text ?? deps.uploads.take(input.uploadId ?? '');
  const net = { ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}), ...(deps.canReach ? { canReach: deps.canReach } : {}) };
  return {
    'directory.search': async (query) => {
      performance.mark('links:search-received');
      // On a wake the index starts loading at once, beside the first-run check; if that check then fills an empty
      // directory it invalidates the cache, and the second get() below loads the filled one.
      cache.get({ text: Boolean(query.text) }).catch(() => undefined);
      await deps.ready();
      performance.mark('links:search-ready');
      // The index is read while settings and the postcode tables load, not after (on a wake these are all reads).
      const [settings, tables] = await Promise.all([deps.settings(), deps.postcodes.tables(), cache.get({ text: Boolean(query.text) })]);
      return search(db, cache, settings, tables, query);
    },
    'upload.chunk': ({ uploadId, index, text }) => ({ received: deps.uploads.add(uploadId, index, text) }),
    'directory.import': (input) => importFile(db, cache, fileText(input), input.format, input.label),
    'directory.importPackage': ({ files, label }) =>
      importPackage(
        db,
        cache,
        files.map((f) => {
          const text = deps.uploads.take(f.uploadId);
          return f.encoding === 'base64' ? { name: f.name, bytes: fromBase64(text) } : { name: f.name, text };
        }),
        label,
      ),
    'directory.status': async () => sourceStatuses(db, await deps.settings()),
    'directory.warm': async () => {
      await deps.ready();
      const index = await cache.get({ text: true });
      await index.warm();
      return { services: index.size };
    },
    'directory.sync': async ({ sourceId }) => {
      const s = await deps.settings();
      for (const source of s.directorySources) {
        if (!sourceId || source.id === sourceId) {
          // Progress is written where the options page reads the status (pushed to it as a change).
          await syncSource(db, cache, source, { ...net, onProgress: (text) => db.sources.update(source.id, { progress: text }) });
        }
      }
      return sourceStatuses(db, s);
    },
    'directory.remove': async ({ sourceId }) => {
      await removeSource(db, cache, sourceId);
      return sourceStatuses(db, await deps.settings());
    },
    'directory.curate': ({ resourceId, curation }) => curate(db, cache, resourceId, curation),
    'directory.get': ({ id }) => getResource(db, cache, id),
    'directory.browse': ({ text, limit }) => browse(db, text, limit),
    'directory.importPostcodes': (input) => deps.postcodes.importTable(fileText(input)),
    'slip.open': async ({ resourceId }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/slip.html?id=${encodeURIComponent(resourceId)}`) });
      return { opened: true };
    },
    'signpost.record': async ({ resourceId, need, action, role }) => {
      await recordEvent(db, { kind: 'signpost', action, resourceId, role, ...(need ? { need } : {}) });
      return { recorded: true };
    },
  };
}
