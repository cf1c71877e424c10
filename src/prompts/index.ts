/** Public surface of the social-need prompt engine (pure; safe to import in Node). */
export { ROLE_IDS, isRole, type Role } from './roles';
export { parseRule, parseRules, type Rule, type Condition, type ParseRuleResult } from './schema';
export { promptsFor, type Prompt, type PromptOptions, type GenericPrompts } from './prompts-for';
export { findPhrases, findMentions, type PhraseHit, type Mention } from './text-match';
export type { MentionContext } from './context';
export {
  parsePostcodeDataZones,
  simdDecileFor,
  postcodeKey,
  SIMD_2020V2,
  SIMD_ATTRIBUTION,
  POSTCODE_DATA_ZONE_HEADERS,
  type PostcodeDataZones,
  type ParsedPostcodeDataZones,
  type SimdDeciles,
} from './simd';
export { DEFAULT_LEXICONS } from './lexicons/index';
export { prepareRules } from './compile';
export type { Lexicon } from './lexicon';
export { longTermConditions, type FoundCondition, type ConditionKind } from './conditions';
export { DEFAULT_RULES } from './rules/index';
