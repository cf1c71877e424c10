// Mock ALISS v4 directory API serving the invented Kelvinbrae demo directory.
// Plain ESM, Node built-ins only. Wired into test/demo/server.mjs via
// handleDirectory(req, res, url), which returns true when it handled the request.
//
//   GET /aliss/api/v4/services/?q=&postcode=&category=&page=&page_size=   paginated (page_size default 50, max 500)
//   GET /aliss/api/v4/services.json                                        everything in one page
//   GET /aliss/control?mode=ok|500|slow|truncate|reset                     server-wide failure modes for sync tests
//
// Responses carry ETag and Last-Modified; If-None-Match / If-Modified-Since give 304.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// String paths (not `new URL`) because test DOMs may replace the global URL class.
const DATA_PATH = String(import.meta.url).startsWith('file:')
  ? join(dirname(fileURLToPath(String(import.meta.url))), 'data', 'demo-directory.aliss.json')
  : resolve(process.cwd(), 'test/demo/data/demo-directory.aliss.json');
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const SLOW_MS = 3000;

let directory;
function load() {
  directory ??= JSON.parse(readFileSync(DATA_PATH, 'utf8'));
  return directory;
}

/** Server-wide mode set by /aliss/control. */
const state = { mode: 'ok' };

// The data changes only when the file is regenerated, so its newest last_updated is the Last-Modified.
function lastModified() {
  const newest = load().data.reduce((max, s) => (s.last_updated > max ? s.last_updated : max), '1970-01-01');
  return new Date(newest).toUTCString();
}

const norm = (s) => String(s ?? '').toLowerCase();
const outcode = (pc) => norm(pc).replace(/\s+/g, '').slice(0, -3);

function filterServices(url) {
  const q = norm(url.searchParams.get('q')).trim();
  const category = norm(url.searchParams.get('category')).trim();
  const postcode = url.searchParams.get('postcode');
  const district = postcode ? outcode(postcode) || norm(postcode).replace(/\s+/g, '') : '';
  return load().data.filter((s) => {
    if (q && !`${s.name} ${s.description} ${s.organisation?.name} ${s.categories.map((c) => c.name).join(' ')}`.toLowerCase().includes(q)) return false;
    if (category && !s.categories.some((c) => norm(c.slug) === category || norm(c.name) === category)) return false;
    // Real ALISS sorts by distance; the mock keeps services in the same postcode area letters (all of the demo) and puts the same district first.
    if (district && !s.locations.some((l) => outcode(l.postal_code).replace(/\d.*$/, '') === district.replace(/\d.*$/, ''))) return false;
    return true;
  }).sort((a, b) => {
    if (!district) return 0;
    const ad = a.locations.some((l) => outcode(l.postal_code) === district) ? 0 : 1;
    const bd = b.locations.some((l) => outcode(l.postal_code) === district) ? 0 : 1;
    return ad - bd;
  });
}

function pageUrl(req, url, page) {
  const next = new URL(url.pathname + url.search, `http://${req.headers.host ?? 'localhost'}`);
  next.searchParams.set('page', String(page));
  return next.href;
}

function send(req, res, status, body, extraHeaders = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"`;
  const modified = lastModified();
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*', etag, 'last-modified': modified, ...extraHeaders };
  if (status === 200) {
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = inm ? inm.split(',').map((t) => t.trim()).includes(etag) : ims ? Date.parse(ims) >= Date.parse(modified) : false;
    if (notModified) {
      res.writeHead(304, { etag, 'last-modified': modified, 'access-control-allow-origin': '*' });
      res.end();
      return;
    }
  }
  if (state.mode === 'truncate' && status === 200) {
    // Cut the body mid-way, as a dropped connection would.
    res.writeHead(200, { ...headers, etag: `"truncated-${Date.now()}"` });
    res.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  res.writeHead(status, headers);
  res.end(text);
}

function respond(req, res, status, body) {
  if (state.mode === 'slow') setTimeout(() => send(req, res, status, body), SLOW_MS);
  else send(req, res, status, body);
}

function listBody(req, url, all) {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Number.parseInt(url.searchParams.get('page_size') ?? '', 10) || DEFAULT_PAGE_SIZE));
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '', 10) || 1);
  const slice = all.slice((page - 1) * size, page * size);
  return {
    meta: load().meta,
    count: all.length,
    next: page * size < all.length ? pageUrl(req, url, page + 1) : null,
    previous: page > 1 ? pageUrl(req, url, page - 1) : null,
    data: slice,
  };
}

/** Handles /aliss/... requests; returns true if it did. */
export function handleDirectory(req, res, url) {
  if (!url.pathname.startsWith('/aliss/')) return false;
  if (url.pathname === '/aliss/control') {
    const mode = url.searchParams.get('mode') ?? 'ok';
    if (!['ok', '500', 'slow', 'truncate', 'reset'].includes(mode)) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'mode must be ok, 500, slow, truncate or reset' }));
      return true;
    }
    state.mode = mode === 'reset' ? 'ok' : mode;
    if (mode === 'reset') directory = undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ mode: state.mode }));
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET' });
    res.end();
    return true;
  }
  if (state.mode === '500' && url.pathname.startsWith('/aliss/api/')) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Internal Server Error (simulated by /aliss/control?mode=500)' }));
    return true;
  }
  if (url.pathname === '/aliss/api/v4/services.json') {
    const all = load().data;
    respond(req, res, 200, { meta: load().meta, count: all.length, next: null, previous: null, data: all });
    return true;
  }
  if (url.pathname === '/aliss/api/v4/services/' || url.pathname === '/aliss/api/v4/services') {
    respond(req, res, 200, listBody(req, url, filterServices(url)));
    return true;
  }
  const detail = /^\/aliss\/api\/v4\/services\/([^/]+)\/?$/.exec(url.pathname);
  if (detail) {
    const service = load().data.find((s) => s.id === detail[1] || s.slug === detail[1]);
    if (service) respond(req, res, 200, { meta: load().meta, data: service });
    else send(req, res, 404, { error: 'Not found' });
    return true;
  }
  send(req, res, 404, { error: 'Not found' });
  return true;
}

/** For tests: the current control mode. */
export function directoryMode() {
  return state.mode;
}
