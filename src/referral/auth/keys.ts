/**
 * The extension's own signing key for SMART Backend Services: made with
 * WebCrypto in the background, kept as a JWK in local storage (storage
 * cannot hold a CryptoKey), the public half shown for the board to register.
 * The client assertion is a short JWT signed with it (jose: WebCrypto in the
 * browser and in Node alike).
 */
import { calculateJwkThumbprint, importJWK, SignJWT, type JWK } from 'jose';
import * as v from 'valibot';
import { PrivateKeySchema, publicJwkOf, type PrivateKeyRecord, type SigningAlg } from './schema';

/** SMART Backend Services: an assertion lives at most five minutes; four leaves room for clock skew. */
export const ASSERTION_LIFETIME_SECONDS = 240;
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const GENERATE: Record<SigningAlg, RsaHashedKeyGenParams | EcKeyGenParams> = {
  RS384: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
};

/** A new key pair; `kid` is the RFC 7638 thumbprint of the public key, so the same key always has the same id. */
export async function generateSigningKey(alg: SigningAlg, now: Date, crypto: Crypto = globalThis.crypto): Promise<PrivateKeyRecord> {
  const pair = (await crypto.subtle.generateKey(GENERATE[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as Record<string, unknown>;
  const kid = await calculateJwkThumbprint(publicJwkOf(privateJwk, alg, '') as JWK, 'sha256');
  const { key_ops: _ops, ext: _ext, ...stored } = privateJwk;
  return v.parse(PrivateKeySchema, {
    alg,
    kid,
    privateJwk: { ...stored, kid, alg },
    publicJwk: publicJwkOf(privateJwk, alg, kid),
    createdAt: now.toISOString(),
  });
}

/** What to give the board to register: a JWK Set with the public key only. */
export function publicJwks(key: PrivateKeyRecord): { keys: Record<string, unknown>[] } {
  return { keys: [publicJwkOf(key.publicJwk, key.alg, key.kid)] };
}

/**
 * A `private_key_jwt` client assertion (RFC 7523, SMART Backend Services):
 * iss = sub = client id, aud = the token endpoint, a fresh jti, short expiry.
 */
export async function clientAssertion(key: PrivateKeyRecord, clientId: string, tokenUrl: string, nowMs: number, jti: string): Promise<string> {
  const signingKey = await importJWK(key.privateJwk as JWK, key.alg);
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
    .setJti(jti)
    .sign(signingKey);
}
