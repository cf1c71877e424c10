/**
 * What happened to every row of every table of a package, for the options
 * page: joined into an imported service, rejected (it links to something the
 * package does not have, or to nothing), or not needed (valid, but no
 * imported service uses it, or cards never show that table).
 */
import type { Rejection } from '../common';
import type { HsdsTableName } from './hsds-tables';
import type { PackageJoin } from './join';
import type { Row } from './read-tables';

export interface TableReport {
  /** HSDS table name ("service", "phone"...). */
  table: HsdsTableName;
  /** The file read, as named in the package. */
  file: string;
  rows: number;
  /** Rows used by at least one imported service (for services.csv: services imported). */
  joined: number;
  /** Rows that could not be joined: a link to a row that is not in the package, no link at all, no id. */
  rejected: number;
  /** Valid rows no imported service needed, and the rows of tables cards do not show. */
  unused: number;
  /** Why rows were rejected or unused, commonest first; `rows` holds up to 5 spreadsheet row numbers (the header is row 1). */
  reasons: { reason: string; count: number; rows: number[] }[];
  /** Whether cards show anything from this table. */
  shown: boolean;
}

/** How each child table links to its parents, most specific first. */
const LINKS: Partial<Record<HsdsTableName, readonly [string, HsdsTableName][]>> = {
  service_at_location: [['service_id', 'service'], ['location_id', 'location']],
  address: [['location_id', 'location']],
  accessibility: [['location_id', 'location']],
  phone: [['service_id', 'service'], ['service_at_location_id', 'service_at_location'], ['contact_id', 'contact'], ['location_id', 'location'], ['organization_id', 'organization']],
  schedule: [['service_id', 'service'], ['service_at_location_id', 'service_at_location'], ['location_id', 'location']],
  language: [['service_id', 'service'], ['location_id', 'location'], ['phone_id', 'phone']],
  contact: [['service_id', 'service'], ['service_at_location_id', 'service_at_location'], ['location_id', 'location'], ['organization_id', 'organization']],
  cost_option: [['service_id', 'service']],
  service_area: [['service_id', 'service']],
  attribute: [['link_id', 'service'], ['taxonomy_term_id', 'taxonomy_term']],
};

const HAS_ID: readonly HsdsTableName[] = ['organization', 'location', 'taxonomy_term', 'contact', 'phone', 'service_at_location'];

const UNUSED: Partial<Record<HsdsTableName, string>> = {
  organization: 'no imported service belongs to this organisation',
  location: 'no imported service is at this location',
  taxonomy_term: 'no imported service is linked to this term',
};

type Why = { kind: 'rejected' | 'unused'; reason: string };

function whyNotJoined(join: PackageJoin, name: HsdsTableName, row: Row): Why {
  const v = (f: string): string => (row[f] ?? '').trim();
  if (HAS_ID.includes(name) && !v('id')) return { kind: 'rejected', reason: 'it has no id, so nothing can link to it' };
  const links = LINKS[name];
  if (!links) return { kind: 'unused', reason: UNUSED[name] ?? 'no imported service uses it' };
  if (name === 'attribute' && v('link_entity') && !['service', 'link_entity'].includes(v('link_entity').toLowerCase())) {
    return { kind: 'unused', reason: `it describes a record of "${v('link_entity')}", not a service` };
  }
  const given = links.filter(([f]) => v(f) !== '');
  if (given.length === 0) return { kind: 'rejected', reason: `it links to nothing (no ${links.map(([f]) => f).join(', ')})` };
  for (const [field, parent] of name === 'attribute' || name === 'service_at_location' ? given : given.slice(0, 1)) {
    const file = join.tables[parent]?.file.split('/').pop();
    if (!file) return { kind: 'rejected', reason: `its ${field} points to ${parent} rows, but the package has no such table` };
    if (join.byId(parent, v(field)) === undefined) return { kind: 'rejected', reason: `its ${field} is not in ${file}` };
  }
  return { kind: 'unused', reason: given[0]?.[1] === 'service' ? 'its service was not imported' : 'no imported service uses it' };
}

/** One report per table read. `serviceRejections` are the services.csv rows not imported, by row index. */
export function tableReports(join: PackageJoin, serviceRejections: readonly Rejection[]): TableReport[] {
  const out: TableReport[] = [];
  for (const [name, table] of Object.entries(join.tables) as [HsdsTableName, NonNullable<PackageJoin['tables'][HsdsTableName]>][]) {
    const reasons = new Map<string, { count: number; rows: number[] }>();
    const note = (reason: string, i: number): void => {
      const r = reasons.get(reason) ?? { count: 0, rows: [] };
      r.count++;
      if (r.rows.length < 5) r.rows.push(i + 2);
      reasons.set(reason, r);
    };
    let joined = 0;
    let rejected = 0;
    let unused = 0;
    if (name === 'service') {
      // The service's own name and id make each reason unique; grouped by their pattern instead.
      for (const r of serviceRejections) if (r.index >= 0) note(r.reason.replace(/"[^"]*"/g, '"…"'), r.index);
      rejected = serviceRejections.filter((r) => r.index >= 0).length;
      joined = table.rows.length - rejected;
    } else if (!table.def.used) {
      unused = table.rows.length;
      if (unused) reasons.set('cards do not show this table', { count: unused, rows: [] });
    } else {
      const used = join.used[name] as Uint8Array;
      table.rows.forEach((row, i) => {
        if (used[i]) {
          joined++;
          return;
        }
        const why = whyNotJoined(join, name, row);
        if (why.kind === 'rejected') rejected++;
        else unused++;
        note(why.reason, i);
      });
    }
    out.push({
      table: name,
      file: table.file,
      rows: table.rows.length,
      joined,
      rejected,
      unused,
      reasons: [...reasons].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.count - a.count),
      shown: table.def.used,
    });
  }
  return out;
}
