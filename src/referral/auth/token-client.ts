/**
 * Gets, caches and renews the access token for the referral destination, and
 * sends with it (issue #15). No browser API: the background gives it `fetch`,
 * a clock and a key/value store (storage.local); the tests give a Map and a
 * real OAuth server.
 *
 * - A token is cached until shortly before it expires, then renewed.
 * - A 401 from the destination drops the token, gets one fresh token and
 *   tries once more; a second 401 is a clear failure for a person to fix.
 * - Token requests go only to the configured token endpoint, never follow a
 *   redirect, send no cookies, and never put a secret in an error message.
 */
import type { HttpDestination } from '../destinations';
import { isAllowedEndpoint } from '../endpoint';
import { AuthError, redact } from './errors';
import { clientAssertion, CLIENT_ASSERTION_TYPE } from './keys';
import { usesTokenEndpoint, type DestinationAuth, type DestinationSecrets, type TokenAuth } from './schema';
import { AUTH_STORAGE_KEYS, readLocalSecrets, type KeyValueStore } from './store';

export interface AuthClientDeps {
  fetchImpl: typeof fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  store: KeyValueStore;
  /** The secrets in force (policy over local: see resolveSecrets). Default: the local ones. */
  secrets?: () => Promise<DestinationSecrets>;
  /** Renew this long before expiry; capped at a quarter of the token's life. Default 60 s. */
  marginMs?: number;
  /** How long a token request may take. Default 15 s. */
  timeoutMs?: number;
  /** Ids for client assertions. Default crypto.randomUUID. */
  newId?: () => string;
}

export interface AuthClient {
  /** The Authorization header for this destination ({} when it needs none), from the cache while the token is fresh. @throws AuthError */
  authorize(dest: HttpDestination): Promise<Record<string, string>>;
  /** Forgets the cached token. */
  invalidate(): Promise<void>;
  /**
   * `fetch` with the destination's credentials. A 401 gets one fresh token
   * and one more try; `renewed` says whether that happened.
   * @throws AuthError when no token can be had; whatever fetchImpl throws for the destination itself.
   */
  send(dest: HttpDestination, url: string, init?: RequestInit): Promise<{ response: Response; renewed: boolean }>;
  /** Asks the token endpoint for a new token now (the options page's "Test sign-in"). Never throws. */
  test(dest: HttpDestination): Promise<{ ok: boolean; message: string }>;
}

interface CachedToken {
  fingerprint: string;
  accessToken: string;
  expiresAt: number;
  renewAt: number;
}

/** Assumed lifetime when the server does not say (SMART asks for at most five minutes). */
const DEFAULT_LIFETIME_S = 300;
const MAX_REASON = 300;

