/**
 * Settings: the practice's own (validated, stored in IndexedDB) with browser
 * policy (storage.managed) laid over them. Nothing is saved half-valid.
 */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import { KindedError } from '../../lib/result';
import { applyManaged, type ManagedResult } from '../../settings/managed';
import { defaultSettings, parseSettings, type Settings } from '../../settings/schema';
import { exportSettings, importSettingsFile } from '../../settings/transfer';

const SETTINGS_KEY = 'settings';

export async function readManaged(): Promise<unknown> {
  try {
    // Throws (Firefox) or returns {} (Chrome) when no policy is set.
    return await browser.storage.managed.get();
  } catch {
    return {};
  }
}

export async function loadLocalSettings(db: LinksDatabase): Promise<Settings> {
  const row = await db.kv.get(SETTINGS_KEY);
  if (!row) return defaultSettings();
  const parsed = parseSettings(row.value);
  // A stored value that no longer validates (older build) falls back to defaults rather than breaking the sidebar.
  return parsed.ok ? parsed.value : defaultSettings();
}

/**
 * Effective settings are read on nearly every message; they are cached in
 * the worker and dropped on every save, import, reset and policy change.
 */
const cache = new WeakMap<LinksDatabase, Promise<ManagedResult>>();

export function forgetSettings(db: LinksDatabase): void {
  cache.delete(db);
}

export function loadSettings(db: LinksDatabase): Promise<ManagedResult> {
  let loaded = cache.get(db);
  if (!loaded) {
    loaded = (async () => applyManaged(await loadLocalSettings(db), await readManaged()))();
    loaded.catch(() => cache.delete(db));
    cache.set(db, loaded);
  }
  return loaded;
}

export async function saveSettings(db: LinksDatabase, candidate: unknown): Promise<ManagedResult> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) {
    throw new KindedError('Invalid', 'Some settings need attention. Nothing was saved.', parsed.errors);
  }
  await db.kv.put({ key: SETTINGS_KEY, value: parsed.value });
  forgetSettings(db);
  return loadSettings(db);
}

export async function exportSettingsFile(db: LinksDatabase, now = new Date()): Promise<{ fileName: string; text: string }> {
  const local = await loadLocalSettings(db);
  return { fileName: `links-sidebar-settings-${now.toISOString().slice(0, 10)}.json`, text: exportSettings(local, now) };
}

export async function previewImport(db: LinksDatabase, text: string) {
  const result = importSettingsFile(text, await loadLocalSettings(db));
  if (!result.ok) throw new KindedError('Invalid', result.reason);
  return { changes: result.changes };
}

export async function importSettings(db: LinksDatabase, text: string): Promise<ManagedResult> {
  const result = importSettingsFile(text, await loadLocalSettings(db));
  if (!result.ok) throw new KindedError('Invalid', result.reason);
  return saveSettings(db, result.settings);
}

export async function resetSettings(db: LinksDatabase): Promise<ManagedResult> {
  await db.kv.delete(SETTINGS_KEY);
  forgetSettings(db);
  return loadSettings(db);
}
