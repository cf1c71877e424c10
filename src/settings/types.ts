/**
 * The shape of everything a practice configures. Stored as one JSON object;
 * validated by src/settings/schema.ts before every save so nothing is ever
 * stored half-valid.
 */
import type { Destination } from '../referral/destinations';
import type { DirectoryFormat } from '../directory/import/common';
import type { Role, StaffRole } from '../prompts/roles';

export type { Destination, DirectoryFormat, StaffRole };
export const SIDEBAR_MODES = ['panel', 'inpage'] as const;
export type SidebarMode = (typeof SIDEBAR_MODES)[number];

/** The role of the person using this browser. */
export type UserRole = Role;

export interface PracticeSettings {
  name: string;
  /** The practice's phone for the CLP (PRSB referrer contact). */
  phone?: string;
  /** A secure mailbox (nhs.scot) for the CLP's replies. */
  email?: string;
  /** Normalised, e.g. `G31 4QT`. */
  postcode?: string;
  location?: { lat: number; lon: number };
  /** How far to look for community resources. */
  radiusKm: number;
}

export interface PeopleSettings {
  clp: { name: string; phone?: string; email?: string };
  referrers: { name: string; role: StaffRole }[];
  /** Name of the referrer using this browser; one of `referrers`. */
  currentReferrer?: string;
}

export interface DirectorySource {
  /** Short stable id used in resource ids (`${id}:${sourceId}`): letters, digits and hyphens. */
  id: string;
  label: string;
  url?: string;
  format: DirectoryFormat;
  refreshHours: number;
  /** Most pages one sync follows; the sync says plainly when it stopped at this limit. */
  pageLimit: number;
}

export interface Settings {
  practice: PracticeSettings;
  people: PeopleSettings;
  role: UserRole;
  /** Clinical-record origins, e.g. `https://ehr.example.scot`. */
  origins: string[];
  directorySources: DirectorySource[];
  destination: Destination;
  identifierSystems: { chi: string; nhs: string };
  /** Site adapters as JSON objects; their own schema lives in src/adapters. */
  adapters: unknown[];
  /** `generic`: whether problem-list-only prompts (multimorbidity, polypharmacy) may show (issue #14: off by default). */
  rules: { disabled: string[]; custom: unknown[]; generic: 'off' | 'with-social' | 'on' };
  privacy: { retentionDays: number };
  /**
   * Where the sidebar shows (issue #17): the browser's side panel (default;
   * the record reflows instead of being covered) or a panel inside the record
   * page. `idleMinutes`: a standalone patient is cleared after this long unused.
   */
  sidebar: { mode: SidebarMode; idleMinutes: number };
}

/** A partial update: nested objects merge, arrays and scalars replace. */
export type SettingsPatch = {
  [K in keyof Settings]?: Settings[K] extends unknown[]
    ? Settings[K]
    : Settings[K] extends Destination
      ? Destination
      : Settings[K] extends object
        ? { [P in keyof Settings[K]]?: Settings[K][P] }
        : Settings[K];
};

/** One validation problem: where (dotted path) and why, in plain words. */
export interface SettingsError {
  path: string;
  message: string;
}

export type ParseSettingsResult = { ok: true; value: Settings } | { ok: false; errors: SettingsError[] };

export const DEFAULT_SETTINGS: Settings = {
  practice: { name: '', radiusKm: 5 },
  people: { clp: { name: '' }, referrers: [] },
  role: 'gp',
  origins: [],
  directorySources: [],
  destination: { kind: 'print' },
  identifierSystems: {
    chi: 'https://fhir.nhs.uk/Id/chi-number',
    nhs: 'https://fhir.nhs.uk/Id/nhs-number',
  },
  adapters: [],
  rules: { disabled: [], custom: [], generic: 'off' },
  privacy: { retentionDays: 30 },
  sidebar: { mode: 'panel', idleMinutes: 5 },
};

/** A fresh copy of the defaults, safe to mutate. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