/** Which settings a token was issued for; no secret in it. */
function fingerprint(auth: TokenAuth): string {
  return JSON.stringify([auth.kind, auth.tokenUrl, auth.clientId, auth.scope ?? '', auth.kind === 'client-credentials' ? (auth.clientAuth ?? 'basic') : 'jwt']);
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before Basic. */
function basic(id: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  const bytes = new TextEncoder().encode(`${enc(id)}:${enc(secret)}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

async function tokenErrorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [json.error, json.error_description].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (parts.length > 0) return parts.join(': ');
  } catch {
    // not JSON
  }
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

export function createAuthClient(deps: AuthClientDeps): AuthClient {
  const margin = deps.marginMs ?? 60_000;
  const timeout = deps.timeoutMs ?? 15_000;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  const secretsNow = deps.secrets ?? (() => readLocalSecrets(deps.store));
  const inflight = new Map<string, Promise<CachedToken>>();

  async function cached(print: string): Promise<CachedToken | undefined> {
    const value = (await deps.store.get(AUTH_STORAGE_KEYS.token)) as Partial<CachedToken> | undefined;
    if (!value || value.fingerprint !== print || typeof value.accessToken !== 'string' || typeof value.renewAt !== 'number') return undefined;
    return deps.now() < value.renewAt ? (value as CachedToken) : undefined;
  }

  /** The form and headers of a token request, with the client's proof. @throws AuthError when a secret is missing. */
  async function tokenRequest(auth: TokenAuth, secrets: DestinationSecrets): Promise<{ body: URLSearchParams; headers: Record<string, string> }> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) body.set('scope', auth.scope);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (auth.kind === 'client-credentials') {
      if (!secrets.clientSecret) throw new AuthError('not-configured', 'No client secret is saved for the referral destination. Add it in Options → Referral destination (or ask your health board).');
      if (auth.clientAuth === 'post') {
        body.set('client_id', auth.clientId);
        body.set('client_secret', secrets.clientSecret);
      } else headers.Authorization = basic(auth.clientId, secrets.clientSecret);
      return { body, headers };
    }
    if (!secrets.privateKey) {
      throw new AuthError('not-configured', 'No signing key has been made for the referral destination. Make one in Options → Referral destination and register its public key with your health board.');
    }
    body.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
    body.set('client_assertion', await clientAssertion(secrets.privateKey, auth.clientId, auth.tokenUrl, deps.now(), newId()));
    return { body, headers };
  }

  async function fetchToken(auth: TokenAuth, print: string): Promise<CachedToken> {
    // Only ever the configured endpoint, and only a secure one.
    if (!isAllowedEndpoint(auth.tokenUrl)) throw new AuthError('not-configured', 'The token endpoint must start with https:// (plain http only for localhost).');
    const secrets = await secretsNow();
    const hide = (text: string) => redact(text, [secrets.clientSecret, secrets.bearerToken]).slice(0, MAX_REASON);
    const { body, headers } = await tokenRequest(auth, secrets);
    const where = originOf(auth.tokenUrl);
    let response: Response;
    try {
      response = await deps.fetchImpl(auth.tokenUrl, {
        method: 'POST',
        headers,
        body: body.toString(),
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new AuthError('unreachable', `The sign-in service at ${where} ${timedOut ? 'did not answer in time' : 'could not be reached'}. The referral is kept and will be sent when it answers.`);
    }
    const { status } = response;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      throw new AuthError('redirect', `The sign-in service at ${where} answered with a redirect, which the sidebar never follows. Check the token endpoint in Options → Referral destination.`);
    }
    if (status === 408 || status === 429 || status >= 500) {
      throw new AuthError('unavailable', `The sign-in service at ${where} is not working just now (${status}). The referral is kept and will be sent when it is.`);
    }
    if (status < 200 || status >= 300) {
      const said = hide(await tokenErrorText(response));
      throw new AuthError('refused', `The sign-in service refused the sidebar (${status}${said ? `: ${said}` : ''}). Check the client id, secret or registered key in Options → Referral destination.`);
    }
    let json: { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    try {
      json = (await response.json()) as typeof json;
    } catch {
      throw new AuthError('bad-response', `The sign-in service at ${where} did not answer with a token. Check the token endpoint.`);
    }
    const tokenType = typeof json.token_type === 'string' ? json.token_type : 'Bearer';
    if (typeof json.access_token !== 'string' || !json.access_token || tokenType.toLowerCase() !== 'bearer') {
      throw new AuthError('bad-response', `The sign-in service at ${where} did not answer with a bearer token. Check the token endpoint.`);
    }
    const seconds = Number(json.expires_in);
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LIFETIME_S) * 1000;
    const issuedAt = deps.now();
    const token: CachedToken = {
      fingerprint: print,
      accessToken: json.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - Math.min(margin, lifetimeMs / 4),
    };
    await deps.store.set(AUTH_STORAGE_KEYS.token, token);
    return token;
  }

  /** A fresh or cached token; concurrent callers share one request. */
  async function token(auth: TokenAuth, fresh: boolean): Promise<string> {
    const print = fingerprint(auth);
    if (!fresh) {
      const hit = await cached(print);
      if (hit) return hit.accessToken;
    }
    let pending = inflight.get(print);
    if (!pending) {
      pending = fetchToken(auth, print).finally(() => inflight.delete(print));
      inflight.set(print, pending);
    }
    return (await pending).accessToken;
  }

  async function header(auth: DestinationAuth | undefined, fresh: boolean): Promise<Record<string, string>> {
    if (!auth || auth.kind === 'none') return {};
    if (auth.kind === 'bearer') {
      const { bearerToken } = await secretsNow();
      if (!bearerToken) throw new AuthError('not-configured', 'No bearer token is saved for the referral destination. Add it in Options → Referral destination (or ask your health board).');
      return { Authorization: `Bearer ${bearerToken}` };
    }
    return { Authorization: `Bearer ${await token(auth, fresh)}` };
  }

  async function invalidate(): Promise<void> {
    await deps.store.delete(AUTH_STORAGE_KEYS.token);
  }

  async function send(dest: HttpDestination, url: string, init: RequestInit = {}) {
    const attempt = async (fresh: boolean) => {
      const headers = { ...(init.headers as Record<string, string> | undefined), ...(await header(dest.auth, fresh)) };
      return deps.fetchImpl(url, { ...init, headers });
    };
    const response = await attempt(false);
    if (response.status !== 401 || !usesTokenEndpoint(dest.auth)) return { response, renewed: false };
    await response.body?.cancel().catch(() => undefined);
    await invalidate();
    return { response: await attempt(true), renewed: true };
  }

  async function test(dest: HttpDestination): Promise<{ ok: boolean; message: string }> {
    try {
      if (!dest.auth || dest.auth.kind === 'none') return { ok: true, message: 'This destination needs no sign-in.' };
      if (dest.auth.kind === 'bearer') {
        await header(dest.auth, true);
        return { ok: true, message: 'A bearer token is saved; it is checked when a referral is sent.' };
      }
      await invalidate();
      await token(dest.auth, true);
      return { ok: true, message: `Signed in: the sign-in service at ${originOf(dest.auth.tokenUrl)} gave the sidebar a token.` };
    } catch (error) {
      return { ok: false, message: error instanceof AuthError ? error.message : 'The sign-in could not be tested.' };
    }
  }

  return { authorize: (dest) => header(dest.auth, false), invalidate, send, test };
}
