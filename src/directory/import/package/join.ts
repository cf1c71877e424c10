/**
 * Joins the tables of an HSDS package into one compiled service record per
 * row of services.csv (the shape of HSDS's JSON `service_full`, so the JSON
 * mapper reads it), and accounts for every row of every table: joined into an
 * imported service, rejected (a link to nothing), or not needed.
 *
 * Each child row is attached at its most specific link only (a phone with a
 * service_id belongs to that service, not to every service at its location),
 * so nothing is attached twice.
 */
import type { HsdsTableName } from './hsds-tables';
import type { Row, Tables } from './read-tables';

/** Table numbers for packing (table, row) into one number. */
const TABLE_NO: Record<HsdsTableName, number> = {
  service: 0, organization: 1, service_at_location: 2, location: 3, address: 4, phone: 5, schedule: 6, language: 7, accessibility: 8,
  attribute: 9, taxonomy_term: 10, contact: 11, cost_option: 12, service_area: 13, program: 14, funding: 15, required_document: 16,
  organization_identifier: 17, taxonomy: 18, metadata: 19, meta_table_description: 20,
};
const NAME_BY_NO = Object.fromEntries(Object.entries(TABLE_NO).map(([name, no]) => [no, name])) as Record<number, HsdsTableName>;
const ROW_BITS = 2 ** 26;

export interface Joined {
  record: Record<string, unknown>;
  /** (table, row) pairs this service used, packed. */
  uses: number[];
  /** Notes for the import report (a link to a missing organisation). */
  notes: string[];
}

/** Shared empty result: never added to. */
const NO_ROWS = Object.freeze([]) as unknown as Row[];

/**
 * Row numbers by key value, packed: each value's rows are rows[start[k]] ..
 * rows[start[k + 1] - 1]. One typed array per index instead of an array per
 * value, which at 20k services was most of the import's garbage collection.
 */
interface KeyIndex {
  slot: Map<string, number>;
  start: Uint32Array;
  rows: Uint32Array;
}

/** A row's value of `field`, without surrounding spaces ('' when empty). */
function cell(row: Row, field: string): string {
  const v = row[field];
  if (!v) return '';
  const c0 = v.charCodeAt(0);
  const cn = v.charCodeAt(v.length - 1);
  return c0 <= 32 || cn <= 32 ? v.trim() : v;
}

/** Each row's most specific non-empty link, as an index into `levels` (-1 for none). */
function levelsOf(table: readonly Row[], levels: readonly string[]): Int8Array {
  const out = new Int8Array(table.length).fill(-1);
  for (let i = 0; i < table.length; i++) {
    const row = table[i] as Row;
    for (let l = 0; l < levels.length; l++) {
      if (cell(row, levels[l] as string) !== '') {
        out[i] = l;
        break;
      }
    }
  }
  return out;
}

function buildIndex(table: readonly Row[], field: string, levels: readonly string[] | undefined, rowLevels: Int8Array | undefined): KeyIndex {
  const slot = new Map<string, number>();
  const keyOf = new Int32Array(table.length).fill(-1);
  const counts: number[] = [];
  // Attached at its most specific link only: skip rows with a more specific key than `field`.
  const wanted = levels ? levels.indexOf(field) : -1;
  for (let i = 0; i < table.length; i++) {
    const row = table[i] as Row;
    if (rowLevels && rowLevels[i] !== wanted) continue;
    const v = cell(row, field);
    if (!v) continue;
    let k = slot.get(v);
    if (k === undefined) {
      k = counts.length;
      slot.set(v, k);
      counts.push(0);
    }
    counts[k] = (counts[k] as number) + 1;
    keyOf[i] = k;
  }
  const start = new Uint32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) start[k + 1] = (start[k] as number) + (counts[k] as number);
  const fill = start.slice(0, counts.length);
  const rows = new Uint32Array(start[counts.length] as number);
  for (let i = 0; i < table.length; i++) {
    const k = keyOf[i] as number;
    if (k < 0) continue;
    rows[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  }
  return { slot, start, rows };
}

/**
 * `joined` with the row's own columns added (joined fields win). Written out
 * rather than `{ ...row, a, b, … }`: that spread with a dozen more fields took
 * ~35 µs per service in V8 and was most of the package import time.
 */
