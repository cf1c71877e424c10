/**
 * The settings schema. Missing sections and fields take their defaults (so
 * settings saved by an older version still load); anything present but wrong
 * is reported with a plain reason and the whole object is refused.
 */
import * as v from 'valibot';
import {
  emailAddress,
  numberBetween,
  optionalText,
  postcodeField,
  requiredText,
  secureUrl,
  systemUri,
  toOrigin,
} from './fields';
import { DEFAULT_SETTINGS, SIDEBAR_MODES, type ParseSettingsResult, type Settings, type SettingsError } from './types';
import { toErrors, withoutUndefined } from './util';
import { DestinationSchema } from '../referral/destinations';
import { DIRECTORY_FORMATS } from '../directory/import/common';
import { DEFAULT_SYNC_PAGE_LIMIT } from '../directory/import/sync-plan';
import { ROLE_IDS, STAFF_ROLE_IDS } from '../prompts/roles';

export * from './types';

const fresh = <K extends keyof Settings>(key: K) => (): Settings[K] => structuredClone(DEFAULT_SETTINGS[key]);

const RESERVED_SOURCE_IDS = new Set(['local', 'demo']);

const jsonObject = (what: string) =>
  v.record(v.string(), v.unknown(), `Each ${what} must be a JSON object.`);

export const LocationSchema = v.object(
  {
    lat: numberBetween(-90, 90, 'Latitude must be a number between -90 and 90.'),
    lon: numberBetween(-180, 180, 'Longitude must be a number between -180 and 180.'),
  },
  'Practice location must have a latitude and a longitude.',
);

export const PracticeSchema = v.object(
  {
    name: v.optional(optionalText('Practice name'), ''),
    /** Where the CLP can reach the practice and send replies (PRSB referrer contact, issue #15). */
    phone: v.optional(optionalText('Practice phone', 40)),
    email: v.optional(emailAddress('Practice email')),
    postcode: v.optional(postcodeField),
    location: v.optional(LocationSchema),
    radiusKm: v.optional(numberBetween(0.5, 100, 'Search radius must be a number of kilometres between 0.5 and 100.'), 5),
  },
  'Practice details must be a group of settings.',
);

const ReferrerSchema = v.object(
  {
    name: requiredText('Referrer name'),
    role: v.picklist(STAFF_ROLE_IDS, 'Referrer role must be GP, nurse, receptionist or other.'),
  },
  'Each referrer must have a name and a role.',
);

export const PeopleSchema = v.object(
  {
    clp: v.optional(
      v.object(
        {
          name: v.optional(optionalText('Community Links Practitioner name'), ''),
          phone: v.optional(optionalText('Community Links Practitioner phone', 40)),
          email: v.optional(emailAddress('Community Links Practitioner email')),
        },
        'Community Links Practitioner details must be a group of settings.',
      ),
      () => ({ name: '' }),
    ),
    referrers: v.optional(v.array(ReferrerSchema, 'Referrers must be a list.'), () => []),
    currentReferrer: v.optional(optionalText('Current referrer')),
  },
  'People must be a group of settings.',
);

export const OriginsSchema = v.array(
  v.pipe(
    v.string('Each clinical-record address must be text.'),
    v.check(
      (s: string) => toOrigin(s) !== undefined,
      'Clinical-record address must be a site address like https://ehr.example.scot (https only, no page path; http only for localhost).',
    ),
    v.transform((s: string) => toOrigin(s) ?? s),
  ),
  'Clinical-record addresses must be a list.',
);

const SourceSchema = v.object(
  {
    id: v.pipe(
      requiredText('Directory source id', 40),
      v.regex(/^[a-z0-9][a-z0-9-]*$/i, 'Directory source id may only use letters, digits and hyphens.'),
      v.check((id: string) => !RESERVED_SOURCE_IDS.has(id.toLowerCase()), 'Directory source id "local" and "demo" are reserved.'),
    ),
    label: requiredText('Directory source name'),
    url: v.optional(secureUrl('Directory source address')),
    format: v.picklist(DIRECTORY_FORMATS, 'Directory format must be ALISS, HSDS, Open Referral UK or CSV.'),
    refreshHours: v.optional(numberBetween(1, 720, 'Directory refresh must be a whole number of hours between 1 and 720.', true), 24),
    /** Most pages one sync follows (issue #16: no silent cap; the sync says when it stopped here). */
    pageLimit: v.optional(numberBetween(1, 10_000, 'The page limit must be a whole number of pages between 1 and 10,000.', true), DEFAULT_SYNC_PAGE_LIMIT),
  },
  'Each directory source must be a group of settings.',
);

