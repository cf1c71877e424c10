/**
 * promptsFor: the social-need prompts for the patient on screen. Pure and
 * transparent: every prompt carries the facts that triggered it, and a rule
 * that cannot point at anything on screen never shows. Quiet by default
 * (#14): generic prompts drawn only from the problem list are off unless the
 * practice turns them on, and then rank below every specific one, at most one.
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

/** Whether generic prompts (multimorbidity, polypharmacy: rules marked `generic`) may show. */
export type GenericPrompts = 'off' | 'with-social' | 'on';

export interface PromptOptions {
  role?: Role;
  rules?: Rule[];
  /**
   * The patient's SIMD 2020v2 decile (1 = most deprived 10%), from
   * simdDecileFor(postcode, lookup). Deprivation rules stay silent without it.
   */
  simdDecile?: number;
  /** Older form of simdDecile: a look-up by postcode. simdDecile wins when both are given. */
  deprivation?: (postcode: string) => number | undefined;
  /**
   * Generic prompts: 'off' (default) never; 'with-social' only below a
   * specific prompt; 'on' also on a plain review. At most one, always last.
   */
  generic?: GenericPrompts;
  /** Dismissed or snoozed prompts. */
  suppressed?: { ruleIds?: string[]; needs?: string[] };
  limit?: number;
  /** The year the notes are read in, for "homeless in 2015" (default: this year). */
  year?: number;
}

/** Extra evidence can lift a prompt by at most this much over its base strength. */
const MAX_EVIDENCE_BONUS = 2;

/** Prompts for this patient: at most one per need, strongest first, ties by rule id. */
export function promptsFor(context: PatientContext, options: PromptOptions = {}): Prompt[] {
  const role: Role = isRole(options.role) ? options.role : 'gp';
  const rules = Array.isArray(options.rules) ? options.rules : DEFAULT_RULES;
  const set = compileRuleSet(rules);
  const year = typeof options.year === 'number' && Number.isInteger(options.year) ? options.year : new Date().getFullYear();
  const decile = validDecile(options.simdDecile);
  const deprivation = decile !== undefined ? () => decile : options.deprivation;
  const facts = factsFor(context, set, role, deprivation, year);
  const skipIds = new Set(options.suppressed?.ruleIds ?? []);
  const skipNeeds = new Set(options.suppressed?.needs ?? []);
  const generic: GenericPrompts = options.generic === 'on' || options.generic === 'with-social' ? options.generic : 'off';

  const best = new Map<string, Prompt>();
  /** Prompts of `inferred` rules: after every direct one (schema.ts), for the same need too. */
  const inferred = new Set<Prompt>();
  const ranked = (a: Prompt, b: Prompt): number => Number(inferred.has(a)) - Number(inferred.has(b)) || byStrength(a, b);
  const genericBest = new Map<string, Prompt>();
  for (const { rule, when } of set.rules) {
    if (!rule.enabled || skipIds.has(rule.id) || skipNeeds.has(rule.need)) continue;
    if (rule.roles && !rule.roles.includes(role)) continue;
    if (rule.generic && generic === 'off') continue;
    const outcome = evaluate(when, facts);
    if (!outcome.ok || outcome.why.length === 0) continue;
    const prompt: Prompt = {
      id: rule.id,
      ruleId: rule.id,
      need: rule.need,
      needLabel: needLabel(rule.need),
      opener: rule.openers[role] ?? rule.openers.gp,
      why: [...new Set(outcome.why)],
      strength: rule.inferred ? rule.strength : rule.strength + Math.min(MAX_EVIDENCE_BONUS, Math.max(0, outcome.evidence)),
    };
    if (rule.inferred) inferred.add(prompt);
    const pool = rule.generic ? genericBest : best;
    const current = pool.get(rule.need);
    if (!current || ranked(prompt, current) < 0) pool.set(rule.need, prompt);
  }
  const sorted = [...best.values()].sort(ranked);
  // Specific beats generic: one generic prompt at most, for a need not already shown, always last.
  const extra = [...genericBest.values()].filter((p) => !best.has(p.need)).sort(byStrength)[0];
  if (extra && (generic === 'on' || sorted.length > 0)) sorted.push(extra);
  const limit = options.limit;
  return typeof limit === 'number' && Number.isFinite(limit) ? sorted.slice(0, Math.max(0, Math.floor(limit))) : sorted;
}

function validDecile(d: unknown): number | undefined {
  return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 10 ? d : undefined;
}

function byStrength(a: Prompt, b: Prompt): number {
  return b.strength - a.strength || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
