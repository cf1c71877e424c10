/**
 * The one normalised community-service record. Every importer (ALISS, HSDS,
 * ORUK, CSV) produces it; search, cards, slips and the popup read it.
 * Practice curation (recommended, notes, hidden, verifiedOn) lives in a
 * separate table keyed by `id`, so a re-sync never overwrites it.
 */
import type { OpeningRule } from './hours/rules';

export type { OpeningRule } from './hours/rules';

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
  /** Opening times in words, as the source wrote them (HSDS schedule descriptions, a CSV column). */
  openingTimes?: string;
  /**
   * Opening hours the browser can read (HSDS schedules, iCalendar RRULEs), for
   * "Open now · until 16:00" without a network (src/directory/hours). Absent
   * when the source gave none or none could be read; `openingTimes` is then the text to show.
   */
  hours?: OpeningRule[];
  eligibility?: string;
  access: AccessRoute[];
  cost?: string;
  /** Access details in words: HSDS location accessibility, ALISS v5 accessibility features. */
  accessibility?: string;
  /** Languages the service works in (HSDS languages, by name: "Polish", "Urdu"). */
  languages?: string[];
  /** Interpretation offered, in words (HSDS `interpretation_services`). */
  interpretation?: string;
  /** Who the service is for (ALISS v5 community groups: "Carers", "Older people"). */
  communityGroups?: string[];
  /** HSDS status "temporarily closed": kept, shown on the card, ranked below open services (#16). */
  temporarilyClosed?: boolean;
  /** ALISS `is_deprioritised`: the provider did not confirm the details when asked, so only a practice check counts as fresh. */
  deprioritised?: boolean;
  /** The website is `http:` (not encrypted); shown with a note. */
  websiteNotSecure?: boolean;
  /** ISO date (yyyy-mm-dd) the source last had the details reviewed (ALISS `last_reviewed`, HSDS `assured_date`). */
  reviewed?: string;
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
