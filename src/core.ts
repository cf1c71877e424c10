/**
 * The pure public functions of Links Sidebar: detection, identifiers,
 * prompts, directory parsing and search, referral mapping, settings and
 * insights. Imports cleanly in Node or happy-dom with no extension API
 * present (test/core.test.ts checks that), so anything here can be reused by
 * another tool (a batch import, a health board's own checks).
 */

// Patient context and identifiers
export type { PatientContext, Problem, Sex, PageKind } from './context/patient-context';
export { patientKey, identifierTail } from './context/patient-context';
export { isValidChi, isValidNhsNumber, normaliseIdentifier, chiSex, chiBirthDate } from './context/identifiers';
export { normalisePostcode, postcodeDistrict } from './context/postcode';
export { parseUkDate, ageOn } from './context/dates';

// Site adapters and detection
export { detectPatient, matchesUrl } from './adapters/detect';
export { detectGeneric } from './adapters/generic/detect-generic';
export { parseAdapter, domSelectorValidator, type SiteAdapter, type FieldRule } from './adapters/schema';
export { extractWithAdapter, explainAdapter, type ExplainRow } from './adapters/extract';
export { BUILTIN_ADAPTERS } from './adapters/builtin/index';
export { watchPatient, type WatchOptions, type WatchReason } from './adapters/watch';

// Needs and prompts
export { NEEDS, NEED_IDS, needById, needLabel, isNeedId, type Need, type NeedId } from './prompts/needs';
export {
  promptsFor,
  parseRule,
  parseRules,
  findPhrases,
  findMentions,
  longTermConditions,
  DEFAULT_RULES,
  DEFAULT_LEXICONS,
  ROLE_IDS,
  isRole,
  prepareRules,
  parsePostcodeDataZones,
  simdDecileFor,
  postcodeKey,
  SIMD_2020V2,
  SIMD_ATTRIBUTION,
  type Prompt,
  type PromptOptions,
  type GenericPrompts,
  type Rule,
  type Role,
  type Mention,
  type MentionContext,
  type Lexicon,
  type PostcodeDataZones,
  type ParsedPostcodeDataZones,
  type SimdDeciles,
} from './prompts/index';
export { effectiveRules } from './prompts/rule-set';

// Community resource directory
export type { Resource, ResourceLocation, Curation, AccessRoute } from './directory/resource';
export {
  parseDirectory,
  parseDirectoryChunked,
  parseAlissPages,
  nextPageUrl,
  mapCategoriesToNeeds,
  parseNeedMapping,
  expandQuery,
  parseSynonyms,
  buildIndex,
  isStale,
  locatePostcode,
  parsePostcodeTable,
  parseOutcodeCentroids,
  distanceKm,
  shareText,
  slipModel,
  oneLine,
  toPlainText,
  type DirectoryIndex,
  type DirectoryQuery,
  type ParseResult,
} from './directory/index';

// Referral
export type { Referral, ReferralLevel, Urgency, ContactMethod } from './referral/referral';
export { toFhirBundle, ConsentMissingError, referralUrn, type FhirOptions } from './referral/fhir';
export { validateReferral, draftToReferral, newReferralDraft, type ReferralDraft, type FieldProblem } from './referral/validate';
export { buildRequest, isAllowedEndpoint, mailtoLink, referralLetter, parseDestination } from './referral/destinations';
export {
  transition,
  classifyResponse,
  backoffMs,
  newOutboxRow,
  taskStatusToState,
  retentionReduce,
  snomedForRecord,
  type OutboxRow,
  type OutboxState,
} from './referral/outbox';

// Settings, policy and insights
export { parseSettings, defaultSettings, DEFAULT_SETTINGS, type Settings } from './settings/schema';
export { mergeSettings } from './settings/merge';
export { applyManaged, isLocked } from './settings/managed';
export { exportSettings, importSettingsFile } from './settings/transfer';
export { makeEvent, parseEvent, type UsageEvent } from './insights/events';
export { summarise, type InsightsSummary } from './insights/aggregate';
export { summaryToCsv } from './insights/csv';
export { barChart, describeChart } from './insights/chart';
