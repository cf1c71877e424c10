/**
 * The prompt engine as a page loads it: the practice's rule set chosen and
 * compiled once (the lexicons make that the costly step), then promptsFor
 * per patient with those rules. The sidebar imports this module lazily, so
 * opening it is not held up by the rules and lexicons (issue #17's
 * open-to-searchable target); prompts follow a moment later.
 */
import { prepareRules } from './compile';
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
  return { rules, promptsFor: (patient, options) => promptsFor(patient, { ...options, rules }) };
}
