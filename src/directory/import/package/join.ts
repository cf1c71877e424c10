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
const NO_ROW_NUMBERS = new Uint32Array(0);

/**
 * Numbers for the key values of a package (ids, and the values of link columns), one per
 * distinct text: a service's id is looked up once, and every table linked to it is then read
 * by that number from arrays (a package import spent a tenth of its time in string look-ups, #16).
 */
class KeyNumbers {
  private readonly numbers = new Map<string, number>();

  get size(): number {
    return this.numbers.size;
  }

  /** The number of a value, given on first sight. */
  add(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) this.numbers.set(value, (n = this.numbers.size));
    return n;
  }

  /** The number of a value, or -1 when no key column read so far has it. */
  of(value: string): number {
    return value ? (this.numbers.get(value) ?? -1) : -1;
  }
}

/**
 * Row numbers by key number, packed: a value's rows are rows[start[k]] ..
 * rows[start[k + 1] - 1], where k = slotOf[its number] (-1 for none). One typed
 * array per index instead of an array per value, which at 20k services was
 * most of the import's garbage collection.
 */
interface KeyIndex {
  slotOf: Int32Array;
  start: Uint32Array;
  rows: Uint32Array;
}

/** The slot of a key number in an index (-1 for none, or a number given after the index was built). */
const slotIn = (ix: KeyIndex, n: number): number => (n >= 0 && n < ix.slotOf.length ? (ix.slotOf[n] as number) : -1);

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

