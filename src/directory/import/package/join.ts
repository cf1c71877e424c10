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

const NONE: number[] = [];

/**
 * `joined` with the row's own columns added (joined fields win). Written out
 * rather than `{ ...row, a, b, … }`: that spread with a dozen more fields took
 * ~35 µs per service in V8 and was most of the package import time.
 */
function withRow(joined: Record<string, unknown>, row: Row | undefined): Record<string, unknown> {
  for (const key in row) if (!(key in joined)) joined[key] = row[key];
  return joined;
}
const val = (row: Row | undefined, field: string): string => (row?.[field] ?? '').trim();
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
  private readonly keys = new Map<HsdsTableName, Map<string, Map<string, number[]>>>();
  private readonly locations = new Map<number, { record: Record<string, unknown>; uses: number[] }>();
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
      this.rows(name).forEach((r, i) => {
        const key = val(r, 'id');
        if (key && !index?.has(key)) index?.set(key, i);
      });
      this.ids.set(name, index);
    }
    return id ? index.get(id) : undefined;
  }

  /** Rows of a table attached by `field` = `value` (at that row's most specific level for phones, schedules, languages and contacts). */
  by(name: HsdsTableName, field: string, value: string): number[] {
    if (!value || !this.tables[name]) return NONE;
    let fields = this.keys.get(name);
    if (!fields) this.keys.set(name, (fields = new Map()));
    let index = fields.get(field);
    if (!index) {
      index = new Map();
      const levels = LEVELS[name];
      this.rows(name).forEach((r, i) => {
        const level = levels ? levels.find((f) => val(r, f) !== '') : field;
        const v = val(r, field);
        if (level !== field || !v) return;
        const list = index?.get(v);
        if (list) list.push(i);
        else index?.set(v, [i]);
      });
      fields.set(field, index);
    }
    return index.get(value) ?? NONE;
  }

  private take(name: HsdsTableName, rows: number[], uses: number[]): Row[] {
    if (rows.length === 0) return [];
    const table = this.rows(name);
    for (const i of rows) uses.push(TABLE_NO[name] * ROW_BITS + i);
    return rows.map((i) => table[i] as Row);
  }

  private phones(field: string, value: string, uses: number[]): Record<string, unknown>[] {
    const rows = this.by('phone', field, value);
    if (rows.length === 0) return [];
    return this.take('phone', rows, uses).map((p) => {
      const languages = this.by('language', 'phone_id', val(p, 'id'));
      return languages.length ? { ...p, languages: this.take('language', languages, uses) } : p;
    });
  }

  /** A location with its addresses, access, languages, phones and hours; compiled once however many services are there. */
  private location(id: string, uses: number[]): Record<string, unknown> | undefined {
    const i = this.byId('location', id);
    if (i === undefined) return undefined;
    let compiled = this.locations.get(i);
    if (!compiled) {
      const own: number[] = [];
      const [loc] = this.take('location', [i], own);
      const record = withRow(
        {
          addresses: this.take('address', this.by('address', 'location_id', id), own),
          accessibility: this.take('accessibility', this.by('accessibility', 'location_id', id), own),
          languages: this.take('language', this.by('language', 'location_id', id), own),
          phones: this.phones('location_id', id, own),
          schedules: this.take('schedule', this.by('schedule', 'location_id', id), own),
        },
        loc,
      );
      compiled = { record, uses: own };
      this.locations.set(i, compiled);
    }
    for (const u of compiled.uses) uses.push(u);
    return compiled.record;
  }

  private contacts(field: string, value: string, uses: number[]): Record<string, unknown>[] {
    const rows = this.by('contact', field, value);
    return rows.length ? this.take('contact', rows, uses).map((c) => ({ phones: this.phones('contact_id', val(c, 'id'), uses) })) : [];
  }

  private terms(serviceId: string, uses: number[]): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const attributes = this.rows('attribute');
    for (const a of this.by('attribute', 'link_id', serviceId)) {
      const entity = val(attributes[a], 'link_entity').toLowerCase();
      if (entity && entity !== 'service' && entity !== 'link_entity') continue;
      const t = this.byId('taxonomy_term', val(attributes[a], 'taxonomy_term_id'));
      if (t === undefined) continue;
      const [term] = this.take('taxonomy_term', [t], uses);
      this.take('attribute', [a], uses);
      out.push({ taxonomy_term: { name: val(term, 'name') } });
    }
    return out;
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
    const org = o === undefined ? undefined : { ...this.take('organization', [o], uses)[0], phones: this.phones('organization_id', orgId, uses) };
    // A service_at_location row whose location is missing joins nothing; the table report says why.
    const salRows = this.by('service_at_location', 'service_id', id).filter((s) => this.byId('location', val(this.rows('service_at_location')[s], 'location_id')) !== undefined);
    const sals = this.take('service_at_location', salRows, uses).map((s) => {
      const location = this.location(val(s, 'location_id'), uses);
      return {
        id: val(s, 'id'),
        location,
        phones: this.phones('service_at_location_id', val(s, 'id'), uses),
        schedules: this.take('schedule', this.by('schedule', 'service_at_location_id', val(s, 'id')), uses),
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
        schedules: this.take('schedule', this.by('schedule', 'service_id', id), uses),
        languages: this.take('language', this.by('language', 'service_id', id), uses),
        service_areas: this.take('service_area', this.by('service_area', 'service_id', id), uses),
        cost_options: this.take('cost_option', this.by('cost_option', 'service_id', id), uses).map((c) => ({ ...c, amount: num(val(c, 'amount')) })),
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
