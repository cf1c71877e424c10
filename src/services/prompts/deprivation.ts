/**
 * The practice's postcode-to-data-zone look-up (issue #14), imported from the
 * Scottish Postcode Directory CSV and kept in the extension's database; the
 * SIMD 2020v2 deciles ship with the extension (src/prompts/data). Without a
 * look-up for a postcode the deprivation rule stays silent: it never guesses
 * from a district.
 */
import type { LinksDatabase } from '../../db/database';
import { KindedError } from '../../lib/result';
import { parsePostcodeDataZones, simdDecileFor, type PostcodeDataZones } from '../../prompts/simd';

const KEY = 'postcodeDataZones';

export interface DeprivationStore {
  importLookup(text: string): Promise<{ postcodes: number; skipped: number }>;
  decileOf(postcode: string): Promise<number | undefined>;
  size(): Promise<number>;
}

export function createDeprivationStore(db: LinksDatabase): DeprivationStore {
  let lookup: Promise<PostcodeDataZones | undefined> | undefined;
  const load = () =>
    (lookup ??= db.kv.get(KEY).then((row) => (Array.isArray(row?.value) ? new Map(row.value as [string, string][]) : undefined)));
  return {
    async importLookup(text) {
      const parsed = parsePostcodeDataZones(text);
      if (parsed.error) throw new KindedError('Invalid', `${parsed.error} The look-up you had before is unchanged.`);
      await db.kv.put({ key: KEY, value: [...parsed.lookup.entries()] });
      lookup = Promise.resolve(parsed.lookup);
      return { postcodes: parsed.lookup.size, skipped: parsed.skipped };
    },
    async decileOf(postcode) {
      return simdDecileFor(postcode, await load());
    },
    async size() {
      return (await load())?.size ?? 0;
    },
  };
}
