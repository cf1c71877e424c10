/**
 * What every format-specific mapper produces (a Draft) and how a Draft becomes
 * a Resource: required fields checked, needs mapped, duplicates merged.
 */
import type { AccessRoute, Resource, ResourceLocation } from '../resource';
import { defaultNeedMapping, inferNeedsFromText, mapCategoriesToNeeds, type NeedMapping } from '../need-mapping';
import { safeWebsite, websiteProblem } from '../clean-text';

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
  /**
   * Records kept with something left out or flagged (a website with a password
   * in it, http:// websites), with the same `index` convention. Absent when there are none.
   */
  warnings?: Rejection[];
}

export interface ParseOptions {
  /** Source id used in Resource.id; defaults to the format name. */
  source?: string;
  /** Need mapping table; defaults to src/directory/need-mapping.json. */
  mapping?: NeedMapping;
  /** The file's name, when known: used in messages ("languages.csv is one table of an HSDS package"). */
  fileName?: string;
}

/**
 * A record as read from a source, before checks: the Resource fields, all
 * optional but the three lists. Text fields are already plain text; `needs`
 * holds need ids the source states directly (CSV `needs` column).
 */
export type Draft = Partial<Omit<Resource, 'id' | 'source' | 'needsInferred' | 'categories' | 'locations' | 'access'>> &
  Pick<Resource, 'categories' | 'locations' | 'access'> & {
    /** Notes for the import report (kept record, something left out). */
    warnings?: string[];
    /**
     * One location of a service listed once per location (HSDS
     * service_at_location records): records sharing the id are one service
     * and their locations are joined. Any other shared id is a duplicate.
     */
    atLocation?: boolean;
  };

/** Most locations one service may gather from service_at_location records. */
export const MAX_LOCATIONS = 200;

const ACCESS_WORDS: [AccessRoute, RegExp][] = [
  ['self-referral', /\bself[- ]?refer/i],
  ['professional-referral', /\b(gp|professional|social worker|health visitor|must be|by) referr?al\b|\breferred by\b|\breferral (from|letter)\b/i],
  ['drop-in', /\bdrop[- ]?in\b|\bjust turn up\b|\bno appointment\b/i],
  ['appointment', /\bby appointment\b|\bbook (an )?appointment\b|\barrange an appointment\b/i],
];

/** Any of the access phrases: one scan rules out most descriptions before the four precise ones run. */
const ANY_ACCESS = new RegExp(ACCESS_WORDS.map(([, re]) => re.source).join('|'), 'i');

/** Access routes read from free text (application process, access column). */
export function accessFromText(...texts: (string | undefined)[]): AccessRoute[] {
  const text = texts.filter(Boolean).join(' ');
  if (!ANY_ACCESS.test(text)) return ['unknown'];
  const found = ACCESS_WORDS.filter(([, re]) => re.test(text)).map(([route]) => route);
  return found.length ? found : ['unknown'];
}

/**
 * The first usable website of `values` (service, then organisation). Notes
 * go to `notes` when an address is left out for a password in it, or when
 * every given address was unusable.
 */
export function pickWebsite(notes: string[], ...values: unknown[]): string | undefined {
  let found: string | undefined;
  const problems: string[] = [];
  for (const v of values) {
    const site = safeWebsite(v);
    if (site) {
      found ??= site;
      continue;
    }
    const problem = websiteProblem(v);
    if (problem) problems.push(problem);
  }
  const credentials = problems.filter((p) => p.includes('password'));
  notes.push(...new Set(found ? credentials : problems.slice(0, 1)));
  return found;
}

