/**
 * Postcode -> coordinates on this machine only: the patient's postcode is
 * looked up in tables shipped with or imported into the extension, never sent
 * anywhere. Full postcodes give 'postcode' precision; otherwise the outcode
 * (postcode district) centroid gives 'district' precision.
 */
import Papa from 'papaparse';
import { isValid, toOutcode, validOutcode } from 'postcode';
import { normalisePostcode } from '../context/postcode';
import { isRecord, safeCoords } from './clean-text';

/** One normaliser for the whole extension (src/context/postcode.ts). */
export { normalisePostcode };

export type LatLon = [number, number];

export interface PostcodeTables {
  /** Normalised full postcode ("G31 4QT") -> [lat, lon]. */
  full?: Map<string, LatLon>;
  /** Outcode ("G31") -> [lat, lon]. */
  districts: Map<string, LatLon>;
}

export interface Located {
  lat: number;
  lon: number;
  precision: 'postcode' | 'district';
}

/** The outcode of a full postcode, or the input itself if it is already an outcode ("G31"). */
export function outcodeOf(pc: string): string | undefined {
  if (typeof pc !== 'string') return undefined;
  const compact = pc.replace(/\s+/g, '').toUpperCase();
  if (isValid(compact)) return toOutcode(compact) ?? undefined;
  return validOutcode(compact) ? compact : undefined;
}

/** Coordinates for a postcode or outcode from local tables; undefined when unknown. */
export function locatePostcode(pc: string, tables: PostcodeTables): Located | undefined {
  const full = normalisePostcode(pc);
  const exact = full ? tables.full?.get(full) : undefined;
  if (exact) return { lat: exact[0], lon: exact[1], precision: 'postcode' };
  const outcode = outcodeOf(pc);
  const district = outcode ? tables.districts.get(outcode) : undefined;
  return district ? { lat: district[0], lon: district[1], precision: 'district' } : undefined;
}

/** Header spellings accepted for each column (lower-case, spaces/underscores removed). */
export const POSTCODE_TABLE_HEADERS = {
  postcode: ['postcode', 'pcd', 'pcds', 'pcd2', 'pcd7', 'pcd8', 'postcodes', 'postalcode', 'outcode'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'long', 'lng', 'longitude'],
} satisfies Record<string, string[]>;

const headerKey = (h: string): string => h.toLowerCase().replace(/[\s_\-.]/g, '');

function findColumn(fields: string[], aliases: string[]): string | undefined {
  return fields.find((f) => aliases.includes(headerKey(f)));
}

/**
 * Reads a postcode-coordinates CSV (`postcode,lat,lon`, or ONS NSPL / NRS
 * style `pcds,lat,long`). Full postcodes go to `full`, bare outcodes to
 * `districts`. Rows with bad postcodes or out-of-range coordinates are counted
 * in `skipped`. Never throws.
 */
export function parsePostcodeTable(csv: string): { full: Map<string, LatLon>; districts: Map<string, LatLon>; skipped: number; error?: string } {
  const full = new Map<string, LatLon>();
  const districts = new Map<string, LatLon>();
  try {
    const parsed = Papa.parse<Record<string, string>>(String(csv).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
    const fields = parsed.meta.fields ?? [];
    const pcCol = findColumn(fields, POSTCODE_TABLE_HEADERS.postcode);
    const latCol = findColumn(fields, POSTCODE_TABLE_HEADERS.lat);
    const lonCol = findColumn(fields, POSTCODE_TABLE_HEADERS.lon);
    if (!pcCol || !latCol || !lonCol) {
      return { full, districts, skipped: parsed.data.length, error: 'The postcode table needs columns for postcode, latitude and longitude (for example "postcode,lat,lon").' };
    }
    let skipped = 0;
    for (const row of parsed.data) {
      const coords = safeCoords(row[latCol], row[lonCol]);
      const raw = row[pcCol] ?? '';
      const pc = normalisePostcode(raw);
      const oc = pc ? undefined : outcodeOf(raw);
      if (!coords || (!pc && !oc)) {
        skipped++;
        continue;
      }
      if (pc) full.set(pc, [coords.lat, coords.lon]);
      else if (oc) districts.set(oc, [coords.lat, coords.lon]);
    }
    return { full, districts, skipped };
  } catch {
    return { full, districts, skipped: 0, error: 'The postcode table could not be read.' };
  }
}

/** Reads the shipped public/data/outcode-centroids.json shape (`_`-prefixed keys are metadata). */
export function parseOutcodeCentroids(json: unknown): Map<string, LatLon> {
  const out = new Map<string, LatLon>();
  if (!isRecord(json)) return out;
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('_') || !Array.isArray(value)) continue;
    const coords = safeCoords(value[0], value[1]);
    if (coords) out.set(key.toUpperCase(), [coords.lat, coords.lon]);
  }
  return out;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