function withRow(joined: Record<string, unknown>, row: Row | undefined): Record<string, unknown> {
  for (const key in row) if (!(key in joined)) joined[key] = row[key];
  return joined;
}
const val = (row: Row | undefined, field: string): string => (row ? cell(row, field) : '');
const num = (v: string): number | undefined => (v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** Which link a child row is attached by: its most specific non-empty key. */
const LEVELS: Partial<Record<HsdsTableName, readonly string[]>> = {
  phone: ['service_id', 'service_at_location_id', 'contact_id', 'location_id', 'organization_id'],
  schedule: ['service_id', 'service_at_location_id', 'location_id'],
  language: ['service_id', 'location_id', 'phone_id'],
  contact: ['service_id', 'service_at_location_id', 'location_id', 'organization_id'],
};

export class PackageJoin {
  private readonly ids = new Map<HsdsTableName, Map<string, number>>();
  private readonly keys = new Map<HsdsTableName, Map<string, KeyIndex>>();
  private readonly rowLevels = new Map<HsdsTableName, Int8Array>();
  private readonly locations = new Map<number, { record: Record<string, unknown>; uses: number[] }>();
  private readonly organisations = new Map<number, { record: Record<string, unknown>; uses: number[] }>();
  readonly used: Partial<Record<HsdsTableName, Uint8Array>> = {};

  constructor(readonly tables: Tables) {
    for (const [name, table] of Object.entries(tables) as [HsdsTableName, NonNullable<Tables[HsdsTableName]>][]) this.used[name] = new Uint8Array(table.rows.length);
  }

  rows(name: HsdsTableName): Row[] {
    return this.tables[name]?.rows ?? [];
  }

  /** Row number of `id` in a table (first row with that id). */
  byId(name: HsdsTableName, id: string): number | undefined {
    let index = this.ids.get(name);
    if (!index) {
      index = new Map();
      const rows = this.rows(name);
      for (let i = 0; i < rows.length; i++) {
        const key = cell(rows[i] as Row, 'id');
        if (key && !index.has(key)) index.set(key, i);
      }
      this.ids.set(name, index);
    }
    return id ? index.get(id) : undefined;
  }

  /** The packed index of a table by `field` (at each row's most specific level for phones, schedules, languages and contacts). */
  private index(name: HsdsTableName, field: string): KeyIndex {
    let fields = this.keys.get(name);
    if (!fields) this.keys.set(name, (fields = new Map()));
    let index = fields.get(field);
    if (!index) {
      const levels = LEVELS[name];
      let rowLevels = this.rowLevels.get(name);
      if (levels && !rowLevels) this.rowLevels.set(name, (rowLevels = levelsOf(this.rows(name), levels)));
      index = buildIndex(this.rows(name), field, levels, rowLevels);
      fields.set(field, index);
    }
    return index;
  }

  /** Row numbers of a table attached by `field` = `value` (a fresh array; for reports and tests). */
  by(name: HsdsTableName, field: string, value: string): number[] {
    const out: number[] = [];
    if (!value || !this.tables[name]) return out;
    const ix = this.index(name, field);
    const k = ix.slot.get(value);
    if (k !== undefined) for (let p = ix.start[k] as number; p < (ix.start[k + 1] as number); p++) out.push(ix.rows[p] as number);
    return out;
  }

  /** How many rows of a table are attached by `field` = `value`. */
  private count(name: HsdsTableName, field: string, value: string): number {
    if (!value || !this.tables[name]) return 0;
    const ix = this.index(name, field);
    const k = ix.slot.get(value);
    return k === undefined ? 0 : (ix.start[k + 1] as number) - (ix.start[k] as number);
  }

  /** The rows attached by `field` = `value`, noted in `uses`; no arrays made when there are none. */
  private takeBy(name: HsdsTableName, field: string, value: string, uses: number[]): Row[] {
    if (!value || !this.tables[name]) return NO_ROWS;
    const ix = this.index(name, field);
    const k = ix.slot.get(value);
    if (k === undefined) return NO_ROWS;
    const table = this.rows(name);
    const out: Row[] = [];
    const no = TABLE_NO[name] * ROW_BITS;
    for (let p = ix.start[k] as number, end = ix.start[k + 1] as number; p < end; p++) {
      const i = ix.rows[p] as number;
      uses.push(no + i);
      out.push(table[i] as Row);
    }
    return out;
  }

  private take(name: HsdsTableName, rows: ArrayLike<number>, uses: number[]): Row[] {
    if (rows.length === 0) return [];
    const table = this.rows(name);
    const out: Row[] = [];
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      uses.push(TABLE_NO[name] * ROW_BITS + i);
      out.push(table[i] as Row);
    }
    return out;
  }

  private phones(field: string, value: string, uses: number[]): Record<string, unknown>[] {
    const rows = this.takeBy('phone', field, value, uses);
    if (rows.length === 0) return rows;
    return rows.map((p) => {
      const languages = this.takeBy('language', 'phone_id', val(p, 'id'), uses);
      return languages.length ? { ...p, languages } : p;
    });
  }

  /** A location with its addresses, access, languages, phones and hours; compiled once however many services are there. */
  private location(id: string, uses: number[]): Record<string, unknown> | undefined {
    const i = this.byId('location', id);
    if (i === undefined) return undefined;
    let compiled = this.locations.get(i);
    if (!compiled) {
      // Kept for the next service only when more than one service is there (a cache of 20k one-off records costs more than it saves).
      const shared = this.count('service_at_location', 'location_id', id) > 1;
      const own: number[] = [];
      const [loc] = this.take('location', [i], own);
      const record = withRow(
        {
          addresses: this.takeBy('address', 'location_id', id, own),
          accessibility: this.takeBy('accessibility', 'location_id', id, own),
          languages: this.takeBy('language', 'location_id', id, own),
          phones: this.phones('location_id', id, own),
          schedules: this.takeBy('schedule', 'location_id', id, own),
        },
        loc,
      );
      compiled = { record, uses: own };
      if (shared) this.locations.set(i, compiled);
    }
    for (const u of compiled.uses) uses.push(u);
    return compiled.record;
  }

  private contacts(field: string, value: string, uses: number[]): Record<string, unknown>[] {
    const rows = this.takeBy('contact', field, value, uses);
    return rows.length ? rows.map((c) => ({ phones: this.phones('contact_id', val(c, 'id'), uses) })) : [];
  }

  private terms(serviceId: string, uses: number[]): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const attributes = this.rows('attribute');
    for (const a of this.by('attribute', 'link_id', serviceId)) {
      const entity = val(attributes[a], 'link_entity').toLowerCase();
      if (entity && entity !== 'service' && entity !== 'link_entity') continue;
      const t = this.byId('taxonomy_term', val(attributes[a], 'taxonomy_term_id'));
      if (t === undefined) continue;
      uses.push(TABLE_NO.taxonomy_term * ROW_BITS + t, TABLE_NO.attribute * ROW_BITS + a);
      out.push({ taxonomy_term: { name: val(this.rows('taxonomy_term')[t], 'name') } });
    }
    return out;
  }

  /** An organisation with its phones; compiled once, as many services share one. */
  private organisation(i: number, id: string, uses: number[]): Record<string, unknown> {
    let compiled = this.organisations.get(i);
    if (!compiled) {
      const own = [TABLE_NO.organization * ROW_BITS + i];
      compiled = { record: withRow({ phones: this.phones('organization_id', id, own) }, this.rows('organization')[i]), uses: own };
      this.organisations.set(i, compiled);
    }
    for (const u of compiled.uses) uses.push(u);
    return compiled.record;
  }

  /** The compiled record for row `i` of services.csv. */
  compile(i: number): Joined {
    const uses: number[] = [];
    const notes: string[] = [];
    const row = this.rows('service')[i] as Row;
    const id = val(row, 'id');
    const orgId = val(row, 'organization_id');
    const o = this.byId('organization', orgId);
    if (orgId && o === undefined && this.tables.organization) notes.push(`its organization_id "${orgId}" is not in ${this.tables.organization.file.split('/').pop() ?? ''}, so no organisation is shown`);
    const org = o === undefined ? undefined : this.organisation(o, orgId, uses);
    // A service_at_location row whose location is missing joins nothing; the table report says why.
    const salRows = this.by('service_at_location', 'service_id', id).filter((s) => this.byId('location', val(this.rows('service_at_location')[s], 'location_id')) !== undefined);
    const sals = this.take('service_at_location', salRows, uses).map((s) => {
      const location = this.location(val(s, 'location_id'), uses);
      return {
        id: val(s, 'id'),
        location,
        phones: this.phones('service_at_location_id', val(s, 'id'), uses),
        schedules: this.takeBy('schedule', 'service_at_location_id', val(s, 'id'), uses),
        contacts: this.contacts('service_at_location_id', val(s, 'id'), uses),
      };
    });
    const record = withRow(
      {
        minimum_age: num(val(row, 'minimum_age')),
        maximum_age: num(val(row, 'maximum_age')),
        organization: org,
        phones: this.phones('service_id', id, uses),
        contacts: this.contacts('service_id', id, uses),
        schedules: this.takeBy('schedule', 'service_id', id, uses),
        languages: this.takeBy('language', 'service_id', id, uses),
        service_areas: this.takeBy('service_area', 'service_id', id, uses),
        cost_options: this.takeBy('cost_option', 'service_id', id, uses).map((c) => ({ ...c, amount: num(val(c, 'amount')) })),
        attributes: this.terms(id, uses),
        service_at_locations: sals,
      },
      row,
    );
    return { record, uses, notes };
  }

  /** Marks what an imported service used. */
  commit(uses: readonly number[]): void {
    for (const packed of uses) {
      const name = NAME_BY_NO[Math.floor(packed / ROW_BITS)];
      const used = name ? this.used[name] : undefined;
      if (used) used[packed % ROW_BITS] = 1;
    }
  }
}
