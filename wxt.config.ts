import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access is never granted up front: the practice adds its clinical-record
// origins in the options page and the extension asks for each at run time
// (optional_host_permissions). The demo practice on 127.0.0.1 is listed in the
// content script's static matches so the demo works out of the box; nothing else is.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Links Sidebar',
    description:
      'Social-need prompts, nearby community resources and one-click Community Links Practitioner referral beside the GP record.',
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
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
  zip: {
    excludeSources: ['.output/**', '.tmp/**', 'test-results/**', 'bench-results/**', '**/*.log'],
  },
});
