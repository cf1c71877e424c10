// The demo practice: one local HTTP server on 127.0.0.1 serving invented
// clinical-record screens, a mock ALISS directory API and the demo CLP
// service (a real FHIR engine, see inbox.mjs), plus the health board's OAuth
// server on a second port (oauth.mjs) for the secured FHIR endpoint.
// Everything here is invented demo data. Used by `npm start` and the e2e tests.
//
//   node test/demo/server.mjs [--port 4173]      (or DEMO_PORT=4173; OAuth on port + 1)
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { handleEhr, renderEhrPage } from './ehr.mjs';
import { handleDirectory } from './directory-api.mjs';
import { createInbox } from './inbox.mjs';
import { startOAuthServer } from './oauth.mjs';

/** The demo's client-credentials client (shown on the inbox page; invented, like everything here). */
export const DEMO_CLIENT = { id: 'links-demo', secret: 'demo-secret' };

/**
 * Checks a bearer token the way a resource server does: signed by the
 * board's OAuth server (its JWKS, fetched over HTTP), issued by it, not expired.
 * @param {{ url: string; jwksUrl: string }} oauth
 */
function tokenVerifier(oauth) {
  const jwks = createRemoteJWKSet(new URL(oauth.jwksUrl));
  /** @param {string} token */
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: oauth.url });
      return { ok: /** @type {const} */ (true), jti: typeof payload.jti === 'string' ? payload.jti : undefined };
    } catch (error) {
      const code = /** @type {{ code?: string }} */ (error).code;
      return { ok: /** @type {const} */ (false), reason: code === 'ERR_JWT_EXPIRED' ? 'The token has expired.' : 'The token is not valid.' };
    }
  };
}

const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kelvinbrae demo practice</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}</style></head><body>
<h1>Kelvinbrae Medical Practice — demo</h1>
<p><strong>DEMO — every patient, service and referral here is invented.</strong></p>
<ul>
<li><a href="/careview/">CareView</a> (classic record system, one page per patient) — <a href="/careview/appointments">appointment list</a></li>
<li><a href="/medora/">Medora</a> (single-page app that switches patients without reloading)</li>
<li><a href="/demo/unknown-system?patient=1">An unknown record system</a> (no adapter; the generic detector reads it)</li>
<li><a href="/inbox">CLP referral inbox</a> (a FHIR R4 server at <code>/fhir</code>; <code>/secure/fhir</code> needs an OAuth token)</li>
<li><a href="/aliss/api/v4/services/?page_size=5">Mock ALISS directory API</a></li>
</ul></body></html>`;

/**
 * A CareView screen that arrives in two parts (`?stream=<ms>`, for the in-page
 * panel's load tests and bench): everything up to `</body>` at once, the rest
 * after the pause, as a long record from a busy server does. The browser's
 * DOMContentLoaded comes after the pause.
 * @param {URL} url
 * @param {import('node:http').ServerResponse} res
 */
async function streamed(url, res) {
  const pause = Math.min(5000, Number(url.searchParams.get('stream')));
  const whole = new URL(url);
  whole.searchParams.delete('stream');
  const page = renderEhrPage(whole.pathname + whole.search);
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
    return;
  }
  const cut = Math.max(0, page.html.lastIndexOf('</body>'));
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write(page.html.slice(0, cut));
  await new Promise((resolve) => setTimeout(resolve, pause));
  res.end(page.html.slice(cut));
}

/**
 * Start the demo server. Resolves once listening.
 * `extra` answers first when given (a test serving its own screens on the demo origin, where the
 * demo build's content script runs); it returns true when it handled the request.
 * @param {{ port?: number, oauthPort?: number, host?: string, quiet?: boolean, extra?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean }} [options]
 */
export async function startDemoServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const oauthPort = options.oauthPort ?? (options.port ? options.port + 1 : 0);
  const oauth = await startOAuthServer({ port: oauthPort, host, clients: { [DEMO_CLIENT.id]: { secret: DEMO_CLIENT.secret } } });
  const inbox = createInbox({ verifyToken: tokenVerifier(oauth), oauth: { ...oauth, demoClient: DEMO_CLIENT } });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    try {
      if (options.extra?.(req, res, url)) return;
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(INDEX);
        return;
      }
      if (await inbox.handle(req, res, url)) return;
      if (handleDirectory(req, res, url)) return;
      if (url.pathname.startsWith('/careview/') && Number(url.searchParams.get('stream')) > 0) {
        await streamed(url, res);
        return;
      }
      if (handleEhr(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    } catch (error) {
      if (!options.quiet) console.error('demo server error', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Demo server error');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', (error) => void oauth.close().then(() => reject(error)));
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    inbox,
    oauth,
    close: async () => {
      await new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      });
      await oauth.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.DEMO_PORT ?? 4173);
  const demo = await startDemoServer({ port });
  console.log(`Demo practice at ${demo.url}/`);
  console.log(`  CLP FHIR server: ${demo.url}/fhir (open), ${demo.url}/secure/fhir (bearer token)`);
  console.log(`  OAuth token endpoint: ${demo.oauth.tokenUrl} (client ${DEMO_CLIENT.id} / ${DEMO_CLIENT.secret})`);
}
