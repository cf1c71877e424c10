/**
 * The pure public functions of Links Sidebar: detection, identifiers,
 * prompts, directory parsing and search, referral mapping, settings and
 * insights. Imports cleanly in Node or happy-dom with no extension API
 * present (test/core.test.ts checks that), so anything here can be reused by
 * another tool (a batch import, a health board's own checks).
 */

// Patient context and identifiers
export type { PatientContext, PatientSource, ConfirmableField, Problem, Sex, PageKind } from './context/patient-context';
export { patientKey, identifierTail } from './context/patient-context';
export { isValidChi, isValidNhsNumber, normaliseIdentifier, chiSex, chiBirthDate } from './context/identifiers';
export { normalisePostcode, postcodeDistrict } from './context/postcode';
export { parseUkDate, ageOn } from './context/dates';
export { isGivenName } from './context/given-names';
export { GIVEN_NAMES_ATTRIBUTION } from './context/given-names-attribution';

// Site adapters and detection
export { detect, detectPatient, matchesUrl } from './adapters/detect';
export { needsCheck, type Detection, type Declined, type DeclineReason } from './adapters/detection';
export { detectGeneric, genericDetection } from './adapters/generic/detect-generic';
export { parseAdapter, domSelectorValidator, type SiteAdapter, type FieldRule } from './adapters/schema';
export { extractWithAdapter, explainAdapter, type ExplainRow } from './adapters/extract';
export { BUILTIN_ADAPTERS } from './adapters/builtin/index';
export { watchPatient } from './adapters/watch-patient';
export { watchPatientWith, type WatchOptions, type WatchReason, type Watcher } from './adapters/watch';

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
export { promptEngine, type PromptEngine } from './prompts/engine';
export { effectiveRules } from './prompts/rule-set';
export { isPromptWord, promptWordsOnly } from './prompts/prompt-words';

// Community resource directory
export type { Resource, ResourceLocation, Curation, AccessRoute, OpeningRule } from './directory/resource';
export {
  parseDirectory,
  parseDirectoryChunked,
  parseAlissPages,
  parseDirectoryPages,
  parseDirectoryPackage,
  parseDirectoryPackageChunked,
  nextPageUrl,
  startSync,
  afterPage,
  syncProgress,
  DEFAULT_SYNC_PAGE_LIMIT,
  openingStatus,
  isOpenToday,
  describeHours,
  PRACTICE_TIME_ZONE,
  staleReason,
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
  type PackageFile,
  type PackageResult,
  type TableReport,
  type SyncState,
  type SyncStep,
  type SyncStop,
  type SyncStopReason,
  type SyncProgress,
  type OpeningStatus,
} from './directory/index';

// Referral
export type { Referral, ReferralLevel, Urgency, ContactMethod, ReturnTo, PracticeDetails } from './referral/referral';
export { toFhirBundle, ConsentMissingError, PatientIdentifierMissingError, referralUrn, type FhirOptions } from './referral/fhir';
export { validateReferral, draftToReferral, newReferralDraft, type ReferralDraft, type FieldProblem } from './referral/validate';
export { ReferralDraftSchema, parseDraft, type ParseDraftResult } from './referral/draft-schema';
export { DRAFT_VERSION } from './referral/draft';
export { recordCodeFor, snomedForRecord, type RecordCode, type RecordEntry, type RecordEvent } from './referral/record-codes';
export { readTaskUpdate, type TaskUpdate } from './referral/task-update';
export { buildRequest, isAllowedEndpoint, mailtoLink, referralLetter, parseDestination } from './referral/destinations';
export {
  AuthSchema,
  createAuthClient,
  deliverWithAuth,
  authorizedFetch,
  generateSigningKey,
  publicJwks,
  resolveSecrets,
  memoryStore,
  type AuthClient,
  type DestinationAuth,
  type KeyValueStore,
} from './referral/auth';
export {
  transition,
  classifyResponse,
  backoffMs,
  newOutboxRow,
  taskStatusToState,
  retentionReduce,
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
