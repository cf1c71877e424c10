/**
 * What every format-specific mapper produces (a Draft) and how a Draft becomes
 * a Resource: required fields checked, needs mapped, duplicates merged.
 */
import type { AccessRoute, Resource, ResourceLocation } from '../resource';
import { defaultNeedMapping, inferNeedsFromText, mapCategoriesToNeeds, type NeedMapping } from '../need-mapping';

/** The directory file formats, one list for settings, messages, storage and the import screen. */
export const DIRECTORY_FORMATS = ['aliss', 'hsds', 'oruk', 'csv'] as const;
export type DirectoryFormat = (typeof DIRECTORY_FORMATS)[number];

export interface Rejection {
  /** Position in the input list (0-based); -1 for a whole-file problem. */
  index: number;
  reason: string;
}

export interface ParseResult {
  resources: Resource[];
  rejected: Rejection[];
}

export interface ParseOptions {
  /** Source id used in Resource.id; defaults to the format name. */
  source?: string;
  /** Need mapping table; defaults to src/directory/need-mapping.json. */
  mapping?: NeedMapping;
}

/**
 * A record as read from a source, before checks: the Resource fields, all
 * optional but the three lists. Text fields are already plain text; `needs`
 * holds need ids the source states directly (CSV `needs` column).
 */
export type Draft = Partial<Omit<Resource, 'id' | 'source' | 'needsInferred' | 'categories' | 'locations' | 'access'>> &
  Pick<Resource, 'categories' | 'locations' | 'access'>;

const ACCESS_WORDS: [AccessRoute, RegExp][] = [
  ['self-referral', /\bself[- ]?refer/i],
  ['professional-referral', /\b(gp|professional|social worker|health visitor|must be|by) referr?al\b|\breferred by\b|\breferral (from|letter)\b/i],
  ['drop-in', /\bdrop[- ]?in\b|\bjust turn up\b|\bno appointment\b/i],
  ['appointment', /\bby appointment\b|\bbook (an )?appointment\b|\barrange an appointment\b/i],
];

/** Access routes read from free text (application process, access column). */
export function accessFromText(...texts: (string | undefined)[]): AccessRoute[] {
  const text = texts.filter(Boolean).join(' ');
  const found = ACCESS_WORDS.filter(([, re]) => re.test(text)).map(([route]) => route);
  return found.length ? found : ['unknown'];
}

const LOC_KEY = (l: ResourceLocation): string => `${l.address ?? ''}|${l.postcode ?? ''}|${l.lat ?? ''}|${l.lon ?? ''}`;

/** Turns a Draft into a Resource, or a plain reason why it cannot be used. */
export function finishDraft(draft: Draft, source: string, mapping: NeedMapping = defaultNeedMapping()): Resource | string {
  const name = draft.name?.trim();
  if (!draft.sourceId) return name ? `"${name}" has no id, so it cannot be kept up to date.` : 'This entry has no id and no name.';
  if (!name) return `The entry with id "${draft.sourceId}" has no name.`;
  let needs: string[] = draft.needs?.length ? draft.needs : mapCategoriesToNeeds(draft.categories, mapping);
  let needsInferred: boolean | undefined;
  if (needs.length === 0) {
    needs = inferNeedsFromText(`${name} ${draft.description ?? ''}`);
    needsInferred = true;
  }
  const seen = new Set<string>();
  const locations = draft.locations.filter((l) => {
    const key = LOC_KEY(l);
    if (key === '|||' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const resource: Resource = {
    id: `${source}:${draft.sourceId}`,
    source,
    sourceId: draft.sourceId,
    name,
    description: draft.description ?? '',
    needs,
    categories: [...new Set(draft.categories.filter(Boolean))],
    locations,
    access: draft.access.length ? draft.access : ['unknown'],
  };
  if (needsInferred) resource.needsInferred = true;
  const optional = ['organisation', 'serviceArea', 'phone', 'email', 'website', 'openingTimes', 'eligibility', 'cost', 'accessibility', 'updated'] as const;
  for (const key of optional) {
    const value = draft[key];
    if (value) resource[key] = value;
  }
  return resource;
}

/**
 * Collects results in input order. Duplicate ids are MERGED: the first record
 * wins for single fields, locations/categories/needs/access are unioned, and
 * the newest `updated` date is kept.
 */
export class Collector {
  private readonly byId = new Map<string, Resource>();
  readonly rejected: Rejection[] = [];

  add(index: number, result: Resource | string): void {
    if (typeof result === 'string') {
      this.rejected.push({ index, reason: result });
      return;
    }
    const prior = this.byId.get(result.id);
    if (!prior) {
      this.byId.set(result.id, result);
      return;
    }
    const keys = new Set(prior.locations.map(LOC_KEY));
    for (const l of result.locations) if (!keys.has(LOC_KEY(l))) prior.locations.push(l);
    prior.categories = [...new Set([...prior.categories, ...result.categories])];
    if (prior.needsInferred && !result.needsInferred) {
      prior.needs = result.needs;
      delete prior.needsInferred;
    } else if (!result.needsInferred) {
      prior.needs = [...new Set([...prior.needs, ...result.needs])];
    }
    const access = [...new Set([...prior.access, ...result.access])].filter((a) => a !== 'unknown');
    prior.access = access.length ? access : ['unknown'];
    if (result.updated && (!prior.updated || result.updated > prior.updated)) prior.updated = result.updated;
  }

  result(): ParseResult {
    return { resources: [...this.byId.values()], rejected: this.rejected };
  }
}

/** The one-rejection result for a whole-file problem. */
export const wholeFile = (reason: string): ParseResult => ({ resources: [], rejected: [{ index: -1, reason }] });
