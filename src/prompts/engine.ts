/**
 * The prompt engine as a page loads it: the practice's rule set chosen and
 * compiled once (the lexicons make that the costly step), then promptsFor
 * per patient with those rules. The sidebar imports this module lazily, so
 * opening it is not held up by the rules and lexicons (issue #17's
 * open-to-searchable target); prompts follow a moment later.
 */
import { prepareRules, prepareRulesInSlices } from './compile';
import { promptsFor, type Prompt, type PromptOptions } from './prompts-for';
import { effectiveRules } from './rule-set';
import type { Rule } from './schema';
import type { PatientContext } from '../context/patient-context';

export interface PromptEngine {
  readonly rules: readonly Rule[];
  promptsFor(patient: PatientContext, options: Omit<PromptOptions, 'rules'>): Prompt[];
}

export function promptEngine(disabled: readonly string[], own: readonly Rule[]): PromptEngine {
  const rules = effectiveRules(disabled, own);
  prepareRules(rules);
  return engineOf(rules);
}

/** The same, compiled in short tasks with `pause` awaited between them (a page stays responsive meanwhile). */
export async function promptEngineInSlices(disabled: readonly string[], own: readonly Rule[], pause: () => Promise<void>): Promise<PromptEngine> {
  const rules = effectiveRules(disabled, own);
  await prepareRulesInSlices(rules, pause);
  return engineOf(rules);
}

function engineOf(rules: Rule[]): PromptEngine {
  return { rules, promptsFor: (patient, options) => promptsFor(patient, { ...options, rules }) };
}
