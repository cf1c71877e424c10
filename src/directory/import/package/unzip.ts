/**
 * Opens a zipped HSDS package in memory (fflate), refusing what a directory
 * file has no business being: a zip bomb (a small file that unpacks to
 * gigabytes), paths that climb out of the folder (`../`), or more than the
 * size cap. Every entry is checked against the zip's own directory before
 * anything is unpacked, and fflate unpacks each entry into a buffer of the
 * checked size, so a zip that lies about sizes cannot grow past the cap (#16).
 */
import { unzipSync } from 'fflate';

export interface PackageFile {
  /** File name, with any folder path inside the package ("csv/services.csv"). */
  name: string;
  bytes?: Uint8Array;
  text?: string;
}

export const ZIP_LIMITS = {
  /** Largest zip accepted, in bytes. */
  maxZipBytes: 100 * 1024 * 1024,
  /** Largest total the files may unpack to, in bytes (also the cap on a folder's files). */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Most entries in one zip. */
  maxEntries: 2000,
  /** Most an entry of over 1 MB may expand (CSV compresses about 5–20×; bombs 1,000× and more). */
  maxRatio: 200,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

const MB = 1024 * 1024;

/** Whether bytes start like a zip file (a local file header, or an empty zip's end record). */
export const isZip = (bytes: Uint8Array | undefined): boolean =>
  !!bytes && bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));

/** A path that stays inside the package: no `..` step, not absolute, no drive letter or backslash. */
export function isSafePath(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || name.includes('\0')) return false;
  return !name.split('/').some((part) => part === '..');
}

class Refused extends Error {}

const size = (n: number): string => (n >= MB ? `${Math.round(n / MB)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The package's files from a zip, or a plain reason it was not opened. Never throws. */
export function unzipPackage(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): { ok: true; files: PackageFile[]; skipped: string[] } | { ok: false; reason: string } {
  if (bytes.length > limits.maxZipBytes) return { ok: false, reason: `The zip is ${size(bytes.length)}; the most accepted is ${size(limits.maxZipBytes)}. Nothing was changed.` };
  let entries = 0;
  let total = 0;
  const skipped: string[] = [];
  try {
    const out = unzipSync(bytes, {
      filter: (entry) => {
        if (++entries > limits.maxEntries) throw new Refused(`The zip holds more than ${limits.maxEntries} files, far more than an HSDS package has, so it was not opened.`);
        if (!isSafePath(entry.name)) throw new Refused(`The zip holds a file with an unsafe path ("${entry.name.slice(0, 80)}"), which could write outside its folder, so it was not opened.`);
        const base = entry.name.split('/').pop() ?? '';
        if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/') || base.startsWith('.')) return false;
        if (!/\.(csv|json)$/i.test(base)) {
          skipped.push(entry.name);
          return false;
        }
        if (entry.compression !== 0 && entry.compression !== 8) throw new Refused(`"${base}" is packed with a method this importer cannot open (only the usual "deflate"). Zip the folder again with a standard tool.`);
        total += entry.originalSize;
        if (total > limits.maxTotalBytes) throw new Refused(`The zip unpacks to more than ${size(limits.maxTotalBytes)}, more than a directory needs, so it was not opened.`);
        if (entry.originalSize > MB && entry.originalSize > entry.size * limits.maxRatio) {
          throw new Refused(`"${base}" would expand ${Math.round(entry.originalSize / Math.max(1, entry.size))} times when unpacked, which is how a "zip bomb" is made, so the zip was not opened.`);
        }
        return true;
      },
    });
    return { ok: true, files: Object.entries(out).map(([name, data]) => ({ name, bytes: data })), skipped };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: `${error.message} Nothing was changed.` };
    return { ok: false, reason: 'The file is not a zip that can be opened (it may be damaged or only part-downloaded). Nothing was changed.' };
  }
}
