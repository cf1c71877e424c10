// The demo Community Links Practitioner service, for the demo practice and
// the tests (issue #15). Its FHIR endpoint is a real R4 engine
// (fhir-engine.mjs: medplum's FhirRouter over an in-memory repository), so
// conditional create, transactions, references, search and Task updates
// behave as a CLP service's FHIR server would. Around it, the parts a service
// adds and the tests need:
//
// - /fhir: open, for the unauthenticated demo; /secure/fhir: the same server
//   behind a bearer token checked against the demo OAuth server's JWKS
//   (`verifyToken`), as a health board would run it. Same for the webhook
//   (/inbox/webhook and /secure/inbox/webhook).
// - a referral rule: a transaction with a Patient (found by CHI or NHS
//   number), a ServiceRequest and a Task carrying the referral id;
// - the CLP's page (/inbox), which reads ServiceRequests and Tasks from the
//   engine and updates Tasks through FHIR;
// - failure injection (/inbox/control) for the fault runs.

import { operationOutcome, createFhirEngine } from './fhir-engine.mjs';
import { inboxPage } from './inbox-page.mjs';
import { listReferrals, updateTask } from './inbox-referrals.mjs';

const REFERRAL_ID_SYSTEM = 'https://links-sidebar.scot/referral-id';
const MAX_BODY = 1_000_000;

/**
 * @typedef {{ mode: 'up' | 'down' | 'fail'; status: number; times?: number; message: string; delayMs: number }} Control
 * @typedef {{ ok: true; jti?: string } | { ok: false; reason: string }} TokenCheck
 * @typedef {{
 *   verifyToken?: (token: string) => Promise<TokenCheck>;
 *   oauth?: { registerClient(id: string, client: object): void; setControl(c: object): object; reset(): void; tokenUrl: string; demoClient?: { id: string; secret: string } };
 * }} InboxOptions
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/** @returns {Control} */
const normalControl = () => ({ mode: 'up', status: 500, message: 'Simulated failure', delayMs: 0 });

/** @param {Res} res @param {number} status @param {unknown} body @param {string} [type] @param {Record<string, string>} [headers] */
function sendJson(res, status, body, type = 'application/json', headers = {}) {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** @param {Req} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {any} bundle @returns {string | undefined} */
export function referralIdOf(bundle) {
  const task = (bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'Task')?.resource;
  const id = (task?.identifier ?? []).find((/** @type {any} */ i) => i?.system === REFERRAL_ID_SYSTEM)?.value;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * The CLP service's rule for what it accepts as a referral (the FHIR engine
 * checks the resources themselves). A person it cannot identify is refused.
 * @param {any} bundle @returns {string | undefined}
 */
function referralProblem(bundle) {
  if (!bundle || bundle.resourceType !== 'Bundle') return 'The body is not a FHIR Bundle.';
  if (bundle.type !== 'transaction') return `Bundle.type must be "transaction", not "${bundle.type}".`;
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const type of ['Patient', 'ServiceRequest', 'Task']) {
    if (!entries.some((/** @type {any} */ e) => e?.resource?.resourceType === type)) return `The Bundle has no ${type} entry.`;
  }
  const patient = entries.find((/** @type {any} */ e) => e?.resource?.resourceType === 'Patient');
  if (!patient.resource.identifier?.length || !patient.request?.ifNoneExist) {
    return 'The Patient has no CHI or NHS number to find them by (identifier and ifNoneExist).';
  }
  if (!referralIdOf(bundle)) return `The Task has no identifier in system ${REFERRAL_ID_SYSTEM}.`;
  return undefined;
}

