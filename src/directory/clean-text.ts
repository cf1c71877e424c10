/**
 * Small pure cleaners shared by every importer. Directory feeds are third-party
 * text that ends up in the sidebar and on printed slips, so markup is flattened
 * to plain text and only safe link schemes survive.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€',
  copy: '©', reg: '®', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', bull: '•', middot: '·', eacute: 'é', egrave: 'è', aacute: 'á',
  iacute: 'í', oacute: 'ó', uacute: 'ú', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä',
};

/** Decodes HTML entities (named, decimal and hex); unknown or invalid ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Lone surrogates and out-of-range points would make an invalid string.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const NEEDS_CLEANING = /[<&\r\n\t\f\v\u00a0]| {2}/;
const BLOCK_TAGS = /<\s*\/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)\b[^>]*>/gi;

/**
 * Markup to plain text: script/style bodies dropped, block tags become line
 * breaks, other tags removed, entities decoded, whitespace tidied.
 */
export function toPlainText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  let text = String(value);
  // Most fields are already plain: skip the regex chain (it dominates import time at 20k+ records).
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  if (text.includes('<')) {
    text = text
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\s*(script|style)\b[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<\/?[a-z][^>]*>/gi, '');
  }
  text = decodeEntities(text);
  // Decoding can reveal tags that were entity-escaped; those stay as text, but angle brackets are harmless in text nodes.
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Plain text or undefined when empty, for optional Resource fields. */
export function optionalText(value: unknown): string | undefined {
  const text = toPlainText(value);
  return text === '' ? undefined : text;
}

function parseWebsite(value: unknown): { url?: URL; raw: string } {
  const raw = toPlainText(value).replace(/\s+/g, '');
  if (raw === '') return { raw };
  // A bare "brae.org.uk" is a web address people type; anything with a scheme must be http(s).
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : /^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#]|$)/i.test(raw) ? `https://${raw}` : raw;
  try {
    return { url: new URL(withScheme), raw };
  } catch {
    return { raw };
  }
}

/**
 * An address the URL parser leaves as it is (but for a "/" after a bare host): http(s), a
 * lower-case host of letters, digits and hyphens whose last label starts with a letter (so
 * never an IP address, which the parser rewrites) and none of them punycode ("xn--", which the
 * parser decodes and may refuse; checked beside the pattern), and a path without dots, percent signs,
 * queries or anything else the parser might change.
 */
const PLAIN_WEBSITE = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*(?:\/[A-Za-z0-9_~/-]*)?$/;

/**
 * Keeps http(s) web addresses only; `javascript:`, `data:`, `vbscript:` and
 * anything odd are dropped, and so is an address with a user name or password
 * in it ("https://nhs.uk@example.com" goes to example.com, #16).
 */
export function safeWebsite(value: unknown): string | undefined {
  // Most directory addresses are plain ("https://brae.org.uk/food-bank"): those are written exactly as the URL
  // parser would write them, without parsing (a tenth of a package import's time went on parsing, #16).
  if (typeof value === 'string' && PLAIN_WEBSITE.test(value) && !value.includes('xn--')) return value.indexOf('/', value.indexOf('//') + 2) < 0 ? `${value}/` : value;
  const { url } = parseWebsite(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (!url.hostname.includes('.') || url.username || url.password) return undefined;
  return url.href;
}

/** Why a non-empty website value was left out, in words for the import report; undefined when it is kept or empty. */
export function websiteProblem(value: unknown): string | undefined {
  const { url, raw } = parseWebsite(value);
  if (raw === '' || safeWebsite(value)) return undefined;
  if (url && (url.username || url.password)) return 'the website address had a user name or password in it (a trick to disguise where a link goes), so it was left out';
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') return `the website address used "${url.protocol}", not a web address, so it was left out`;
  return 'the website address could not be read, so it was left out';
}

/** An email address, with any `mailto:` prefix removed; undefined when it does not look like one. */
export function safeEmail(value: unknown): string | undefined {
  // A plain address (the usual case) is kept as it is: nothing below would change it.
  if (typeof value === 'string' && !value.includes('&') && !value.includes('?') && EMAIL.test(value)) return value;
  const raw = toPlainText(value).replace(/^mailto:/i, '').split('?')[0]?.trim() ?? '';
  return EMAIL.test(raw) ? raw : undefined;
}
const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}$/i;

/** A phone number as printed, with `tel:` prefix and stray quotes removed; needs at least 3 digits. */
export function safePhone(value: unknown): string | undefined {
  const raw = toPlainText(value).replace(/^tel:/i, '').replace(/["'“”]/g, '').trim();
  if (!/^[+()0-9 .\-/ext]+$/i.test(raw)) return undefined;
  let digits = 0;
  for (let k = 0; k < raw.length && digits < 3; k += 1) {
    const c = raw.charCodeAt(k);
    if (c >= 48 && c <= 57) digits += 1;
  }
  return digits >= 3 ? raw : undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A lat/lon pair if both are numbers in range (and not the 0,0 placeholder); otherwise undefined. */
export function safeCoords(lat: unknown, lon: unknown): { lat: number; lon: number } | undefined {
  const la = toNumber(lat);
  const lo = toNumber(lon);
  if (la === undefined || lo === undefined) return undefined;
  if (la < -90 || la > 90 || lo < -180 || lo > 180) return undefined;
  if (la === 0 && lo === 0) return undefined;
  return { lat: la, lon: lo };
}

/** yyyy-mm-dd from an ISO date/date-time or dd/mm/yyyy; undefined if unreadable. */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Most dates are ISO already ("2026-03-03", "2026-03-03T10:00:00Z"): checked by character, no regex, no new strings but the result.
  if (value.length >= 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && (value.length === 10 || !isDigit(value.charCodeAt(10)))) {
    let digits = true;
    for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) digits &&= isDigit(value.charCodeAt(k));
    if (digits) {
      const y = Number(value.slice(0, 4));
      const m = (value.charCodeAt(5) - 48) * 10 + value.charCodeAt(6) - 48;
      const d = (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48;
      const dim = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
      return m >= 1 && m <= 12 && d >= 1 && d <= dim ? value.slice(0, 10) : undefined;
    }
  }
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  const uk = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  // Day within its month (29 February only in leap years); no Date objects, as this runs for every record.
  const dim = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (m < 1 || m > 12 || d < 1 || d > dim) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Narrowing helpers for parsed JSON. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
