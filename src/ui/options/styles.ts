/** Options and insights page layout; colours meet WCAG AA on white. */
export const optionsCss = `
body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #0b0c0c; background: #fff; }
.skip-link { position: absolute; left: -999px; top: 0; background: #ffbf47; color: #0b0c0c; padding: 6px 10px; }
.skip-link:focus { left: 8px; z-index: 10; }
.opt-header { background: #003a5c; color: #fff; padding: 10px 16px; }
.opt-header h1 { font-size: 20px; margin: 0 0 6px; }
.opt-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; }
.opt-header a { color: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 8px 16px 48px; }
main:focus { outline: none; }
.opt-section { border-bottom: 1px solid #c9d3d9; padding-bottom: 12px; }
.opt-section h2 { margin: 20px 0 4px; font-size: 18px; }
.field { max-width: 32rem; }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.locked-note { font-size: 13px; color: #5c4400; background: #fff4ce; display: inline-block; padding: 0 6px; border-radius: 4px; }
.error-summary { border: 4px solid #b10e1e; padding: 8px 14px; margin: 12px 0; }
.error-summary h2 { margin: 4px 0; color: #b10e1e; font-size: 17px; }
.error-summary a { color: #b10e1e; font-weight: 600; }
.warning { background: #fff4ce; color: #5c4400; padding: 6px 10px; border-radius: 4px; }
.status { min-height: 1.2em; color: #0b5a1f; font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid #c9d3d9; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #0b5a1f; font-weight: 600; }
.failed { color: #b10e1e; font-weight: 600; }
textarea { font-family: ui-monospace, monospace; font-size: 13px; min-height: 10rem; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; color: #005a8c; }
.table-scroll { overflow-x: auto; }
.chart-pair { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.chart-pair svg { max-width: 100%; height: auto; }
`;
