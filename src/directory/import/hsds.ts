/**
 * Open Referral HSDS 3.0 and the UK profile (ORUK): a compiled service, an
 * array of them, a paginated `{total_items, page_number, contents}` list, or
 * service_at_location records `{id, location, service}`. The UK profile has
 * the same shape, so one mapper serves both. Mapping: docs/data-formats.md.
 */
import type { ResourceLocation } from '../resource';
import { accessFromText, pickWebsite, type Draft } from './common';
import { asArray, asString, isoDate, isRecord, optionalText, safeCoords, safeEmail, safePhone, toPlainText } from '../clean-text';
import { scheduleRules } from '../hours/rules';
import { distinctNames, languageName } from './languages';

function hsdsLocation(raw: unknown): ResourceLocation | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.location_type === 'virtual') return undefined;
  const loc: ResourceLocation = {};
  const addr = asArray(raw.addresses).find(isRecord);
  const parts = addr ? [addr.address_1, addr.address_2, addr.city, addr.region, addr.postal_code].map((p) => toPlainText(p)).filter(Boolean) : [];
  const address = optionalText([toPlainText(raw.name), ...parts].filter(Boolean).join(', '));
  if (address) loc.address = address;
  const postcode = optionalText(addr?.postal_code);
  if (postcode) loc.postcode = postcode.toUpperCase();
  const coords = safeCoords(raw.latitude, raw.longitude);
  if (coords) Object.assign(loc, coords);
  return Object.keys(loc).length ? loc : undefined;
}

function firstPhone(...lists: unknown[]): string | undefined {
  for (const list of lists) {
    for (const p of asArray(list)) {
      const phone = isRecord(p) ? safePhone(p.number) : undefined;
      if (phone) return phone;
    }
  }
  return undefined;
}

function terms(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const a of asArray(raw.attributes)) if (isRecord(a)) addTerm(out, a.taxonomy_term);
  for (const t of asArray(raw.taxonomy_terms)) addTerm(out, t);
  for (const c of asArray(raw.categories)) if (typeof c === 'string') out.push(toPlainText(c));
  return out;
}

/** A taxonomy term's name, when it has one (not the "name" of a header row). */
function addTerm(out: string[], t: unknown): void {
  if (!isRecord(t)) return;
  const name = toPlainText(t.name) || toPlainText(t.term);
  if (name && name !== 'name') out.push(name);
}

function openingTimes(schedules: unknown): string | undefined {
  const lines = asArray(schedules)
    .filter(isRecord)
    .map((s) => {
      const words = toPlainText(s.description);
      if (words) return words;
      const open = asString(s.opens_at)?.slice(0, 5);
      const close = asString(s.closes_at)?.slice(0, 5);
      const days = toPlainText(s.byday);
      return [days, open && close ? `${open}–${close}` : ''].filter(Boolean).join(' ');
    })
    .filter(Boolean);
  return lines.length ? [...new Set(lines)].join('\n') : undefined;
}

function cost(raw: Record<string, unknown>): string | undefined {
  const fees = optionalText(raw.fees_description) ?? optionalText(raw.fees);
  const options = asArray(raw.cost_options)
    .filter(isRecord)
    .map((c) => [toPlainText(c.option), typeof c.amount === 'number' ? `£${c.amount}` : '', toPlainText(c.amount_description)].filter(Boolean).join(' '))
    .filter(Boolean);
  // The spec's examples carry field names as placeholder values ("fees_description").
  const text = [fees && !/^fees(_description)?$/.test(fees) ? fees : '', ...options].filter(Boolean).join('; ');
  return text || undefined;
}

/** Adds the phone lists of a record's contacts. */
function pushContactPhones(out: unknown[], holder: Record<string, unknown>): void {
  for (const c of asArray(holder.contacts)) out.push(isRecord(c) ? c.phones : undefined);
}

/** Language names from lists of HSDS language records (`{name, code}`), in order, without repeats. */
function languages(lists: readonly unknown[]): string[] {
  const names: (string | undefined)[] = [];
  for (const list of lists) if (Array.isArray(list)) for (const l of list) names.push(isRecord(l) ? languageName(l.name, l.code) : languageName(l));
  return names.length ? distinctNames(names) : [];
}

/** The language lists of a service, in order: its own, its locations', then those of every phone it lists. */
function languageLists(service: Record<string, unknown>, locations: readonly unknown[], phoneLists: readonly unknown[]): unknown[] {
  const out: unknown[] = [service.languages];
  for (const l of locations) if (isRecord(l)) out.push(l.languages);
  for (const list of phoneLists) if (Array.isArray(list)) for (const p of list) if (isRecord(p)) out.push(p.languages);
  return out;
}

/**
 * Opening hours: the service's own schedules, else those given for it at a
 * location (service_at_location), else the location's building hours.
 */
function hours(service: Record<string, unknown>, sals: Record<string, unknown>[], locations: unknown[]): { rules: Draft['hours']; text?: string } {
  let rows = asArray(service.schedules);
  if (rows.length === 0) rows = sals.flatMap((s) => asArray(s.schedules));
  if (rows.length === 0) rows = locations.flatMap((l) => (isRecord(l) ? asArray(l.schedules) : []));
  if (rows.length === 0) return { rules: [] };
  const { rules } = scheduleRules(rows);
  const described: string[] = [];
  for (const r of rows) {
    const text = isRecord(r) ? toPlainText(r.description) : '';
    if (text && !described.includes(text)) described.push(text);
  }
  // The source's own words; readable rules need no words stored (cards and slips say them, describeHours);
  // else whatever the rows say.
  return { rules, text: described.length ? described.join('\n') : rules?.length ? undefined : openingTimes(rows) };
}

