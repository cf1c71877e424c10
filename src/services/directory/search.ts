/**
 * Directory search for the sidebar and popup, one resource for the slip, and
 * the practice's curation browser.
 */
import type { LinksDatabase } from '../../db/database';
import { isStale } from '../../directory/freshness';
import { locatePostcode, outcodeOf, type PostcodeTables } from '../../directory/geo';
import type { Curation, Resource } from '../../directory/resource';
import { shareText } from '../../directory/share';
import type { SearchHit, SearchResponse } from '../../messaging/protocol';
import type { Settings } from '../../settings/schema';
import { recordEvent } from '../insights/events';
import type { IndexCache } from './index-cache';

export async function search(
  db: LinksDatabase,
  cache: IndexCache,
  settings: Settings,
  tables: PostcodeTables,
  query: { needs?: string[]; text?: string; postcode?: string; limit?: number; origin?: 'sidebar' | 'popup'; openToday?: boolean },
  now = new Date(),
): Promise<SearchResponse> {
  const index = await cache.get();
  const { curation } = index;
  let near: { lat: number; lon: number } | undefined;
  let locatedBy: SearchResponse['locatedBy'];
  const located = query.postcode ? locatePostcode(query.postcode, tables) : undefined;
  if (located) {
    near = { lat: located.lat, lon: located.lon };
    locatedBy = located.precision;
  } else {
    const practice = settings.practice.location ?? (settings.practice.postcode ? locatePostcode(settings.practice.postcode, tables) : undefined);
    if (practice) {
      near = { lat: practice.lat, lon: practice.lon };
      locatedBy = 'practice';
    }
  }
  const found = await index.search({
    ...(query.needs?.length ? { needs: query.needs } : {}),
    ...(query.text ? { text: query.text } : {}),
    ...(near ? { near } : {}),
    ...(query.openToday ? { openToday: true, now } : {}),
    limit: query.limit ?? 10,
  });
  const hits = found.map((hit) => toHit(hit, curation.get(hit.resource.id), now));
  // A gap: nothing within the practice's radius. Anonymous: need and postcode district only.
  const withinRadius = hits.some((h) => h.distanceKm === undefined || h.distanceKm <= settings.practice.radiusKm);
  if (!withinRadius && (query.needs?.length || query.text)) {
    const district = query.postcode ? outcodeOf(query.postcode) : undefined;
    await recordEvent(db, { kind: 'search', action: 'no-result', ...(query.needs?.[0] ? { need: query.needs[0] } : {}), ...(district ? { district } : {}) }, now);
  }
  return { hits, total: index.size, ...(locatedBy ? { locatedBy } : {}) };
}

/**
 * A hit as the sidebar and popup receive it: with the practice's curation, its
 * staleness and the text a receptionist copies. That text is made here, from
 * data sanitised on import, so the content script carries no text-cleaning code.
 */
export function toHit(found: { resource: Resource; score: number; distanceKm?: number }, curation: Curation | undefined, now: Date): SearchHit {
  return {
    ...found,
    ...(curation ? { curation } : {}),
    stale: isStale(found.resource, curation, now),
    shareText: shareText(found.resource, found.distanceKm),
  };
}

export async function getResource(db: LinksDatabase, cache: IndexCache, id: string): Promise<SearchHit | null> {
  const resource = await (await cache.get()).get(id);
  if (!resource) return null;
  const curation = await db.curation.get(id);
  return toHit({ resource, score: 0 }, curation, new Date());
}

/**
 * Resources for the practice to curate, hidden ones included (the search
 * index leaves hidden services out), matched on name or organisation.
 */
export async function browse(db: LinksDatabase, text: string, limit = 50, now = new Date()): Promise<{ hits: SearchHit[]; total: number }> {
  const needle = text.trim().toLowerCase();
  const [pages, curationRows] = await Promise.all([db.resourcePages.toArray(), db.curation.toArray()]);
  const curation = new Map(curationRows.map((c) => [c.resourceId, c]));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const page of pages) {
    for (const resource of page.resources) {
      if (needle && !`${resource.name} ${resource.organisation ?? ''}`.toLowerCase().includes(needle)) continue;
      total += 1;
      if (hits.length >= limit) continue;
      hits.push(toHit({ resource, score: 0 }, curation.get(resource.id), now));
    }
  }
  hits.sort((a, b) => a.resource.name.localeCompare(b.resource.name));
  return { hits, total };
}

