/**
 * The rule format, validated with valibot. Rules come from JSON files that a
 * practice may edit, so every refusal is a plain sentence a practice manager
 * can act on ("strength must be 1, 2 or 3"), never a stack trace.
 */
import * as v from 'valibot';
import { NEED_IDS, type NeedId } from './needs';
import { ROLE_IDS, type Role } from './roles';
import { conditionReason } from './schema-condition';
import type { Condition } from './schema-condition';

export type { Condition } from './schema-condition';

/** A prompt rule: when the condition holds, suggest asking about a need. */
export interface Rule {
  /** Kebab-case and unique; also the file name of a default rule. */
  id: string;
  need: NeedId;
  title: string;
  /** Conversation openers by role; `gp` is the default for any role without its own. */
  openers: { gp: string; nurse?: string; receptionist?: string };
  /** Base strength 1-3 (evidence adds to it). */
  strength: 1 | 2 | 3;
  enabled: boolean;
  /**
   * Drawn only from the problem list or medicines (multimorbidity,
   * polypharmacy), not from anything social on screen: off unless the practice
   * turns generic prompts on, and then below every specific prompt, at most one.
   */
  generic?: true;
  /**
   * Read from another need's words rather than its own (a stressor keeping the patient awake, for
   * mental wellbeing): evidence never lifts its strength, and it ranks after every direct prompt, so it never
   * pushes the need it was read from (or any other direct signal) out of the top three. A generic prompt, when
   * shown, still comes last; a rule cannot be both.
   */
  inferred?: true;
  /** Only these roles see the rule (all roles when absent). */
  roles?: Role[];
  when: Condition;
}

export type ParseRuleResult = { ok: true; rule: Rule } | { ok: false; id?: string; reason: string };

const text = (field: string) =>
  v.pipe(v.string(`${field} must be text`), v.trim(), v.nonEmpty(`${field} must not be empty`));

const RuleEnvelope = v.strictObject(
  {
    id: v.pipe(
      v.string('id must be text'),
      v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens, like "housing-eviction-words"'),
    ),
    need: v.picklist(NEED_IDS, `need must be one of: ${NEED_IDS.join(', ')}`),
    title: text('title'),
    openers: v.strictObject(
      {
        gp: text('the GP opener (openers.gp)'),
        nurse: v.optional(text('the nurse opener')),
        receptionist: v.optional(text('the receptionist opener')),
      },
      'openers must list a "gp" opener, and optionally "nurse" and "receptionist" ones',
    ),
    strength: v.picklist([1, 2, 3], 'strength must be 1, 2 or 3'),
    enabled: v.optional(v.boolean('enabled must be true or false'), true),
    generic: v.optional(v.boolean('generic must be true or false')),
    inferred: v.optional(v.boolean('inferred must be true or false')),
    roles: v.optional(
      v.pipe(
        v.array(v.picklist(ROLE_IDS, `roles may only contain ${ROLE_IDS.join(', ')}`), 'roles must be a list'),
        v.nonEmpty('roles must name at least one role (or be left out for everyone)'),
      ),
    ),
    when: v.unknown(),
  },
  'a rule must be an object with id, need, title, openers, strength and when',
);

/** Validate one rule. Never throws. */
export function parseRule(json: unknown): ParseRuleResult {
  const rawId = isRecord(json) && typeof json.id === 'string' ? json.id : undefined;
  const fail = (reason: string): ParseRuleResult => (rawId ? { ok: false, id: rawId, reason } : { ok: false, reason });
  const parsed = v.safeParse(RuleEnvelope, json);
  if (!parsed.success) return fail(describe(parsed.issues[0]));
  const out = parsed.output;
  if (out.when === undefined) return fail('when is missing: say when the prompt should show');
  if (out.generic && out.inferred) return fail('a rule cannot be both generic and inferred: generic rules read the problem list, inferred ones the notes');
  const whenProblem = conditionReason(out.when, 'when');
  if (whenProblem) return fail(whenProblem);
  const rule: Rule = {
    id: out.id,
    need: out.need,
    title: out.title,
    openers: out.openers,
    strength: out.strength,
    enabled: out.enabled,
    when: out.when as Condition,
  };
  if (out.generic) rule.generic = true;
  if (out.inferred) rule.inferred = true;
  if (out.roles) rule.roles = [...new Set(out.roles)];
  return { ok: true, rule };
}

/** Validate a list of rules; good rules are kept, each bad one is reported with its position. Never throws. */
export function parseRules(json: unknown): { rules: Rule[]; errors: { index: number; id?: string; reason: string }[] } {
  if (!Array.isArray(json)) return { rules: [], errors: [{ index: 0, reason: 'the rules must be a list ([...])' }] };
  const rules: Rule[] = [];
  const errors: { index: number; id?: string; reason: string }[] = [];
  const seen = new Map<string, number>();
  json.forEach((row: unknown, index) => {
    const r = parseRule(row);
    if (!r.ok) {
      errors.push(r.id ? { index, id: r.id, reason: r.reason } : { index, reason: r.reason });
      return;
    }
    const earlier = seen.get(r.rule.id);
    if (earlier !== undefined) {
      errors.push({ index, id: r.rule.id, reason: `id "${r.rule.id}" is already used by rule ${earlier + 1}` });
      return;
    }
    seen.set(r.rule.id, index);
    rules.push(r.rule);
  });
  return { rules, errors };
}

const FIELD_NAMES: Record<string, string> = {
  'openers.gp': 'the GP opener (openers.gp)',
  openers: 'openers (at least a "gp" opener)',
};

function describe(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'the rule is not valid';
  const path = v.getDotPath(issue);
  if (issue.expected === 'never' && path) return `unknown field "${path}"`;
  if (issue.kind === 'schema' && issue.received === 'undefined' && path) return `${FIELD_NAMES[path] ?? path} is missing`;
  return issue.message;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
