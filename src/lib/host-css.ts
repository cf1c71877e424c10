/**
 * Declarations every shadow host of ours carries. They are `!important`
 * because, inside a shadow tree, important declarations beat the host
 * page's important ones: `* { all: unset !important }` or `display: none
 * !important` on unknown elements cannot hide or restyle our UI.
 */
export const HOST_HARDENING = `
  all: initial !important;
  display: block !important;
  position: fixed !important;
  margin: 0 !important;
  padding: 0 !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  pointer-events: none !important;`;
