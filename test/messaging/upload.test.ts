// uploadText against the background's real upload store; only the transport
// (runtime.sendMessage) is replaced, by a direct call.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { send } from '../../src/messaging/client';
import { uploadText } from '../../src/messaging/upload';
import { createUploads, type Uploads } from '../../src/services/directory/uploads';

vi.mock('../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));
const sendMock = vi.mocked(send);

let uploads: Uploads;
const pieces: string[] = [];
beforeEach(() => {
  uploads = createUploads();
  pieces.length = 0;
  sendMock.mockReset();
  sendMock.mockImplementation((async (type: string, payload: { uploadId: string; index: number; text: string }) => {
    if (type !== 'upload.chunk') throw new Error(`unexpected ${type}`);
    pieces.push(payload.text);
    return { ok: true, value: { received: uploads.add(payload.uploadId, payload.index, payload.text) } };
  }) as unknown as typeof send);
});

describe('uploadText', () => {
  test.each([
    ['an empty file', '', 4, 1],
    ['smaller than a piece', 'abc', 4, 1],
    ['exactly one piece', 'abcd', 4, 1],
    ['several pieces', 'abcdefghij', 4, 3],
    ['an emoji across a boundary stays whole', 'abc😀def', 4, 3],
    ['accents and Gaelic', 'Seirbheis bìdh, Glaschu', 5, 5],
  ])('%s arrives unchanged', async (_label, text, chunkChars, expectedPieces) => {
    const up = await uploadText(text, { chunkChars });
    expect(up.ok).toBe(true);
    expect(pieces).toHaveLength(expectedPieces);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(chunkChars);
    expect(uploads.take(up.ok ? up.value : '')).toBe(text);
  });

  test('no piece ends in half of a surrogate pair', async () => {
    await uploadText('😀'.repeat(10), { chunkChars: 3 });
    for (const piece of pieces) expect(piece).toBe(piece.toWellFormed());
  });

  test('reports progress up to 1', async () => {
    const seen: number[] = [];
    await uploadText('x'.repeat(10), { chunkChars: 4, onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.4, 0.8, 1]);
  });

  test('a refused piece stops the upload and returns the reason', async () => {
    sendMock.mockResolvedValueOnce({ ok: true, value: { received: 4 } }).mockResolvedValueOnce({
      ok: false,
      error: { kind: 'Internal', message: 'The extension could not be reached.' },
    });
    const up = await uploadText('abcdefghijkl', { chunkChars: 4 });
    expect(up).toEqual({ ok: false, error: { kind: 'Internal', message: 'The extension could not be reached.' } });
    expect(sendMock).toHaveBeenCalledTimes(2);
  });
});
