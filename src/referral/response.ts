/** What one delivery attempt came to. */
export type DeliveryOutcome =
  | { kind: 'sent'; taskUrl?: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string };

/** Status given to classifyResponse for a browser's opaque redirect answer (status 0 there means "no answer"). */
export const REDIRECTED = -302;

/** Longest server message we keep; some servers answer with whole HTML pages. */
const MAX_REASON = 300;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

/** Text of an OperationOutcome's issues, `{error|message}` JSON, or the plain body. */
export function serverMessage(bodyText: string): string | undefined {
  const json = parseJson(bodyText);
  if (isRecord(json)) {
    if (json.resourceType === 'OperationOutcome' && Array.isArray(json.issue)) {
      const texts = json.issue
        .filter(isRecord)
        .map((i) => str(i.diagnostics) ?? (isRecord(i.details) ? str(i.details.text) : undefined))
        .filter((t): t is string => t !== undefined);
      if (texts.length > 0) return clip(texts.join('; '));
    }
    const err = json.error;
    const fromJson = str(err) ?? (isRecord(err) ? str(err.message) : undefined) ?? str(json.message);
    if (fromJson) return clip(fromJson);
    return undefined;
  }
  const plain = bodyText.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain ? clip(plain) : undefined;
}

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/** The Task's location (`Task/123` or absolute) from a transaction-response Bundle, without `/_history/n`. */
export function taskLocation(bodyText: string): string | undefined {
  const json = parseJson(bodyText);
  if (!isRecord(json) || !Array.isArray(json.entry)) return undefined;
  for (const entry of json.entry) {
    if (!isRecord(entry) || !isRecord(entry.response)) continue;
    const location = str(entry.response.location);
    if (location && /(?:^|\/)Task\/[^/]+/.test(location)) return location.replace(/\/_history\/[^/]*$/, '');
  }
  return undefined;
}

/** What a delivery must come back with to count as delivered (issue #11). */
export interface DeliveryExpectation {
  kind: 'fhir' | 'webhook';
  referralId: string;
}

/**
 * Why a 2xx answer is not a delivery, or undefined when it is one. FHIR: a
 * `transaction-response` Bundle whose every entry answered 2xx (a sign-in page,
 * an HTML error page, an empty 200 or another resource is not). Webhook: the
 * documented `{ "received": true, "referralId": <this referral's id> }`.
 */
export function notDelivered(bodyText: string, expect: DeliveryExpectation): string | undefined {
  const json = parseJson(bodyText);
  const looksHtml = /^\s*</.test(bodyText);
  if (expect.kind === 'fhir') {
    if (!isRecord(json)) {
      return looksHtml
        ? 'The referral address answered with a web page (often a sign-in page), not the FHIR server. Check the destination settings.'
        : 'The referral address did not answer as a FHIR server (no transaction-response Bundle). Check the destination settings.';
    }
    if (json.resourceType !== 'Bundle' || json.type !== 'transaction-response' || !Array.isArray(json.entry)) {
      return 'The FHIR server did not confirm the referral (its answer was not a transaction-response Bundle). Check the destination settings.';
    }
    const refused = json.entry.find((e) => !isRecord(e) || !isRecord(e.response) || !/^2\d\d/.test(String(e.response.status ?? '')));
    if (refused || json.entry.length === 0) {
      return 'The FHIR server did not confirm every part of the referral. Check with the Community Links service before sending again.';
    }
    return undefined;
  }
  if (!isRecord(json)) {
    return looksHtml
      ? 'The webhook answered with a web page (often a sign-in page), not the referral service. Check the destination settings.'
      : 'The webhook did not confirm the referral (no JSON answer). Check the destination settings.';
  }
  if (json.received !== true || json.referralId !== expect.referralId) {
    return 'The webhook did not confirm this referral (expected {"received": true, "referralId": …}). Check the destination settings.';
  }
  return undefined;
}

/**
 * Sorts a delivery attempt's HTTP answer. `status` 0 (or below) means no answer
 * at all: network error or timeout. With `expect`, a 2xx counts as sent only
 * when its body confirms the referral (see notDelivered). Never throws.
 */
export function classifyResponse(status: number, bodyText: string, expect?: DeliveryExpectation): DeliveryOutcome {
  const said = serverMessage(bodyText);
  const because = said ? ` The service said: ${said}` : '';
  if (status >= 200 && status < 300) {
    const wrong = expect ? notDelivered(bodyText, expect) : undefined;
    if (wrong) return { kind: 'failed', reason: wrong };
    const taskUrl = taskLocation(bodyText);
    return taskUrl ? { kind: 'sent', taskUrl } : { kind: 'sent' };
  }
  if (status <= 0 && status !== REDIRECTED) {
    return { kind: 'retry', reason: 'Could not reach the Community Links service (no connection or no answer in time).' };
  }
  if (status === 408 || status === 429) {
    return { kind: 'retry', reason: `The Community Links service is busy (${status}).${because}` };
  }
  if (status >= 500) {
    return { kind: 'retry', reason: `The Community Links service had a problem (${status}).${because}` };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'failed',
      reason: `The Community Links service refused the sidebar's access (${status}). Check the destination settings.${because}`,
    };
  }
  if (status === 404) {
    return { kind: 'failed', reason: `The referral address was not found (404). Check the destination settings.${because}` };
  }
  if ([301, 302, 303, 307, 308].includes(status) || status === REDIRECTED) {
    // Never followed (a sign-in page, or another server): nothing was delivered.
    return {
      kind: 'failed',
      reason: 'The referral address answered with a redirect (often a sign-in page), so nothing was delivered. Check the destination settings.',
    };
  }
  return { kind: 'failed', reason: `The Community Links service did not accept the referral (${status}).${because}` };
}
