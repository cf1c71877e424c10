/**
 * The in-memory search index over the stored directory. One instance per
 * worker, made by the background (a test makes its own), so no module keeps
 * state a test cannot reset (issue #12).
 *
 * After a wake (issue #11) the index comes from its snapshot in
 * `indexSnapshot`: one read of typed arrays instead of reading every stored
 * service and indexing them again. A search then reads only the pages of the
 * services it returns. The snapshot is used only when it was built from the
 * directory as it is now (the generation token rewritten with every change
 * to `resourcePages`) in the current format; otherwise the index is built
 * from the stored services as before, and its snapshot written in the
 * background. A page that does not hold the service the snapshot expects
 * makes the cache distrust the snapshot and rebuild from the pages.
 *
 * The practice's curation is never in the snapshot: it is read with it and
 * applied in place, and an edit changes the index in memory without a rebuild.
 * Where the curated services are is stored beside the snapshot (a small row,
 * kept up to date on each edit), so a wake applies the curation without
 * reading the services' ids; the ids are read only to look a service up by
 * id or to apply an edit, and when that row is missing or out of date.
 */
import { DIRECTORY_GENERATION_KEY, type LinksDatabase, type ResourcePageRow } from '../../db/database';
import { buildIndex, type DirectoryQuery, type DocHit } from '../../directory/search/index';
import {
  curatedAtFor,
  idHash,
  indexFromSnapshot,
  labelsProblem,
  snapshotOf,
  snapshotProblem,
  textSnapshotProblem,
  type LabelSnapshot,
  type SnapshotIndex,
  type TextSnapshot,
} from '../../directory/search/snapshot';
import type { Curation, Resource } from '../../directory/resource';

export interface FoundHit {
  resource: Resource;
  distanceKm?: number;
  score: number;
}

export interface IndexState {
  /** Services shown (hidden ones excluded). */
  readonly size: number;
  /** The practice's curation by resource id, kept in step with the index. */
  readonly curation: Map<string, Curation>;
  search(query: DirectoryQuery): Promise<FoundHit[]>;
  /** A shown service by id. */
  get(id: string): Promise<Resource | undefined>;
  /** Where this index came from: the stored snapshot, or the stored services. */
  readonly from: 'snapshot' | 'pages';
  readonly builtAt: number;
  /**
   * Resolves once a text search needs no further reading or decoding: the
   * text part of a snapshot read and its word table decoded, or the text
   * index of one built from the pages finished.
   */
  warm(): Promise<void>;
}

export interface IndexCache {
  /**
   * The index, read or built on first use. `text`: the first use is a text search (or a warm-up
   * for one), so a snapshot's text part is read in the same go instead of after it (#11).
   */
  get(hint?: { text?: boolean }): Promise<IndexState>;
  /**
   * The stored services changed: forget the index. A new one is built from
   * them shortly after, in the background, and its snapshot stored.
   */
  invalidate(): void;
  /** The practice's curation of one service changed (already stored): applied to the index in place. */
  curated(curation: Curation): void;
  /** Resolves once background work (rebuild, snapshot write) has finished. For tests. */
  idle(): Promise<void>;
}

export interface IndexCacheOptions {
  /** Rebuild and store the snapshot after invalidate() (default true). */
  background?: boolean;
  /** Delay before that rebuild, so a run of changes (a sync of several sources) costs one (default 250 ms). */
  rebuildDelayMs?: number;
  now?: () => Date;
}

const SNAPSHOT_ROW = 'directory';
const TEXT_ROW = 'directory-text';
const LABELS_ROW = 'directory-labels';
const CURATED_ROW = 'directory-curated';
/** Generation of a database that has never had a change since version 5 (set on the first import). */
const FIRST_GENERATION = 'initial';

