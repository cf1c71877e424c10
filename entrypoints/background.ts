import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/services/background';

// A classic (not module) service worker: Chromium keeps a compiled-code cache
// for an installed classic worker script and uses it on every wake, where a
// module worker was compiled afresh each time (about 45 ms of a ~120 ms wake
// on the bench machine). One file, no chunks shared with the pages.
export default defineBackground({
  main() {
    startBackground();
  },
});
