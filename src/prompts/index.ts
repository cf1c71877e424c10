/** Public surface of the social-need prompt engine (pure; safe to import in Node). */
export { ROLE_IDS, isRole, type Role } from './roles';
export { parseRule, parseRules, type Rule, type Condition, type ParseRuleResult } from './schema';
export { promptsFor, type Prompt, type PromptOptions } from './prompts-for';
export { findPhrases, type PhraseHit } from './text-match';
export { longTermConditions, type FoundCondition, type ConditionKind } from './conditions';
export { DEFAULT_RULES } from './rules/index';
