/**
 * How the sidebar proves who it is to a FHIR or webhook destination (issue #15):
 *
 * - `none`: nothing (the demo, or a server on a trusted network);
 * - `bearer`: a static token the CLP service issued;
 * - `client-credentials`: OAuth 2.0 client credentials (RFC 6749 §4.4) with a
 *   client secret, sent as HTTP Basic (default) or in the form;
 * - `smart-backend`: SMART Backend Services: a key pair made in the
 *   extension, a `private_key_jwt` client assertion signed RS384 or ES384, the
 *   public key registered with the board (shown in the options page).
 *
 * These settings hold no secret. The token, the client secret and the private
 * key live apart (see store.ts): in the extension's local storage or in
 * browser policy, never in the settings, a settings file or sync storage.
 */
import * as v from 'valibot';
import { endpoint } from '../endpoint';

export const SIGNING_ALGS = ['RS384', 'ES384'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

const clientId = v.pipe(
  v.string('Client id must be text.'),
  v.trim(),
  v.nonEmpty('Client id is missing.'),
  v.maxLength(200, 'Client id must be at most 200 characters.'),
);
const scope = v.optional(
  v.pipe(v.string('Scope must be text.'), v.trim(), v.maxLength(500, 'Scope must be at most 500 characters.'), v.regex(/^[\x21\x23-\x5B\x5D-\x7E ]*$/, 'Scope may only hold printable characters, without quotes or backslashes.')),
);

export const AuthSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('none') }),
    v.object({ kind: v.literal('bearer') }),
    v.object({
      kind: v.literal('client-credentials'),
      tokenUrl: endpoint('Token endpoint'),
      clientId,
      scope,
      /** How the secret is sent: HTTP Basic (client_secret_basic, the default) or in the form (client_secret_post). */
      clientAuth: v.optional(v.picklist(['basic', 'post'], 'Client authentication must be basic or post.')),
    }),
    v.object({
      kind: v.literal('smart-backend'),
      tokenUrl: endpoint('Token endpoint'),
      clientId,
      scope,
      alg: v.optional(v.picklist(SIGNING_ALGS, 'The signing algorithm must be RS384 or ES384.')),
    }),
  ],
  'Authentication must be none, bearer, client-credentials or smart-backend.',
);

export type DestinationAuth = v.InferOutput<typeof AuthSchema>;
export type AuthKind = DestinationAuth['kind'];
/** The kinds that get a token from a token endpoint (and so can renew it). */
export type TokenAuth = Extract<DestinationAuth, { tokenUrl: string }>;

export function usesTokenEndpoint(auth: DestinationAuth | undefined): auth is TokenAuth {
  return auth?.kind === 'client-credentials' || auth?.kind === 'smart-backend';
}

/** A private key made in the extension (WebCrypto), kept with its public half for registration. */
export const PrivateKeySchema = v.object({
  alg: v.picklist(SIGNING_ALGS),
  /** RFC 7638 thumbprint of the public key. */
  kid: v.pipe(v.string(), v.nonEmpty()),
  privateJwk: v.looseObject({ kty: v.picklist(['RSA', 'EC']), d: v.pipe(v.string(), v.nonEmpty()) }),
  publicJwk: v.looseObject({ kty: v.picklist(['RSA', 'EC']) }),
  createdAt: v.string(),
});
export type PrivateKeyRecord = v.InferOutput<typeof PrivateKeySchema>;

const secretText = (what: string) => v.pipe(v.string(`${what} must be text.`), v.trim(), v.nonEmpty(`${what} is empty.`), v.maxLength(8000, `${what} is too long.`));

/** The secrets, as stored locally; each is optional (only the one the auth kind needs is used). */
export const SecretsSchema = v.object({
  bearerToken: v.optional(secretText('The bearer token')),
  clientSecret: v.optional(secretText('The client secret')),
  privateKey: v.optional(PrivateKeySchema),
});
export type DestinationSecrets = v.InferOutput<typeof SecretsSchema>;
export type SecretName = keyof DestinationSecrets;

/** The public half of a JWK (RSA: n, e; EC: crv, x, y), marked for signature checks, for registration with the board. */
export function publicJwkOf(jwk: Record<string, unknown>, alg: SigningAlg, kid: string): Record<string, unknown> {
  const fields = jwk.kty === 'RSA' ? ['kty', 'n', 'e'] : ['kty', 'crv', 'x', 'y'];
  const out: Record<string, unknown> = {};
  for (const f of fields) if (jwk[f] !== undefined) out[f] = jwk[f];
  return { ...out, kid, alg, use: 'sig', key_ops: ['verify'] };
}
