/**
 * When a directory entry counts as stale: neither the source nor the practice
 * has updated or checked it for 12 months. Undated entries count as stale,
 * because nobody can vouch for them. The source's date is the later of its
 * update and review dates (ALISS `last_updated`/`last_reviewed`, HSDS
 * `last_modified`/`assured_date`), already folded into `updated` on import.
 * An entry ALISS has deprioritised (the provider did not confirm its details
 * when asked) has no source date that counts: only a practice check does (#16).
 */
import type { Curation, Resource } from './resource';

/** Months without an update or practice check before an entry is stale. */
export const STALE_AFTER_MONTHS = 12;

/** The later of the source's update date and the practice's check date, as yyyy-mm-dd. */
export function lastChecked(resource: Pick<Resource, 'updated' | 'deprioritised'>, curation?: Pick<Curation, 'verifiedOn'>): string | undefined {
  const dates = [resource.deprioritised ? undefined : resource.updated, curation?.verifiedOn].filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d));
  return dates.sort().pop()?.slice(0, 10);
}

/** The yyyy-mm-dd date 12 months before `now`; anything older is stale. */
export function staleCutoff(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d.toISOString().slice(0, 10);
}

/** True when the entry has not been updated or checked in the last 12 months (or never). */
export function isStale(resource: Pick<Resource, 'updated' | 'deprioritised'>, curation: Pick<Curation, 'verifiedOn'> | undefined, now: Date): boolean {
  const last = lastChecked(resource, curation);
  return last === undefined || last < staleCutoff(now);
}

/**
 * Why an entry is stale, in words for the badge's tooltip; undefined when it is fresh.
 */
export function staleReason(resource: Pick<Resource, 'updated' | 'deprioritised'>, curation: Pick<Curation, 'verifiedOn'> | undefined, now: Date): string | undefined {
  if (!isStale(resource, curation, now)) return undefined;
  if (resource.deprioritised) return 'The provider did not confirm these details when the directory last asked; check before referring.';
  return lastChecked(resource, curation) ? 'Not updated or checked for over 12 months.' : 'The directory gives no date for these details.';
}
