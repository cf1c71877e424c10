/**
 * The CLP's answer, read from their Task (the closed loop, and the PRSB
 * "message back to GP and referrer"): the status, and the words that came
 * with it. The demo inbox (and any FHIR server) puts them in standard places:
 *
 * - completed: `Task.output[].valueString` (the outcome, e.g. "Joined the
 *   Thursday walking group; money advice appointment booked");
 * - rejected / cancelled / failed: `Task.statusReason.text`;
 * - anything else the CLP wrote for the GP: `Task.businessStatus.text`, then `Task.note[].text`.
 */

/** Longest message kept; the CLP's outcome is a summary, and it is shown in a narrow sidebar. */
const MAX_MESSAGE = 1000;

export interface TaskUpdate {
  /** FHIR Task.status, as given. */
  status: string;
  /** The CLP's words for the practice, when there are any. */
  message?: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

function list(x: unknown): Record<string, unknown>[] {
  return Array.isArray(x) ? x.filter(isRecord) : [];
}

function clip(t: string): string {
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE - 1)}…` : t;
}

/** The status and message of a Task read back from the CLP's server; undefined when it is not a Task. Never throws. */
export function readTaskUpdate(task: unknown): TaskUpdate | undefined {
  if (!isRecord(task) || task.resourceType !== 'Task') return undefined;
  const status = text(task.status);
  if (!status) return undefined;
  const outputs = list(task.output).map((o) => text(o.valueString)).filter((t): t is string => t !== undefined);
  const reason = isRecord(task.statusReason) ? text(task.statusReason.text) : undefined;
  const business = isRecord(task.businessStatus) ? text(task.businessStatus.text) : undefined;
  const notes = list(task.note).map((n) => text(n.text)).filter((t): t is string => t !== undefined);
  const declined = status === 'rejected' || status === 'cancelled' || status === 'failed';
  const message = declined ? (reason ?? business ?? notes.join(' ')) : status === 'completed' ? (outputs.join(' ') || business || notes.join(' ')) : (business ?? notes.join(' '));
  return message ? { status, message: clip(message) } : { status };
}
