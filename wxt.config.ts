import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { staticClosureChunk } from './scripts/lib/panel-chunk';

// Host access is never granted up front: the practice adds its clinical-record
// origins in the options page and the extension asks for each at run time
// (optional_host_permissions). A release build (`wxt build`, `wxt zip`) has no
// static content script at all. A demo build (`wxt build --mode demo`: npm
// start, the end-to-end tests and benchmarks) also runs on the demo practice:
// loopback is matched statically, and the content script acts only on the
// demo's own port (DEMO_PORT, default 4173; src/content/origins.ts).
const DEMO_PORT = process.env.DEMO_PORT ?? '4173';
// WXT sets NODE_ENV to the mode's name when none is set (`demo` here), and Vite counts any NODE_ENV but `production`
// as a development build: the Preact preset then compiled JSX for development (a source location on every element)
// and put in its devtools hooks, so the demo build (what `npm start`, the end-to-end tests and the benchmarks run)
// carried a sidebar chunk 18% larger and slower than the release build's. The demo build is the release build
// pointed at the demo practice; `import.meta.env.MODE` still says `demo`.
if (process.env.NODE_ENV === 'demo') process.env.NODE_ENV = 'production';
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // SOURCEMAP=1 writes source maps, to see what a chunk is made of (not in release builds).
    build: { target: 'es2022', sourcemap: !!process.env.SOURCEMAP },
    define: { DEMO_PORT: JSON.stringify(DEMO_PORT) },
  }),
  manifest: ({ browser, mode }) => ({
    name: 'Links Sidebar',
    description:
      'Social-need prompts, nearby community resources and one-click Community Links Practitioner referral beside the GP record.',
    // sidePanel: Chrome/Edge's side panel (Firefox gets sidebar_action from the same entrypoint).
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The content script (entrypoints/ehr.ts, built to ehr.js) is registered at run time for the practice's
    // record sites. A demo build also declares it for loopback (the demo practice); it acts only on the demo port.
    ...(mode === 'demo' ? { content_scripts: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['ehr.js'], run_at: 'document_start' }] } : {}),
    // Chromium injects a script registered at run time only where the extension holds host access itself, which a
    // manifest content script's matches do not give (measured: without this the demo's hint was registered and never
    // ran): the demo's in-page mode hint (src/content/mode-hint.ts) needs loopback listed here. It grants more than
    // the hint: the background may fetch any loopback port without CORS, and a loopback site added in the options
    // page shows as granted with no prompt. Loopback only, and only in a demo build (its content script already runs
    // on every loopback port, acting on the demo's alone); a release build asks for each site.
    ...(mode === 'demo' && browser !== 'firefox' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    // The sidebar page can also sit inside a record page (the in-page mode): an
    // extension page in an iframe, which the page can neither read nor click.
    // generic.js: the generic detector, imported by the content script where no adapter covers the page.
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidepanel.html', 'chunks/*', 'assets/*', 'generic.js']
        : [{ resources: ['sidepanel.html', 'chunks/*', 'assets/*', 'generic.js'], matches: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }],
    // MV3 (Chrome/Edge) names optional host access separately; Firefox MV2 lists it with optional permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open or close the Links sidebar',
      },
    },
    ...(mode === 'demo' ? { description: `DEMO BUILD (demo practice on port ${DEMO_PORT}). Social-need prompts, nearby community resources and Community Links Practitioner referral beside the GP record.` } : {}),
    // Chrome/Edge read policy against this schema; Firefox takes managed storage from policies.json (docs/deployment.md).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (the current ESR) is the first to understand data_collection_permissions.
            gecko: {
              id: 'links-sidebar@links.scot.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The extension pages (one multi-page build): the sidebar page's static imports in one chunk, so that it opens
    // without waiting on a queue of small file loads (scripts/lib/panel-chunk.ts). The scripts are built alone.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'sidepanel')) return;
      const output = config.build?.rollupOptions?.output;
      if (Array.isArray(output) || !config.build?.rollupOptions) throw new Error('wxt.config.ts: unexpected Rollup output options for the pages build');
      config.build.rollupOptions.output = { ...output, manualChunks: staticClosureChunk(/\/entrypoints\/sidepanel\/index\.html$/, 'panel', /\/entrypoints\//) };
    },
  },
  zip: {
    excludeSources: ['.output/**', '.tmp/**', 'test-results/**', 'bench-results/**', '**/*.log'],
  },
});
