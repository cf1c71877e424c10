// What the CLP sees, read from the FHIR engine: one row per ServiceRequest,
// with its Task, its Patient, and the contact details and PRSB items that
// travel on the ServiceRequest itself. And the CLP's answer, written back to
// the Task through FHIR (status, outcome for the GP, reason for declining).

const REFERRAL_ID_SYSTEM = 'https://links-sidebar.scot/referral-id';
const EXT = 'https://links-sidebar.scot/fhir/StructureDefinition';
const OUTCOME = { system: 'https://links-sidebar.scot/task-output', code: 'outcome' };
export const STATUSES = ['requested', 'accepted', 'in-progress', 'completed', 'rejected', 'cancelled'];

/** @param {any} resource */
const referralIdOf = (resource) => (resource?.identifier ?? []).find((/** @type {any} */ i) => i?.system === REFERRAL_ID_SYSTEM)?.value;

/** @param {any} resource @param {string} name */
const ext = (resource, name) => (resource?.extension ?? []).find((/** @type {any} */ e) => e.url === `${EXT}/${name}`);
/** @param {any} extension @param {string} name */
const parts = (extension, name) => (extension?.extension ?? []).filter((/** @type {any} */ e) => e.url === name);

/** The contact details from the ServiceRequest (not the Patient, which the CLP's server may have had for years). @param {any} sr */
function contactOf(sr) {
  const contact = ext(sr, 'referral-contact');
  const points = parts(contact, 'telecom').map((/** @type {any} */ p) => p.valueContactPoint);
  return {
    method: parts(contact, 'method')[0]?.valueCode ?? '',
    phone: points.find((/** @type {any} */ p) => p?.system === 'phone')?.value ?? '',
    email: points.find((/** @type {any} */ p) => p?.system === 'email')?.value ?? '',
    times: parts(contact, 'times')[0]?.valueString ?? '',
    safety: parts(contact, 'safety')[0]?.valueString ?? '',
  };
}

/** @param {any} sr */
function itemsOf(sr) {
  const risks = ext(sr, 'referral-risks');
  const recipient = ext(sr, 'referral-response-recipient')?.valueReference?.reference;
  const contained = (/** @type {string} */ id) => (sr.contained ?? []).find((/** @type {any} */ c) => c.id === id.replace(/^#/, ''));
  const replyTo = recipient ? contained(recipient) : undefined;
  return {
    whatMatters: ext(sr, 'referral-what-matters')?.valueString ?? '',
    risks: parts(risks, 'noneKnown')[0]?.valueBoolean ? 'No known risks' : (parts(risks, 'details')[0]?.valueString ?? ''),
    safeguarding: ext(sr, 'referral-safeguarding')?.valueString ?? '',
    referrer: sr.requester?.display ?? '',
    replyTo: [replyTo?.name ?? replyTo?.practitioner?.display, ...(replyTo?.telecom ?? []).map((/** @type {any} */ t) => t.value)].filter(Boolean).join(', '),
  };
}

/**
 * Every referral the engine holds, oldest first.
 * @param {{ search(type: string, query?: object): Promise<any[]> }} engine
 * @param {Map<string, number>} received @param {Map<string, { via: string; at: string }>} firstSeen
 */
export async function listReferrals(engine, received, firstSeen) {
  const [requests, tasks, patients] = await Promise.all([engine.search('ServiceRequest'), engine.search('Task'), engine.search('Patient')]);
  const rows = requests.map((sr) => {
    const referralId = referralIdOf(sr) ?? '';
    const task = tasks.find((t) => t.focus?.reference === `ServiceRequest/${sr.id}`);
    const patient = patients.find((p) => sr.subject?.reference === `Patient/${p.id}`);
    const seen = firstSeen.get(referralId);
    return {
      referralId,
      via: seen?.via ?? 'fhir',
      receivedCount: received.get(referralId) ?? 0,
      receivedAt: seen?.at ?? sr.meta?.lastUpdated ?? '',
      status: task?.status ?? 'unknown',
      taskId: task?.id ?? '',
      serviceRequestId: sr.id,
      patientId: patient?.id ?? '',
      name: patient?.name?.[0]?.text ?? '',
      identifiers: (patient?.identifier ?? []).map((/** @type {any} */ i) => i.value),
      needs: (sr.reasonCode ?? []).map((/** @type {any} */ c) => c.text ?? c.coding?.[0]?.code),
      level: sr.category?.[0]?.coding?.[0]?.code ?? '',
      urgency: sr.priority ?? '',
      contact: contactOf(sr),
      ...itemsOf(sr),
      outcome: (task?.output ?? []).map((/** @type {any} */ o) => o.valueString).filter(Boolean).join(' '),
      reason: task?.statusReason?.text ?? '',
      serviceRequest: sr,
      task: task ?? null,
      patient: patient ?? null,
    };
  });
  return rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * The CLP's answer on the Task, written through FHIR (read, change, update).
 * @param {{ request(method: string, path: string, query?: object, body?: any): Promise<{ status: number; body: any }>; search(type: string, query?: object): Promise<any[]> }} engine
 * @param {string} id referral id or Task id
 * @param {{ status?: unknown; outcome?: unknown; reason?: unknown }} answer
 */
export async function updateTask(engine, id, answer) {
  const status = typeof answer.status === 'string' ? answer.status : '';
  if (!STATUSES.includes(status)) return { ok: false, status: 422, error: `Status must be one of ${STATUSES.join(', ')}.` };
  const byReferral = await engine.search('Task', { identifier: `${REFERRAL_ID_SYSTEM}|${id}` });
  const task = byReferral[0] ?? (await engine.request('GET', `/Task/${encodeURIComponent(id)}`)).body;
  if (task?.resourceType !== 'Task') return { ok: false, status: 404, error: 'No referral with that id.' };
  const outcome = typeof answer.outcome === 'string' ? answer.outcome.trim() : '';
  const reason = typeof answer.reason === 'string' ? answer.reason.trim() : '';
  const { output: _output, statusReason: _reason, ...rest } = task;
  const next = { ...rest, status, lastModified: new Date().toISOString() };
  if (status === 'completed' && outcome) next.output = [{ type: { coding: [OUTCOME], text: 'Outcome for the GP' }, valueString: outcome }];
  if ((status === 'rejected' || status === 'cancelled') && reason) next.statusReason = { text: reason };
  const updated = await engine.request('PUT', `/Task/${task.id}`, {}, next);
  if (updated.status !== 200) return { ok: false, status: updated.status, error: updated.body?.issue?.[0]?.diagnostics ?? 'The Task could not be updated.' };
  return { ok: true, item: { referralId: referralIdOf(task), taskId: task.id, status, outcome, reason } };
}
