/**
 * Why the sidebar could not authenticate, in words for the practice, and
 * whether trying again later can help. Messages never carry a secret or a
 * token (see redact).
 */
export type AuthProblem =
  /** The token endpoint could not be reached or did not answer in time: try again later. */
  | 'unreachable'
  /** It answered 5xx / 429 / 408: try again later. */
  | 'unavailable'
  /** It refused the client (wrong id, secret or key; key not registered; scope not allowed): a person must fix it. */
  | 'refused'
  /** It answered with a redirect, which is never followed: a person must check the address. */
  | 'redirect'
  /** It answered something that is not a token: a person must check the address. */
  | 'bad-response'
  /** A secret the settings need is missing, or the settings are not complete. */
  | 'not-configured'
  /** The destination still refused after a fresh token (401 twice). */
  | 'rejected-token';

const RETRYABLE: ReadonlySet<AuthProblem> = new Set(['unreachable', 'unavailable']);

export class AuthError extends Error {
  override name = 'AuthError';
  readonly retryable: boolean;
  constructor(
    readonly problem: AuthProblem,
    message: string,
  ) {
    super(message);
    this.retryable = RETRYABLE.has(problem);
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof Error && error.name === 'AuthError' && 'problem' in error;
}

/** Replaces every secret found in `text` with a mark, so a server that echoes one cannot put it on screen or in a log. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>((t, s) => (s && s.length >= 4 ? t.split(s).join('[hidden]') : t), text);
}
