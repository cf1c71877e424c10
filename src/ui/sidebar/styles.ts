/**
 * Sidebar styles, injected into its shadow root. `:host` rules are
 * `!important` on purpose: inside a shadow tree, important declarations beat
 * the host page's important ones, so `* { all: unset !important }` or
 * `display: none !important` on unknown elements cannot hide or restyle us.
 */
import { HOST_HARDENING } from '../shared/host-css';
import { sharedCss } from '../shared/styles';

export const sidebarCss = `
:host {${HOST_HARDENING}
  top: 0 !important;
  right: 0 !important;
  bottom: 0 !important;
  left: auto !important;
  width: 360px !important;
  max-width: 100vw !important;
  height: 100vh !important;
  contain: layout style !important;
}
:host([data-collapsed]) {
  width: 44px !important;
  height: auto !important;
  top: 40vh !important;
  bottom: auto !important;
}
.panel {
  pointer-events: auto;
  box-sizing: border-box;
  width: 360px;
  max-width: 100vw;
  height: 100vh;
  overflow-y: auto;
  background: #ffffff;
  color: #1b1b1b;
  border-left: 3px solid #005a8c;
  box-shadow: -4px 0 16px rgba(0, 0, 0, 0.18);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 0;
  /* A column, so the action bar sits at the bottom however little is above it. */
  display: flex;
  flex-direction: column;
  /* Keyboard focus scrolled into view must not sit under the sticky banner or action bar (WCAG 2.4.11). */
  scroll-padding: 130px 0 80px;
}
.panel > .body { flex: 1 0 auto; padding-bottom: 16px; }
.actionbar {
  position: sticky;
  bottom: 0;
  z-index: 1;
  background: #ffffff;
  border-top: 1px solid #c8ccd0;
  padding: 10px 14px;
}
.actionbar button { width: 100%; }
.collapsed {
  pointer-events: auto;
}
.tab {
  writing-mode: vertical-rl;
  padding: 12px 6px;
  border-radius: 6px 0 0 6px;
}
header.banner {
  position: sticky;
  top: 0;
  z-index: 1;
  background: #005a8c;
  color: #fff;
  padding: 10px 14px;
}
header.banner .who { font-weight: 700; font-size: 16px; }
header.banner .facts { display: flex; flex-wrap: wrap; gap: 4px 12px; }
header.banner .state { display: inline-block; margin-top: 4px; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; }
.state.matched { background: #e6f4ea; color: #0b5a1f; }
.state.none, .state.changed { background: #fff4ce; color: #5c4400; }
.banner-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.banner button { background: transparent; color: #fff; border: 1px solid #fff; }
.notice { margin: 10px 14px; padding: 8px 10px; border-left: 4px solid #b35c00; background: #fff4e5; }
`.concat(sharedCss);
