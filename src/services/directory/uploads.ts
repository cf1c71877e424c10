/**
 * Large files (a directory export, a postcode table) reach the background in
 * pieces. One message carrying 50 MB is serialised on the sending page's main
 * thread in one go and freezes the options page for a second or more; pieces of
 * half a megabyte each take a few milliseconds, with the page free in between.
 *
 * Uploads live in the worker's memory only. If the worker is stopped mid-way
 * the upload is gone, and the import that asks for it fails with a plain
 * message: nothing was changed, import the file again.
 */
import { KindedError } from '../../lib/result';

/** Abandoned uploads are dropped after this long. */
const UPLOAD_TTL_MS = 10 * 60_000;
/** Far above any real directory or postcode file; stops a runaway sender filling the worker's memory. */
export const UPLOAD_MAX_CHARS = 300_000_000;

interface Upload {
  parts: string[];
  chars: number;
  touched: number;
}

export interface Uploads {
  /** Add piece `index` (0, 1, 2... in order) of upload `id`. Returns the characters received so far. */
  add(id: string, index: number, text: string): number;
  /** The whole text of a finished upload, removed from memory. */
  take(id: string): string;
}

export function createUploads(now: () => number = Date.now): Uploads {
  const uploads = new Map<string, Upload>();
  const expire = () => {
    for (const [id, upload] of uploads) if (now() - upload.touched > UPLOAD_TTL_MS) uploads.delete(id);
  };
  const interrupted = () =>
    new KindedError('Invalid', 'The file did not arrive in full (the extension restarted while it was being sent). Nothing was changed: import the file again.');
  return {
    add(id, index, text) {
      expire();
      let upload = uploads.get(id);
      if (index === 0) {
        upload = { parts: [], chars: 0, touched: now() };
        uploads.set(id, upload);
      }
      if (!upload || upload.parts.length !== index) {
        uploads.delete(id);
        throw interrupted();
      }
      if (upload.chars + text.length > UPLOAD_MAX_CHARS) {
        uploads.delete(id);
        throw new KindedError('Invalid', 'The file is too large to import (over 300 million characters).');
      }
      upload.parts.push(text);
      upload.chars += text.length;
      upload.touched = now();
      return upload.chars;
    },
    take(id) {
      expire();
      const upload = uploads.get(id);
      uploads.delete(id);
      if (!upload) throw interrupted();
      return upload.parts.join('');
    },
  };
}
