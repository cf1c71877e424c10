// `npm start`: install if needed, build the demo build of the extension
// (`--mode demo`: the content script also runs on the demo practice's own
// port), start the demo practice, and open Chromium with the extension loaded
// when a display exists. Headless (no DISPLAY), it prints the demo URL and how
// to load the build. The release build (`npx wxt build`) has no demo origins.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/.package-lock.json')) run('npm', ['ci', '--no-audit', '--no-fund']);
const port = Number(process.env.DEMO_PORT ?? 4173);
// The demo build acts only on the port it was built for (DEMO_PORT is read by wxt.config.ts).
run('npx', ['wxt', 'build', '--mode', 'demo']);

// Plain `node` is enough: the demo CLP's FHIR engine (medplum's FhirRouter) needs no flag on Node 20.
const { startDemoServer, DEMO_CLIENT } = await import('../test/demo/server.mjs');
const demo = await startDemoServer({ port });
const ext = resolve('.output/chrome-mv3-demo');
console.log(`\nDemo practice: ${demo.url}/`);
console.log(`  CareView consultation: ${demo.url}/careview/patient/1/consultation`);
console.log(`  Medora (single-page app): ${demo.url}/medora/`);
console.log(`  CLP inbox: ${demo.url}/inbox`);
console.log(`  CLP FHIR server: ${demo.url}/fhir (open) or ${demo.url}/secure/fhir (OAuth bearer token)`);
console.log(`  OAuth token endpoint: ${demo.oauth.tokenUrl} (client credentials: ${DEMO_CLIENT.id} / ${DEMO_CLIENT.secret})`);

const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.env.DISPLAY && existsSync(browserPath)) {
  const profile = resolve('.tmp/chromium-profile');
  mkdirSync(profile, { recursive: true });
  const child = spawn(
    browserPath,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `${demo.url}/careview/patient/1/consultation`,
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => void demo.close().then(() => process.exit(0)));
  console.log('\nChromium opened with Links Sidebar loaded. Alt+Shift+L opens the sidebar in the side panel. Close Chromium (or press Ctrl+C) to stop.');
} else {
  console.log(`\nNo display here. To try it:`);
  console.log(`  Chrome/Edge: open chrome://extensions, turn on Developer mode, "Load unpacked" and choose ${ext}`);
  console.log(`  Firefox: npx wxt build -b firefox --mode demo, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv2-demo/manifest.json`);
  console.log(`  then visit ${demo.url}/careview/patient/1/consultation and press Alt+Shift+L (or open the sidebar from the browser's side panel menu)`);
  console.log('\nPress Ctrl+C to stop the demo practice.');
}
process.on('SIGINT', () => void demo.close().then(() => process.exit(0)));
