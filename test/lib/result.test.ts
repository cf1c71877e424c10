import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { KindedError, toAppError } from '../../src/lib/result';

const named = (name: string, message = 'details') => Object.assign(new Error(message), { name });

describe('toAppError', () => {
  test.each([
    ['a kinded error keeps its kind and words', new KindedError('NotFound', 'No such service.'), 'NotFound', 'No such service.'],
    ['a full disk says so in plain words', named('QuotaExceededError'), 'Storage', 'no room left'],
    ["Dexie's wrapper around a full disk", Object.assign(named('AbortError'), { inner: { name: 'QuotaExceededError' } }), 'Storage', 'no room left'],
    ["Dexie's own closed-database error", named(Dexie.errnames.DatabaseClosed), 'Storage', 'local database could not be used (DatabaseClosedError)'],
    ['a constraint error from IndexedDB', named('ConstraintError', 'Key already exists'), 'Storage', 'Key already exists'],
    ['a network abort is not storage', named('AbortError', 'The operation was aborted.'), 'Internal', 'The operation was aborted.'],
    ['a plain TypeError', new TypeError('x is undefined'), 'Internal', 'x is undefined'],
    ['a thrown string', 'boom', 'Internal', 'boom'],
  ])('%s', (_label, thrown, kind, words) => {
    const error = toAppError(thrown);
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(words);
  });

  test("Dexie's error names: storage ones are Storage, generic ones (abort, timeout, bad argument...) stay Internal", () => {
    const names = Object.values(Dexie.errnames as Record<string, string>);
    const internal = names.filter((n) => toAppError(named(n)).kind !== 'Storage').sort();
    expect(internal).toEqual([
      'AbortError', 'DataError', 'ForeignAwaitError', 'InternalError', 'InvalidAccessError', 'InvalidArgumentError',
      'InvalidStateError', 'NotFoundError', 'SubTransactionError', 'SyntaxError', 'TimeoutError', 'UnsupportedError',
    ]);
  });
});