/** One HSDS/ORUK service (or service_at_location) record -> Draft, or a reason. */
export function hsdsDraft(raw: unknown): Draft | string {
  if (!isRecord(raw)) return 'This entry is not a service record.';
  // service_at_location: the service is nested and the location is a sibling.
  const service = isRecord(raw.service) ? raw.service : raw;
  const extraLocation = isRecord(raw.service) ? raw.location : undefined;
  const status = typeof service.status === 'string' ? service.status.trim().toLowerCase() : '';
  if (status === 'inactive' || status === 'defunct') return `"${toPlainText(service.name) || toPlainText(service.id)}" is marked as ${status} by the source.`;
  const org = isRecord(service.organization) ? service.organization : undefined;
  const sals = asArray(service.service_at_locations).filter(isRecord);
  const locRaw: unknown[] = [];
  for (const s of sals) locRaw.push(s.location);
  for (const l of asArray(service.locations)) locRaw.push(l);
  locRaw.push(extraLocation);
  const ages = [service.minimum_age, service.maximum_age].map((a) => (typeof a === 'number' ? a : undefined));
  const eligibility =
    optionalText(service.eligibility_description) ??
    (ages[0] !== undefined || ages[1] !== undefined ? `Ages ${ages[0] ?? 0}${ages[1] !== undefined ? `–${ages[1]}` : '+'}` : undefined);
  // Plain loops, not flatMap chains: at 20k services a package import spent a fifth of this function in them (#16).
  const accessibility: string[] = [];
  for (const l of locRaw) {
    if (!isRecord(l)) continue;
    for (const a of asArray(l.accessibility)) {
      const text = isRecord(a) ? toPlainText(a.description) || toPlainText(a.accessibility) : toPlainText(a);
      if (text) accessibility.push(text);
    }
  }
  const reviewed = isoDate(service.assured_date);
  const modified = isoDate(service.last_modified);
  const updated = modified === undefined ? reviewed : reviewed === undefined || modified > reviewed ? modified : reviewed;
  const applicationProcess = optionalText(service.application_process);
  const description = optionalText(service.description);
  // In order: the service's own, at each location, its contacts' (at locations, then its own), the locations', the organisation's.
  const phoneLists: unknown[] = [service.phones];
  for (const s of sals) phoneLists.push(s.phones);
  for (const s of sals) pushContactPhones(phoneLists, s);
  pushContactPhones(phoneLists, service);
  for (const l of locRaw) phoneLists.push(isRecord(l) ? l.phones : undefined);
  phoneLists.push(org?.phones);
  const opening = hours(service, sals, locRaw);
  const warnings: string[] = [];
  return {
    sourceId: asString(service.id)?.trim() || undefined,
    name: optionalText(service.name),
    organisation: optionalText(org?.name),
    description,
    categories: terms(service),
    locations: locRaw.map(hsdsLocation).filter((l): l is ResourceLocation => l !== undefined),
    serviceArea:
      asArray(service.service_areas)
        .map((a) => (isRecord(a) ? toPlainText(a.name) || toPlainText(a.service_area) : ''))
        .filter(Boolean)
        .join('; ') || undefined,
    phone: firstPhone(...phoneLists),
    email: safeEmail(service.email) ?? safeEmail(org?.email),
    website: pickWebsite(warnings, service.url, org?.website, org?.url),
    openingTimes: opening.text,
    hours: opening.rules,
    eligibility,
    access: accessFromText(applicationProcess, description),
    cost: cost(service),
    accessibility: accessibility.length ? [...new Set(accessibility)].join(' ') : undefined,
    languages: languages(languageLists(service, locRaw, phoneLists)),
    interpretation: optionalText(service.interpretation_services),
    temporarilyClosed: status === 'temporarily closed' || status === 'temporarily_closed' || undefined,
    reviewed,
    updated,
    warnings,
    atLocation: isRecord(raw.service),
  };
}

/**
 * A service (or service_at_location) rather than an organisation, location or
 * taxonomy record: those share `id`/`name`/`description` but lack these keys.
 */
export function isHsdsService(r: unknown): boolean {
  if (!isRecord(r) || 'location_type' in r || 'tax_status' in r || 'services' in r) return false;
  return 'status' in r || 'service_at_locations' in r || 'organization' in r || 'organization_id' in r || isRecord(r.service);
}

/** Service records inside a parsed HSDS/ORUK document, or undefined if the shape is not an HSDS service list. */
export function hsdsRecords(json: unknown): unknown[] | undefined {
  const records = Array.isArray(json) ? json : !isRecord(json) ? undefined : Array.isArray(json.contents) ? json.contents : [json];
  if (!records) return undefined;
  // An empty list is a valid (empty) service list; otherwise some of the first records must be services.
  return records.length === 0 || records.slice(0, 20).some(isHsdsService) ? records : undefined;
}

/** UK-profile markers: `term` on taxonomy terms, `service_area` text on service areas. */
export function looksLikeOruk(first: unknown): boolean {
  if (!isRecord(first)) return false;
  const text = JSON.stringify(first);
  return /"term"\s*:|"service_area"\s*:/.test(text);
}
