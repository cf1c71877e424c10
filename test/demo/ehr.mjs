// Demo clinical-record sites for Links Sidebar: two invented systems
// (CareView, classic pages; Medora, a single-page app) plus awkward pages for
// testing (no identifier, bad CHI, hostile CSS, hostile script, unknown layout).
// Plain ESM, Node built-ins only. All patients are INVENTED.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ term: string, code: string }} DemoProblem */
/** @typedef {{ id: string, title: string, given: string, family: string, birthDate: string, sex: 'female'|'male', chi: string, address: string, postcode: string, phone: string, problems: DemoProblem[], medications: string[], notes: string }} DemoPatient */

/** @type {DemoPatient[]} */
export const PATIENTS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'data', 'patients.json'), 'utf8')).patients;
const CAREVIEW_IDS = ['1', '2', '3', '4'];
const MEDORA_IDS = ['5', '6', '7', '8'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @param {unknown} s */
function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
/** @param {string} id */
const patient = (id) => PATIENTS.find((p) => p.id === id);
/** 1952-03-14 -> 14-Mar-1952 @param {string} iso */
function cvDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}
/** @param {string} iso */
function ageYears(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const now = new Date();
  let age = now.getFullYear() - (y ?? 0);
  if (now.getMonth() + 1 < (m ?? 0) || (now.getMonth() + 1 === m && now.getDate() < (d ?? 0))) age -= 1;
  return age;
}
/** CHI as CareView prints it: 140352 2103 @param {string} chi */
const spacedChi = (chi) => `${chi.slice(0, 6)} ${chi.slice(6)}`;

const DEMO_MARK = '<div class="demo-marker" role="note" style="background:#ffd54f;color:#000;padding:4px 8px;font:bold 13px sans-serif">DEMO — invented patients. Not a real clinical system.</div>';

