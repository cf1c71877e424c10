/**
 * Picker styles, injected into its shadow root. As for the sidebar, `:host`
 * rules are `!important` so the record's own CSS (even `* { all: unset
 * !important }`) cannot hide the panel. The host covers the viewport but takes
 * no pointer events, so the record underneath can still be pointed at.
 */
import { HOST_HARDENING } from '../../lib/host-css';
import { sharedCss } from '../shared/styles';

export const pickerCss = `
:host {${HOST_HARDENING}
  top: 0 !important;
  left: 0 !important;
  right: auto !important;
  bottom: auto !important;
  width: 100vw !important;
  height: 100vh !important;
  overflow: visible !important;
}
.box {
  position: absolute;
  pointer-events: none;
  outline: 3px solid #ffbf47;
  box-shadow: 0 0 0 4px rgba(0, 0, 0, 0.55);
  background: rgba(255, 191, 71, 0.18);
  border-radius: 2px;
}
.box[hidden] { display: none; }
.panel {
  pointer-events: auto;
  position: absolute;
  left: 16px;
  bottom: 16px;
  width: 380px;
  max-width: calc(100vw - 32px);
  max-height: calc(100vh - 32px);
  overflow-y: auto;
  background: #fff;
  color: #1b1b1b;
  border: 2px solid #005a8c;
  border-radius: 6px;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.3);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 10px 14px 12px;
}
.panel.top { bottom: auto; top: 16px; }
.panel h2 { margin: 0 0 6px; font-size: 16px; }
.ask { font-weight: 600; }
.progress { font-size: 13px; color: #505a5f; }
.picked { margin: 6px 0; padding: 0; list-style: none; font-size: 13px; }
.picked li { margin: 2px 0; }
.picked code, .rows code { font-size: 12px; word-break: break-all; }
table.rows { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
table.rows th, table.rows td { border-top: 1px solid #d0d7dc; padding: 3px 4px; text-align: left; vertical-align: top; }
.bad { color: #b10e1e; }
.good { color: #0b5a1f; }
`.concat(sharedCss);
