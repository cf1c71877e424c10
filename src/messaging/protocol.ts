/**
 * The one protocol between content script, popup, options, insights and the
 * background. Keys are `domain.verb`. Every request payload has a valibot
 * schema and is validated on receipt in the background; responses are typed
 * here and produced only by our own background.
 */
import * as v from 'valibot';
import type { Curation, Resource } from '../directory/resource';
import type { TableReport } from '../directory/import/package/report';
import type { InsightsSummary } from '../insights/aggregate';
import { SiteAdapterSchema, type SiteAdapter } from '../adapters/schema';
import { ReferralDraftSchema } from '../referral/draft-schema';
import { AuthMessageSchemas, type AuthStatusView } from '../referral/auth/handlers';
import type { ReferralDraft } from '../referral/draft';
import type { ExplainRow } from '../adapters/extract';
import type { Rule } from '../prompts/schema';
import type { Destination } from '../referral/destinations';
import type { SidebarMode } from '../settings/types';
import { MANUAL_DRAFT_KEY } from './keys';
import { ROLE_IDS, type Role } from '../prompts/roles';
import { DIRECTORY_FORMATS } from '../directory/import/common';

export { MANUAL_DRAFT_KEY, SESSION_CONFIG_KEY } from './keys';

const patientKey = v.pipe(v.string(), v.regex(/^(chi|nhs):\d{10}$/, 'patientKey must be chi:/nhs: and 10 digits'));
/** Drafts may also belong to the popup's hand-typed referral (no patient page). */
const draftOwner = v.union([patientKey, v.literal(MANUAL_DRAFT_KEY)]);
const needId = v.pipe(v.string(), v.maxLength(40));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const shortText = v.pipe(v.string(), v.maxLength(2000));
const role = v.picklist(ROLE_IDS);
/** Characters per piece of a large file: about 1 MB of UTF-16, a few milliseconds to serialise. */
export const UPLOAD_CHUNK_CHARS = 512 * 1024;
const uploadId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'uploadId must be 8 to 64 letters, digits or dashes'));
/** A file comes either inline (`text`, small files) or as a finished upload (`uploadId`), not both. */
const textOrUpload = <T extends { text?: string; uploadId?: string }>() =>
  v.check<T, string>((input) => (input.text === undefined) !== (input.uploadId === undefined), 'give either text or uploadId');

