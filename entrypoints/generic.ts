import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GENERIC_GLOBAL, GENERIC_READER } from '../src/adapters/generic/reader';

/**
 * The generic detector, built to /generic.js and loaded by the content script
 * only on pages no site adapter covers (src/content/start.ts): it is most of
 * the detection code, and a practice with an adapter for its record system
 * never needs it. It runs in the content script's own isolated world, where
 * it leaves itself for the content script to find.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[GENERIC_GLOBAL] = GENERIC_READER;
});
