/**
 * Spreadsheet (CSV) directories. Headers are matched case- and
 * space-insensitively through the alias table below; the full mapping is in
 * docs/data-formats.md.
 */
import Papa from 'papaparse';
import type { AccessRoute } from '../resource';
import { NEEDS, isNeedId } from '../../prompts/needs';
import { normaliseTerm } from '../need-mapping';
import { accessFromText, pickWebsite, type Draft } from './common';
import { isoDate, optionalText, safeCoords, safeEmail, safePhone, toPlainText } from '../clean-text';
import { distinctNames, languageName } from './languages';

/** Resource field -> accepted header spellings (compared after lower-casing and removing spaces, `_` and `-`). */
export const CSV_HEADER_ALIASES = {
  id: ['id', 'serviceid', 'ref', 'reference', 'uid'],
  name: ['name', 'servicename', 'service', 'title'],
  organisation: ['organisation', 'organization', 'org', 'provider', 'organisationname', 'organizationname'],
  description: ['description', 'details', 'about', 'summary'],
  needs: ['needs', 'need', 'needids'],
  categories: ['categories', 'category', 'tags', 'taxonomy', 'keywords', 'topics'],
  address: ['address', 'fulladdress', 'location', 'streetaddress', 'address1'],
  postcode: ['postcode', 'postalcode', 'zip', 'pcd'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  phone: ['phone', 'telephone', 'tel', 'phonenumber', 'contactnumber'],
  email: ['email', 'emailaddress', 'mail'],
  website: ['website', 'url', 'web', 'link', 'homepage'],
  openingTimes: ['openingtimes', 'openinghours', 'hours', 'times', 'schedule'],
  eligibility: ['eligibility', 'whocanuse', 'whoitsfor', 'criteria'],
  access: ['access', 'accessroute', 'howtoaccess', 'referral', 'howtorefer'],
  cost: ['cost', 'fees', 'price', 'charge'],
  accessibility: ['accessibility', 'disabledaccess', 'wheelchairaccess'],
  serviceArea: ['servicearea', 'area', 'areaserved', 'coverage'],
  languages: ['languages', 'language', 'languagesspoken', 'languagesoffered'],
  status: ['status', 'servicestatus'],
  updated: ['updated', 'lastupdated', 'lastmodified', 'verified', 'lastverified', 'date'],
} satisfies Record<string, string[]>;

type CsvField = keyof typeof CSV_HEADER_ALIASES;

const headerKey = (h: string): string => h.toLowerCase().replace(/[\s_\-.]/g, '');
const ALIAS_TO_FIELD = new Map<string, CsvField>(
  (Object.entries(CSV_HEADER_ALIASES) as [CsvField, string[]][]).flatMap(([field, aliases]) => aliases.map((a) => [a, field] as const)),
);

const NEED_BY_LABEL = new Map(NEEDS.flatMap((n) => [[normaliseTerm(n.label), n.id] as const, [normaliseTerm(n.id), n.id] as const]));

function splitList(value: string): string[] {
  const sep = /[;|]/.test(value) ? /[;|]/ : /,/;
  return value.split(sep).map((s) => s.trim()).filter(Boolean);
}

const ACCESS_WORDS: Record<string, AccessRoute> = {
  selfreferral: 'self-referral', self: 'self-referral', professionalreferral: 'professional-referral', referral: 'professional-referral',
  dropin: 'drop-in', appointment: 'appointment', unknown: 'unknown',
};

/** The header row of CSV text, as written. */
export function csvHeaderRow(input: string): string[] {
  const parsed = Papa.parse<string[]>(input.replace(/^\uFEFF/, ''), { preview: 1 });
  return (parsed.data[0] ?? []).map((h) => String(h));
}

/** Parses CSV text into header-mapped rows; undefined fields when the header is not recognised. */
export function parseCsvRows(input: string): { rows: Partial<Record<CsvField, string>>[]; fields: Set<CsvField>; errors: string[] } {
  const parsed = Papa.parse<Record<string, string>>(input.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => ALIAS_TO_FIELD.get(headerKey(h)) ?? `_${h}`,
  });
  const fields = new Set<CsvField>((parsed.meta.fields ?? []).filter((f): f is CsvField => !f.startsWith('_')));
  const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter').map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`);
  return { rows: parsed.data as Partial<Record<CsvField, string>>[], fields, errors };
}

/** One CSV row -> Draft. `rowNumber` gives rows without an id a stable fallback id. */
export function csvDraft(row: Partial<Record<CsvField, string>>, rowNumber: number): Draft | string {
  const name = optionalText(row.name);
  const status = toPlainText(row.status).toLowerCase();
  if (/^(inactive|defunct|closed)$/.test(status)) return `"${name ?? `Row ${rowNumber + 2}`}" is marked as ${status} in the spreadsheet.`;
  const warnings: string[] = [];
  const postcode = optionalText(row.postcode)?.toUpperCase();
  const coords = safeCoords(row.lat, row.lon);
  const address = optionalText(row.address);
  const rawId = optionalText(row.id);
  // Without an id column, name + postcode is stable across re-imports of the same sheet.
  const sourceId = rawId ?? (name ? normaliseTerm(`${name} ${postcode ?? ''}`).replace(/ /g, '-') : `row-${rowNumber}`);
  const needs = splitList(toPlainText(row.needs))
    .map((n) => (isNeedId(n.toLowerCase()) ? n.toLowerCase() : NEED_BY_LABEL.get(normaliseTerm(n))))
    .filter((n): n is string => n !== undefined);
  const accessText = toPlainText(row.access);
  const access = [...new Set(splitList(accessText).map((a) => ACCESS_WORDS[headerKey(a)]).filter((a): a is AccessRoute => a !== undefined))];
  const location = { ...(address ? { address } : {}), ...(postcode ? { postcode } : {}), ...(coords ?? {}) };
  return {
    sourceId,
    name,
    organisation: optionalText(row.organisation),
    description: optionalText(row.description),
    categories: splitList(toPlainText(row.categories)),
    needs: [...new Set(needs)],
    locations: Object.keys(location).length ? [location] : [],
    serviceArea: optionalText(row.serviceArea),
    phone: safePhone(row.phone),
    email: safeEmail(row.email),
    website: pickWebsite(warnings, row.website),
    openingTimes: optionalText(row.openingTimes),
    eligibility: optionalText(row.eligibility),
    access: access.length ? access : accessFromText(accessText, optionalText(row.description)),
    cost: optionalText(row.cost),
    accessibility: optionalText(row.accessibility),
    languages: distinctNames(splitList(toPlainText(row.languages)).map((l) => languageName(l))),
    temporarilyClosed: /^temporar(il)?y[ _-]?closed$/.test(status) || undefined,
    updated: isoDate(row.updated),
    warnings,
  };
}
