/**
 * What the receptionist might say next, from the words typed into the popup
 * ("skint" -> the money opener). Pure: the popup renders the result.
 */
import { expandQuery } from '../../directory/search/synonyms';
import { needLabel } from '../../prompts/needs';
import type { Rule } from '../../prompts/schema';
import { DEFAULT_RULES } from '../../prompts/rules/index';

/** One short cue for the caller, labelled with the need it came from. */
export interface CallerCue {
  need: string;
  label: string;
  cue: string;
}

/** More than two cues on a phone call is reading a script, not listening. */
const MAX_CUES = 2;

/**
 * A rule written for receptionists (or for everyone). Rules limited to
 * clinicians stay out: some topics (e.g. safety) are deliberately not raised
 * over the phone, where the caller may not be alone.
 */
function forReceptionist(rule: Pick<Rule, 'roles' | 'enabled'>): boolean {
  return rule.enabled !== false && (!rule.roles || rule.roles.includes('receptionist'));
}

/** The cue for one need: a receptionist opener first, else the first usable GP opener. */
function cueFor(need: string, rules: readonly Rule[]): string | undefined {
  const usable = rules.filter((r) => r.need === need && forReceptionist(r));
  const own = usable.find((r) => r.openers.receptionist?.trim());
  if (own?.openers.receptionist) return own.openers.receptionist.trim();
  return usable.find((r) => r.openers.gp.trim())?.openers.gp.trim();
}

/**
 * Up to two cues for what the receptionist has typed, in need-list order,
 * skipping needs no receptionist rule covers. Never throws.
 */
export function callerCues(text: string, rules: readonly Rule[] = DEFAULT_RULES): CallerCue[] {
  const cues: CallerCue[] = [];
  for (const need of expandQuery(typeof text === 'string' ? text : '').needs) {
    const cue = cueFor(need, rules);
    if (cue) cues.push({ need, label: needLabel(need), cue });
    if (cues.length === MAX_CUES) break;
  }
  return cues;
}