function buildIndex(table: readonly Row[], field: string, levels: readonly string[] | undefined, rowLevels: Int8Array | undefined, keys: KeyNumbers): KeyIndex {
  const numberOf = new Int32Array(table.length).fill(-1);
  // Attached at its most specific link only: skip rows with a more specific key than `field`.
  const wanted = levels ? levels.indexOf(field) : -1;
  for (let i = 0; i < table.length; i++) {
    if (rowLevels && rowLevels[i] !== wanted) continue;
    const v = cell(table[i] as Row, field);
    if (v) numberOf[i] = keys.add(v);
  }
  const slotOf = new Int32Array(keys.size).fill(-1);
  const keyOf = new Int32Array(table.length).fill(-1);
  const counts: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const n = numberOf[i] as number;
    if (n < 0) continue;
    let k = slotOf[n] as number;
    if (k < 0) {
      k = counts.length;
      slotOf[n] = k;
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
  return { slotOf, start, rows };
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

/** The (table, link column) indexes compile() reads, built before the first service (prepare()). */
const COMPILE_INDEXES: readonly [HsdsTableName, readonly string[]][] = [
  ['service_at_location', ['service_id', 'location_id']],
  ['phone', ['service_id', 'service_at_location_id', 'contact_id', 'location_id', 'organization_id']],
  ['language', ['service_id', 'location_id', 'phone_id']],
  ['schedule', ['service_id', 'service_at_location_id', 'location_id']],
  ['contact', ['service_id', 'service_at_location_id']],
  ['address', ['location_id']],
  ['accessibility', ['location_id']],
  ['service_area', ['service_id']],
  ['cost_option', ['service_id']],
  ['attribute', ['link_id']],
];

export class PackageJoin {
  private readonly keyNumbers = new KeyNumbers();
  /** By table: the first row with each id, by the id's key number (-1 for none). */
  private readonly ids = new Map<HsdsTableName, Int32Array>();
  private readonly keys = new Map<HsdsTableName, Map<string, KeyIndex>>();
  private readonly rowLevels = new Map<HsdsTableName, Int8Array>();
  private readonly locations = new Map<number, { record: Record<string, unknown>; uses: number[] }>();
  private readonly organisations = new Map<number, { record: Record<string, unknown>; uses: number[] }>();
  private prepared = false;
  readonly used: Partial<Record<HsdsTableName, Uint8Array>> = {};

  constructor(readonly tables: Tables) {
    for (const [name, table] of Object.entries(tables) as [HsdsTableName, NonNullable<Tables[HsdsTableName]>][]) this.used[name] = new Uint8Array(table.rows.length);
  }

  rows(name: HsdsTableName): Row[] {
    return this.tables[name]?.rows ?? [];
  }

  /**
   * Every id map and index compile() reads, built before its first service: a key number
   * looked up then covers every table (a value in no key column has none, and links to nothing).
   */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    for (const name of ['organization', 'location', 'taxonomy_term'] as const) this.idRows(name);
    for (const [name, fields] of COMPILE_INDEXES) if (this.tables[name]) for (const field of fields) this.index(name, field);
  }

  private idRows(name: HsdsTableName): Int32Array {
    let rowOf = this.ids.get(name);
    if (!rowOf) {
      const rows = this.rows(name);
      const numbers = rows.map((r) => {
        const key = cell(r, 'id');
        return key ? this.keyNumbers.add(key) : -1;
      });
      rowOf = new Int32Array(this.keyNumbers.size).fill(-1);
      for (let i = 0; i < rows.length; i++) {
        const n = numbers[i] as number;
        if (n >= 0 && rowOf[n] === -1) rowOf[n] = i;
      }
      this.ids.set(name, rowOf);
    }
    return rowOf;
  }

  /** Row number of `id` in a table (first row with that id). */
  byId(name: HsdsTableName, id: string): number | undefined {
    const rowOf = this.idRows(name);
    return this.rowOfNumber(rowOf, this.keyNumbers.of(id));
  }

  private rowOfNumber(rowOf: Int32Array, n: number): number | undefined {
    const i = n >= 0 && n < rowOf.length ? (rowOf[n] as number) : -1;
    return i < 0 ? undefined : i;
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
      index = buildIndex(this.rows(name), field, levels, rowLevels, this.keyNumbers);
      fields.set(field, index);
    }
    return index;
  }

  /** Row numbers of a table attached by `field` = the value numbered `n` (a view into the index; empty for none). */
  private linkedRows(name: HsdsTableName, field: string, n: number): Uint32Array {
    if (n < 0 || !this.tables[name]) return NO_ROW_NUMBERS;
    const ix = this.index(name, field);
    const k = slotIn(ix, n);
    return k < 0 ? NO_ROW_NUMBERS : ix.rows.subarray(ix.start[k] as number, ix.start[k + 1] as number);
  }

  /** Row numbers of a table attached by `field` = `value` (a fresh array; for reports and tests). */
  by(name: HsdsTableName, field: string, value: string): number[] {
    return value ? Array.from(this.linkedRows(name, field, this.keyNumbers.of(value))) : [];
  }

  /** The rows attached by `field` = the value numbered `n`, noted in `uses`; no arrays made when there are none. */
  private takeBy(name: HsdsTableName, field: string, n: number, uses: number[]): Row[] {
    const rows = this.linkedRows(name, field, n);
    return rows.length === 0 ? NO_ROWS : this.take(name, rows, uses);
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

  private phones(field: string, n: number, uses: number[]): Record<string, unknown>[] {
    const rows = this.takeBy('phone', field, n, uses);
    if (rows.length === 0 || !this.linked('language', 'phone_id')) return rows;
    return rows.map((p) => {
      const languages = this.takeBy('language', 'phone_id', this.keyNumbers.of(val(p, 'id')), uses);
      return languages.length ? { ...p, languages } : p;
    });
  }

  /** Whether any row of a table links by `field` (when none does, there is no value to look up). */
  private linked(name: HsdsTableName, field: string): boolean {
    return this.tables[name] !== undefined && this.index(name, field).start.length > 1;
  }

  /** The location whose id is numbered `n`, with its addresses, access, languages, phones and hours; compiled once however many services are there. */
  private location(n: number, uses: number[]): Record<string, unknown> | undefined {
    const i = this.rowOfNumber(this.idRows('location'), n);
    if (i === undefined) return undefined;
    let compiled = this.locations.get(i);
    if (!compiled) {
      // Kept for the next service only when more than one service is there (a cache of 20k one-off records costs more than it saves).
      const shared = this.linkedRows('service_at_location', 'location_id', n).length > 1;
      const own: number[] = [];
      const [loc] = this.take('location', [i], own);
      const record = withRow(
        {
          addresses: this.takeBy('address', 'location_id', n, own),
          accessibility: this.takeBy('accessibility', 'location_id', n, own),
          languages: this.takeBy('language', 'location_id', n, own),
          phones: this.phones('location_id', n, own),
          schedules: this.takeBy('schedule', 'location_id', n, own),
        },
        loc,
      );
      compiled = { record, uses: own };
      if (shared) this.locations.set(i, compiled);
    }
    for (const u of compiled.uses) uses.push(u);
    return compiled.record;
  }

  private contacts(field: string, n: number, uses: number[]): Record<string, unknown>[] {
    const rows = this.takeBy('contact', field, n, uses);
    return rows.length ? rows.map((c) => ({ phones: this.phones('contact_id', this.keyNumbers.of(val(c, 'id')), uses) })) : [];
  }

  private terms(n: number, uses: number[]): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const attributes = this.rows('attribute');
    const termRows = this.idRows('taxonomy_term');
    for (const a of this.linkedRows('attribute', 'link_id', n)) {
      const entity = val(attributes[a], 'link_entity').toLowerCase();
      if (entity && entity !== 'service' && entity !== 'link_entity') continue;
      const t = this.rowOfNumber(termRows, this.keyNumbers.of(val(attributes[a], 'taxonomy_term_id')));
      if (t === undefined) continue;
      uses.push(TABLE_NO.taxonomy_term * ROW_BITS + t, TABLE_NO.attribute * ROW_BITS + a);
      out.push({ taxonomy_term: { name: val(this.rows('taxonomy_term')[t], 'name') } });
    }
    return out;
  }

  /** An organisation with its phones; compiled once, as many services share one. */
  private organisation(i: number, n: number, uses: number[]): Record<string, unknown> {
    let compiled = this.organisations.get(i);
    if (!compiled) {
      const own = [TABLE_NO.organization * ROW_BITS + i];
      compiled = { record: withRow({ phones: this.phones('organization_id', n, own) }, this.rows('organization')[i]), uses: own };
      this.organisations.set(i, compiled);
    }
    for (const u of compiled.uses) uses.push(u);
    return compiled.record;
  }

  /** The compiled record for row `i` of services.csv. */
  compile(i: number): Joined {
    this.prepare();
    const uses: number[] = [];
    const notes: string[] = [];
    const row = this.rows('service')[i] as Row;
    const id = val(row, 'id');
    // One look-up of the service's id; every linked table is then read by its number.
    const sn = this.keyNumbers.of(id);
    const orgId = val(row, 'organization_id');
    const on = this.keyNumbers.of(orgId);
    const o = this.rowOfNumber(this.idRows('organization'), on);
    if (orgId && o === undefined && this.tables.organization) notes.push(`its organization_id "${orgId}" is not in ${this.tables.organization.file.split('/').pop() ?? ''}, so no organisation is shown`);
    const org = o === undefined ? undefined : this.organisation(o, on, uses);
    // A service_at_location row whose location is missing joins nothing; the table report says why.
    const salTable = this.rows('service_at_location');
    const locationRows = this.idRows('location');
    const salRows: number[] = [];
    const locationNumbers: number[] = [];
    for (const s of this.linkedRows('service_at_location', 'service_id', sn)) {
      const ln = this.keyNumbers.of(val(salTable[s], 'location_id'));
      if (this.rowOfNumber(locationRows, ln) === undefined) continue;
      salRows.push(s);
      locationNumbers.push(ln);
    }
    // The service_at_location ids are looked up only when some table links to them.
    const salLinked = this.linked('phone', 'service_at_location_id') || this.linked('schedule', 'service_at_location_id') || this.linked('contact', 'service_at_location_id');
    const sals = this.take('service_at_location', salRows, uses).map((s, j) => {
      const location = this.location(locationNumbers[j] as number, uses);
      const salId = val(s, 'id');
      const xn = salLinked ? this.keyNumbers.of(salId) : -1;
      return {
        id: salId,
        location,
        phones: this.phones('service_at_location_id', xn, uses),
        schedules: this.takeBy('schedule', 'service_at_location_id', xn, uses),
        contacts: this.contacts('service_at_location_id', xn, uses),
      };
    });
    const record = withRow(
      {
        minimum_age: num(val(row, 'minimum_age')),
        maximum_age: num(val(row, 'maximum_age')),
        organization: org,
        phones: this.phones('service_id', sn, uses),
        contacts: this.contacts('service_id', sn, uses),
        schedules: this.takeBy('schedule', 'service_id', sn, uses),
        languages: this.takeBy('language', 'service_id', sn, uses),
        service_areas: this.takeBy('service_area', 'service_id', sn, uses),
        cost_options: this.takeBy('cost_option', 'service_id', sn, uses).map((c) => ({ ...c, amount: num(val(c, 'amount')) })),
        attributes: this.terms(sn, uses),
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
