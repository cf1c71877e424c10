// Lint rules double as house rules: the pure core never touches the browser,
// Dexie or Preact, and nothing outside src/db imports Dexie (so no content
// script can open IndexedDB in the clinical site's origin).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserOnly = [
  { name: 'wxt/browser', message: 'Pure code must not use extension APIs (see docs/architecture.md).' },
  { name: 'webextension-polyfill', message: 'Pure code must not use extension APIs.' },
  { name: 'dexie', message: 'Only src/db opens the database.' },
  { name: 'preact', message: 'Pure code renders nothing.' },
  { name: 'preact/hooks', message: 'Pure code renders nothing.' },
];

export default tseslint.config(
  // A corpus author's own self-check (test/fixtures/screens/dev2) is their material, kept as written, not our code.
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-results/**', 'test-results/**', '.tmp/**', 'screenshots/**', 'test/fixtures/screens/**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/{adapters,context,prompts,directory,referral,insights,lib,settings}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: browserOnly }] },
  },
  {
    // The content script runs inside the clinical site's page: no UI framework,
    // no database (it would be the site's IndexedDB), no background code.
    files: ['src/content/**', 'entrypoints/ehr.content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'A content script must never open IndexedDB (it would be the clinical site\'s).' },
            { name: 'preact', message: 'The sidebar is an extension page (src/ui/panel); the content script has no UI framework.' },
            { name: 'preact/hooks', message: 'The sidebar is an extension page (src/ui/panel); the content script has no UI framework.' },
          ],
          patterns: [{ group: ['**/db/*', '**/services/*', '**/ui/*'], message: 'The content script is detection and messaging only (issue #17).' }],
        },
      ],
    },
  },
  {
    files: ['src/ui/**', 'entrypoints/sidepanel/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/insights/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'UI asks the background through src/messaging.' }],
          patterns: [{ group: ['**/db/*', '**/services/*'], message: 'UI asks the background through src/messaging.' }],
        },
      ],
    },
  },
);
