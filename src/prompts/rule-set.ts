/**
 * The rules in force for a practice: the defaults less those switched off,
 * plus the practice's own (a custom rule with a default's id replaces it).
 * `custom` must already be validated (parseRules); the background does that
 * before publishing the sidebar's config, and the options page refuses
 * invalid rules on save.
 */
import { DEFAULT_RULES } from './rules/index';
import type { Rule } from './schema';

export function effectiveRules(disabled: readonly string[], own: readonly Rule[]): Rule[] {
  const off = new Set(disabled);
  const ownIds = new Set(own.map((r) => r.id));
  return [...DEFAULT_RULES.filter((r) => !ownIds.has(r.id)), ...own].filter((r) => !off.has(r.id));
}
