import type { Result } from '../lib/result';
import { send } from './client';
import { UPLOAD_CHUNK_CHARS } from './protocol';

/**
 * Send a large text (a directory export, a postcode table) to the background in
 * pieces, each awaited, so the page never blocks for long serialising one huge
 * message. Resolves to the id to pass as `uploadId` in the message that uses it.
 */
export async function uploadText(
  text: string,
  options: { chunkChars?: number; onProgress?: (fraction: number) => void } = {},
): Promise<Result<string>> {
  const size = Math.max(2, options.chunkChars ?? UPLOAD_CHUNK_CHARS);
  const uploadId = crypto.randomUUID();
  let index = 0;
  for (let start = 0; index === 0 || start < text.length; index++) {
    let end = Math.min(text.length, start + size);
    // Never split a surrogate pair (an emoji, some scripts) between two pieces.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    const reply = await send('upload.chunk', { uploadId, index, text: text.slice(start, end) });
    if (!reply.ok) return reply;
    start = end;
    options.onProgress?.(text.length === 0 ? 1 : start / text.length);
  }
  return { ok: true, value: uploadId };
}
