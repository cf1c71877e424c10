import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { draftKey } from '../../src/lib/salted-hash';

describe('draftKey', () => {
  test.each([
    ['chi:1403521234', 'salt-a'],
    ['nhs:9434765919', 'salt-a'],
    ['chi:1403521234', 'another salt'],
  ])('%s with %s is the salted SHA-256 hex', async (key, salt) => {
    const expected = createHash('sha256').update(`${salt}\u0000${key}`).digest('hex');
    expect(await draftKey(key, salt)).toBe(expected);
  });
  test('the identifier is not in the key, and the key is 64 hex characters', async () => {
    const key = await draftKey('chi:1403521234', 's');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('1403521234');
  });
  test.each([
    [['chi:1', 's'], ['chi:2', 's']],
    [['chi:1', 's'], ['chi:1', 't']],
    [['b', 'a'], ['', 'a\u0000b']],
  ])('different inputs, different keys: %j vs %j', async ([k1, s1], [k2, s2]) => {
    expect(await draftKey(k1 ?? '', s1 ?? '')).not.toBe(await draftKey(k2 ?? '', s2 ?? ''));
  });
  test('same input, same key', async () => {
    expect(await draftKey('chi:1', 'x')).toBe(await draftKey('chi:1', 'x'));
  });
});