export const DirectorySourcesSchema = v.array(SourceSchema, 'Directory sources must be a list.');

/** The referral destination has one schema, owned by src/referral (headers and all). */
export { DestinationSchema };

export const IdentifierSystemsSchema = v.object(
  {
    chi: v.optional(systemUri('CHI identifier system'), DEFAULT_SETTINGS.identifierSystems.chi),
    nhs: v.optional(systemUri('NHS number identifier system'), DEFAULT_SETTINGS.identifierSystems.nhs),
  },
  'Identifier systems must be a group of settings.',
);

export const AdaptersSchema = v.array(jsonObject('site adapter'), 'Site adapters must be a list.');

export const SidebarModeSchema = v.picklist(SIDEBAR_MODES, 'Where the sidebar shows must be "panel" (the browser\'s side panel) or "inpage" (inside the record page).');

export const IdleMinutesSchema = numberBetween(1, 60, 'The standalone idle time must be a whole number of minutes between 1 and 60.', true);

export const RetentionSchema = numberBetween(1, 365, 'Retention must be a whole number of days between 1 and 365.', true);


/** The whole settings object. Unknown keys are dropped. */
export const SettingsSchema = v.object(
  {
    practice: v.optional(PracticeSchema, fresh('practice')),
    people: v.optional(PeopleSchema, fresh('people')),
    role: v.optional(v.picklist(ROLE_IDS, 'Your role must be GP, nurse or receptionist.'), 'gp'),
    origins: v.optional(OriginsSchema, fresh('origins')),
    directorySources: v.optional(DirectorySourcesSchema, fresh('directorySources')),
    destination: v.optional(DestinationSchema, fresh('destination')),
    identifierSystems: v.optional(IdentifierSystemsSchema, fresh('identifierSystems')),
    adapters: v.optional(AdaptersSchema, () => []),
    rules: v.optional(
      v.object(
        {
          disabled: v.optional(v.array(requiredText('Disabled rule id', 120), 'Disabled rules must be a list.'), () => []),
          custom: v.optional(v.array(jsonObject('custom rule'), 'Custom rules must be a list.'), () => []),
          generic: v.optional(v.picklist(['off', 'with-social', 'on'], 'Generic prompts must be off, with-social or on.'), 'off'),
        },
        'Rules must be a group of settings.',
      ),
      () => ({ disabled: [], custom: [], generic: 'off' as const }),
    ),
    privacy: v.optional(
      v.object(
        {
          retentionDays: v.optional(RetentionSchema, 30),
        },
        'Privacy must be a group of settings.',
      ),
      fresh('privacy'),
    ),
    sidebar: v.optional(
      v.object(
        {
          mode: v.optional(SidebarModeSchema, 'panel'),
          idleMinutes: v.optional(IdleMinutesSchema, 5),
        },
        'Sidebar must be a group of settings.',
      ),
      fresh('sidebar'),
    ),
  },
  'Settings must be a JSON object.',
);

// Compile-time guard: the schema's output must stay assignable to the documented type.
const _sameShape: (x: v.InferOutput<typeof SettingsSchema>) => Settings = (x) => x;
void _sameShape;

/** Rules spanning several fields, which a per-field schema cannot express. */
function crossFieldErrors(s: Settings): SettingsError[] {
  const errors: SettingsError[] = [];
  const { currentReferrer, referrers } = s.people;
  if (currentReferrer && !referrers.some((r) => r.name === currentReferrer)) {
    errors.push({ path: 'people.currentReferrer', message: `Current referrer "${currentReferrer}" is not in the list of referrers.` });
  }
  const seen = new Set<string>();
  s.directorySources.forEach((source, i) => {
    const id = source.id.toLowerCase();
    if (seen.has(id)) errors.push({ path: `directorySources.${i}.id`, message: `Two directory sources share the id "${source.id}".` });
    seen.add(id);
  });
  return errors;
}

/**
 * Validates settings from storage, an import file or the options form.
 * Never throws; on failure every problem is listed so the form can show them all.
 */
export function parseSettings(json: unknown): ParseSettingsResult {
  const result = v.safeParse(SettingsSchema, json);
  if (!result.success) return { ok: false, errors: toErrors(result.issues) };
  const value = withoutUndefined(result.output) as Settings;
  value.origins = [...new Set(value.origins)];
  const errors = crossFieldErrors(value);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
