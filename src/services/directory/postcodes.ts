/**
 * Where a postcode is, from local tables only: the shipped outcode centroids
 * and the full postcode table a practice may import. Never an online lookup.
 */
import type { LinksDatabase } from '../../db/database';
import { parseOutcodeCentroids, parsePostcodeTable, type LatLon, type PostcodeTables } from '../../directory/geo';
import { KindedError } from '../../lib/result';

export interface PostcodeStore {
  tables(): Promise<PostcodeTables>;
  importTable(text: string): Promise<{ postcodes: number; skipped: number }>;
}

/** `loadDistricts` reads public/data/outcode-centroids.json (the extension's own file). */
export function createPostcodeStore(db: LinksDatabase, loadDistricts: () => Promise<unknown>): PostcodeStore {
  let districts: Promise<Map<string, LatLon>> | undefined;
  return {
    async tables() {
      districts ??= loadDistricts()
        .then(parseOutcodeCentroids)
        .catch(() => new Map<string, LatLon>());
      const fullRow = await db.kv.get('postcodes');
      const full = Array.isArray(fullRow?.value) ? new Map(fullRow.value as [string, LatLon][]) : undefined;
      return full ? { districts: await districts, full } : { districts: await districts };
    },
    async importTable(text) {
      const table = parsePostcodeTable(text);
      if (table.error) throw new KindedError('Invalid', table.error);
      await db.kv.put({ key: 'postcodes', value: [...table.full.entries()] });
      return { postcodes: table.full.size, skipped: table.skipped };
    },
  };
}
