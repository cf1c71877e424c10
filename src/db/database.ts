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
  format: 'aliss' | 'hsds' | 'oruk' | 'csv';
  url?: string;
  refreshHours?: number;
  etag?: string;
  lastModified?: string;
  count: number;
  lastSync?: string;
  lastAttempt?: string;
  lastResult?: string;
  ok?: boolean;
}

/** A referral in the outbox (see src/referral/outbox.ts), keyed to its patient by salted hash only. */
export type StoredOutboxRow = OutboxRow & {
  patientHash?: string;
  /** The destination as configured when the referral was queued. */
  destination: Destination;
  /** Epoch ms of the last Task status check (closed loop). */
  lastPolledAt?: number;
};

export interface DraftRow {
  patientHash: string;
  draft: unknown;
  updatedAt: string;
}

export interface SuppressionRow {
  patientHash: string;
  /** A rule id, or `need:<id>`. */
  ruleId: string;
  action: 'dismissed' | 'snoozed';
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

export class LinksDatabase extends Dexie {
  kv!: EntityTable<KvRow, 'key'>;
  resources!: EntityTable<Resource, 'id'>;
  curation!: EntityTable<Curation, 'resourceId'>;
  sources!: EntityTable<SourceRow, 'id'>;
  outbox!: EntityTable<StoredOutboxRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'patientHash'>;
  suppressions!: Dexie.Table<SuppressionRow, [string, string]>;
  events!: EntityTable<EventRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
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
  }
}

let instance: LinksDatabase | undefined;

/** The background's singleton. Tests make their own `new LinksDatabase(name)`. */
export function getDb(): LinksDatabase {
  instance ??= new LinksDatabase();
  return instance;
}