/** Writes a new directory generation. Call inside every transaction that changes `resourcePages` (with `kv` in scope). */
export async function newGeneration(db: LinksDatabase): Promise<void> {
  await db.kv.put({ key: DIRECTORY_GENERATION_KEY, value: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` });
}

const generationOf = (row: { value: unknown } | undefined): string => (typeof row?.value === 'string' ? row.value : FIRST_GENERATION);

/** The state as the cache holds it: with curation applied in place. */
interface LiveState extends IndexState {
  curate(curation: Curation): Promise<void>;
}

/** Either index behind a state, with how it searches and reads; curation is applied to both the same way. */
function live(
  index: { readonly size: number; curate(id: string, curation: Curation): void; positionsOf(id: string): readonly number[] },
  curation: Map<string, Curation>,
  from: IndexState['from'],
  reads: Pick<IndexState, 'search' | 'get' | 'warm'> & {
    /** The state that has taken over (a snapshot found not to match): size and curation are then its own. */
    replacedBy?: () => IndexState | undefined;
  },
  ids: {
    /** Resolves once positionsOf and curate can run (a snapshot's ids part read). */
    ready(): Promise<void>;
    /** Stores where a curated service is, for the next wake. */
    remember(id: string, positions: readonly number[]): Promise<void>;
  },
): LiveState {
  // Edits are applied in order, and a search waits for those already asked for (an edit may first read the ids).
  let edits: Promise<void> = Promise.resolve();
  return {
    get size() {
      return reads.replacedBy?.()?.size ?? index.size;
    },
    get curation() {
      return reads.replacedBy?.()?.curation ?? curation;
    },
    from,
    builtAt: Date.now(),
    async search(query) {
      await edits;
      return reads.search(query);
    },
    async get(id) {
      // A service hidden a moment ago is not returned by id either (the edit may still be reading the ids).
      await edits;
      return reads.get(id);
    },
    warm: reads.warm,
    curate(c) {
      const applied = edits.then(async () => {
        await ids.ready();
        index.curate(c.resourceId, c);
        curation.set(c.resourceId, c);
      });
      edits = applied.catch(() => undefined);
      return applied.then(() => ids.remember(c.resourceId, index.positionsOf(c.resourceId)));
    },
  };
}

/** A page did not hold the service the snapshot said it would. */
class SnapshotMismatch extends Error {}

export function createIndexCache(db: LinksDatabase, options: IndexCacheOptions = {}): IndexCache {
  const now = options.now ?? (() => new Date());
  let state: Promise<LiveState> | undefined;
  /** Bumped by invalidate(): work started before it must not store its result. */
  let epoch = 0;
  /** Set when a snapshot's page references proved wrong: the next load builds from the pages. */
  let distrust = false;
  const pending = new Set<Promise<unknown>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDone: (() => void) | undefined;

  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((e: unknown) => console.warn('[links-sidebar] directory index background work failed:', e));
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };

  const curationMap = (rows: Curation[]): Map<string, Curation> => new Map(rows.map((c) => [c.resourceId, c]));

  /** The services at `docs` (positions in the snapshot), read from their pages in one request. */
  async function resolve(index: SnapshotIndex, docs: readonly number[]): Promise<Resource[]> {
    const keys: [string, number][] = [];
    const slot = new Map<string, number>();
    const refs = docs.map((doc) => {
      const { key, offset } = index.pageOf(doc);
      const name = `${key[0]}\u0000${key[1]}`;
      let k = slot.get(name);
      if (k === undefined) {
        k = keys.length;
        slot.set(name, k);
        keys.push(key);
      }
      return { k, offset, doc };
    });
    const rows = keys.length ? await db.resourcePages.bulkGet(keys) : [];
    return refs.map(({ k, offset, doc }) => {
      const resource = rows[k]?.resources[offset];
      // Checked by the id's hash: the ids themselves are not read on a wake.
      if (!resource || idHash(resource.id) !== index.idHashOf(doc)) throw new SnapshotMismatch(`page ${String(keys[k])} offset ${offset}`);
      return resource;
    });
  }

  /**
   * Stores where a curated service is in the snapshot `build` of `generation`, if that snapshot's positions row
   * is the one stored (else the next wake reads the ids and writes it).
   */
  async function rememberPositions(generation: string, build: string, id: string, positions: readonly number[]): Promise<void> {
    await db.transaction('rw', db.kv, db.indexSnapshot, async () => {
      if (generationOf(await db.kv.get(DIRECTORY_GENERATION_KEY)) !== generation) return;
      const stored = (await db.indexSnapshot.get(CURATED_ROW))?.curated;
      if (stored?.generation !== generation || stored.build !== build) return;
      const at = stored.at.filter(([key]) => key !== id);
      at.push([id, [...positions]]);
      await db.indexSnapshot.put({ id: CURATED_ROW, curated: { generation, build, at } });
    });
  }

  /** Reads a snapshot's ids part; one that cannot be used is a mismatch (the index is then rebuilt from the pages). */
  async function readLabels(generation: string, count: number, build: string): Promise<LabelSnapshot> {
    let labels: unknown;
    try {
      labels = (await db.indexSnapshot.get(LABELS_ROW))?.labels;
    } catch (error) {
      throw new SnapshotMismatch(`ids part could not be read: ${String(error)}`);
    }
    const problem = labelsProblem(labels, generation, count, build);
    if (problem) throw new SnapshotMismatch(`ids part: ${problem}`);
    return labels as LabelSnapshot;
  }

  function fromSnapshot(index: SnapshotIndex, curation: Map<string, Curation>, myEpoch: number, textRow: Promise<TextSnapshot | undefined>, generation: string, build: string): LiveState {
    // The text part is read alongside; cards never wait for it, a text search does.
    // A text part that cannot be read (or does not match) is handled as a mismatch: rebuilt from the pages,
    // rather than failing every text search of this worker.
    const textReady = textRow.then((t) => {
      const problem = textSnapshotProblem(t, generation, index.count, build);
      if (problem) throw new SnapshotMismatch(`text part: ${problem}`);
      index.provideText(t as TextSnapshot);
      // Decoded (word table) once the worker is idle, not in the first search's way.
      setTimeout(() => void index.warm(), 0);
    }, (error: unknown) => {
      throw error instanceof SnapshotMismatch ? error : new SnapshotMismatch(`text part could not be read: ${String(error)}`);
    });
    textReady.catch(() => undefined);
    /**
     * Set once this snapshot is found not to match (a page, the text part, or the ids an edit needs): every
     * later read goes to the one rebuild, which reads the stored curation and so has every edit.
     */
    let replaced: Promise<IndexState> | undefined;
    let replacement: IndexState | undefined;
    const replace = (error: SnapshotMismatch): Promise<IndexState> => {
      if (!replaced) {
        replaced = rebuildAfterMismatch(myEpoch, error);
        replaced.then((r) => (replacement = r), () => undefined);
      }
      return replaced;
    };
    /** Asked for (directory.warm): the text part read and decoded; one that does not match is rebuilt from the pages, as a text search would. */
    let warmed: Promise<void> | undefined;
    const warm = (): Promise<void> =>
      (warmed ??= textReady.then(
        () => index.warm(),
        async (error: unknown) => {
          if (!(error instanceof SnapshotMismatch)) throw error;
          await (await replace(error)).warm();
        },
      ));
    let labelsRead: Promise<void> | undefined;
    const ids = (): Promise<void> => (index.hasLabels ? Promise.resolve() : (labelsRead ??= readLabels(generation, index.count, build).then((l) => index.provideLabels(l))));
    return live(index, curation, 'snapshot', {
      replacedBy: () => replacement,
      async search(query) {
        if (replaced) return (await replaced).search(query);
        try {
          if (query.text && !index.hasText) await textReady;
          const hits = index.searchDocs(query);
          performance.mark('links:search-docs');
          const resources = await resolve(index, hits.map((h) => h.doc));
          performance.mark('links:search-resolved');
          return hits.map(({ doc: _doc, ...hit }: DocHit, j) => ({ resource: resources[j] as Resource, ...hit }));
        } catch (error) {
          if (!(error instanceof SnapshotMismatch)) throw error;
          return (await replace(error)).search(query);
        }
      },
      warm,
      async get(id) {
        if (replaced) return (await replaced).get(id);
        try {
          await ids();
          const doc = index.positionsOf(id).find((p) => !index.isHidden(p));
          if (doc === undefined) return undefined;
          return (await resolve(index, [doc]))[0];
        } catch (error) {
          if (!(error instanceof SnapshotMismatch)) throw error;
          return (await replace(error)).get(id);
        }
      },
    }, {
      // An edit whose ids cannot be read is in the stored curation already: the rebuild this asks for reads it.
      ready: () =>
        ids().catch((error: unknown) => {
          if (error instanceof SnapshotMismatch) void replace(error).catch(() => undefined);
          throw error;
        }),
      remember: (id, positions) => rememberPositions(generation, build, id, positions),
    });
  }

  function rebuildAfterMismatch(myEpoch: number, error: Error): Promise<IndexState> {
    console.warn('[links-sidebar] the directory index snapshot does not match the stored services; rebuilding:', error.message);
    if (myEpoch === epoch) {
      distrust = true;
      state = undefined;
    }
    return cache.get();
  }

  async function fromPages(myEpoch: number): Promise<LiveState> {
    const { pages, generation, curationRows } = await db.transaction('r', db.resourcePages, db.kv, db.curation, async () => {
      const [pageRows, gen, rows] = await Promise.all([db.resourcePages.toArray(), db.kv.get(DIRECTORY_GENERATION_KEY), db.curation.toArray()]);
      return { pages: pageRows, generation: generationOf(gen), curationRows: rows };
    });
    const resources = pages.flatMap((p) => p.resources);
    const curation = curationMap(curationRows);
    const index = buildIndex(resources, { curation, now: now() });
    // Need + distance queries work at once; the text index is built in idle slices so the first
    // typed search does not pay for it, and then the snapshot is stored for the next wake.
    const warmed = index.warm();
    /** The snapshot this index stored, once stored: an edit after that updates its positions row. */
    let stored: string | undefined;
    track(warmed.then(() => storeSnapshot(index, pages, generation, myEpoch)).then((build) => void (stored = build)));
    return live(index, curation, 'pages', {
      search: async (query) => index.search(query),
      get: async (id) => index.get(id),
      warm: () => warmed,
    }, {
      ready: () => Promise.resolve(),
      // Before its snapshot is stored, the store reads the curation (this edit with it) in its own transaction.
      remember: async (id, positions) => (stored === undefined ? undefined : rememberPositions(generation, stored, id, positions)),
    });
  }

  /**
   * Stores the snapshot, unless the directory changed since the pages were read, with where the curated
   * services are (the curation as stored when it is written: an edit after that updates the row itself).
   */
  async function storeSnapshot(
    built: { core: Parameters<typeof snapshotOf>[0]; positionsOf(id: string): readonly number[] },
    pages: readonly ResourcePageRow[],
    generation: string,
    myEpoch: number,
  ): Promise<string | undefined> {
    if (myEpoch !== epoch) return undefined;
    const { index, text, labels } = snapshotOf(
      built.core,
      pages.map((p) => ({ key: [p.source, p.page], count: p.resources.length })),
      generation,
    );
    const written = await db.transaction('rw', db.kv, db.indexSnapshot, db.curation, async () => {
      if (generationOf(await db.kv.get(DIRECTORY_GENERATION_KEY)) !== generation) return false;
      const curated = (await db.curation.toArray()).map((c): [string, number[]] => [c.resourceId, [...built.positionsOf(c.resourceId)]]);
      await db.indexSnapshot.bulkPut([
        { id: SNAPSHOT_ROW, snapshot: index },
        { id: TEXT_ROW, text },
        { id: LABELS_ROW, labels },
        { id: CURATED_ROW, curated: { generation, build: index.build, at: curated } },
      ]);
      return true;
    });
    if (myEpoch === epoch) distrust = false;
    return written ? index.build : undefined;
  }

  async function load(myEpoch: number, withText: boolean): Promise<LiveState> {
    if (!distrust) {
      // Marks for the browser bench's wake breakdown (issue #11); they cost nothing that matters.
      performance.mark('links:snapshot-read-start');
      // One read transaction on a wake: the snapshot, the generation it must match, and the curation.
      // The text part: in a read of its own, started at the same time when a text search woke the worker,
      // so that the index part is decoded while the text part's bytes are still arriving (the text part
      // carries its generation, checked when it is given to the index); otherwise once the index part is in
      // (read beside it, both arrived together: the cards waited for the text part's bytes too).
      // With them, where the curated services are (a small row): the ids part is not read on a wake.
      const reading = db.transaction('r', db.kv, db.indexSnapshot, db.curation, async () => {
        const [snap, gen, rows, positions] = await Promise.all([
          db.indexSnapshot.get(SNAPSHOT_ROW),
          db.kv.get(DIRECTORY_GENERATION_KEY),
          db.curation.toArray(),
          db.indexSnapshot.get(CURATED_ROW),
        ]);
        return { row: snap, generation: generationOf(gen), curationRows: rows, curatedRow: positions };
      });
      const textNow = withText ? db.indexSnapshot.get(TEXT_ROW) : undefined;
      const textRow = (textNow ?? reading.then(() => db.indexSnapshot.get(TEXT_ROW))).then((r) => r?.text);
      textRow.catch(() => undefined);
      const { row, generation, curationRows, curatedRow } = await reading;
      performance.mark('links:snapshot-read');
      if (row?.snapshot && snapshotProblem(row.snapshot, generation) === undefined) {
        const snapshot = row.snapshot;
        const curation = curationMap(curationRows);
        const curatedAt = curation.size ? curatedAtFor(snapshot, curation.keys(), curatedRow?.curated) : undefined;
        let labels: LabelSnapshot | undefined;
        if (curation.size && !curatedAt) {
          // Where the curated services are is not stored (or is out of date): found by their ids, then stored.
          try {
            labels = await readLabels(generation, snapshot.count, snapshot.build);
          } catch (error) {
            if (!(error instanceof SnapshotMismatch)) throw error;
            console.warn('[links-sidebar] the directory index snapshot cannot be used; rebuilding:', error.message);
            return fromPages(myEpoch);
          }
        }
        const index = indexFromSnapshot(snapshot, curation, { now: now(), ...(labels ? { labels } : {}), ...(curatedAt ? { curatedAt } : {}) });
        if (labels) {
          // Found while the curation was applied: stored as they are, not looked up again.
          const at = [...(index.curatedAt ?? [])].map(([id, positions]): [string, number[]] => [id, [...positions]]);
          track(
            db.transaction('rw', db.kv, db.indexSnapshot, async () => {
              // Tied to this snapshot's build: should another snapshot be stored meanwhile, a wake ignores this row.
              if (generationOf(await db.kv.get(DIRECTORY_GENERATION_KEY)) === generation) await db.indexSnapshot.put({ id: CURATED_ROW, curated: { generation, build: snapshot.build, at } });
            }),
          );
        }
        performance.mark('links:snapshot-ready');
        void textRow.then(() => performance.mark('links:snapshot-text-read'), () => undefined);
        return fromSnapshot(index, curation, myEpoch, textRow, generation, snapshot.build);
      }
    }
    return fromPages(myEpoch);
  }

  const cache: IndexCache = {
    get(hint) {
      const myEpoch = epoch;
      state ??= load(myEpoch, hint?.text === true).catch((error: unknown) => {
        if (myEpoch === epoch) state = undefined;
        throw error;
      });
      return state;
    },
    invalidate() {
      epoch++;
      state = undefined;
      if (options.background === false) return;
      if (timer !== undefined) clearTimeout(timer);
      timerDone?.();
      track(
        new Promise<void>((done) => {
          timerDone = done;
          timer = setTimeout(() => {
            timer = undefined;
            timerDone = undefined;
            // The rebuild stores the snapshot (tracked by fromPages); a search meanwhile shares it.
            void cache.get().then(
              () => done(),
              () => done(),
            );
          }, options.rebuildDelayMs ?? 250);
        }),
      );
    },
    curated(c) {
      const current = state;
      if (!current) return;
      // Applied in the order of calls, after the index being built (if any) is ready; a build that
      // started after the edit was stored already read it, and applying it again changes nothing.
      track(current.then((s) => s.curate(c)));
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
  return cache;
}
