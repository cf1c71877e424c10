import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSidebar } from '../../src/ui/sidebar/host';

/**
 * Runs on the demo practice (loopback only) and, through runtime
 * registration by the background, on the clinical-record origins a practice
 * configures and grants. It reads the page and never writes to it; the
 * sidebar lives in its own shadow root.
 */
export default defineContentScript({
  // Loopback only: the demo practice. Real origins are registered at run time
  // (optional host permissions), see src/services/origins.ts.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  // document_end: the record's DOM is parsed; document_idle may wait up to ~200 ms more.
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  main(ctx) {
    void startSidebar(ctx).catch((error: unknown) => {
      // Never let the extension break the clinical record.
      console.error('[links-sidebar] sidebar failed to start:', error);
    });
  },
});
