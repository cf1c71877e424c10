// The demo practice: one local HTTP server on 127.0.0.1 serving invented
// clinical-record screens, a mock ALISS directory API and a mock CLP inbox.
// Everything here is invented demo data. Used by `npm start` and the e2e tests.
//
//   node test/demo/server.mjs [--port 4173]      (or DEMO_PORT=4173)
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { handleEhr } from './ehr.mjs';
import { handleDirectory } from './directory-api.mjs';
import { createInbox } from './inbox.mjs';

const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kelvinbrae demo practice</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}</style></head><body>
<h1>Kelvinbrae Medical Practice — demo</h1>
<p><strong>DEMO — every patient, service and referral here is invented.</strong></p>
<ul>
<li><a href="/careview/">CareView</a> (classic record system, one page per patient) — <a href="/careview/appointments">appointment list</a></li>
<li><a href="/medora/">Medora</a> (single-page app that switches patients without reloading)</li>
<li><a href="/demo/unknown-system?patient=1">An unknown record system</a> (no adapter; the generic detector reads it)</li>
<li><a href="/inbox">Mock CLP referral inbox</a></li>
<li><a href="/aliss/api/v4/services/?page_size=5">Mock ALISS directory API</a></li>
</ul></body></html>`;

/**
 * Start the demo server. Resolves once listening.
 * @param {{ port?: number, host?: string, quiet?: boolean }} [options]
 */
export async function startDemoServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const inbox = createInbox();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(INDEX);
        return;
      }
      if (await inbox.handle(req, res, url)) return;
      if (handleDirectory(req, res, url)) return;
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
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    inbox,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.DEMO_PORT ?? 4173);
  const demo = await startDemoServer({ port });
  console.log(`Demo practice at ${demo.url}/`);
}
