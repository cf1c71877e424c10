/**
 * The in-page mode's hint (issue #17's "sidebar after page load"): a one-line script the background registers
 * before ehr.js, for the practice's record sites, only while the practice has chosen the in-page panel. Both run
 * in the extension's isolated world at document_start, so the content script knows the mode synchronously and can
 * start loading the panel's frame as soon as the record has a <body>, instead of after its settings read from
 * extension storage (20 to 35 ms here, with the frame's own 60 to 70 ms to follow).
 *
 * A hint only: the published config still decides. The registration's match pattern cannot name a port, so the
 * hint also reaches other ports of a configured host; there the frame, mounted hidden, is removed as soon as the
 * config says the origin is not allowed (or never mounted, when the config is read before the record has a <body>),
 * and it never learns a patient (a panel that links before the config is read is held, told nothing, and
 * disconnected when the config says no). The background registers the hint only
 * while the practice's mode is in-page, its calls one at a time (src/services/origins.ts).
 */
export const MODE_HINT = Symbol.for('links-sidebar.inpage-hint');
/** The built file (entrypoints/inpage-hint.ts). */
export const MODE_HINT_FILE = 'inpage-hint.js';

export const hintInpage = (): void => {
  (globalThis as Record<symbol, unknown>)[MODE_HINT] = true;
};
export const inpageHinted = (): boolean => (globalThis as Record<symbol, unknown>)[MODE_HINT] === true;
