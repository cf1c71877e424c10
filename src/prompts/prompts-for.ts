/**
 * promptsFor: the social-need prompts for the patient on screen. Pure and
 * transparent: every prompt carries the facts that triggered it, and a rule
 * that cannot point at anything on screen never shows.
 */
import type { PatientContext } from '../context/patient-context';
import { compileRuleSet } from './compile';
import { evaluate } from './evaluate';
import { factsFor } from './facts';
import { needLabel } from './needs';
import { isRole, type Role } from './roles';
import { DEFAULT_RULES } from './rules/index';
import type { Rule } from './schema';

/** One suggestion for the sidebar. */
export interface Prompt {
  /** Stable: the rule id (used for dismiss/snooze). */
  id: string;
  ruleId: string;
  need: string;
  needLabel: string;
  opener: string;
  /** Facts on screen that triggered it, e.g. 'Age 81'. */
  why: string[];
  /** Higher first: rule base strength plus evidence. */
  strength: number;
}

export interface PromptOptions {
  role?: Role;
  rules?: Rule[];
  /** SIMD decile (1 = most deprived) for a postcode; deprivation rules stay silent without it. */
  deprivation?: (postcode: string) => number | undefined;
  /** Dismissed or snoozed prompts. */
  suppressed?: { ruleIds?: string[]; needs?: string[] };
  limit?: number;
}

/** Extra evidence can lift a prompt by at most this much over its base strength. */
const MAX_EVIDENCE_BONUS = 2;

/** Prompts for this patient: at most one per need, strongest first, ties by rule id. */
export function promptsFor(context: PatientContext, options: PromptOptions = {}): Prompt[] {
  const role: Role = isRole(options.role) ? options.role : 'gp';
  const rules = Array.isArray(options.rules) ? options.rules : DEFAULT_RULES;
  const set = compileRuleSet(rules);
  const facts = factsFor(context, set, role, options.deprivation);
  const skipIds = new Set(options.suppressed?.ruleIds ?? []);
  const skipNeeds = new Set(options.suppressed?.needs ?? []);

  const best = new Map<string, Prompt>();
  for (const { rule, when } of set.rules) {
    if (!rule.enabled || skipIds.has(rule.id) || skipNeeds.has(rule.need)) continue;
    if (rule.roles && !rule.roles.includes(role)) continue;
    const outcome = evaluate(when, facts);
    if (!outcome.ok || outcome.why.length === 0) continue;
    const prompt: Prompt = {
      id: rule.id,
      ruleId: rule.id,
      need: rule.need,
      needLabel: needLabel(rule.need),
      opener: rule.openers[role] ?? rule.openers.gp,
      why: [...new Set(outcome.why)],
      strength: rule.strength + Math.min(MAX_EVIDENCE_BONUS, Math.max(0, outcome.evidence)),
    };
    const current = best.get(rule.need);
    if (!current || byStrength(prompt, current) < 0) best.set(rule.need, prompt);
  }
  const sorted = [...best.values()].sort(byStrength);
  const limit = options.limit;
  return typeof limit === 'number' && Number.isFinite(limit) ? sorted.slice(0, Math.max(0, Math.floor(limit))) : sorted;
}

function byStrength(a: Prompt, b: Prompt): number {
  return b.strength - a.strength || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
