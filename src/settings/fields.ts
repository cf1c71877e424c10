/**
 * Field-level checks shared by the settings schema, the managed (policy)
 * overlay and the import preview. Each one carries the plain-English reason a
 * practice manager sees, so the schema reads as a list of rules.
 */
import * as v from 'valibot';
import { isValid as isValidPostcode, toNormalised } from 'postcode';

/** Hosts where plain http is tolerated: a developer's machine or the demo practice. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** True for https URLs, or http on this machine only (patient data never travels over plain http). */
export function isSecureUrl(text: string): boolean {
  const url = parseUrl(text);
  if (!url || url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
}

/**
 * The site part of a clinical-record address (`https://ehr.example.scot`), or
 * undefined when the text is not a bare secure origin. A trailing slash is
 * tolerated because people paste it; paths and wildcards are not, since host
 * permission is asked for exactly this origin.
 */
export function toOrigin(text: string): string | undefined {
  if (text.includes('*')) return undefined;
  const url = parseUrl(text.trim());
  if (!url || !isSecureUrl(url.href)) return undefined;
  if (url.pathname !== '/' || url.search || url.hash) return undefined;
  return url.origin;
}

/** Secure URL with a reason naming the field, e.g. "Webhook address". */
export function secureUrl(what: string) {
  return v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.nonEmpty(`${what} is missing.`),
    v.check(isSecureUrl, `${what} must start with https:// (plain http is only allowed for localhost).`),
  );
}

/** A non-empty line of text. */
export function requiredText(what: string, max = 200) {
  return v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.nonEmpty(`${what} is missing.`),
    v.maxLength(max, `${what} must be at most ${max} characters.`),
  );
}

/** Text that may be left blank. */
export function optionalText(what: string, max = 200) {
  return v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.maxLength(max, `${what} must be at most ${max} characters.`),
  );
}

export function emailAddress(what: string) {
  return v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.email(`${what} is not a valid email address.`),
  );
}

/** A UK postcode, stored in its normalised form (`G31 4QT`). */
export const postcodeField = v.pipe(
  v.string('Practice postcode must be text.'),
  v.check(isValidPostcode, 'Practice postcode is not a valid UK postcode.'),
  v.transform((text: string) => toNormalised(text) ?? text),
);

/** A number in a closed range with one reason for every way it can be wrong. */
export function numberBetween(min: number, max: number, message: string, whole = false) {
  return v.pipe(
    v.number(message),
    v.check((n: number) => Number.isFinite(n) && (!whole || Number.isInteger(n)), message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** An identifier system URI (`https://…` or `urn:…`), as used in FHIR `Identifier.system`. */
export function systemUri(what: string) {
  return v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.check(
      (s: string) => /^urn:[a-z0-9][a-z0-9-]*:\S+$/i.test(s) || /^https?:\/\/\S+$/i.test(s),
      `${what} must be a web address (https://…) or a urn: name.`,
    ),
  );
}
