/**
 * The extension's only database. Opened in the background service worker (and
 * extension pages in tests), never in a content script: IndexedDB opened there
 * would belong to the clinical system's origin.
 *
 * A schema change is a new version: never edit a shipped `version(n)`.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Curation, Resource } from '../directory/resource';
import type { Destination } from '../referral/destinations';
import type { OutboxRow } from '../referral/outbox';
import type { DirectoryFormat } from '../directory/import/common';
import type { CuratedPositions, IndexSnapshot, LabelSnapshot, TextSnapshot } from '../directory/search/snapshot';

export const DB_NAME = 'links-sidebar';

/** Small key/value rows: settings, the snooze/draft salt. */
export interface KvRow {
  key: string;
  value: unknown;
}

/** A directory source as last synced. */
export interface SourceRow {
  id: string;
  label: string;
  format: DirectoryFormat;
  url?: string;
  refreshHours?: number;
  etag?: string;
  lastModified?: string;
  count: number;
  lastSync?: string;
  lastAttempt?: string;
  lastResult?: string;
  ok?: boolean;
  /** False when the last sync stopped at the practice's page limit (it kept what it fetched and said so). */
  complete?: boolean;
  /** While a sync runs: how far it has got ("Page 3: 30 of about 2,340 services fetched."). */
  progress?: string;
}

/** A referral in the outbox (see src/referral/outbox.ts), keyed to its patient by salted hash only. */
export type StoredOutboxRow = OutboxRow & {
  patientHash?: string;
  /** The destination as configured when the referral was queued. */
  destination: Destination;
  /** Epoch ms of the last Task status check (closed loop). */
  lastPolledAt?: number;
};

/**
 * Directory resources are stored a page (up to RESOURCE_PAGE_SIZE) per row:
 * 100k services are 1,000 writes, not 100k. The search index lives in memory
 * and, between wakes, in `indexSnapshot`; a search after a wake reads only the
 * pages of the services it shows, so a page is kept small (issue #11: at 2,000
 * per page, ten hits could mean reading 20,000 services).
 */
export interface ResourcePageRow {
  source: string;
  page: number;
  resources: Resource[];
}

export const RESOURCE_PAGE_SIZE = 100;

/**
 * The `kv` key of the directory generation: a token rewritten in the same
 * transaction as every change to `resourcePages`. A snapshot records the one it
 * was built from and is used only while they match.
 */
export const DIRECTORY_GENERATION_KEY = 'directoryGeneration';

/**
 * A row of `indexSnapshot`: the directory's search index as stored data
 * (src/directory/search/snapshot.ts), in rows: `directory` (what need and
 * distance searches read), `directory-text` (the text postings),
 * `directory-labels` (the services' ids) and `directory-curated` (where the
 * practice's curated services are in it).
 */
export interface IndexSnapshotRow {
  id: 'directory' | 'directory-text' | 'directory-labels' | 'directory-curated';
  snapshot?: IndexSnapshot;
  text?: TextSnapshot;
  labels?: LabelSnapshot;
  curated?: CuratedPositions;
}

export interface DraftRow {
  patientHash: string;
  draft: unknown;
  updatedAt: string;
  /** Draft shape version (src/referral/draft-schema.ts); absent on drafts stored before it existed. */
  version?: number;
}

export interface SuppressionRow {
  patientHash: string;
  /** A rule id, or `need:<id>`. */
  ruleId: string;
  action: 'dismissed' | 'snoozed';
  /** Never written since issue #11 (free text about a patient); old rows lose it in the v5 upgrade. */
  reason?: string;
  /** Epoch ms after which a snooze lapses; dismissals have none. */
  until?: number;
  createdAt: string;
}

export interface EventRow {
  id?: number;
  kind: string;
  action: string;
  date: string;
  need?: string;
  ruleId?: string;
  resourceId?: string;
  role?: string;
  district?: string;
}

/**
 * Daily roll-up of identical events: the insights page reads a year as a few
 * thousand rows instead of 100k. Since version 4 it is the only record of
 * usage: its key holds every field of an event, so a row per event added
 * nothing but storage (src/services/events-service.ts).
 */
