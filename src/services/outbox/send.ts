/**
 * One delivery attempt. The row is marked `sending` (one transaction), the
 * request goes after that commits, and the answer is written in another. A
 * delivery counts only when the destination confirms it (issue #11): no
 * redirect is followed, and a 2xx that is not the expected FHIR
 * transaction-response or webhook receipt is a visible failure.
 */
import type { LinksDatabase } from '../../db/database';
import { buildRequest, type HttpDestination } from '../../referral/destinations';
import { classifyResponse, REDIRECTED, type DeliveryOutcome } from '../../referral/response';
import type { Referral } from '../../referral/referral';
import type { Settings } from '../../settings/schema';
import { authFailureOutcome, REFUSED_AFTER_RENEWAL, REFUSED_BEARER } from '../../referral/auth/deliver';
import { isAuthError } from '../../referral/auth/errors';
import { usesTokenEndpoint } from '../../referral/auth/schema';
import type { AuthClient } from '../../referral/auth/token-client';
import { recordEvent } from '../insights/events';
import type { CanReach } from '../net/reach';
import { requestSite, type SiteAnswer } from '../net/request';
import { applyEvent } from './store';

export const SEND_TIMEOUT_MS = 20_000;

export interface SendOptions {
  fetchImpl?: typeof fetch;
  canReach?: CanReach;
  timeoutMs?: number;
  /** Signs requests in to the destination (issue #15); none: no Authorization header. */
  auth?: AuthClient;
}

/** The outcome of one answer from the destination (pure apart from its input). */
export function outcomeOf(answer: SiteAnswer, dest: HttpDestination, referralId: string): DeliveryOutcome {
  switch (answer.kind) {
    case 'response':
      return classifyResponse(answer.status, answer.body, { kind: dest.kind, referralId });
    case 'redirect':
      return classifyResponse(REDIRECTED, '');
    case 'timeout':
      return { kind: 'retry', reason: 'The referral service did not answer in time.' };
    case 'blocked':
      return { kind: 'retry', reason: answer.message };
    case 'unreachable':
      return { kind: 'retry', reason: 'The referral service could not be reached (network error).' };
  }
}

/** Sends a referral to an HTTP destination and says what came of it. Never throws. */
export async function deliver(referral: Referral, dest: HttpDestination, settings: Settings, options: SendOptions = {}): Promise<DeliveryOutcome> {
  let request;
  try {
    request = buildRequest(referral, dest, { chiSystem: settings.identifierSystems.chi, nhsSystem: settings.identifierSystems.nhs });
  } catch (error) {
    return { kind: 'failed', reason: `The referral could not be prepared: ${error instanceof Error ? error.message : String(error)}` };
  }
  const auth = options.auth;
  /** One POST with the destination's credentials (fresh ones when `renew`); a sign-in problem is an outcome at once. */
  const attempt = async (renew: boolean): Promise<{ outcome: DeliveryOutcome } | { answer: SiteAnswer }> => {
    let signIn: Record<string, string> = {};
    if (auth) {
      try {
        if (renew) await auth.invalidate();
        signIn = await auth.authorize(dest);
      } catch (error) {
        if (isAuthError(error)) return { outcome: authFailureOutcome(error) };
        // Anything else before a request was made (the sign-in details could not be read yet): nothing was sent,
        // so the referral waits and is tried again, rather than being left half-way in "sending".
        return { outcome: { kind: 'retry', reason: `Signing in to the referral service failed before sending: ${error instanceof Error ? error.message : String(error)}` } };
      }
    }
    const answer = await requestSite(
      request.url,
      { method: request.method, headers: { ...request.headers, ...signIn }, body: request.body },
      {
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        ...(options.canReach ? { canReach: options.canReach } : {}),
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        where: 'Referral destination',
        consequence: 'The referral is kept and will be sent once access is allowed.',
      },
    );
    return { answer };
  };
  const refused = (r: { answer: SiteAnswer }) => r.answer.kind === 'response' && r.answer.status === 401;
  let result = await attempt(false);
  if ('outcome' in result) return result.outcome;
  // A 401 gets one fresh token and one more try (a token revoked or expired early), then plain words.
  if (refused(result) && auth && usesTokenEndpoint(dest.auth)) {
    result = await attempt(true);
    if ('outcome' in result) return result.outcome;
    if (refused(result)) return { kind: 'failed', reason: REFUSED_AFTER_RENEWAL };
  } else if (refused(result) && dest.auth?.kind === 'bearer') {
    return { kind: 'failed', reason: REFUSED_BEARER };
  }
  return outcomeOf(result.answer, dest, referral.id);
}

/** Picks up one queued row, sends it and records the result. */
export async function sendOne(db: LinksDatabase, settings: Settings, id: string, options: SendOptions = {}): Promise<void> {
  const row = await applyEvent(db, id, { type: 'send' });
  if (!row || row.state !== 'sending' || !row.referral) return;
  const dest = row.destination;
  if (dest.kind !== 'fhir' && dest.kind !== 'webhook') return;
  const outcome = await deliver(row.referral, dest, settings, options);
  const after = await applyEvent(db, id, { type: 'result', outcome });
  if (after && after.state !== row.state) {
    const action = after.state === 'sent' ? 'sent' : after.state === 'failed' ? 'failed' : undefined;
    if (action) await recordEvent(db, { kind: 'referral', action, need: row.summary.needs[0] });
  }
}