const LOC_KEY = (l: ResourceLocation): string => `${l.address ?? ''}|${l.postcode ?? ''}|${l.lat ?? ''}|${l.lon ?? ''}`;
/** A location with nothing to show or place (its key would be "|||"), told without writing the key out. */
const isBlank = (l: ResourceLocation): boolean => !l.address && !l.postcode && (l.lat === undefined || l.lat === null) && (l.lon === undefined || l.lon === null);

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
  let locations = draft.locations.filter((l) => !isBlank(l));
  // Most services have one location: only a second one needs comparing (by its key) with the first.
  if (locations.length > 1) {
    const seen = new Set<string>();
    locations = locations.filter((l) => {
      const key = LOC_KEY(l);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
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
  const optional = ['organisation', 'serviceArea', 'phone', 'email', 'website', 'openingTimes', 'eligibility', 'cost', 'accessibility', 'interpretation', 'reviewed', 'updated'] as const;
  for (const key of optional) {
    const value = draft[key];
    if (value) resource[key] = value;
  }
  if (draft.hours?.length) resource.hours = draft.hours;
  if (draft.languages?.length) resource.languages = draft.languages;
  if (draft.communityGroups?.length) resource.communityGroups = draft.communityGroups;
  if (draft.temporarilyClosed) resource.temporarilyClosed = true;
  if (draft.deprioritised) resource.deprioritised = true;
  if (resource.website?.startsWith('http:')) resource.websiteNotSecure = true;
  return resource;
}

/**
 * Collects results in input order. A second record with an id already seen is
 * REJECTED with a reason (#16: never merged into one service with thousands
 * of locations), except the records of one service at several locations
 * (`atLocation`), whose locations are joined up to MAX_LOCATIONS.
 */
export class Collector {
  private readonly byId = new Map<string, { resource: Resource; atLocation: boolean; capped: boolean }>();
  readonly rejected: Rejection[] = [];
  readonly warnings: Rejection[] = [];

  /** Adds one record's result; true when it was kept (or joined to an earlier location record of the same service). */
  add(index: number, result: Resource | string, atLocation = false): boolean {
    if (typeof result === 'string') {
      this.rejected.push({ index, reason: result });
      return false;
    }
    const prior = this.byId.get(result.id);
    if (!prior) {
      this.byId.set(result.id, { resource: result, atLocation, capped: false });
      return true;
    }
    if (!(atLocation && prior.atLocation)) {
      const first = prior.resource.name === result.name ? 'another entry' : `"${prior.resource.name}"`;
      this.rejected.push({ index, reason: `"${result.name}" has the same id ("${result.sourceId}") as ${first} earlier in the file; only the first is kept.` });
      return false;
    }
    this.join(index, prior, result);
    return true;
  }

  /** Records the notes of a kept record. */
  warn(index: number, notes: readonly string[] | undefined): void {
    for (const reason of notes ?? []) this.warnings.push({ index, reason });
  }

  private join(index: number, entry: { resource: Resource; capped: boolean }, result: Resource): void {
    const prior = entry.resource;
    const keys = new Set(prior.locations.map(LOC_KEY));
    for (const l of result.locations) {
      if (keys.has(LOC_KEY(l))) continue;
      if (prior.locations.length >= MAX_LOCATIONS) {
        if (!entry.capped) this.warnings.push({ index, reason: `"${prior.name}" is listed at more than ${MAX_LOCATIONS} locations; only the first ${MAX_LOCATIONS} are kept.` });
        entry.capped = true;
        break;
      }
      prior.locations.push(l);
      keys.add(LOC_KEY(l));
    }
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
    const resources = [...this.byId.values()].map((e) => e.resource);
    const warnings = [...this.warnings];
    const insecure = resources.filter((r) => r.websiteNotSecure).length;
    if (insecure) {
      warnings.push({
        index: -1,
        reason: `${insecure} service${insecure === 1 ? ' has a website address' : 's have website addresses'} starting http:// (not encrypted); kept, and shown with a "not secure" note.`,
      });
    }
    return warnings.length ? { resources, rejected: this.rejected, warnings } : { resources, rejected: this.rejected };
  }
}

/** The one-rejection result for a whole-file problem. */
export const wholeFile = (reason: string): ParseResult => ({ resources: [], rejected: [{ index: -1, reason }] });
