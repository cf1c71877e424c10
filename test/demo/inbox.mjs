// Mock Community Links Practitioner inbox for the demo practice and the tests.
// Node built-ins only. It plays a FHIR server (POST /fhir transaction, GET
// /fhir/Task/<id>) and a webhook receiver, and lets a CLP accept and complete
// referrals on a small HTML page, so the sidebar's closed loop can be shown.
// Everything is in memory; reset() forgets it.

import { randomUUID } from 'node:crypto';

const REFERRAL_ID_SYSTEM = 'https://links-sidebar.scot/referral-id';
const STATUSES = ['requested', 'accepted', 'in-progress', 'completed', 'rejected', 'cancelled'];
const MAX_BODY = 1_000_000;

/**
 * @typedef {{ mode: 'up' | 'down' | 'fail'; status: number; times?: number; message: string; delayMs: number }} Control
 * @typedef {{
 *   referralId: string; via: 'fhir' | 'webhook'; receivedCount: number; status: string;
 *   receivedAt: string; lastReceivedAt: string; updatedAt: string; version: number;
 *   taskId: string; bundle: any; referral: any; response: { status: number; body: any };
 * }} StoredReferral
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/** @returns {Control} */
const normalControl = () => ({ mode: 'up', status: 500, message: 'Simulated failure', delayMs: 0 });

/** @param {Res} res @param {number} status @param {unknown} body @param {string} [type] */
function sendJson(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** @param {string} diagnostics @param {string} [code] */
const outcome = (diagnostics, code = 'invalid') => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

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

/** @param {unknown} s */
const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * What is missing from a transaction Bundle for it to be a referral.
 * @param {any} bundle @returns {string | undefined}
 */
function bundleProblem(bundle) {
  if (!bundle || bundle.resourceType !== 'Bundle') return 'The body is not a FHIR Bundle.';
  if (bundle.type !== 'transaction') return `Bundle.type must be "transaction", not "${bundle.type}".`;
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const type of ['Patient', 'ServiceRequest', 'Task']) {
    if (!entries.some((/** @type {any} */ e) => e?.resource?.resourceType === type)) {
      return `The Bundle has no ${type} entry.`;
    }
  }
  if (!referralIdOf(bundle)) return `The Task has no identifier in system ${REFERRAL_ID_SYSTEM}.`;
  return undefined;
}

/** @param {any} bundle @returns {string | undefined} */
function referralIdOf(bundle) {
  const task = (bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'Task')?.resource;
  const id = (task?.identifier ?? []).find((/** @type {any} */ i) => i?.system === REFERRAL_ID_SYSTEM)?.value;
  return typeof id === 'string' && id ? id : undefined;
}

/** @param {string} fullUrl */
const idFromUrn = (fullUrl) => (typeof fullUrl === 'string' && fullUrl.startsWith('urn:uuid:') ? fullUrl.slice(9) : randomUUID());

/**
 * The inbox. `handle` answers the routes under /fhir and /inbox and returns
 * false for anything else, so the demo server can serve its own pages. It
 * reads the request body itself: do not consume it before calling.
 */
