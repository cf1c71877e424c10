/**
 * When a directory entry counts as stale: neither the source nor the practice
 * has updated or checked it for 12 months. Undated entries count as stale,
 * because nobody can vouch for them.
 */
import type { Curation, Resource } from './resource';

/** Months without an update or practice check before an entry is stale. */
export const STALE_AFTER_MONTHS = 12;

/** The later of the source's update date and the practice's check date, as yyyy-mm-dd. */
export function lastChecked(resource: Pick<Resource, 'updated'>, curation?: Pick<Curation, 'verifiedOn'>): string | undefined {
  const dates = [resource.updated, curation?.verifiedOn].filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d));
  return dates.sort().pop()?.slice(0, 10);
}

/** The yyyy-mm-dd date 12 months before `now`; anything older is stale. */
export function staleCutoff(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d.toISOString().slice(0, 10);
}

/** True when the entry has not been updated or checked in the last 12 months (or never). */
export function isStale(resource: Pick<Resource, 'updated'>, curation: Pick<Curation, 'verifiedOn'> | undefined, now: Date): boolean {
  const last = lastChecked(resource, curation);
  return last === undefined || last < staleCutoff(now);
}