export interface EventCountRow extends Omit<EventRow, 'id'> {
  /** date + every field of the event, so identical events on a day share a row. */
  key: string;
  count: number;
}

/** The roll-up key of an event: its day and every field, in a fixed order. */
export function eventCountKey(e: Omit<EventRow, 'id'>): string {
  return [e.date, e.kind, e.action, e.need ?? '', e.ruleId ?? '', e.resourceId ?? '', e.role ?? '', e.district ?? ''].join('|');
}

export class LinksDatabase extends Dexie {
  kv!: EntityTable<KvRow, 'key'>;
  /** Version 1 only: one row per resource. Emptied into resourcePages by the version 2 upgrade. */
  resources!: EntityTable<Resource, 'id'>;
  resourcePages!: Dexie.Table<ResourcePageRow, [string, number]>;
  curation!: EntityTable<Curation, 'resourceId'>;
  sources!: EntityTable<SourceRow, 'id'>;
  outbox!: EntityTable<StoredOutboxRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'patientHash'>;
  suppressions!: Dexie.Table<SuppressionRow, [string, string]>;
  /** Versions 1 to 3 only: one row per event. Folded into eventCounts (v3) and dropped (v4). */
  events!: EntityTable<EventRow, 'id'>;
  eventCounts!: EntityTable<EventCountRow, 'key'>;
  indexSnapshot!: EntityTable<IndexSnapshotRow, 'id'>;

  constructor(name = DB_NAME) {
    // Relaxed durability: a directory import is re-runnable, and Chrome's strict
    // flush per transaction makes bulk writes several times slower.
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores({
      kv: 'key',
      resources: 'id, source, *needs',
      curation: 'resourceId',
      sources: 'id',
      outbox: 'id, state, patientHash',
      drafts: 'patientHash',
      suppressions: '[patientHash+ruleId], patientHash',
      events: '++id, date, kind',
    });
    // v2 (#5): resources stored in pages per source, for fast bulk import and cold start.
    this.version(2)
      .stores({ resources: null, resourcePages: '[source+page], source' })
      .upgrade(async (tx) => {
        const old = (await tx.table('resources').toArray()) as Resource[];
        const bySource = new Map<string, Resource[]>();
        for (const r of old) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
        for (const [source, list] of bySource) await tx.table('resourcePages').bulkPut(toPages(source, list));
      });
    // v3 (#8): daily roll-up of anonymous events for the insights page.
    this.version(3)
      .stores({ eventCounts: 'key, date' })
      .upgrade(async (tx) => {
        const counts = new Map<string, EventCountRow>();
        await tx.table('events').each((e: EventRow) => {
          const { id: _id, ...event } = e;
          const key = eventCountKey(event);
          const row = counts.get(key);
          if (row) row.count += 1;
          else counts.set(key, { ...event, key, count: 1 });
        });
        await tx.table('eventCounts').bulkPut([...counts.values()]);
      });
    // v4: the per-event table duplicated the roll-up and grew without bound; the roll-up already holds every event.
    this.version(4).stores({ events: null });
    // v5 (#11): the search index kept between worker wakes. Nothing to move: the first search builds and writes it.
    this.version(5).stores({ indexSnapshot: 'id' });
  }
}

/** Split one source's resources into page rows. */
export function toPages(source: string, resources: readonly Resource[]): ResourcePageRow[] {
  const pages: ResourcePageRow[] = [];
  for (let i = 0; i < resources.length; i += RESOURCE_PAGE_SIZE) {
    pages.push({ source, page: i / RESOURCE_PAGE_SIZE, resources: resources.slice(i, i + RESOURCE_PAGE_SIZE) });
  }
  return pages;
}

let instance: LinksDatabase | undefined;

/** The background's singleton. Tests make their own `new LinksDatabase(name)`. */
export function getDb(): LinksDatabase {
  instance ??= new LinksDatabase();
  return instance;
}