export function createInbox() {
  /** @type {Map<string, StoredReferral>} */
  let referrals = new Map();
  /** @type {Map<string, string>} Idempotency-Key -> referral id */
  let keys = new Map();
  let control = normalControl();
  let requestCount = 0;

  function reset() {
    referrals = new Map();
    keys = new Map();
    control = normalControl();
    requestCount = 0;
  }

  /** The Task as it stands now (status set by the CLP). @param {StoredReferral} r */
  function currentTask(r) {
    const entry = (r.bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'Task');
    const base = entry?.resource ?? {
      resourceType: 'Task',
      intent: 'order',
      identifier: [{ system: REFERRAL_ID_SYSTEM, value: r.referralId }],
    };
    return {
      ...base,
      id: r.taskId,
      meta: { versionId: String(r.version), lastUpdated: r.updatedAt },
      status: r.status,
      lastModified: r.updatedAt,
    };
  }

  /**
   * Stores a referral, or counts a repeat of one already stored (same referral
   * id, or same Idempotency-Key). A new row has `response.body === null`.
   * @param {string} referralId @param {string | undefined} key @param {'fhir' | 'webhook'} via
   * @param {any} bundle @param {any} referral
   */
  function receive(referralId, key, via, bundle, referral) {
    const knownId = referrals.has(referralId) ? referralId : key ? keys.get(key) : undefined;
    const now = new Date().toISOString();
    const existing = knownId ? referrals.get(knownId) : undefined;
    if (existing) {
      existing.receivedCount += 1;
      existing.lastReceivedAt = now;
      if (key) keys.set(key, existing.referralId);
      return existing;
    }
    const taskEntry = (bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'Task');
    /** @type {StoredReferral} */
    const row = {
      referralId,
      via,
      receivedCount: 1,
      status: 'requested',
      receivedAt: now,
      lastReceivedAt: now,
      updatedAt: now,
      version: 1,
      taskId: taskEntry ? idFromUrn(taskEntry.fullUrl) : randomUUID(),
      bundle,
      referral,
      response: { status: 200, body: null },
    };
    referrals.set(referralId, row);
    if (key) keys.set(key, referralId);
    return row;
  }

  /** @param {StoredReferral} row @returns {{ status: number; body: any }} */
  function fhirResponse(row) {
    const now = row.receivedAt;
    const entry = (row.bundle.entry ?? []).map((/** @type {any} */ e) => {
      const type = e?.resource?.resourceType ?? 'Resource';
      const id = type === 'Task' ? row.taskId : idFromUrn(e?.fullUrl);
      return { response: { status: '201 Created', location: `${type}/${id}/_history/1`, etag: 'W/"1"', lastModified: now } };
    });
    return { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry } };
  }

  /** @param {Req} req @param {Res} res */
  async function postFhir(req, res) {
    const bundle = parseJson(await readBody(req));
    const problem = bundleProblem(bundle);
    if (problem) return sendJson(res, 422, outcome(problem), 'application/fhir+json');
    const referralId = /** @type {string} */ (referralIdOf(bundle));
    const key = headerValue(req, 'idempotency-key');
    const row = receive(referralId, key, 'fhir', bundle, undefined);
    if (row.response.body === null) row.response = fhirResponse(row);
    sendJson(res, row.response.status, row.response.body, 'application/fhir+json');
  }

  /** @param {Req} req @param {Res} res */
  async function postWebhook(req, res) {
    const payload = parseJson(await readBody(req));
    const referral = payload?.referral;
    if (!referral || typeof referral.id !== 'string' || !referral.id) {
      return sendJson(res, 422, { error: 'The body has no referral with an id.' });
    }
    const key = headerValue(req, 'idempotency-key');
    const row = receive(referral.id, key, 'webhook', payload.fhir ?? null, referral);
    if (row.response.body === null) {
      row.response = { status: 200, body: { received: true, referralId: row.referralId, taskUrl: `Task/${row.taskId}` } };
    }
    sendJson(res, row.response.status, row.response.body);
  }

  /** @param {Req} req @param {string} name */
  function headerValue(req, name) {
    const v = req.headers[name];
    return typeof v === 'string' && v ? v : undefined;
  }

  /** @param {string} taskId */
  const byTaskId = (taskId) => [...referrals.values()].find((r) => r.taskId === taskId);

  /** @param {Req} req @param {Res} res @param {string} referralOrTaskId */
  async function postStatus(req, res, referralOrTaskId) {
    const text = await readBody(req);
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const status = isJson ? parseJson(text)?.status : new URLSearchParams(text).get('status');
    const row = referrals.get(referralOrTaskId) ?? byTaskId(referralOrTaskId);
    if (!row) return sendJson(res, 404, { error: 'No referral with that id.' });
    if (!STATUSES.includes(status)) return sendJson(res, 422, { error: `Status must be one of ${STATUSES.join(', ')}.` });
    row.status = status;
    row.version += 1;
    row.updatedAt = new Date().toISOString();
    if (isJson) return sendJson(res, 200, listItem(row));
    res.writeHead(303, { Location: '/inbox' });
    res.end();
  }

  /** @param {StoredReferral} r */
  const listItem = (r) => ({
    referralId: r.referralId,
    via: r.via,
    receivedCount: r.receivedCount,
    status: r.status,
    receivedAt: r.receivedAt,
    lastReceivedAt: r.lastReceivedAt,
    taskId: r.taskId,
    bundle: r.bundle,
    referral: r.referral ?? null,
  });

  /** Applies failure injection; true when the request has been dealt with. @param {Req} req @param {Res} res */
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
    const fhir = (req.url ?? '').startsWith('/fhir');
    sendJson(res, status, fhir ? outcome(message, 'exception') : { error: message }, fhir ? 'application/fhir+json' : 'application/json');
    return true;
  }

  /** @param {Req} req @param {Res} res */
  async function postControl(req, res) {
    const body = parseJson(await readBody(req)) ?? {};
    if (!['up', 'down', 'fail'].includes(body.mode)) return sendJson(res, 422, { error: 'mode must be up, down or fail.' });
    control = {
      mode: body.mode,
      status: Number.isInteger(body.status) ? body.status : 500,
      message: typeof body.message === 'string' && body.message ? body.message : 'Simulated failure',
      delayMs: Number.isFinite(body.delayMs) && body.delayMs > 0 ? body.delayMs : 0,
      ...(Number.isInteger(body.times) && body.times > 0 ? { times: body.times } : {}),
    };
    sendJson(res, 200, { control, requestCount });
  }

  /**
   * Handles one request if it is for the inbox.
   * @param {Req} req @param {Res} res @param {URL | string} [url]
   * @returns {Promise<boolean>} true when handled
   */
  async function handle(req, res, url) {
    const u = url instanceof URL ? url : new URL(url ?? req.url ?? '/', 'http://localhost');
    const path = u.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (!(path === '/fhir' || path.startsWith('/fhir/') || path === '/inbox' || path.startsWith('/inbox/'))) return false;
    try {
      if (method === 'POST' && path === '/inbox/control') return await postControl(req, res), true;
      if (method === 'POST' && path === '/inbox/reset') return reset(), sendJson(res, 200, { reset: true }), true;
      if (method === 'GET' && path === '/inbox') return sendHtml(res, inboxPage([...referrals.values()])), true;
      if (method === 'GET' && path === '/inbox/api/referrals') return sendJson(res, 200, [...referrals.values()].map(listItem)), true;
      const statusMatch = /^\/inbox\/referral\/([^/]+)\/status$/.exec(path);
      if (method === 'POST' && statusMatch) return await postStatus(req, res, decodeURIComponent(statusMatch[1] ?? '')), true;

      // Injected failures hit deliveries (POSTs) only, so status polling cannot use them up.
      const endpoint = path === '/inbox/webhook' || path === '/fhir' || path.startsWith('/fhir/');
      const receiving = method === 'POST' && endpoint;
      // Except "down": a server that is down answers nothing at all (the extension may probe it with a GET).
      if (endpoint && !receiving && control.mode === 'down') return req.socket.destroy(), true;
      if (receiving && (await injected(req, res))) return true;
      if (method === 'POST' && path === '/fhir') return await postFhir(req, res), true;
      if (method === 'POST' && path === '/inbox/webhook') return await postWebhook(req, res), true;
      const taskMatch = /^\/fhir\/Task\/([^/]+)$/.exec(path);
      if (method === 'GET' && taskMatch) {
        const row = byTaskId(decodeURIComponent(taskMatch[1] ?? ''));
        if (!row) return sendJson(res, 404, outcome('No Task with that id.', 'not-found'), 'application/fhir+json'), true;
        return sendJson(res, 200, currentTask(row), 'application/fhir+json'), true;
      }
      if (method === 'GET' && path === '/fhir/Task') {
        const wanted = (u.searchParams.get('identifier') ?? '').split('|').pop();
        const found = [...referrals.values()].filter((r) => r.referralId === wanted);
        const entry = found.map((r) => ({ fullUrl: `Task/${r.taskId}`, resource: currentTask(r), search: { mode: 'match' } }));
        return sendJson(res, 200, { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry }, 'application/fhir+json'), true;
      }
      sendJson(res, 404, { error: `No inbox route for ${method} ${path}.` });
      return true;
    } catch (err) {
      if (!res.headersSent) sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
      return true;
    }
  }

  return { handle, reset };
}

