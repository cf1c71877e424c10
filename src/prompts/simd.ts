/**
 * Deprivation for the deprivation prompt rule (#14): the shipped SIMD 2020v2
 * decile of every 2011 data zone, and a practice-imported look-up from
 * postcode to data zone (the Scottish Postcode Directory, or any CSV with a
 * postcode column and a 2011 data zone column). Pure: the caller stores the
 * look-up and passes `simdDecileFor(...)` to promptsFor as `simdDecile`.
 * Without a look-up entry for the postcode there is no decile: the rule stays
 * silent rather than guessing from the district.
 */
import Papa from 'papaparse';
import table from './data/simd-2020v2-deciles.json';

/** Normalised postcode ("G31 4QT") -> 2011 data zone code ("S01010021"). */
export type PostcodeDataZones = ReadonlyMap<string, string>;

/** Deciles by 2011 data zone. */
export interface SimdDeciles {
  /** 1 (most deprived 10%) to 10, or undefined for a code that is not a 2011 data zone. */
  decileOf(dataZone: string): number | undefined;
}

const DATA_ZONE = /^S01(\d{6})$/;
const FIRST = Number(DATA_ZONE.exec(table.firstDataZone)?.[1] ?? NaN);

/** SIMD 2020v2 deciles of the 6,976 data zones (src/prompts/data/README.md: source, licence, attribution). */
export const SIMD_2020V2: SimdDeciles = {
  decileOf(dataZone) {
    const m = DATA_ZONE.exec(String(dataZone).trim().toUpperCase());
    const d = m ? table.deciles[Number(m[1]) - FIRST] : undefined;
    return typeof d === 'number' && d >= 1 && d <= 10 ? d : undefined;
  },
};

export { SIMD_ATTRIBUTION } from './simd-attribution';

/** "g31 4qt", "G314QT" -> "G31 4QT"; undefined when it is not a full UK postcode shape. */
export function postcodeKey(raw: string): string | undefined {
  const compact = String(raw).toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Header spellings accepted (lower case, letters and digits only). */
export const POSTCODE_DATA_ZONE_HEADERS = {
  postcode: ['postcode', 'pc', 'pcd', 'pcds', 'pcd2', 'pcd7', 'pcd8', 'pc7', 'pc8', 'postcodes', 'postalcode'],
  dataZone: ['datazone2011code', 'datazone2011', 'datazone', 'datazonecode', 'dz2011code', 'dz2011', 'dz2011cd', 'dz11', 'dz11cd', 'dzcode', 'dz', 'lsoa11', 'lsoa11cd'],
  deleted: ['dateofdeletion', 'doterm', 'deleted'],
} satisfies Record<string, string[]>;

export interface ParsedPostcodeDataZones {
  lookup: Map<string, string>;
  /** Rows read into the look-up. */
  rows: number;
  /** Rows without a valid postcode or a 2011 data zone code (S01...). */
  skipped: number;
  /** Why nothing could be read, in words for the options page. */
  error?: string;
}

const headerKey = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads a postcode-to-data-zone CSV such as the Scottish Postcode Directory
 * (`Postcode`, `DataZone2011Code`, ...) or the ONS postcode directory (`pcds`,
 * `lsoa11`). A postcode listed twice keeps a live row over a deleted one
 * (`DateOfDeletion`). Never throws.
 */
export function parsePostcodeDataZones(csv: string): ParsedPostcodeDataZones {
  const lookup = new Map<string, string>();
  try {
    const parsed = Papa.parse<Record<string, string>>(String(csv).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
    const fields = parsed.meta.fields ?? [];
    const find = (aliases: string[]): string | undefined => fields.find((f) => aliases.includes(headerKey(f)));
    const pcCol = find(POSTCODE_DATA_ZONE_HEADERS.postcode);
    const dzCol = find(POSTCODE_DATA_ZONE_HEADERS.dataZone);
    const delCol = find(POSTCODE_DATA_ZONE_HEADERS.deleted);
    if (!pcCol || !dzCol) {
      return {
        lookup,
        rows: 0,
        skipped: parsed.data.length,
        error: 'The file needs a postcode column and a 2011 data zone column (for example "Postcode" and "DataZone2011Code", as in the Scottish Postcode Directory).',
      };
    }
    let rows = 0;
    let skipped = 0;
    const live = new Set<string>();
    for (const row of parsed.data) {
      const pc = postcodeKey(row[pcCol] ?? '');
      const dz = String(row[dzCol] ?? '').trim().toUpperCase();
      if (!pc || !DATA_ZONE.test(dz)) {
        skipped += 1;
        continue;
      }
      const deleted = delCol !== undefined && String(row[delCol] ?? '').trim() !== '';
      if (deleted && lookup.has(pc)) continue;
      if (!deleted && live.has(pc) && lookup.get(pc) !== dz) continue;
      if (!deleted) live.add(pc);
      lookup.set(pc, dz);
      rows += 1;
    }
    if (lookup.size === 0) return { lookup, rows, skipped, error: 'No row had both a postcode and a 2011 data zone code (S01...).' };
    return { lookup, rows, skipped };
  } catch {
    return { lookup, rows: 0, skipped: 0, error: 'The postcode look-up could not be read.' };
  }
}

/**
 * The SIMD decile (1 = most deprived 10%) of a postcode, through the practice's
 * look-up; undefined when the look-up does not have the postcode or its data
 * zone is unknown. Pass the result to promptsFor as `simdDecile`.
 */
export function simdDecileFor(postcode: string, lookup: PostcodeDataZones | undefined, deciles: SimdDeciles = SIMD_2020V2): number | undefined {
  const key = typeof postcode === 'string' ? postcodeKey(postcode) : undefined;
  const dz = key && lookup ? lookup.get(key) : undefined;
  return dz ? deciles.decileOf(dz) : undefined;
}