/** @param {string} title @param {string} css @param {string} body @param {string} [head] */
function page(title, css, body, head = '') {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${css}</style>${head}</head><body>${DEMO_MARK}${body}</body></html>`;
}

const CV_CSS = `body{margin:0;font:14px/1.4 Arial,Helvetica,sans-serif;background:#eef1f4;color:#1b2733}
.cv-top{display:flex;gap:16px;align-items:center;background:#12355b;color:#fff;padding:6px 12px}.cv-top a{color:#fff}
.cv-menu{display:flex;gap:12px;list-style:none;margin:0;padding:0}.cv-tabs{display:flex;gap:2px;background:#d5dde6;padding:4px 12px 0;list-style:none;margin:0}
.cv-tabs li{background:#c2ccd6;padding:4px 10px}.cv-tabs li.active{background:#fff;font-weight:bold}
.cv-banner{background:#fff;border-bottom:3px solid #1d70b8;padding:8px 12px}.cv-banner h1{font-size:20px;margin:0 0 4px}
.cv-label{color:#555;margin-left:12px}.cv-columns{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:12px}
.cv-panel{background:#fff;border:1px solid #c8d0d8;padding:8px 12px}.cv-panel h2{font-size:15px;margin:0 0 6px;color:#12355b}
#cv-notes{width:100%;box-sizing:border-box;font:14px/1.4 Arial,sans-serif}.cv-status{padding:4px 12px;font-size:12px;color:#555}
table.cv-book{border-collapse:collapse;margin:12px;background:#fff}table.cv-book td,table.cv-book th{border:1px solid #c8d0d8;padding:4px 8px}`;

function cvChrome(active = 'Consultation') {
  const tabs = ['Summary', 'Consultation', 'Problems', 'Medication', 'Results', 'Letters', 'Documents'];
  return `<header class="cv-top"><strong>CareView</strong><span>Kelvinbrae Medical Practice</span>
<ul class="cv-menu" role="menubar"><li role="menuitem"><a href="/careview/">Home</a></li><li role="menuitem"><a href="/careview/appointments">Appointments</a></li><li role="menuitem"><a href="#">Tasks (3)</a></li><li role="menuitem"><a href="#">Messages</a></li><li role="menuitem"><a href="#">Reports</a></li></ul>
<span class="cv-user">Dr A. Murray (GP)</span><a href="#">Log out</a></header>
<nav><ul class="cv-tabs" role="tablist">${tabs.map((t) => `<li role="tab"${t === active ? ' class="active" aria-selected="true"' : ''}><a href="#">${t}</a></li>`).join('')}</ul></nav>`;
}

/**
 * CareView consultation for one patient.
 * @param {DemoPatient} p
 * @param {{ chi?: string | null, extraHead?: string, title?: string }} [opt] chi null hides the identifier
 */
function careviewConsultation(p, opt = {}) {
  const chi = opt.chi === undefined ? p.chi : opt.chi;
  const chiHtml = chi === null ? '' : `<span class="cv-label">CHI:</span> <span class="cv-chi">${esc(spacedChi(chi))}</span>`;
  const problems = p.problems.map((x) => `<li data-snomed="${esc(x.code)}"><span class="cv-term">${esc(x.term)}</span></li>`).join('');
  const meds = p.medications.map((m) => `<li>${esc(m)}</li>`).join('');
  const body = `${cvChrome()}<main class="cv-main" data-screen="consultation">
<section class="cv-banner" aria-label="Patient banner">
<h1 class="cv-patient-name">${esc(p.family.toUpperCase())}, ${esc(p.given)} (${esc(p.title)})</h1>
<span class="cv-label">DOB:</span> <span class="cv-dob">${cvDate(p.birthDate)}</span> (${ageYears(p.birthDate)}y)
<span class="cv-label">Sex:</span> <span class="cv-sex">${p.sex === 'female' ? 'Female' : 'Male'}</span>
${chiHtml}
<br><span class="cv-label">Address:</span> <span class="cv-address">${esc(p.address)}</span>
<span class="cv-label">Postcode:</span> <span class="cv-postcode">${esc(p.postcode)}</span>
<span class="cv-label">Tel:</span> <span class="cv-phone">${esc(p.phone)}</span>
</section>
<div class="cv-columns">
<section class="cv-panel"><h2>Active problems</h2><ul class="cv-problems">${problems || '<li class="cv-none">No active problems</li>'}</ul></section>
<section class="cv-panel"><h2>Repeat medication</h2><ol class="cv-meds">${meds}</ol>${meds ? '' : '<p>No repeat medication.</p>'}</section>
<section class="cv-panel cv-consult" style="grid-column:1/3"><h2>Consultation</h2>
<p>Seen by Dr A. Murray, face to face, Kelvinbrae Medical Practice.</p>
<label for="cv-notes">History</label><br><textarea id="cv-notes" name="consultation-notes" rows="10" cols="90">${esc(p.notes)}</textarea>
<p><button type="button">Save</button> <button type="button">Add read code</button> <button type="button">Print</button></p></section>
</div></main><div class="cv-status">Connected to practice server. Last sync 2 minutes ago.</div>`;
  return page(opt.title ?? `CareView — ${p.family}, ${p.given}`, CV_CSS, body, opt.extraHead ?? '');
}

function careviewIndex() {
  const rows = CAREVIEW_IDS.map((id) => {
    const p = /** @type {DemoPatient} */ (patient(id));
    return `<li><a href="/careview/patient/${id}/consultation">${esc(p.family)}, ${esc(p.given)}</a></li>`;
  }).join('');
  const demos = ['half-consultation?patient=1', 'bad-chi?patient=2', 'hostile-css?patient=3', 'hostile-script?patient=4', 'unknown-system?patient=1']
    .map((d) => `<li><a href="/demo/${d}">/demo/${esc(d)}</a></li>`).join('');
  const body = `${cvChrome('Summary')}<main class="cv-main" data-screen="home" style="padding:12px">
<h1>CareView — Kelvinbrae Medical Practice</h1><h2>Patients (CareView)</h2><ul>${rows}</ul>
<p><a href="/careview/appointments">Today's appointment book</a> · <a href="/medora/">Medora (single-page app)</a></p>
<h2>Awkward pages for testing</h2><ul>${demos}<li><a href="/careview/patient/1/consultation?half=1">Consultation with no identifier</a></li></ul></main>`;
  return page('CareView — Home', CV_CSS, body);
}

function careviewAppointments() {
  const times = ['08:30', '08:40', '08:50', '09:00', '09:20', '09:30', '09:40', '10:00'];
  const rows = PATIENTS.map((p, i) => `<tr><td>${times[i] ?? '10:30'}</td><td><a href="/careview/patient/${p.id}/consultation">${esc(p.family.toUpperCase())}, ${esc(p.given)}</a></td><td>${cvDate(p.birthDate)}</td><td>${esc(spacedChi(p.chi))}</td><td>Routine</td><td>Arrived</td></tr>`).join('');
  const body = `${cvChrome('Summary')}<main class="cv-main" data-screen="appointments"><h1 style="padding:0 12px">Appointment book — Dr A. Murray</h1>
<table class="cv-book"><thead><tr><th>Time</th><th>Patient</th><th>DOB</th><th>CHI</th><th>Type</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></main>`;
  return page('CareView — Appointments', CV_CSS, body);
}

/**
 * Medora record markup. Self-contained (no outer references) because the same
 * function is sent to the browser with Function.prototype.toString and run
 * there when the app switches patient.
 * @param {DemoPatient} p
 */
function medoraRecordHtml(p) {
  const e = (/** @type {unknown} */ s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const parts = p.birthDate.split('-');
  const now = new Date();
  let age = now.getFullYear() - Number(parts[0]);
  if (now.getMonth() + 1 < Number(parts[1]) || (now.getMonth() + 1 === Number(parts[1]) && now.getDate() < Number(parts[2]))) age -= 1;
  let problems = '';
  for (const x of p.problems) problems += '<tr><td class="md-term">' + e(x.term) + '</td><td class="md-code">' + e(x.code) + '</td></tr>';
  let meds = '';
  for (const m of p.medications) meds += '<tr><td>' + e(m) + '</td><td>Repeat</td></tr>';
  return '<header class="md-head"><h2 class="md-title">Encounter</h2><span class="md-badge">Face to face</span></header>' +
    '<dl class="md-banner">' +
    '<dt>Patient</dt><dd data-field="name">' + e(p.given) + ' ' + e(p.family.toUpperCase()) + ' (' + e(p.title) + ')</dd>' +
    '<dt>Born</dt><dd data-field="dob">' + parts[2] + '/' + parts[1] + '/' + parts[0] + ' (' + age + ' y)</dd>' +
    '<dt>Gender</dt><dd data-field="sex">' + (p.sex === 'female' ? 'F' : 'M') + '</dd>' +
    '<dt>CHI Number</dt><dd data-field="chi">' + e(p.chi) + '</dd>' +
    '<dt>Address</dt><dd data-field="address">' + e(p.address) + ', ' + e(p.postcode) + '</dd>' +
    '<dt>Telephone</dt><dd data-field="phone">' + e(p.phone) + '</dd></dl>' +
    '<div class="md-grid"><div class="md-card"><h3>Conditions</h3><table class="md-problems"><thead><tr><th>Condition</th><th>SNOMED CT</th></tr></thead><tbody>' + problems + '</tbody></table></div>' +
    '<div class="md-card"><h3>Current medication</h3><table class="md-meds"><thead><tr><th>Medicine</th><th>Type</th></tr></thead><tbody>' + meds + '</tbody></table></div>' +
    '<div class="md-card md-consult"><div class="md-notes-label" id="md-notes-label">Consultation notes</div>' +
    '<div class="md-notes" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="md-notes-label">' + e(p.notes) + '</div></div></div>';
}

const MD_CSS = `body{margin:0;font:14px/1.45 system-ui,sans-serif;background:#f6f4fb;color:#221b33}
.md-shell{display:grid;grid-template-columns:240px 1fr;min-height:100vh}.md-side{background:#2d2150;color:#fff;padding:10px}
.md-side a{color:#e6dcff;text-decoration:none}.md-side li{padding:3px 0}.md-side li.current a{font-weight:bold;color:#fff}
.md-side ul{list-style:none;padding:0}.md-search{width:100%;box-sizing:border-box}.md-record{padding:12px 16px}
.md-banner{display:grid;grid-template-columns:auto 1fr auto 1fr;gap:2px 10px;background:#fff;border-radius:8px;padding:10px;margin:0}
.md-banner dt{color:#6b6384;font-size:12px;text-transform:uppercase}.md-banner dd{margin:0;font-weight:600}
.md-grid{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:12px}.md-card{background:#fff;border-radius:8px;padding:8px 12px}
.md-consult{grid-column:1/3}.md-notes{min-height:120px;border:1px solid #bbb;padding:6px;white-space:pre-wrap}
.md-problems,.md-meds{border-collapse:collapse;width:100%}.md-problems td,.md-meds td{border-top:1px solid #eee;padding:3px}`;

/** @param {string | undefined} id */
function medoraApp(id, rapid, busy = false) {
  const list = MEDORA_IDS.map((pid) => /** @type {DemoPatient} */ (patient(pid)));
  const current = id && MEDORA_IDS.includes(id) ? patient(id) : undefined;
  const items = list.map((p) => `<li data-id="${p.id}"${current && current.id === p.id ? ' class="current"' : ''}><a href="/medora/patient/${p.id}" data-id="${p.id}">${esc(p.family.toUpperCase())}, ${esc(p.given)}</a><br><small>${p.birthDate.split('-').reverse().join('/')}</small></li>`).join('');
  const record = current
    ? `<section class="md-record" data-view="consultation" aria-live="polite">${medoraRecordHtml(current)}</section>`
    : '<section class="md-record" data-view="empty" aria-live="polite"><p>Select a patient from the list.</p></section>';
  const data = JSON.stringify(list).replace(/</g, '\\u003c');
  const script = `(function(){
var patients = JSON.parse(document.getElementById('md-data').textContent);
var rapid = ${rapid ? 'true' : 'false'};
var busy = ${busy ? 'true' : 'false'};
/** When each patient's banner went on screen (for the soak test and the benchmark). */
window.__switchLog = [];
/** When the previous patient's banner left the screen (the loading state). */
window.__goneLog = [];
${medoraRecordHtml.toString()}
var record = document.querySelector('.md-record');
var seq = 0;
function byId(id){ for (var i = 0; i < patients.length; i++) if (patients[i].id === id) return patients[i]; return null; }
function currentId(){ var li = document.querySelector('.md-list li.current'); return li ? li.getAttribute('data-id') : null; }
function mark(id){ var lis = document.querySelectorAll('.md-list li'); for (var i = 0; i < lis.length; i++) lis[i].className = lis[i].getAttribute('data-id') === id ? 'current' : ''; }
function show(id, push){
  var p = byId(String(id)); if (!p) return Promise.resolve(false);
  var mine = ++seq;
  record.setAttribute('data-view', 'loading');
  record.innerHTML = '<p class="md-loading">Loading patient…</p>';
  window.__goneLog.push({ at: Date.now() });
  mark(p.id);
  if (push !== false) history.pushState({ id: p.id }, '', '/medora/patient/' + p.id + (rapid ? '?rapid=1' + (busy ? '&busy=1' : '') : ''));
  return new Promise(function(resolve){ setTimeout(function(){
    if (mine !== seq) { resolve(false); return; }
    record.innerHTML = medoraRecordHtml(p);
    window.__switchLog.push({ id: p.id, at: Date.now() });
    record.setAttribute('data-view', 'consultation');
    document.title = 'Medora — ' + p.family + ', ' + p.given;
    resolve(true);
  }, rapid ? 5 : 30); });
}
function step(delta){
  var id = currentId(); var idx = -1;
  for (var i = 0; i < patients.length; i++) if (patients[i].id === id) idx = i;
  var next = patients[(idx + delta + patients.length) % patients.length];
  return show(next.id);
}
window.__medoraShow = function(id){ return show(id, true); };
document.querySelector('.md-list').addEventListener('click', function(ev){
  var a = ev.target.closest ? ev.target.closest('a[data-id]') : null; if (!a) return;
  ev.preventDefault(); show(a.getAttribute('data-id'));
});
document.getElementById('md-quick').addEventListener('click', function(){ step(1); });
window.addEventListener('popstate', function(){ var m = /\\/patient\\/(\\w+)/.exec(location.pathname) || /#\\/patient\\/(\\w+)/.exec(location.hash); if (m) show(m[1], false); });
if (rapid) document.addEventListener('keydown', function(ev){
  if (ev.target && ev.target.isContentEditable) return;
  if (ev.key === 'ArrowDown') { ev.preventDefault(); step(1); }
  if (ev.key === 'ArrowUp') { ev.preventDefault(); step(-1); }
});
// Busy mode: a clock redrawn every frame (text and style), as dashboards and animated banners do.
if (busy) {
  var clock = document.getElementById('md-clock');
  var frame = function(){ clock.textContent = new Date().toISOString().slice(11, 23); clock.style.transform = 'rotate(' + (Date.now() % 360) + 'deg)'; };
  var raf = function(){ frame(); requestAnimationFrame(raf); };
  requestAnimationFrame(raf);
  setInterval(frame, 16);
}
var h = /^#\\/patient\\/(\\w+)/.exec(location.hash);
if (h && !currentId()) show(h[1], true);
})();`;
  const body = `<div class="md-shell"><aside class="md-side"><strong>Medora</strong> · Kelvinbrae Medical Practice
<p><input class="md-search" type="search" placeholder="Search patients" aria-label="Search patients"></p>
<ul class="md-list">${items}</ul><button type="button" id="md-quick">Quick switch ▸</button>${rapid ? '<p><small>Rapid mode: ArrowDown / ArrowUp switch patient.</small></p>' : ''}${busy ? '<p aria-hidden="true"><span id="md-clock" style="display:inline-block">00:00:00.000</span></p>' : ''}</aside>
<div class="md-main">${record}</div></div>
<script type="application/json" id="md-data">${data}</script><script>${script}</script>`;
  return page(current ? `Medora — ${current.family}, ${current.given}` : 'Medora', MD_CSS, body);
}

const UK_CSS = `body{font:13px Verdana,sans-serif;margin:0;background:#fff}.ps-top{background:#4a4a4a;color:#fff;padding:4px 8px}
table.ps-banner{border-collapse:collapse;margin:8px}table.ps-banner th{text-align:right;background:#e8e8e8;padding:2px 6px}table.ps-banner td{padding:2px 10px 2px 4px}
.ps-body{display:flex;gap:16px;padding:8px}.ps-col{flex:1}h4{margin:8px 0 4px;border-bottom:1px solid #999}`;

/** A third, unrelated layout that no built-in adapter knows. @param {DemoPatient} p */
function unknownSystem(p) {
  const [y, m, d] = p.birthDate.split('-');
  const problems = p.problems.map((x) => `<li>${esc(x.term)} (${esc(x.code)})</li>`).join('');
  const meds = p.medications.map((x) => `<li>${esc(x)}</li>`).join('');
  const body = `<div class="ps-top">PracticeDesk Clinical 7.2 · Kelvinbrae Medical Practice · <a href="#" style="color:#fff">Switch user</a></div>
<table class="ps-banner"><tr><th>Name</th><td>${esc(p.title)} ${esc(p.given)} ${esc(p.family)}</td><th>CHI No</th><td>${esc(p.chi)}</td><th>D.O.B.</th><td>${d}.${m}.${y}</td></tr>
<tr><th>Gender</th><td>${p.sex === 'female' ? 'Female' : 'Male'}</td><th>Address</th><td>${esc(p.address)}</td><th>Post code</th><td>${esc(p.postcode)}</td></tr></table>
<div class="ps-body"><div class="ps-col"><h4>Diagnoses</h4><ol>${problems}</ol><h4>Repeat medication</h4><ul>${meds}</ul></div>
<div class="ps-col"><form><div><label for="ps-reason">Reason for contact</label> <input id="ps-reason" value="Review"></div>
<div><label for="ps-hx">History</label><br><textarea id="ps-hx" rows="12" cols="70">${esc(p.notes)}</textarea></div>
<div><label for="ps-plan">Plan</label><br><textarea id="ps-plan" rows="3" cols="70"></textarea></div></form></div></div>`;
  return page(`PracticeDesk — ${p.family}`, UK_CSS, body);
}

export const HOSTILE_CSS = '* { all: unset !important } div { z-index: 2147483647 !important } :not(html):not(body):not(head):not(div):not(p):not(span):not(ul):not(li):not(textarea) { display:none !important }';

/** The hostile page's script, exported so unit tests can apply the same overrides. */
export const HOSTILE_SCRIPT = `Array.prototype.map = function () { return []; };
Array.prototype.filter = function () { return []; };
Array.prototype.forEach = function () {};
Array.prototype.includes = function () { return true; };
JSON.parse = function () { return { hacked: true }; };
window.browser = { runtime: { id: 'page-owned' }, storage: null };
window.chrome = { runtime: { sendMessage: function () { throw new Error('not yours'); } } };`;

/**
 * The HTML for a demo clinical-record path (with its query string), or null
 * when the path is not one of ours. Used by handleEhr and by unit tests.
 * @param {string} pathAndQuery e.g. "/careview/patient/1/consultation?half=1"
 * @returns {{ status: number, html: string } | null}
 */
export function renderEhrPage(pathAndQuery) {
  const url = new URL(pathAndQuery, 'http://demo.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const q = url.searchParams;
  const notFound = (what) => ({ status: 404, html: page('Not found', CV_CSS, `<main style="padding:12px"><h1>Not found</h1><p>${esc(what)}</p><p><a href="/careview/">CareView home</a></p></main>`) });
  const byQuery = () => patient(q.get('patient') ?? '1');

  if (path === '/careview') return { status: 200, html: careviewIndex() };
  if (path === '/careview/appointments') return { status: 200, html: careviewAppointments() };
  const cv = /^\/careview\/patient\/(\w+)\/consultation$/.exec(path);
  if (cv) {
    const p = CAREVIEW_IDS.includes(cv[1] ?? '') ? patient(cv[1] ?? '') : undefined;
    if (!p) return notFound(`CareView has no patient ${cv[1]} (it shows patients 1-4).`);
    return { status: 200, html: careviewConsultation(p, q.get('half') === '1' ? { chi: null } : {}) };
  }
  if (path === '/medora' || path.startsWith('/medora/')) {
    const m = /^\/medora\/patient\/(\w+)$/.exec(path);
    return { status: 200, html: medoraApp(m ? m[1] : undefined, q.get('rapid') === '1', q.get('busy') === '1') };
  }
  if (!path.startsWith('/demo/')) return null;
  const p = byQuery();
  if (!p) return notFound(`There is no demo patient ${q.get('patient')}.`);
  switch (path) {
    case '/demo/half-consultation':
      return { status: 200, html: careviewConsultation(p, { chi: null }) };
    case '/demo/bad-chi':
      return { status: 200, html: careviewConsultation(p, { chi: p.chi.slice(0, 9) + ((Number(p.chi[9]) + 1) % 10) }) };
    case '/demo/hostile-css':
      return { status: 200, html: careviewConsultation(p, { extraHead: `<style>${HOSTILE_CSS}</style>` }) };
    case '/demo/hostile-script':
      return { status: 200, html: careviewConsultation(p, { extraHead: `<script>${HOSTILE_SCRIPT}</script>` }) };
    case '/demo/unknown-system':
      return { status: 200, html: unknownSystem(p) };
    default:
      return null;
  }
}

/**
 * Serve the demo clinical-record pages. Returns true when it handled the request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export function handleEhr(req, res, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const result = renderEhrPage(url.pathname + url.search);
  if (!result) return false;
  res.writeHead(result.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : result.html);
  return true;
}
