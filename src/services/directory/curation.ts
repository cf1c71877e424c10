/**
 * The practice's curation of services (recommended, notes, hidden, verified
 * on). Kept apart from the synced data, so it survives a re-sync.
 */
import type { LinksDatabase } from '../../db/database';
import type { Curation } from '../../directory/resource';
import type { IndexCache } from './index-cache';

export async function curate(db: LinksDatabase, cache: IndexCache, resourceId: string, patch: Omit<Curation, 'resourceId'>): Promise<Curation> {
  const next = await db.transaction('rw', db.curation, async () => {
    const current = (await db.curation.get(resourceId)) ?? { resourceId };
    const merged: Curation = { ...current, ...patch, resourceId };
    await db.curation.put(merged);
    return merged;
  });
  // Applied to the index in memory: no rebuild, and the stored snapshot stays valid (curation is not in it).
  cache.curated(next);
  return next;
}
