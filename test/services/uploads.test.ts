import { describe, expect, test } from 'vitest';
import { createUploads } from '../../src/services/directory/uploads';

describe('uploads held by the background', () => {
  test('pieces sent in order come back as the whole text, once', () => {
    const uploads = createUploads();
    expect(uploads.add('u-1', 0, 'name,postcode\n')).toBe(14);
    expect(uploads.add('u-1', 1, 'Food bank,G31 4QT')).toBe(31);
    expect(uploads.take('u-1')).toBe('name,postcode\nFood bank,G31 4QT');
    expect(() => uploads.take('u-1')).toThrow(/did not arrive in full/);
  });

  test.each([
    ['a piece missing in the middle', [0, 2]],
    ['a piece sent twice', [0, 1, 1]],
    ['pieces of an upload the worker never saw (it restarted)', [1, 2]],
  ])('%s: refused with a plain message, and the upload is dropped', (_label, order) => {
    const uploads = createUploads();
    let error: unknown;
    try {
      for (const i of order) uploads.add('u-2', i, `piece ${i}`);
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(/Nothing was changed: import the file again/);
    expect(() => uploads.take('u-2')).toThrow(/did not arrive in full/);
  });

  test('starting again at piece 0 replaces an earlier attempt', () => {
    const uploads = createUploads();
    uploads.add('u-3', 0, 'old');
    uploads.add('u-3', 0, 'new');
    expect(uploads.take('u-3')).toBe('new');
  });

  test('an upload left unfinished for ten minutes is dropped', () => {
    let now = 0;
    const uploads = createUploads(() => now);
    uploads.add('u-4', 0, 'abc');
    now = 9 * 60_000;
    uploads.add('u-4', 1, 'def');
    now += 10 * 60_000 + 1;
    expect(() => uploads.take('u-4')).toThrow(/did not arrive in full/);
  });

  test('uploads are kept apart', () => {
    const uploads = createUploads();
    uploads.add('a-1', 0, 'A');
    uploads.add('b-1', 0, 'B');
    uploads.add('a-1', 1, 'A');
    expect(uploads.take('b-1')).toBe('B');
    expect(uploads.take('a-1')).toBe('AA');
  });
});
