/**
 * The sidebar page's own styles (it is an extension page, so the record's CSS
 * never reaches it; no shadow-root hardening is needed here).
 */
export const panelCss = `
html, body { margin: 0; height: 100%; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; }
#app { height: 100%; }
.panel {
  box-sizing: border-box;
  min-height: 100%;
  display: flex;
  flex-direction: column;
  /* Keyboard focus scrolled into view must not sit under the sticky banner or action bar (WCAG 2.4.11). */
  scroll-padding: 130px 0 80px;
}
.panel > .body { flex: 1 0 auto; padding-bottom: 16px; }
.actionbar { position: sticky; bottom: 0; z-index: 1; background: #fff; border-top: 1px solid #c8ccd0; padding: 10px 14px; }
.actionbar button { width: 100%; }
header.banner { position: sticky; top: 0; z-index: 1; background: #005a8c; color: #fff; padding: 10px 14px; }
header.banner .who { font-weight: 700; font-size: 16px; }
header.banner .facts { display: flex; flex-wrap: wrap; gap: 4px 12px; }
header.banner .state { display: inline-block; margin-top: 4px; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; }
.state.matched { background: #e6f4ea; color: #0b5a1f; }
.state.typed { background: #e8f1fb; color: #003078; }
.state.matched.unconfirmed { background: #fff4ce; color: #5c4400; }
.state.none, .state.changed, .state.check { background: #fff4ce; color: #5c4400; }
.banner-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.banner-actions { display: flex; gap: 6px; }
.banner button { background: transparent; color: #fff; border: 1px solid #fff; }
.notice { margin: 10px 14px; padding: 8px 10px; border-left: 4px solid #b35c00; background: #fff4e5; }
.standalone label { display: block; margin-top: 10px; font-weight: 600; }
.standalone input, .standalone textarea { box-sizing: border-box; width: 100%; }
.standalone .ok { color: #0b5a1f; }
`;