export const requestSchemas = {
  'session.config': v.object({}),
  'settings.get': v.object({}),
  /** A settings object; each field is checked by parseSettings in the handler, so every bad field gets its own reason. */
  'settings.save': v.object({ settings: v.custom<object>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'Settings must be a JSON object.') }),
  'settings.export': v.object({}),
  'settings.importPreview': v.object({ text: v.pipe(v.string(), v.maxLength(5_000_000)) }),
  'settings.import': v.object({ text: v.pipe(v.string(), v.maxLength(5_000_000)) }),
  'settings.reset': v.object({}),
  'origins.sync': v.object({}),
  'patient.suppressions': v.object({ patientKey }),
  'prompt.act': v.object({
    patientKey: v.optional(patientKey),
    ruleId: v.pipe(v.string(), v.maxLength(80)),
    need: needId,
    action: v.picklist(['shown', 'accepted', 'dismissed', 'snoozed']),
    role,
  }),
  'directory.search': v.object({
    needs: v.optional(v.array(needId)),
    text: v.optional(v.pipe(v.string(), v.maxLength(200))),
    postcode: v.optional(v.pipe(v.string(), v.maxLength(10))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    /** Who asked: a search from the popup with no result is a recorded gap. */
    origin: v.optional(v.picklist(['sidebar', 'popup'])),
    /** Only services open at some time today, in the practice's time zone (issue #16). */
    openToday: v.optional(v.boolean()),
  }),
  /** One piece of a large file, sent in order before the message that uses it (see uploadText in client.ts). */
  'upload.chunk': v.object({
    uploadId,
    index: v.pipe(v.number(), v.integer(), v.minValue(0)),
    text: v.pipe(v.string(), v.maxLength(UPLOAD_CHUNK_CHARS)),
  }),
  'directory.import': v.pipe(
    v.object({
      text: v.optional(v.string()),
      uploadId: v.optional(uploadId),
      format: v.optional(v.picklist(DIRECTORY_FORMATS)),
      label: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
    }),
    textOrUpload(),
  ),
  /**
   * An HSDS 3.0 tabular package (issue #16): the files of a folder, or one .zip,
   * each sent first as an upload (`base64` for the zip's bytes).
   */
  'directory.importPackage': v.object({
    label: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
    files: v.pipe(
      v.array(v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), uploadId, encoding: v.picklist(['text', 'base64']) })),
      v.minLength(1, 'Choose the package folder or its .zip.'),
      v.maxLength(2000),
    ),
  }),
  'directory.status': v.object({}),
  /**
   * Load the search index now (its text part too), so the first search after a worker wake does
   * not pay for it: sent by the popup once it is on screen, while the receptionist types (#11).
   */
  'directory.warm': v.object({}),
  /** The practice's postcode-to-data-zone look-up (Scottish Postcode Directory CSV), for the SIMD decile (issue #14). */
  'prompts.importDataZones': v.pipe(v.object({ text: v.optional(v.string()), uploadId: v.optional(uploadId) }), textOrUpload()),
  /** The SIMD 2020v2 decile of a postcode, when the practice's look-up has it. Asked by the panel; nothing leaves the machine. */
  'prompts.deprivation': v.object({ postcode: v.pipe(v.string(), v.maxLength(10)) }),
  'prompts.dataZonesStatus': v.object({}),
  'directory.sync': v.object({ sourceId: v.optional(v.string()) }),
  'directory.curate': v.object({
    resourceId: v.string(),
    curation: v.object({
      recommended: v.optional(v.boolean()),
      note: v.optional(shortText),
      hidden: v.optional(v.boolean()),
      verifiedOn: v.optional(v.pipe(v.string(), v.isoDate())),
    }),
  }),
  'directory.get': v.object({ id: v.string() }),
  /** For curation in the options page: every resource (hidden ones too) whose name or organisation contains `text`. */
  'directory.browse': v.object({ text: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  'slip.open': v.object({ resourceId: v.string() }),
  'signpost.record': v.object({
    resourceId: v.string(),
    need: v.optional(needId),
    action: v.picklist(['slip', 'copied']),
    role,
  }),
  'draft.get': v.object({ patientKey: draftOwner }),
  'draft.save': v.object({ patientKey: draftOwner, draft: ReferralDraftSchema }),
  'draft.discard': v.object({ patientKey: draftOwner }),
  /**
   * `patientKey`: whom the draft is filed under (a patient, or the popup's manual key).
   * `tabId`: the record tab the panel shows; the background re-confirms the patient is
   * still on that screen before anything is stored (issue #17).
   */
  'referral.send': v.object({ patientKey: v.optional(draftOwner), draft: ReferralDraftSchema, tabId: v.optional(tabId) }),
  /** `refresh`: also ask the CLP's server for news now (the sidebar does on opening a patient). */
  'referral.list': v.object({ patientKey: v.optional(patientKey), refresh: v.optional(v.boolean()) }),
  'referral.retry': v.object({ id: v.string() }),
  'referral.test': v.object({}),
  'referral.flush': v.object({}),
  'referral.markSent': v.object({ id: v.string() }),
  /** The referral letter (print or copy destinations), and a tab to print it from. */
  'referral.letter': v.object({ id: v.string() }),
  'referral.openLetter': v.object({ id: v.string() }),
  'directory.remove': v.object({ sourceId: v.string() }),
  'directory.importPostcodes': v.pipe(v.object({ text: v.optional(v.string()), uploadId: v.optional(uploadId) }), textOrUpload()),
  'insights.summary': v.object({ from: v.pipe(v.string(), v.isoDate()), to: v.pipe(v.string(), v.isoDate()) }),
  /** Runs a (possibly unsaved) site adapter against the active tab and reports each field. */
  'adapter.test': v.object({ adapter: SiteAdapterSchema }),
  /** Injects the point-and-click adapter picker (/picker.js) into the record tab. */
  'adapter.pick': v.object({}),
  /** Adds a site adapter to the practice's settings, replacing one with the same id. */
  'adapter.save': v.object({ adapter: SiteAdapterSchema }),
  /** An extension page inside a record tab (the in-page panel) asks which tab it is in. */
  'panel.tab': v.object({}),
  /** Is this patient still on that record tab's screen? (Asked through the background: Firefox gives an in-page panel no tabs API.) */
  'panel.confirm': v.object({ tabId, patientKey }),
  /** Signing in to the referral destination (issue #15): status, secrets (never sent back), keys, a test. */
  ...AuthMessageSchemas,
} satisfies Record<string, v.GenericSchema>;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;

/** What the sidebar needs to run without asking again on every keystroke. */
export interface SessionConfig {
  role: Role;
  disabledRules: string[];
  /** Practice rules, already validated by the background (src/prompts/schema.ts). */
  customRules: Rule[];
  /** Problem-list-only prompts (issue #14): off unless the practice turns them on. */
  genericPrompts: 'off' | 'with-social' | 'on';
  /** Practice site adapters, already validated by the background (src/adapters/schema.ts). */
  adapters: SiteAdapter[];
  /** The clinical-record sites the practice configured: a content script elsewhere stays silent (issue #11). */
  origins: string[];
  /** Where the sidebar shows: the browser's side panel or inside the record page (issue #17). */
  sidebarMode: SidebarMode;
  /** Minutes after which a standalone patient is cleared. */
  idleMinutes: number;
  referrer: { name: string; role: string };
  practiceName: string;
  /** The practice's details for the PRSB referral items (name, phone, secure email for replies). */
  practice: { name?: string; phone?: string; email?: string };
  destinationKind: Destination['kind'];
}

export interface SearchHit {
  resource: Resource;
  curation?: Curation;
  distanceKm?: number;
  score: number;
  stale: boolean;
  /** Name, one line, phone, web and address, ready to copy for the person (src/directory/share.ts). */
  shareText: string;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** How the distance was worked out, for the card header ("from G31 district centre"). */
  locatedBy?: 'postcode' | 'district' | 'practice';
  total: number;
}

export interface SourceStatus {
  id: string;
  label: string;
  format: string;
  url?: string;
  count: number;
  lastSync?: string;
  lastResult?: string;
  ok?: boolean;
  /** False when the last sync stopped at the page limit: the directory is incomplete. */
  complete?: boolean;
  /** While a sync runs: how far it has got. */
  progress?: string;
}

export interface ImportResponse {
  count: number;
  rejected: { index: number; reason: string }[];
  /** How long reading and storing took, shown to the practice manager and used by the benchmark. */
  timings?: { parseMs: number; storeMs: number };
  /** For a tabular package: what each table gave (rows joined, rejected and why). */
  tables?: TableReport[];
  /** Notes on kept services and the package (an insecure website, a file that could not be read). */
  warnings?: { index: number; reason: string }[];
}

export interface OutboxView {
  id: string;
  state: string;
  attempts: number;
  lastError?: string;
  needs: string[];
  createdAt: string;
  updatedAt: string;
  nextAttemptAt?: string;
  /** Last four digits of the identifier only. */
  patientTail?: string;
  destinationKind: string;
  /** The CLP's outcome or reason, read back from their Task (the message back to the GP). */
  clpMessage?: string;
  /** For print/email destinations: the text or link the user completes by hand. */
  handoff?: { kind: 'mailto' | 'letter'; text: string };
}

/** One field of an adapter test: what the selector found on the page and what it became. */
export type AdapterTestRow = ExplainRow;

export interface AdapterTestResponse {
  url: string;
  rows: AdapterTestRow[];
}

export interface DraftRecord {
  draft: ReferralDraft;
  updatedAt: string;
}

export interface SettingsView {
  settings: unknown;
  locked: string[];
  warnings: string[];
}

/** Response type of each message. Kept beside the schemas so a new key fails to compile until both exist. */
export interface Responses {
  'session.config': SessionConfig;
  'settings.get': SettingsView;
  'settings.save': SettingsView;
  'settings.export': { fileName: string; text: string };
  'settings.importPreview': { changes: { path: string; from: unknown; to: unknown }[] };
  'settings.import': SettingsView;
  'settings.reset': SettingsView;
  'origins.sync': { registered: string[] };
  'patient.suppressions': { ruleIds: string[]; needs: string[] };
  'prompt.act': { recorded: true };
  'directory.search': SearchResponse;
  'upload.chunk': { received: number };
  'directory.import': ImportResponse;
  'directory.importPackage': ImportResponse;
  'prompts.importDataZones': { postcodes: number; skipped: number };
  'prompts.deprivation': { simdDecile?: number };
  'prompts.dataZonesStatus': { postcodes: number };
  'directory.status': SourceStatus[];
  'directory.warm': { services: number };
  'directory.sync': SourceStatus[];
  'directory.curate': Curation;
  'directory.get': SearchHit | null;
  'directory.browse': { hits: SearchHit[]; total: number };
  'slip.open': { opened: true };
  'signpost.record': { recorded: true };
  'draft.get': DraftRecord | null;
  /** `ended`: the referral was already queued, so the draft was not saved and the form should close. */
  'draft.save': { savedAt: string; ended?: true };
  'draft.discard': { discarded: true };
  'referral.send': OutboxView;
  'referral.list': OutboxView[];
  'referral.retry': OutboxView;
  'referral.test': { ok: boolean; message: string };
  'referral.flush': OutboxView[];
  'referral.markSent': OutboxView;
  'referral.letter': { text: string };
  'referral.openLetter': { opened: true };
  'directory.remove': SourceStatus[];
  'directory.importPostcodes': { postcodes: number; skipped: number };
  'insights.summary': InsightsSummary;
  'adapter.test': AdapterTestResponse;
  'adapter.pick': { started: true; url: string };
  'adapter.save': { saved: true; id: string };
  'panel.tab': { tabId: number };
  'panel.confirm': { onScreen: boolean };
  'referral.authStatus': AuthStatusView;
  'referral.setSecret': AuthStatusView;
  'referral.generateKey': AuthStatusView;
  'referral.testAuth': { ok: boolean; message: string };
}

export type ResponseOf<K extends MessageType> = K extends keyof Responses ? Responses[K] : never;

/** The envelope on the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  channel: 'links-sidebar';
  type: K;
  payload: RequestOf<K>;
}
