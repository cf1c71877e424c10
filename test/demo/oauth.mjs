// The demo health board's OAuth 2.0 server (issue #15): oauth2-mock-server's
// issuer and token service (real JWTs, a real JWKS), behind a small HTTP
// server of ours that adds what a board's server does and the mock does not:
//
// - client authentication: client_secret_basic / client_secret_post against
//   registered secrets, and private_key_jwt (RS384 / ES384, SMART Backend
//   Services) verified against the client's registered public keys, with
//   `aud` = this token endpoint, `iss` = `sub` = client id, a short expiry and
//   one use per `jti`;
// - failure injection for the tests: token endpoint down (no answer), failing
//   (e.g. 503), redirecting, and short-lived tokens.
//
// Node built-ins and oauth2-mock-server only; verification is synchronous
// because the mock's hooks are.

import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** SMART Backend Services: a client assertion lives at most five minutes. */
const MAX_ASSERTION_SECONDS = 300;
const SKEW_SECONDS = 60;

/**
 * @typedef {{ secret?: string; jwks?: { keys: Record<string, unknown>[] } }} Client
 * @typedef {{ tokenEndpoint: 'up' | 'down' | 'fail' | 'redirect'; status: number; times?: number; tokenTtl?: number }} OAuthControl
 * @typedef {import('node:http').IncomingMessage & { body?: Record<string, unknown> }} Req
 */

/** @param {string} text */
const b64json = (text) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));

/**
 * Verifies a private_key_jwt client assertion; returns the reason it fails, or undefined.
 * @param {string} assertion @param {string} clientId @param {Client | undefined} client @param {string} audience @param {Set<string>} seen
 */
function assertionProblem(assertion, clientId, client, audience, seen) {
  const parts = assertion.split('.');
  if (parts.length !== 3) return 'client_assertion is not a JWT';
  /** @type {any} */ let header;
  /** @type {any} */ let claims;
  try {
    header = b64json(parts[0] ?? '');
    claims = b64json(parts[1] ?? '');
  } catch {
    return 'client_assertion cannot be read';
  }
  if (header.alg !== 'RS384' && header.alg !== 'ES384') return `alg ${header.alg} is not RS384 or ES384`;
  const keys = (client?.jwks?.keys ?? []).filter((k) => !header.kid || k.kid === header.kid);
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2] ?? '', 'base64url');
  const signed = keys.some((jwk) => {
    try {
      const key = createPublicKey({ key: /** @type {any} */ (jwk), format: 'jwk' });
      return verify('sha384', data, header.alg === 'ES384' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature);
    } catch {
      return false;
    }
  });
  if (!signed) return 'the signature does not match a registered key';
  const now = Math.floor(Date.now() / 1000);
  if (claims.iss !== clientId || claims.sub !== clientId) return 'iss and sub must be the client id';
  const aud = [claims.aud].flat();
  if (!aud.includes(audience)) return `aud must be ${audience}`;
  if (typeof claims.exp !== 'number' || claims.exp < now - SKEW_SECONDS) return 'the assertion has expired';
  if (claims.exp > now + MAX_ASSERTION_SECONDS + SKEW_SECONDS) return 'the assertion lives longer than five minutes';
  if (typeof claims.jti !== 'string' || seen.has(claims.jti)) return 'jti is missing or was used before';
  seen.add(claims.jti);
  return undefined;
}

/** Which client is asking, and whether it proved it. @param {Req} req @param {Map<string, Client>} clients @param {string} audience @param {Set<string>} seen */
function authenticate(req, clients, audience, seen) {
  const body = req.body ?? {};
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (basic) {
    // RFC 6749 §2.3.1: id and secret are form-encoded ('+' is a space) before Basic.
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)].map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
    return clients.get(id)?.secret !== undefined && clients.get(id)?.secret === secret ? { clientId: id } : { error: 'wrong client id or secret' };
  }
  if (body.client_assertion_type === ASSERTION_TYPE && typeof body.client_assertion === 'string') {
    /** @type {any} */ let claims = {};
    try {
      claims = b64json(body.client_assertion.split('.')[1] ?? '');
    } catch {
      // reported below
    }
    const id = typeof body.client_id === 'string' ? body.client_id : String(claims.iss ?? '');
    const problem = assertionProblem(body.client_assertion, id, clients.get(id), audience, seen);
    return problem ? { error: problem } : { clientId: id };
  }
  if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') {
    const client = clients.get(body.client_id);
    return client?.secret !== undefined && client.secret === body.client_secret ? { clientId: body.client_id } : { error: 'wrong client id or secret' };
  }
  return { error: 'no client authentication' };
}

