// The CLP's page in the demo: the referrals as the FHIR engine holds them,
// and buttons that answer through FHIR. With JavaScript the page reads the
// Task, changes it and PUTs it back to /fhir/Task/<id>, as a CLP system would;
// without, the same forms post to /inbox/referral/<id>/status, which does the
// same on the server. Everything shown is escaped.

/** @param {unknown} s */
export const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const ACTIONS = [
  ['accepted', 'Accept', ''],
  ['in-progress', 'Start', ''],
  ['completed', 'Complete', 'outcome'],
  ['rejected', 'Decline', 'reason'],
];

/** @param {any} r */
function actions(r) {
  return ACTIONS.map(([status, label, words]) => {
    const box = words
      ? `<label>${words === 'outcome' ? 'Message back to the GP' : 'Reason'} <input name="${words}" type="text" size="22"></label>`
      : '';
    return `<form method="post" action="/inbox/referral/${encodeURIComponent(r.referralId)}/status" data-task-id="${esc(r.taskId)}"><input type="hidden" name="status" value="${status}">${box}<button type="submit" data-status="${status}">${label}</button></form>`;
  }).join('');
}

/** @param {any} r */
function row(r) {
  const c = r.contact;
  const contact = [
    esc(c.method),
    c.phone && `<span class="phone">${esc(c.phone)}</span>`,
    c.email && esc(c.email),
    c.times && `best: ${esc(c.times)}`,
    c.safety && `<em>${esc(c.safety)}</em>`,
  ]
    .filter(Boolean)
    .join('<br>');
  const answer = r.outcome ? `<br><span class="outcome">${esc(r.outcome)}</span>` : r.reason ? `<br><span class="reason">${esc(r.reason)}</span>` : '';
  return `<tr data-referral-id="${esc(r.referralId)}">
<td>${esc(r.name)}<br><small>${esc(r.identifiers.join(' / '))}</small></td>
<td>${esc(r.needs.join(', '))}<br><small>${esc(r.whatMatters)}</small></td>
<td class="contact">${contact}</td>
<td>${esc(r.risks)}${r.safeguarding ? `<br><strong>Safeguarding:</strong> ${esc(r.safeguarding)}` : ''}</td>
<td>${esc(r.level)} / ${esc(r.urgency)}</td>
<td>${esc(r.referrer)}<br><small>Reply to: ${esc(r.replyTo)}</small></td>
<td>${esc(new Date(r.receivedAt).toLocaleString('en-GB'))}<br><small>${esc(r.via)}</small></td>
<td>${r.receivedCount}</td>
<td class="status">${esc(r.status)}</td>
<td class="actions">${actions(r)}${answer}</td></tr>`;
}

// Answers through FHIR: GET the Task, change it, PUT it back.
const SCRIPT = `
const OUTCOME = { system: 'https://links-sidebar.scot/task-output', code: 'outcome' };
for (const form of document.querySelectorAll('form[data-task-id]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const url = '/fhir/Task/' + encodeURIComponent(form.dataset.taskId);
    const task = await (await fetch(url, { headers: { Accept: 'application/fhir+json' } })).json();
    const status = data.get('status');
    delete task.output; delete task.statusReason;
    task.status = status;
    task.lastModified = new Date().toISOString();
    const outcome = (data.get('outcome') || '').trim();
    const reason = (data.get('reason') || '').trim();
    if (status === 'completed' && outcome) task.output = [{ type: { coding: [OUTCOME], text: 'Outcome for the GP' }, valueString: outcome }];
    if (status === 'rejected' && reason) task.statusReason = { text: reason };
    const res = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(task) });
    if (!res.ok) { alert('The Task could not be updated: ' + (await res.text())); return; }
    location.reload();
  });
}
const register = document.querySelector('#register-client');
if (register) register.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(register);
  const res = await fetch('/inbox/oauth/clients', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clientId: data.get('clientId'), jwks: data.get('jwks') }) });
  document.querySelector('#register-result').textContent = res.ok ? 'Registered.' : 'Not registered: ' + (await res.json()).error;
});`;

/** @param {{ tokenUrl: string; demoClient?: { id: string; secret: string } } | undefined} oauth */
function oauthSection(oauth) {
  if (!oauth) return '';
  const demo = oauth.demoClient
    ? `<p>Client credentials for the demo: client id <code>${esc(oauth.demoClient.id)}</code>, secret <code>${esc(oauth.demoClient.secret)}</code>.</p>`
    : '';
  return `<h2>Connecting to this service</h2>
<p>Open FHIR endpoint: <code>/fhir</code>. Secured (bearer token required): <code>/secure/fhir</code>. Token endpoint: <code>${esc(oauth.tokenUrl)}</code>.</p>${demo}
<form id="register-client"><p><strong>Register a SMART Backend Services client</strong> (the public key the extension shows under Options → Referral destination):</p>
<label>Client id <input name="clientId" type="text" value="links-sidebar-demo"></label>
<label>Public key (JWK or JWKS) <textarea name="jwks" rows="3" cols="60"></textarea></label>
<button type="submit">Register</button> <span id="register-result" role="status"></span></form>`;
}

/** @param {any[]} rows @param {{ tokenUrl: string; demoClient?: { id: string; secret: string } }} [oauth] */
export function inboxPage(rows, oauth) {
  const body = rows.length ? rows.map(row).join('\n') : '<tr><td colspan="10">No referrals yet.</td></tr>';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Community Links inbox (demo)</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}.actions form{display:block;margin-bottom:.3rem}button{margin:0 .2rem}label{display:block}</style></head>
<body><h1>Community Links Practitioner inbox (demo)</h1><p>Fictional referrals received by the demo practice's CLP, read from the service's FHIR server.</p>
<table><thead><tr><th>Person</th><th>Needs and what matters</th><th>Contact</th><th>Risks</th><th>Level / urgency</th><th>Referred by</th><th>Received</th><th>Deliveries</th><th>Status</th><th>Answer</th></tr></thead>
<tbody>${body}</tbody></table>${oauthSection(oauth)}
<script>${SCRIPT}</script></body></html>`;
}
