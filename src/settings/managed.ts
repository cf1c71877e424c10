/**
 * Central (browser policy) configuration laid over the practice's own
 * settings. A value set by policy wins and is reported as locked so the
 * options page can grey it out. A bad policy value is skipped with a warning:
 * a typo in a registry key must never stop the sidebar working.
 */
import * as v from 'valibot';
import { deepMerge } from './merge';
import {
  AdaptersSchema,
  DestinationSchema,
  DirectorySourcesSchema,
  IdentifierSystemsSchema,
  OriginsSchema,
  PracticeSchema,
  RetentionSchema,
  SidebarModeSchema,
  IdleMinutesSchema,
  parseSettings,
  type Settings,
} from './schema';
import { isPlainObject, withoutUndefined } from './util';
import { managedSecrets, SECRETS_POLICY_NAME } from '../referral/auth/store';

export interface ManagedResult {
  settings: Settings;
  /** Dotted paths fixed by policy, e.g. 'destination', 'privacy.retentionDays', 'practice.name'. */
  locked: string[];
  /** Plain-English notes about policy values that were ignored. */
  warnings: string[];
}

type Section = 'whole' | 'fields';

interface ManagedKey {
  /** Where the value lands in Settings. */
  path: string[];
  label: string;
  schema: v.GenericSchema;
  /** 'fields': policy may set some fields of the object; each one set is locked on its own. */
  lock: Section;
}

/** Policy keys as named in public/managed-schema.json. */
const MANAGED_KEYS = {
  practice: { path: ['practice'], label: 'practice details', schema: PracticeSchema, lock: 'fields' },
  origins: { path: ['origins'], label: 'clinical-record addresses', schema: OriginsSchema, lock: 'whole' },
  directorySources: { path: ['directorySources'], label: 'directory sources', schema: DirectorySourcesSchema, lock: 'whole' },
  destination: { path: ['destination'], label: 'referral destination', schema: DestinationSchema, lock: 'whole' },
  identifierSystems: { path: ['identifierSystems'], label: 'identifier systems', schema: IdentifierSystemsSchema, lock: 'fields' },
  adapters: { path: ['adapters'], label: 'site adapters', schema: AdaptersSchema, lock: 'whole' },
  retentionDays: { path: ['privacy', 'retentionDays'], label: 'retention days', schema: RetentionSchema, lock: 'whole' },
  sidebarMode: { path: ['sidebar', 'mode'], label: 'where the sidebar shows', schema: SidebarModeSchema, lock: 'whole' },
  idleMinutes: { path: ['sidebar', 'idleMinutes'], label: 'standalone idle minutes', schema: IdleMinutesSchema, lock: 'whole' },
} satisfies Record<string, ManagedKey>;

/** The policy names that set settings. */
export const MANAGED_POLICY_NAMES = Object.keys(MANAGED_KEYS) as (keyof typeof MANAGED_KEYS)[];

/**
 * Every policy name an administrator may set: the settings above, and the
 * destination's secrets (`destinationSecrets`, issue #15), which are read by
 * the referral sender from managed storage and never become settings.
 */
export const POLICY_NAMES: readonly string[] = [...MANAGED_POLICY_NAMES, SECRETS_POLICY_NAME];

/**
 * Chrome's policy schema cannot describe free-form objects, so site adapters
 * arrive as JSON strings there; Firefox passes real objects. Accept both.
 */
function decodeAdapters(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (typeof item !== 'string') return item;
    try {
      return JSON.parse(item) as unknown;
    } catch {
      return item;
    }
  });
}

function getAt(obj: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), obj);
}

function setAt(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let node = obj;
  path.slice(0, -1).forEach((key) => {
    node = node[key] as Record<string, unknown>;
  });
  node[path[path.length - 1] as string] = value;
}

/**
 * Lays managed storage (`browser.storage.managed.get()`) over local settings.
 * Never throws. Pass `undefined` when the browser has no managed storage.
 */
export function applyManaged(local: Settings, managed: unknown): ManagedResult {
  const settings = structuredClone(local) as unknown as Record<string, unknown>;
  const locked: string[] = [];
  const warnings: string[] = [];
  if (managed === undefined || managed === null) return { settings: local, locked, warnings };
  if (!isPlainObject(managed)) {
    return { settings: local, locked, warnings: ['Central policy settings were ignored: they are not a set of named values.'] };
  }
  for (const name of Object.keys(managed)) {
    if (!POLICY_NAMES.includes(name)) warnings.push(`The central policy setting "${name}" is not one Links Sidebar knows, so it was ignored.`);
  }
  // Secrets are not settings, but a bad one is reported in the same place (never quoting it).
  warnings.push(...managedSecrets(managed).warnings);
  for (const name of MANAGED_POLICY_NAMES) {
    if (!(name in managed) || managed[name] === undefined) continue;
    const key: ManagedKey = MANAGED_KEYS[name];
    const raw = name === 'adapters' ? decodeAdapters(managed[name]) : managed[name];
    // Partial sections (practice, identifier systems) are checked as merged with the local values.
    const candidate = key.lock === 'fields' && isPlainObject(raw) ? deepMerge(getAt(settings, key.path), raw) : raw;
    const result = v.safeParse(key.schema, candidate);
    if (!result.success) {
      const reason = result.issues[0]?.message ?? 'it is not valid';
      warnings.push(`The central policy setting for ${key.label} was ignored: ${reason}`);
      continue;
    }
    const output = withoutUndefined(result.output);
    setAt(settings, key.path, output);
    const fields = isPlainObject(raw) && isPlainObject(output) ? Object.keys(raw).filter((f) => raw[f] !== undefined) : [];
    const unknown = fields.filter((f) => !(f in (output as Record<string, unknown>)));
    if (key.lock === 'fields' && unknown.length > 0) {
      warnings.push(`Part of the central policy setting for ${key.label} was ignored: ${unknown.join(', ')} is not a setting Links Sidebar knows.`);
    }
    if (key.lock === 'whole') locked.push(key.path.join('.'));
    else locked.push(...fields.filter((f) => !unknown.includes(f)).map((f) => `${key.path.join('.')}.${f}`));
  }
  // Cross-field rules (e.g. duplicate source ids) still apply; if policy broke them, fall back safely.
  const whole = parseSettings(settings);
  if (!whole.ok && parseSettings(local).ok) {
    const reason = whole.errors[0]?.message ?? 'they conflict with other settings';
    return { settings: local, locked: [], warnings: [...warnings, `Central policy settings were ignored: ${reason}`] };
  }
  return { settings: whole.ok ? whole.value : (settings as unknown as Settings), locked, warnings };
}

/** True when `path` (or a parent of it) is fixed by policy, for greying out an options field. */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}
