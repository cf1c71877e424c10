/**
 * The one way the background reaches a site the practice configured (the
 * referral destination, its token endpoint, a directory source). Issue #11:
 * `fetch` follows redirects by default, so a single-sign-on proxy's 302 to a
 * sign-in page, or a 307 that re-posts the referral to another origin, looked
 * like a delivery. Here nothing is followed: a redirect is an answer of its
 * own, and an answer from any other origin is never read as the site's.
 */
import { originOf } from '../../settings/network';
import { canReach as browserCanReach, notAllowedMessage, type CanReach } from './reach';

export type SiteAnswer =
  /** The site answered (any status other than a redirect). */
  | { kind: 'response'; status: number; body: string; contentType: string; headers: Headers }
  /** The site answered with a redirect; it was NOT followed. */
  | { kind: 'redirect'; status: number; location?: string }
  | { kind: 'timeout' }
  /** The browser, not the site, refused: the extension has no access to the site yet. */
  | { kind: 'blocked'; message: string }
  /** No answer at all (down, offline, DNS). */
  | { kind: 'unreachable' };

export interface SiteRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface RequestOptions {
  fetchImpl?: typeof fetch;
  canReach?: CanReach;
  timeoutMs?: number;
  /** Where the practice grants access, for the "not allowed yet" message. */
  where: 'Referral destination' | 'Directory sources';
  /** What happens meanwhile, for the same message. */
  consequence: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Sends one request; never throws. */
export async function requestSite(url: string, request: SiteRequest, options: RequestOptions): Promise<SiteAnswer> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: request.method,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      // Never follow: a browser gives an opaque "opaqueredirect" answer (status 0), Node the 3xx itself.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { kind: 'timeout' };
    if (!(await (options.canReach ?? browserCanReach)(url))) {
      return { kind: 'blocked', message: notAllowedMessage(url, options.where, options.consequence) };
    }
    return { kind: 'unreachable' };
  }
  // 304 Not Modified answers a conditional request; only the redirect statuses redirect.
  if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
    const location = response.headers.get('location') ?? undefined;
    return location ? { kind: 'redirect', status: response.status, location } : { kind: 'redirect', status: response.status };
  }
  // Defence in depth: with redirects off the answer's address is the request's; if not, it is not the site's answer.
  if (response.url && originOf(response.url) !== originOf(url)) {
    return { kind: 'redirect', status: response.status, location: response.url };
  }
  let body = '';
  try {
    body = await response.text();
  } catch {
    return { kind: 'unreachable' };
  }
  return { kind: 'response', status: response.status, body, contentType: response.headers.get('content-type') ?? '', headers: response.headers };
}
