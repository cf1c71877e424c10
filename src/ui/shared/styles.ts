/** Styles shared by the sidebar, popup and extension pages (one look everywhere). */
export const sharedCss = `
*, *::before, *::after { box-sizing: border-box; }
h2 { font-size: 15px; margin: 16px 14px 6px; color: #003a5c; }
h3 { font-size: 15px; margin: 0 0 4px; }
p { margin: 4px 0; }
.section { padding: 0 14px; }
button, select, input, textarea {
  font: inherit;
  color: inherit;
}
button {
  cursor: pointer;
  border: 1px solid #005a8c;
  background: #fff;
  color: #005a8c;
  border-radius: 4px;
  padding: 4px 10px;
  min-height: 32px;
  min-width: 24px;
}
button.primary { background: #005a8c; color: #fff; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible, a:focus-visible {
  outline: 3px solid #ffbf47;
  outline-offset: 1px;
}
a { color: #005a8c; }
label { display: block; font-weight: 600; margin-top: 8px; }
input[type="text"], input[type="tel"], input[type="search"], input[type="email"], input[type="date"], select, textarea {
  display: block;
  width: 100%;
  border: 1px solid #505a5f;
  border-radius: 4px;
  padding: 5px 8px;
  background: #fff;
  min-height: 32px;
}
input[type="checkbox"], input[type="radio"] { width: 18px; height: 18px; margin: 0 6px 0 0; vertical-align: middle; }
.check { display: flex; align-items: center; font-weight: 400; }
.hint { color: #505a5f; font-size: 13px; }
.error { color: #b10e1e; font-weight: 600; font-size: 14px; }
.muted { color: #505a5f; }
.prompts { list-style: none; margin: 0; padding: 0 14px; }
.prompt { border: 1px solid #c9d3d9; border-left: 5px solid #005a8c; border-radius: 4px; padding: 8px 10px; margin-bottom: 8px; }
.prompt[data-strength="3"] { border-left-color: #8a1538; }
.prompt .need { font-size: 13px; font-weight: 700; color: #003a5c; text-transform: uppercase; letter-spacing: 0.02em; }
.prompt .why { font-size: 13px; color: #505a5f; margin: 4px 0; padding-left: 16px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.cards { list-style: none; margin: 0; padding: 0 14px; }
.card { border: 1px solid #c9d3d9; border-radius: 4px; padding: 8px 10px; margin-bottom: 8px; }
.card .meta { font-size: 13px; color: #505a5f; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 8px; margin-right: 4px; }
.badge.rec { background: #e6f4ea; color: #0b5a1f; }
.badge.stale { background: #fff4ce; color: #5c4400; }
.outbox { list-style: none; padding: 0 14px; margin: 0; }
.outbox li { font-size: 14px; margin-bottom: 4px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
fieldset { border: 1px solid #c9d3d9; border-radius: 4px; margin: 8px 0; padding: 6px 10px; }
legend { font-weight: 600; }
`;
