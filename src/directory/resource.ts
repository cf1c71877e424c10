/**
 * The one normalised community-service record. Every importer (ALISS, HSDS,
 * ORUK, CSV) produces it; search, cards, slips and the popup read it.
 * Practice curation (recommended, notes, hidden, verifiedOn) lives in a
 * separate table keyed by `id`, so a re-sync never overwrites it.
 */
export type AccessRoute = 'self-referral' | 'professional-referral' | 'drop-in' | 'appointment' | 'unknown';

export interface ResourceLocation {
  address?: string;
  postcode?: string;
  lat?: number;
  lon?: number;
}

export interface Resource {
  /** Stable id: `${source}:${sourceId}`. */
  id: string;
  /** Where it came from: a configured source id, `local` for practice entries, `demo` for the demo set. */
  source: string;
  sourceId: string;
  name: string;
  organisation?: string;
  /** Plain text, markup removed. */
  description: string;
  /** Need ids from src/prompts/needs.ts. */
  needs: string[];
  /** True when `needs` was guessed from the name/description because no category mapped to a need. */
  needsInferred?: boolean;
  /** The source's own category / taxonomy terms. */
  categories: string[];
  locations: ResourceLocation[];
  /** Area served in words, e.g. "North Lanarkshire" or "Scotland". */
  serviceArea?: string;
  phone?: string;
  email?: string;
  /** http(s) only. */
  website?: string;
  openingTimes?: string;
  eligibility?: string;
  access: AccessRoute[];
  cost?: string;
  accessibility?: string;
  /** ISO date (yyyy-mm-dd) of last update or verification at the source. */
  updated?: string;
}

/** Practice curation of one resource; survives every re-sync. */
export interface Curation {
  resourceId: string;
  recommended?: boolean;
  note?: string;
  hidden?: boolean;
  /** ISO date the practice last checked the entry. */
  verifiedOn?: string;
}