/** @param {Req} req @param {string} name */
function headerValue(req, name) {
  const v = req.headers[name];
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * The inbox. `handle` answers /fhir, /secure/…, and /inbox and returns false
 * for anything else. It reads the request body itself.
 * @param {InboxOptions} [options]
 */
export function createInbox(options = {}) {
  const engine = createFhirEngine();
  /** @type {Map<string, number>} deliveries that reached the engine, by referral id */
  let received = new Map();
  /** @type {Map<string, { via: string; at: string }>} */
  let firstSeen = new Map();
  /** @type {Set<string>} token ids seen, and those revoked (control `revokeTokens`) */
  let seenTokens = new Set();
  let revoked = new Set();
  let control = normalControl();
  let requestCount = 0;

  function reset() {
    engine.reset();
    received = new Map();
    firstSeen = new Map();
    seenTokens = new Set();
    revoked = new Set();
    control = normalControl();
    requestCount = 0;
    options.oauth?.reset();
  }

  /** @param {string} referralId @param {string} via */
  function count(referralId, via) {
    received.set(referralId, (received.get(referralId) ?? 0) + 1);
    if (!firstSeen.has(referralId)) firstSeen.set(referralId, { via, at: new Date().toISOString() });
  }

  /** Checks the bearer token on /secure/…; true when the request has been answered (refused). @param {Req} req @param {Res} res */
  async function refusedAuth(req, res) {
    const match = /^Bearer\s+(\S+)$/i.exec(headerValue(req, 'authorization') ?? '');
    /** @param {string} reason */
    const refuse = (reason) => {
      sendJson(res, 401, operationOutcome(reason, 'login'), 'application/fhir+json', {
        'WWW-Authenticate': `Bearer realm="demo-clp", error="invalid_token", error_description="${reason.replace(/"/g, "'")}"`,
      });
      return true;
    };
    if (!match) return refuse('A bearer token is required.');
    if (!options.verifyToken) return refuse('This server has no token issuer configured.');
    const check = await options.verifyToken(match[1] ?? '');
    if (!check.ok) return refuse(check.reason);
    if (check.jti && revoked.has(check.jti)) return refuse('The token has been revoked.');
    if (check.jti) seenTokens.add(check.jti);
    return false;
  }

  /** Applies failure injection to a delivery; true when the request has been dealt with. @param {Req} req @param {Res} res */
  async function injected(req, res) {
    requestCount += 1;
    if (control.delayMs > 0) await new Promise((r) => setTimeout(r, control.delayMs));
    if (control.mode === 'up') return false;
    const { mode, status, message } = control;
    if (control.times !== undefined) {
      control.times -= 1;
      if (control.times <= 0) control = { ...normalControl(), delayMs: control.delayMs };
    }
    if (mode === 'down') {
      req.socket.destroy();
      return true;
    }
    await readBody(req).catch(() => '');
    const fhir = (req.url ?? '').includes('/fhir');
    const headers = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="demo-clp", error="invalid_token"' } : undefined;
    sendJson(res, status, fhir ? operationOutcome(message, 'exception') : { error: message }, fhir ? 'application/fhir+json' : 'application/json', headers);
    return true;
  }

  /** A referral Bundle into the engine. @param {any} bundle @param {string} via */
  async function receive(bundle, via) {
    const problem = referralProblem(bundle);
    if (problem) return { status: 422, body: operationOutcome(problem) };
    const result = await engine.request('POST', '/', {}, bundle);
    if (result.status === 200) count(/** @type {string} */ (referralIdOf(bundle)), via);
    return result;
  }

  /** @param {Req} req @param {Res} res @param {string} via */
  async function postWebhook(req, res, via) {
    const payload = parseJson(await readBody(req));
    const referralId = payload?.referral?.id;
    if (typeof referralId !== 'string' || !referralId || !payload.fhir) {
      return sendJson(res, 422, { error: 'The body has no referral with an id and its FHIR Bundle.' });
    }
    const result = await receive(payload.fhir, via);
    if (result.status !== 200) return sendJson(res, result.status, { error: result.body?.issue?.[0]?.diagnostics ?? 'Not accepted.' });
    const task = (result.body.entry ?? []).map((/** @type {any} */ e) => e.response?.location).find((/** @type {string} */ l) => /^Task\//.test(l ?? ''));
    sendJson(res, 200, { received: true, referralId, taskUrl: task });
  }

  /** Any FHIR interaction on the engine; a transaction goes through the referral rule. @param {Req} req @param {Res} res @param {string} path @param {URL} url @param {string} via */
  async function fhir(req, res, path, url, via) {
    const method = req.method ?? 'GET';
    const rest = path.replace(/^\/fhir/, '') || '/';
    const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? parseJson(await readBody(req)) : undefined;
    /** @type {Record<string, string | string[]>} */
    const query = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? (all[0] ?? '') : all;
    }
    const result = method === 'POST' && rest === '/' ? await receive(body, via) : await engine.request(/** @type {any} */ (method), rest, query, body);
    sendJson(res, result.status, result.body, 'application/fhir+json', result.location ? { Location: `${url.origin}${path.replace(/\/$/, '')}/${result.location}` } : {});
  }

  /** @param {Req} req @param {Res} res */
  async function postControl(req, res) {
    const body = parseJson(await readBody(req)) ?? {};
    if (body.revokeTokens) {
      for (const jti of seenTokens) revoked.add(jti);
    }
    if (body.oauth && options.oauth) options.oauth.setControl(body.oauth);
    if (body.mode !== undefined) {
      if (!['up', 'down', 'fail'].includes(body.mode)) return sendJson(res, 422, { error: 'mode must be up, down or fail.' });
      control = {
        mode: body.mode,
        status: Number.isInteger(body.status) ? body.status : 500,
        message: typeof body.message === 'string' && body.message ? body.message : 'Simulated failure',
        delayMs: Number.isFinite(body.delayMs) && body.delayMs > 0 ? body.delayMs : 0,
        ...(Number.isInteger(body.times) && body.times > 0 ? { times: body.times } : {}),
      };
    }
    sendJson(res, 200, { control, requestCount, revoked: revoked.size });
  }

  /** @param {Req} req @param {Res} res @param {string} id */
  async function postStatus(req, res, id) {
    const text = await readBody(req);
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const form = isJson ? (parseJson(text) ?? {}) : Object.fromEntries(new URLSearchParams(text));
    const result = await updateTask(engine, id, { status: form.status, outcome: form.outcome, reason: form.reason });
    if (!result.ok) return sendJson(res, result.status, { error: result.error });
    if (isJson) return sendJson(res, 200, result.item);
    res.writeHead(303, { Location: '/inbox' });
    res.end();
  }

  /** @param {Req} req @param {Res} res */
  async function postClient(req, res) {
    if (!options.oauth) return sendJson(res, 404, { error: 'No OAuth server in this demo.' });
    const body = parseJson(await readBody(req)) ?? {};
    const jwks = typeof body.jwks === 'string' ? parseJson(body.jwks) : body.jwks;
    const keys = jwks?.keys ?? (jwks?.kty ? [jwks] : undefined);
    if (typeof body.clientId !== 'string' || !body.clientId || (!keys && typeof body.secret !== 'string')) {
      return sendJson(res, 422, { error: 'Give a clientId and either a secret or a public key (JWK or JWKS).' });
    }
    options.oauth.registerClient(body.clientId, { ...(keys ? { jwks: { keys } } : {}), ...(typeof body.secret === 'string' ? { secret: body.secret } : {}) });
    sendJson(res, 200, { registered: body.clientId, tokenUrl: options.oauth.tokenUrl });
  }

  const list = () => listReferrals(engine, received, firstSeen);

  /**
   * Handles one request if it is the inbox's.
   * @param {Req} req @param {Res} res @param {URL | string} [url]
   * @returns {Promise<boolean>} true when handled
   */
  async function handle(req, res, url) {
    const u = url instanceof URL ? url : new URL(url ?? req.url ?? '/', 'http://localhost');
    const full = u.pathname.replace(/\/+$/, '') || '/';
    const secure = full === '/secure' || full.startsWith('/secure/');
    const path = secure ? full.slice('/secure'.length) || '/' : full;
    const method = req.method ?? 'GET';
    const isFhir = path === '/fhir' || path.startsWith('/fhir/');
    const isWebhook = path === '/inbox/webhook';
    if (!(isFhir || path === '/inbox' || path.startsWith('/inbox/'))) return false;
    try {
      if (!secure) {
        if (method === 'POST' && path === '/inbox/control') return await postControl(req, res), true;
        if (method === 'POST' && path === '/inbox/reset') return reset(), sendJson(res, 200, { reset: true }), true;
        if (method === 'GET' && path === '/inbox') return sendHtml(res, inboxPage(await list(), options.oauth)), true;
        if (method === 'GET' && path === '/inbox/api/referrals') return sendJson(res, 200, await list()), true;
        if (method === 'POST' && path === '/inbox/oauth/clients') return await postClient(req, res), true;
        const statusMatch = /^\/inbox\/referral\/([^/]+)\/status$/.exec(path);
        if (method === 'POST' && statusMatch) return await postStatus(req, res, decodeURIComponent(statusMatch[1] ?? '')), true;
      }
      if (!isFhir && !isWebhook) return sendJson(res, 404, { error: `No inbox route for ${method} ${full}.` }), true;
      // Injected failures hit deliveries (POSTs) only, so status polling cannot use them up;
      // except "down": a server that is down answers nothing at all.
      if (method !== 'POST' && control.mode === 'down') return req.socket.destroy(), true;
      if (method === 'POST' && (await injected(req, res))) return true;
      if (secure && (await refusedAuth(req, res))) return true;
      const via = `${secure ? 'secure ' : ''}${isWebhook ? 'webhook' : 'fhir'}`;
      if (isWebhook) return method === 'POST' ? (await postWebhook(req, res, via), true) : (sendJson(res, 405, { error: 'POST only.' }), true);
      await fhir(req, res, path, u, via);
      return true;
    } catch (err) {
      if (!res.headersSent) sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
      return true;
    }
  }

  return { handle, reset, engine, list };
}

/** @param {Res} res @param {string} html */
function sendHtml(res, html) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}
