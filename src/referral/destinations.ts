import * as v from 'valibot';
import { AuthSchema } from './auth/schema';
import { endpoint } from './endpoint';
import { toFhirBundle, type FhirOptions } from './fhir';
import type { Referral } from './referral';

export { mailtoLink, referralLetter } from './letter';
export { isAllowedEndpoint } from './endpoint';

/** The kinds the extension POSTs itself; email and print go through a person. */
export type HttpDestination = Extract<Destination, { kind: 'fhir' | 'webhook' }>;

/** Header names we set ourselves; a setting may not replace them. */
const RESERVED_HEADERS = new Set(['content-type', 'idempotency-key', 'accept']);

/**
 * The one destination schema, used by settings, managed policy and the outbox
 * alike (a second copy once dropped the webhook's headers, issue #12). FHIR
 * and webhook destinations may say how to authenticate (`auth`, issue #15);
 * the secrets themselves are never part of it (see auth/store.ts).
 */
export const DestinationSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('fhir'), baseUrl: endpoint('FHIR server address'), auth: v.optional(AuthSchema) }),
    v.pipe(
      v.object({
        kind: v.literal('webhook'),
        url: endpoint('Webhook address'),
        auth: v.optional(AuthSchema),
        headers: v.optional(
          v.pipe(
            v.record(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/, 'Header names use letters, digits and dashes only.')), v.string()),
            v.check(
              (h) => Object.keys(h).every((k) => !RESERVED_HEADERS.has(k.toLowerCase())),
              'Content-Type, Accept and Idempotency-Key are set by the sidebar and cannot be changed.',
            ),
          ),
        ),
      }),
      v.check(
        (d) => !d.auth || d.auth.kind === 'none' || !Object.keys(d.headers ?? {}).some((k) => k.toLowerCase() === 'authorization'),
        'Remove the Authorization header: the authentication setting sets it.',
      ),
    ),
    v.object({
      kind: v.literal('email'),
      to: v.pipe(v.string('Referral email address must be text.'), v.trim(), v.email('Referral email address is not a valid email address.')),
    }),
    v.object({ kind: v.literal('print') }),
  ],
  'Referral destination must be FHIR, webhook, email or print.',
);

/** Where the practice's referrals go; one per practice, set by the practice manager. */
export type Destination = v.InferOutput<typeof DestinationSchema>;

/** Reads a destination setting; never throws. */
export function parseDestination(input: unknown): { ok: true; destination: Destination } | { ok: false; reason: string } {
  const result = v.safeParse(DestinationSchema, input);
  if (result.success) return { ok: true, destination: result.output };
  const first = result.issues[0];
  // A missing or unknown kind is "not complete"; a field's own problem is named.
  const named = first && first.type !== 'variant' && !first.message.startsWith('Invalid');
  const reason = named ? first.message : undefined;
  return { ok: false, reason: reason ?? 'The referral destination setting is not complete.' };
}

/** One HTTP request, ready for fetch. */
export interface DeliveryRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** Body of a webhook POST. `version` lets a receiver refuse a shape it does not know. */
export interface WebhookPayload {
  kind: 'community-links-referral';
  version: 1;
  referral: Referral;
  /** The same referral as a FHIR transaction Bundle, for receivers that prefer it. */
  fhir: fhir4.Bundle;
}

/**
 * The POST for an HTTP destination. Both kinds carry `Idempotency-Key` =
 * referral id, so a retry is recognised as the same referral.
 * @throws ConsentMissingError when consent is not given (see toFhirBundle).
 */
export function buildRequest(referral: Referral, dest: HttpDestination, options: FhirOptions = {}): DeliveryRequest {
  const bundle = toFhirBundle(referral, options);
  if (dest.kind === 'fhir') {
    return {
      url: dest.baseUrl.replace(/\/+$/, ''),
      method: 'POST',
      headers: {
        'Content-Type': 'application/fhir+json',
        Accept: 'application/fhir+json',
        'Idempotency-Key': referral.id,
      },
      body: JSON.stringify(bundle),
    };
  }
  const payload: WebhookPayload = { kind: 'community-links-referral', version: 1, referral, fhir: bundle };
  const custom = Object.fromEntries(
    Object.entries(dest.headers ?? {}).filter(([k]) => !RESERVED_HEADERS.has(k.toLowerCase())),
  );
  return {
    url: dest.url,
    method: 'POST',
    headers: { ...custom, 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': referral.id },
    body: JSON.stringify(payload),
  };
}
