import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContentScript } from '../src/content/start';

/**
 * The content script for clinical-record pages, built to /ehr.js and
 * registered at run time by the background for exactly the record sites the
 * practice configured and allowed (and, in a demo build, the demo practice):
 * src/services/origins.ts. It stays silent on any other origin or port
 * (src/content/origins.ts). An unlisted script rather than a manifest content
 * script: WXT's content-script wrapper brings its invalidation event (which a
 * page can forge, issue #11) and the API polyfill (issue #17's size budget).
 */
export default defineUnlistedScript(() => {
  void startContentScript().catch((error: unknown) => {
    // Never let the extension break the clinical record.
    console.error('[links-sidebar] content script failed to start:', error);
  });
});
