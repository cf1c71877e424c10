/**
 * The tables of an Open Referral HSDS 3.0 tabular data package (the fields of
 * each, from the standard's datapackage.json), used to find tables in a
 * package without a readable datapackage.json and to recognise one table
 * imported on its own (#16).
 */

export interface HsdsTable {
  /** The datapackage resource name. */
  name: string;
  /** Standard file name first; older (HSDS 2) names after it. */
  files: readonly string[];
  fields: readonly string[];
  /** What the table is, for messages. */
  what: string;
  /** Whether cards use it (others are read, counted and reported as not used). */
  used: boolean;
}

export const HSDS_TABLES = [
  { name: 'service', files: ['services.csv'], what: 'services', used: true, fields: ['id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified'] },
  { name: 'organization', files: ['organizations.csv'], what: 'organisations', used: true, fields: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'] },
  { name: 'service_at_location', files: ['service_at_location.csv', 'services_at_location.csv'], what: 'which service is at which location', used: true, fields: ['id', 'service_id', 'location_id', 'description'] },
  { name: 'location', files: ['locations.csv'], what: 'locations', used: true, fields: ['id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type'] },
  { name: 'address', files: ['addresses.csv', 'physical_addresses.csv'], what: 'addresses', used: true, fields: ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'] },
  { name: 'phone', files: ['phones.csv'], what: 'phone numbers', used: true, fields: ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description'] },
  { name: 'schedule', files: ['schedules.csv', 'regular_schedules.csv'], what: 'opening hours', used: true, fields: ['id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count', 'wkst', 'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description', 'opens_at', 'closes_at', 'schedule_link', 'attending_type', 'notes'] },
  { name: 'language', files: ['languages.csv'], what: 'languages', used: true, fields: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'] },
  { name: 'accessibility', files: ['accessibility.csv', 'accessibility_for_disabilities.csv'], what: 'accessibility details', used: true, fields: ['id', 'location_id', 'description', 'details', 'url'] },
  { name: 'attribute', files: ['attributes.csv'], what: 'links from services to taxonomy terms', used: true, fields: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'] },
  { name: 'taxonomy_term', files: ['taxonomy_terms.csv'], what: 'taxonomy terms, the categories', used: true, fields: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'] },
  { name: 'contact', files: ['contacts.csv'], what: 'named contacts', used: true, fields: ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email'] },
  { name: 'cost_option', files: ['cost_options.csv'], what: 'costs', used: true, fields: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'] },
  { name: 'service_area', files: ['service_areas.csv'], what: 'areas served', used: true, fields: ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'] },
  { name: 'program', files: ['programs.csv'], what: 'programmes', used: false, fields: ['id', 'organization_id', 'name', 'alternate_name', 'description'] },
  { name: 'funding', files: ['funding.csv'], what: 'funding sources', used: false, fields: ['id', 'organization_id', 'service_id', 'source'] },
  { name: 'required_document', files: ['required_documents.csv'], what: 'documents to bring', used: false, fields: ['id', 'service_id', 'document', 'uri'] },
  { name: 'organization_identifier', files: ['organization_identifiers.csv'], what: 'organisation identifiers', used: false, fields: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'] },
  { name: 'taxonomy', files: ['taxonomies.csv'], what: 'taxonomies', used: false, fields: ['id', 'name', 'description', 'uri', 'version'] },
  { name: 'metadata', files: ['metadata.csv'], what: 'change history', used: false, fields: ['id', 'resource_id', 'resource_type', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'] },
  { name: 'meta_table_description', files: ['meta_table_descriptions.csv'], what: 'table descriptions', used: false, fields: ['id', 'name', 'language', 'character_set'] },
] as const satisfies readonly HsdsTable[];

export type HsdsTableName = (typeof HSDS_TABLES)[number]['name'];

/** Header as compared: lower case, spaces and dashes as underscores. */
export const headerName = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Columns a self-contained spreadsheet has and an HSDS services table lacks. */
const FLAT_COLUMNS = ['address', 'postcode', 'post_code', 'postal_code', 'phone', 'telephone', 'latitude', 'lat', 'opening_times', 'opening_hours'];

/**
 * The HSDS table a CSV header row belongs to, when it is one (most of the
 * table's fields, few others). `service` is returned only for a services
 * table with no address or phone columns of its own, which a practice's own
 * spreadsheet would have.
 */
export function recogniseHsdsTable(headers: readonly string[]): HsdsTable | undefined {
  const cols = new Set(headers.map(headerName).filter(Boolean));
  if (cols.size < 3) return undefined;
  let best: { table: HsdsTable; score: number } | undefined;
  for (const table of HSDS_TABLES) {
    const shared = table.fields.filter((f) => cols.has(f)).length;
    // Most of the table's fields, and few columns from elsewhere.
    if (shared < 3 || shared / table.fields.length < 0.6 || shared / cols.size < 0.8) continue;
    const score = shared / table.fields.length + shared / cols.size;
    if (!best || score > best.score) best = { table, score };
  }
  if (best?.table.name === 'service' && FLAT_COLUMNS.some((c) => cols.has(c))) return undefined;
  return best?.table;
}

/** The plain reason a single table of a package is not imported on its own. */
export function singleTableReason(table: HsdsTable, fileName?: string): string {
  const file = table.files[0] as string;
  const base = fileName?.split(/[/\\]/).pop();
  const named = base && table.files.some((f) => base.toLowerCase() === f) ? base : undefined;
  const which = named ? `${named} is` : `This file looks like ${file},`;
  if (table.name === 'service') {
    return `${which} the services table of an HSDS package: addresses, phone numbers and opening hours are in the package's other tables (locations.csv, phones.csv, schedules.csv…), so on its own it would give cards with no way to reach anyone. Import the whole package (the folder with datapackage.json, or its .zip). Nothing was changed.`;
  }
  return `${which} one table of an HSDS package (${table.what}), not a list of services. Import the whole package (the folder with datapackage.json, or its .zip). Nothing was changed.`;
}
