import * as v from 'valibot';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a referral (or a token request) may be POSTed here: HTTPS only,
 * plain http only to this computer (the demo), and never with a password in
 * the address, where it would be stored and shown in clear.
 */
export function isAllowedEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname);
}

/** An HTTP address setting, with a reason naming the field ("FHIR server address"). */
export const endpoint = (what: string) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.nonEmpty(`${what} is missing.`),
    v.check(isAllowedEndpoint, `${what} must start with https:// (plain http is only allowed for localhost).`),
  );
