/**
 * Results crossing a boundary (messaging, import, validation) are values, not
 * exceptions: callers must look at `ok`. Error kinds are string names so they
 * survive structured cloning and can be told apart without instanceof.
 */
export type ErrorKind =
  | 'BadRequest'
  | 'NotAllowed'
  | 'NotFound'
  | 'Invalid'
  | 'Network'
  | 'Storage'
  | 'Internal';

export interface AppError {
  kind: ErrorKind;
  message: string;
  /** Field-level problems, e.g. settings or referral validation. */
  details?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: details ? { kind, message, details } : { kind, message },
});

/** An Error that carries an ErrorKind, thrown inside a context and turned into a Result at its edge. */
export class KindedError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = kind;
  }
}

/**
 * Error names raised by IndexedDB and by Dexie over it (Dexie.errnames, each
 * with "Error" appended). Names, not instanceof: this module stays free of Dexie.
 */
const STORAGE_ERRORS = new Set([
  'QuotaExceededError', 'DatabaseClosedError', 'OpenFailedError', 'VersionError', 'VersionChangeError', 'UpgradeError',
  'SchemaError', 'InvalidTableError', 'MissingAPIError', 'NoSuchDatabaseError', 'ConstraintError', 'DataCloneError',
  'ReadOnlyError', 'TransactionInactiveError', 'PrematureCommitError', 'BulkError', 'ModifyError', 'UnknownError',
]);

/** Turn anything thrown into an AppError with a message fit for a person. */
export function toAppError(error: unknown): AppError {
  if (error instanceof KindedError) {
    return error.details ? { kind: error.kind, message: error.message, details: error.details } : { kind: error.kind, message: error.message };
  }
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || (error as { inner?: { name?: string } }).inner?.name === 'QuotaExceededError') {
      // A Dexie transaction is all or nothing, so what was stored before is intact.
      return {
        kind: 'Storage',
        message: 'The browser has no room left to store this (its storage for the extension is full). Free some disk space or ask your IT team; nothing stored before was changed.',
      };
    }
    if (STORAGE_ERRORS.has(error.name)) {
      return { kind: 'Storage', message: `The extension's local database could not be used (${error.name}): ${error.message || 'no details'}` };
    }
    return { kind: 'Internal', message: error.message || error.name };
  }
  return { kind: 'Internal', message: String(error) };
}
