/**
 * ALISS API v4 and v5 services: search responses `{count, next, previous, data: [...]}`
 * and a single service detail `{data: {...}}`. v5 adds `last_reviewed`,
 * `is_deprioritised`, `accessibility_features` and `community_groups` (read
 * when present; v4 records simply lack them). Field mapping: docs/data-formats.md.
 */
import type { ResourceLocation } from '../resource';
import { accessFromText, pickWebsite, type Draft } from './common';
import { asArray, asString, isoDate, isRecord, optionalText, safeCoords, safeEmail, safePhone, toPlainText } from '../clean-text';

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

/** v5 accessibility features: "Wheelchair accessible (ramp at the side door)". */
function features(list: unknown): string | undefined {
  const out = asArray(list)
    .filter(isRecord)
    .map((f) => {
      const name = toPlainText(f.name);
      const info = toPlainText(f.additional_info);
      return name && info ? `${name} (${info})` : name || info;
    })
    .filter(Boolean);
  return out.length ? [...new Set(out)].join('; ') : undefined;
}

/** v5 community groups ("who is it for"), with an age range when the group is one: "Young people (16–25)". */
function groups(list: unknown): string[] {
  const out = asArray(list)
    .filter(isRecord)
    .map((g) => {
      const name = toPlainText(g.name);
      const min = g.min ?? g.min_value;
      const max = g.max ?? g.max_value;
      const range = g.is_range === true && typeof min === 'number' && typeof max === 'number' && max > 0 ? ` (${min}–${max})` : '';
      return name ? `${name}${range}` : '';
    })
    .filter(Boolean);
  return [...new Set(out)];
}

/** One ALISS service record -> Draft, or a reason it is unusable. */
export function alissDraft(raw: unknown): Draft | string {
  if (!isRecord(raw)) return 'This entry is not a service record.';
  const org = isRecord(raw.organisation) ? raw.organisation : undefined;
  const categories = names(raw.categories, 'name');
  // Slugs are matched too ("foodbank"), but only names are shown to users.
  const slugs = names(raw.categories, 'slug');
  const description = optionalText(raw.description) ?? optionalText(raw.summary);
  // ALISS sends 0001-01-01 for "never" (an unset .NET date).
  const reviewed = [isoDate(raw.last_reviewed)].find((d) => d !== undefined && d >= '1990');
  const updated = [isoDate(raw.last_updated), reviewed].filter((d): d is string => d !== undefined).sort().pop();
  const warnings: string[] = [];
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
    website: pickWebsite(warnings, raw.url, raw.aliss_url),
    access: accessFromText(description),
    accessibility: features(raw.accessibility_features),
    communityGroups: groups(raw.community_groups),
    deprioritised: raw.is_deprioritised === true || undefined,
    reviewed,
    updated,
    warnings,
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
