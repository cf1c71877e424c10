/**
 * What the CLP's Task says back: its status and, when the CLP wrote one, the
 * outcome or reason (the "message back" the GP sees at the patient's next visit).
 */

const MAX_OUTCOME = 500;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim().slice(0, MAX_OUTCOME) : undefined;
}

/**
 * Status and outcome text of a FHIR Task in JSON, or undefined when the text
 * is not a Task. Outcome: the last `output` string, else `statusReason.text`,
 * else the last `note`. Never throws.
 */
export function taskNews(bodyText: string): { status: string; outcome?: string } | undefined {
  let task: unknown;
  try {
    task = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (!isRecord(task) || task.resourceType !== 'Task' || typeof task.status !== 'string') return undefined;
  const outputs = Array.isArray(task.output) ? task.output.filter(isRecord).map((o) => text(o.valueString)).filter((t): t is string => !!t) : [];
  const reason = isRecord(task.statusReason) ? text(task.statusReason.text) : undefined;
  const notes = Array.isArray(task.note) ? task.note.filter(isRecord).map((n) => text(n.text)).filter((t): t is string => !!t) : [];
  const outcome = outputs.at(-1) ?? reason ?? notes.at(-1);
  return outcome ? { status: task.status, outcome } : { status: task.status };
}
