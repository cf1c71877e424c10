/**
 * Settings files: one practice sets up, exports, and others import. The file
 * carries configuration only; patient data and the snooze salt live
 * elsewhere and are never copied in (unknown keys are dropped on export).
 */
import { isPlainObject } from './util';
import { diffSettings, type SettingsChange } from './diff';
import { parseSettings, type Settings } from './schema';

export const SETTINGS_FILE_FORMAT = 'links-sidebar-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real settings file; stops a wrong multi-megabyte file being parsed. */
const MAX_FILE_CHARS = 2_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  exportedAt: string;
  settings: Settings;
}

export type ImportResult =
  | { ok: true; settings: Settings; changes: SettingsChange[] }
  | { ok: false; reason: string };

/** Keeps only the known settings keys, even if the caller passed a larger stored object. */
function onlySettings(settings: Settings): Settings {
  const parsed = parseSettings(settings);
  if (parsed.ok) return parsed.value;
  const { practice, people, role, origins, directorySources, destination, identifierSystems, adapters, rules, privacy, sidebar } = settings;
  return structuredClone({ practice, people, role, origins, directorySources, destination, identifierSystems, adapters, rules, privacy, sidebar });
}

/**
 * Header names that carry credentials. A webhook's custom headers are kept in
 * the settings (issue #12), but one like these is never written to a file
 * that may be emailed between practices (issue #15): use the destination's
 * authentication, whose secrets live outside the settings.
 */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|api-?key|password|credential/i;

function withoutCredentials(settings: Settings): Settings {
  const d = settings.destination;
  if (d.kind !== 'webhook' || !d.headers) return settings;
  const headers = Object.fromEntries(Object.entries(d.headers).filter(([name]) => !CREDENTIAL_HEADER.test(name)));
  const { headers: _all, ...rest } = d;
  return { ...settings, destination: Object.keys(headers).length > 0 ? { ...rest, headers } : rest };
}

/** The text of a settings file (pretty-printed JSON). Secrets are never in it: see withoutCredentials. */
export function exportSettings(settings: Settings, now: Date): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings: withoutCredentials(onlySettings(settings)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a settings file and previews what it would change. Never throws:
 * a file that is not ours, is from a newer version, or holds invalid settings
 * is refused with a reason; nothing is applied here.
 */
export function importSettingsFile(text: string, current: Settings): ImportResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, reason: 'This file is too large to be a Links Sidebar settings file.' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'This file could not be read: it is not a valid settings file (the JSON is damaged or incomplete).' };
  }
  if (!isPlainObject(json) || json.format !== SETTINGS_FILE_FORMAT) {
    return { ok: false, reason: 'This is not a Links Sidebar settings file. Choose a file exported from the Links Sidebar options page.' };
  }
  const { version } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'This settings file has no valid version number, so it cannot be imported safely.' };
  }
  if (version > SETTINGS_FILE_VERSION) {
    return {
      ok: false,
      reason: `This settings file was made by a newer version of Links Sidebar (file version ${version}). Update the extension, then import it again.`,
    };
  }
  if (!isPlainObject(json.settings)) return { ok: false, reason: 'This settings file contains no settings.' };
  const parsed = parseSettings(json.settings);
  if (!parsed.ok) {
    const list = parsed.errors.slice(0, 5).map((e) => (e.path ? `${e.message} (${e.path})` : e.message));
    const more = parsed.errors.length > 5 ? ` …and ${parsed.errors.length - 5} more.` : '';
    return { ok: false, reason: `The settings in this file are not valid, so nothing was imported: ${list.join(' ')}${more}` };
  }
  return { ok: true, settings: parsed.value, changes: diffSettings(current, parsed.value) };
}
