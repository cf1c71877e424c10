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

/** Turn anything thrown into an AppError with a message fit for a person. */
export function toAppError(error: unknown): AppError {
  if (error instanceof KindedError) {
    return error.details ? { kind: error.kind, message: error.message, details: error.details } : { kind: error.kind, message: error.message };
  }
  if (error instanceof Error) {
    const kind: ErrorKind = error.name === 'QuotaExceededError' || error.name.endsWith('Error') && error.name.startsWith('Dexie') ? 'Storage' : 'Internal';
    return { kind, message: error.message || error.name };
  }
  return { kind: 'Internal', message: String(error) };
}