/** @param {Res} res @param {string} html */
function sendHtml(res, html) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

/** @param {StoredReferral} r */
function summaryOf(r) {
  const sr = (r.bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'ServiceRequest')?.resource;
  const patient = (r.bundle?.entry ?? []).find((/** @type {any} */ e) => e?.resource?.resourceType === 'Patient')?.resource;
  return {
    needs: r.referral?.needs ?? (sr?.reasonCode ?? []).map((/** @type {any} */ c) => c?.text ?? c?.coding?.[0]?.code),
    level: r.referral?.level ?? sr?.category?.[0]?.coding?.[0]?.code ?? '',
    urgency: r.referral?.urgency ?? sr?.priority ?? '',
    name: r.referral?.patient?.name ?? patient?.name?.[0]?.text ?? '',
  };
}

/** @param {StoredReferral[]} rows */
function inboxPage(rows) {
  const buttons = (/** @type {StoredReferral} */ r) =>
    [['accepted', 'Accept'], ['in-progress', 'Start'], ['completed', 'Complete'], ['rejected', 'Decline']]
      .map(
        ([status, label]) =>
          `<form method="post" action="/inbox/referral/${encodeURIComponent(r.referralId)}/status"><input type="hidden" name="status" value="${status}"><button type="submit" data-status="${status}">${label}</button></form>`,
      )
      .join('');
  const body = rows.length
    ? rows
        .map((r) => {
          const s = summaryOf(r);
          return `<tr data-referral-id="${esc(r.referralId)}"><td>${esc(s.name)}</td><td>${esc(s.needs.join(', '))}</td><td>${esc(s.level)}</td><td>${esc(s.urgency)}</td><td>${esc(new Date(r.receivedAt).toLocaleString('en-GB'))}</td><td>${r.receivedCount}</td><td class="status">${esc(r.status)}</td><td class="actions">${buttons(r)}</td></tr>`;
        })
        .join('\n')
    : '<tr><td colspan="8">No referrals yet.</td></tr>';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Community Links inbox (demo)</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}.actions form{display:inline}button{margin:0 .2rem}</style></head>
<body><h1>Community Links Practitioner inbox (demo)</h1><p>Fictional referrals received by the demo practice's CLP.</p>
<table><thead><tr><th>Person</th><th>Needs</th><th>Level</th><th>Urgency</th><th>Received</th><th>Deliveries</th><th>Status</th><th>Actions</th></tr></thead>
<tbody>${body}</tbody></table></body></html>`;
}
