import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../../src/content/start';

/**
 * Runs on the clinical-record origins a practice configures and grants
 * (registered at run time by the background, src/services/origins.ts). A demo
 * build (`--mode demo`) also matches the demo practice on loopback statically,
 * and the script itself stays silent on any origin or port not configured
 * (src/content/origins.ts). It reads the page and never writes to it, apart
 * from the in-page panel's element when the practice chose that mode.
 */
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: import.meta.env.MODE === 'demo' ? 'manifest' : 'runtime',
  // document_end: the record's DOM is parsed; document_idle may wait up to ~200 ms more.
  runAt: 'document_end',
  main() {
    // WXT's context is not used: its invalidation event can be forged by the page (issue #11).
    void startContentScript().catch((error: unknown) => {
      // Never let the extension break the clinical record.
      console.error('[links-sidebar] content script failed to start:', error);
    });
  },
});
