/**
 * ALISS API v4 services: search responses `{count, next, previous, data: [...]}`
 * and a single service detail `{data: {...}}`. Field mapping: docs/data-formats.md.
 */
import type { ResourceLocation } from '../resource';
import { accessFromText, type Draft } from './common';
import { asArray, asString, isoDate, isRecord, optionalText, safeCoords, safeEmail, safePhone, safeWebsite, toPlainText } from '../clean-text';

function alissLocation(raw: unknown): ResourceLocation | undefined {
  if (!isRecord(raw)) return undefined;
  const loc: ResourceLocation = {};
  const address =
    optionalText(raw.formatted_address) ??
    optionalText([raw.name, raw.street_address, raw.locality, raw.postal_code].map(asString).filter(Boolean).join(', '));
  if (address) loc.address = address;
  const postcode = optionalText(raw.postal_code);
  if (postcode) loc.postcode = postcode.toUpperCase();
  const coords = safeCoords(raw.latitude, raw.longitude);
  if (coords) Object.assign(loc, coords);
  return Object.keys(loc).length ? loc : undefined;
}

function names(list: unknown, key: 'name' | 'slug'): string[] {
  return asArray(list)
    .map((c) => (isRecord(c) ? toPlainText(c[key]) : toPlainText(c)))
    .filter((s) => s !== '');
}

/** One ALISS service record -> Draft, or a reason it is unusable. */
export function alissDraft(raw: unknown): Draft | string {
  if (!isRecord(raw)) return 'This entry is not a service record.';
  const org = isRecord(raw.organisation) ? raw.organisation : undefined;
  const categories = names(raw.categories, 'name');
  // Slugs are matched too ("foodbank"), but only names are shown to users.
  const slugs = names(raw.categories, 'slug');
  const description = optionalText(raw.description);
  const draft: Draft = {
    sourceId: asString(raw.id)?.trim() || undefined,
    name: optionalText(raw.name),
    organisation: optionalText(org?.name),
    description,
    categories: [...categories, ...slugs.filter((s) => !categories.some((c) => c.toLowerCase() === s))],
    locations: asArray(raw.locations).map(alissLocation).filter((l): l is ResourceLocation => l !== undefined),
    serviceArea: names(raw.service_areas, 'name').join(', ') || undefined,
    phone: safePhone(raw.phone),
    email: safeEmail(raw.email),
    website: safeWebsite(raw.url) ?? safeWebsite(raw.aliss_url),
    access: accessFromText(description),
    updated: isoDate(raw.last_updated),
  };
  return draft;
}

/** Whether parsed JSON looks like an ALISS v4 response (list or detail). */
export function looksLikeAliss(json: unknown): boolean {
  if (!isRecord(json)) return Array.isArray(json) && isAlissRecord(json[0]);
  if (Array.isArray(json.data)) return json.data.length === 0 ? 'count' in json || 'next' in json : json.data.slice(0, 20).some(isAlissRecord);
  return isRecord(json.data) && isAlissRecord(json.data);
}

/** A service, not an organisation: only services carry their `organisation`. */
function isAlissRecord(r: unknown): boolean {
  return isRecord(r) && 'organisation' in r && ('aliss_url' in r || 'permalink' in r || 'last_updated' in r || 'categories' in r);
}

/** The list of service records in an ALISS response (one for a detail response). */
export function alissRecords(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) return undefined;
  if (Array.isArray(json.data)) return json.data;
  if (isRecord(json.data)) return [json.data];
  return undefined;
}