/** @returns {OAuthControl} */
const normal = () => ({ tokenEndpoint: 'up', status: 503 });

/**
 * Starts the demo OAuth server. `clients` are registered up front; more can
 * be added with `registerClient` (the demo inbox page does, for a key made in
 * the extension's options page).
 * @param {{ port?: number; host?: string; clients?: Record<string, Client> }} [options]
 */
export async function startOAuthServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer);
  /** @type {Map<string, Client>} */
  const clients = new Map(Object.entries(options.clients ?? {}));
  /** @type {Set<string>} */
  const seenAssertions = new Set();
  let control = normal();
  let tokensIssued = 0;
  let tokenRequests = 0;

  // Every token names its client and has an id, so a resource server can revoke it.
  service.on('beforeTokenSigning', (/** @type {any} */ token, /** @type {Req} */ req) => {
    token.payload.jti = randomUUID();
    const who = /** @type {any} */ (req).authenticatedClient;
    if (who) token.payload.sub = token.payload.client_id = who;
    if (control.tokenTtl) token.payload.exp = token.payload.iat + control.tokenTtl;
  });
  service.on('beforeResponse', (/** @type {any} */ response, /** @type {Req} */ req) => {
    const result = /** @type {any} */ (req).clientAuth;
    if (result?.error) {
      response.statusCode = 401;
      response.body = { error: 'invalid_client', error_description: result.error };
      return;
    }
    if (control.tokenTtl) response.body.expires_in = control.tokenTtl;
    tokensIssued += 1;
  });

  const tokenPath = '/token';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === tokenPath) {
      tokenRequests += 1;
      const { tokenEndpoint } = control;
      if (tokenEndpoint !== 'up' && control.times !== undefined && --control.times <= 0) control = { ...normal(), tokenTtl: control.tokenTtl };
      if (tokenEndpoint === 'down') return void req.socket.destroy();
      if (tokenEndpoint === 'fail') return void res.writeHead(control.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'temporarily_unavailable' }));
      if (tokenEndpoint === 'redirect') return void res.writeHead(307, { location: 'https://attacker.invalid/token' }).end();
      // Client authentication needs the parsed body: let the mock's own parser run, then check before it answers.
      const original = service.requestHandler;
      return void original(/** @type {any} */ (wrapForAuth(req)), res);
    }
    service.requestHandler(req, res);
  });
  /** Marks the request so the hooks above can authenticate it once express has parsed the form. @param {Req} req */
  function wrapForAuth(req) {
    Object.defineProperty(req, 'body', {
      configurable: true,
      enumerable: true,
      get() {
        return this._demoBody;
      },
      set(value) {
        this._demoBody = value;
        if (value && typeof value === 'object' && Object.keys(value).length > 0) {
          const result = authenticate(this, clients, `${issuer.url}${tokenPath}`, seenAssertions);
          this.clientAuth = result;
          if ('clientId' in result) this.authenticatedClient = result.clientId;
        }
      },
    });
    return req;
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  issuer.url = `http://${host}:${port}`;

  return {
    url: issuer.url,
    tokenUrl: `${issuer.url}${tokenPath}`,
    jwksUrl: `${issuer.url}/jwks`,
    issuer,
    /** @param {string} clientId @param {Client} client */
    registerClient(clientId, client) {
      clients.set(clientId, client);
    },
    /** @param {Partial<OAuthControl>} next */
    setControl(next) {
      control = { ...normal(), ...next };
      return control;
    },
    stats: () => ({ tokensIssued, tokenRequests }),
    reset() {
      control = normal();
      tokensIssued = 0;
      tokenRequests = 0;
      seenAssertions.clear();
      for (const id of [...clients.keys()]) if (!(options.clients ?? {})[id]) clients.delete(id);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
