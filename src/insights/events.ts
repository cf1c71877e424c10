/**
 * Anonymous usage events: what the practice did with prompts, signposts,
 * referrals and searches, never who it was for. Privacy is enforced here, at
 * the point of creation, rather than trusted to every caller: the date is
 * cut to the day, a postcode to its district, and only known fields survive.
 */
import * as v from 'valibot';
import { isValid as isValidPostcode, toOutcode, validOutcode } from 'postcode';
import { isNeedId } from '../prompts/needs';
import { ROLE_IDS, type Role } from '../prompts/roles';

export const EVENT_KINDS = ['prompt', 'signpost', 'referral', 'search'] as const;
export const EVENT_ACTIONS = [
  'shown', 'accepted', 'dismissed', 'snoozed', 'slip', 'copied', 'queued', 'sent', 'failed',
  'accepted-by-clp', 'in-progress', 'completed', 'declined', 'no-result', 'found',
] as const;
export const EVENT_ROLES = ROLE_IDS;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventAction = (typeof EVENT_ACTIONS)[number];

export interface UsageEvent {
  kind: EventKind;
  action: EventAction;
  need?: string;
  ruleId?: string;
  resourceId?: string;
  role?: Role;
  /** yyyy-mm-dd only. */
  date: string;
  /** Postcode district only, e.g. 'G31'. */
  district?: string;
}

/** What callers may pass: a full postcode is allowed here and reduced to its district. */
export interface EventInput {
  kind: EventKind;
  action: EventAction;
  need?: string;
  ruleId?: string;
  resourceId?: string;
  role?: string;
  postcode?: string;
  district?: string;
}

/** Ids are short machine tokens; anything else (free text, a 10-digit CHI) is dropped. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;
const IDENTIFIER_LIKE = /\d{10}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

function safeId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return SAFE_ID.test(value) && !IDENTIFIER_LIKE.test(value) ? value : undefined;
}

/** The postcode district of a full postcode or an outward code; undefined if neither. */
export function toDistrictOnly(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toUpperCase();
  if (isValidPostcode(text)) return toOutcode(text) ?? undefined;
  const compact = text.replace(/\s+/g, '');
  return validOutcode(compact) && DISTRICT.test(compact) ? compact : undefined;
}

/** The local calendar day of `now` as yyyy-mm-dd (the practice's day, not UTC's). */
export function dayOf(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Builds an event from whatever the caller has to hand. Unknown fields are
 * dropped, need ids outside the taxonomy and id-shaped free text are dropped.
 * Throws only on a programming error (unknown kind or action).
 */
export function makeEvent(input: EventInput, now: Date): UsageEvent {
  const source = input as unknown as Record<string, unknown>;
  const { kind, action } = source;
  if (!EVENT_KINDS.includes(kind as EventKind) || !EVENT_ACTIONS.includes(action as EventAction)) {
    throw new TypeError(`Unknown usage event ${String(kind)}/${String(action)}`);
  }
  const event: UsageEvent = { kind: kind as EventKind, action: action as EventAction, date: dayOf(now) };
  if (typeof source.need === 'string' && isNeedId(source.need)) event.need = source.need;
  const ruleId = safeId(source.ruleId);
  if (ruleId) event.ruleId = ruleId;
  const resourceId = safeId(source.resourceId);
  if (resourceId) event.resourceId = resourceId;
  if (EVENT_ROLES.includes(source.role as UsageEvent['role'] & string)) event.role = source.role as UsageEvent['role'];
  const district = toDistrictOnly(source.district) ?? toDistrictOnly(source.postcode);
  if (district) event.district = district;
  return event;
}

/** Schema for events read back from storage or an insights file; extra fields are stripped. */
export const UsageEventSchema = v.object({
  kind: v.picklist(EVENT_KINDS, 'Event kind is not recognised.'),
  action: v.picklist(EVENT_ACTIONS, 'Event action is not recognised.'),
  need: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z-]{0,60}$/, 'Event need is not a need id.'))),
  ruleId: v.optional(v.pipe(v.string(), v.regex(SAFE_ID, 'Event rule id is not an id.'), v.check((s) => !IDENTIFIER_LIKE.test(s), 'Event rule id looks like a patient identifier.'))),
  resourceId: v.optional(v.pipe(v.string(), v.regex(SAFE_ID, 'Event resource id is not an id.'), v.check((s) => !IDENTIFIER_LIKE.test(s), 'Event resource id looks like a patient identifier.'))),
  role: v.optional(v.picklist(EVENT_ROLES, 'Event role is not recognised.')),
  date: v.pipe(v.string(), v.regex(DATE, 'Event date must be a day (yyyy-mm-dd), with no time.')),
  district: v.optional(v.pipe(v.string(), v.regex(DISTRICT, 'Event area must be a postcode district such as G31, never a full postcode.'))),
});

/** Validates one stored event. Never throws. */
export function parseEvent(json: unknown): { ok: true; value: UsageEvent } | { ok: false; reason: string } {
  const result = v.safeParse(UsageEventSchema, json);
  if (result.success) return { ok: true, value: result.output as UsageEvent };
  return { ok: false, reason: result.issues[0]?.message ?? 'This is not a usage event.' };
}
