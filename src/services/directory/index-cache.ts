/**
 * The in-memory search index over the stored directory: built on the first
 * search after a wake, dropped when a source or its curation changes. One
 * instance per worker, made by the background (a test makes its own), so no
 * module keeps state a test cannot reset (issue #12).
 */
import type { LinksDatabase } from '../../db/database';
import { buildIndex, type DirectoryIndex } from '../../directory/search/index';
import type { Curation } from '../../directory/resource';

export interface IndexState {
  index: DirectoryIndex;
  curation: Map<string, Curation>;
  builtAt: number;
}

export interface IndexCache {
  get(): Promise<IndexState>;
  /** Forget the index; the next search rebuilds it from IndexedDB. */
  invalidate(): void;
}

export function createIndexCache(db: LinksDatabase): IndexCache {
  let state: Promise<IndexState> | undefined;
  return {
    get() {
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
    },
    invalidate() {
      state = undefined;
    },
  };
}
