/**
 * One delivery attempt with the destination's credentials, as an outbox
 * outcome (issue #15). This is the one call the background's send path makes
 * in place of `fetch` + `classifyResponse`:
 *
 *     outcome = await deliverWithAuth(auth, request, destination, { signal, credentials: 'omit', cache: 'no-store' });
 *
 * A network failure of the destination itself is thrown as before (the
 * background tells "not allowed" from "down"); everything about signing in
 * becomes an outcome: retry when the sign-in service is down or busy (the
 * referral stays queued), failed with plain words when a person must fix
 * something (the referral stays, marked failed, with Try again).
 */
import type { DeliveryRequest, HttpDestination } from '../destinations';
import { classifyResponse, type DeliveryOutcome } from '../response';
import { isAuthError, type AuthError } from './errors';
import type { AuthClient } from './token-client';

/** The outbox outcome for a sign-in problem. */
export function authFailureOutcome(error: AuthError): DeliveryOutcome {
  return error.retryable ? { kind: 'retry', reason: error.message } : { kind: 'failed', reason: error.message };
}

export const REFUSED_AFTER_RENEWAL =
  'The Community Links service refused the sidebar (401) even with a new sign-in. Check the client id, the registered key and the scope in Options → Referral destination, or ask your health board; then press Try again. The referral is kept.';
export const REFUSED_BEARER =
  'The Community Links service refused the saved bearer token (401). Ask the service for a new token, save it in Options → Referral destination, then press Try again. The referral is kept.';

/**
 * POSTs the request with the destination's credentials and sorts the answer.
 * @throws whatever fetch throws for the destination itself (no connection, timeout), as a plain fetch would.
 */
export async function deliverWithAuth(auth: AuthClient, request: DeliveryRequest, dest: HttpDestination, init: RequestInit = {}): Promise<DeliveryOutcome> {
  let sent: { response: Response; renewed: boolean };
  try {
    sent = await auth.send(dest, request.url, { ...init, method: request.method, headers: request.headers, body: request.body });
  } catch (error) {
    if (isAuthError(error)) return authFailureOutcome(error);
    throw error;
  }
  const { response, renewed } = sent;
  const text = await response.text();
  if (response.status === 401 && renewed) return { kind: 'failed', reason: REFUSED_AFTER_RENEWAL };
  if (response.status === 401 && dest.auth?.kind === 'bearer') return { kind: 'failed', reason: REFUSED_BEARER };
  return classifyResponse(response.status, text);
}

/**
 * A fetch for reading back from the destination (the closed loop's Task
 * polls) with the same credentials and the same one renewal on 401.
 * Sign-in problems are thrown as AuthError.
 */
export function authorizedFetch(auth: AuthClient, dest: HttpDestination): (url: string, init?: RequestInit) => Promise<Response> {
  return async (url, init) => (await auth.send(dest, url, init)).response;
}
