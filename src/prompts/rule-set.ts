/**
 * The rules in force for a practice: the defaults less those switched off,
 * plus the practice's own (a custom rule with a default's id replaces it).
 * Invalid custom rules are left out here; the options page refuses them on save.
 */
import { DEFAULT_RULES } from './rules/index';
import { parseRules, type Rule } from './schema';

export function effectiveRules(disabled: readonly string[], custom: readonly unknown[]): Rule[] {
  const off = new Set(disabled);
  const { rules: own } = parseRules([...custom]);
  const ownIds = new Set(own.map((r) => r.id));
  return [...DEFAULT_RULES.filter((r) => !ownIds.has(r.id)), ...own].filter((r) => !off.has(r.id));
}
