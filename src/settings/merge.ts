import type { Settings, SettingsPatch } from './types';
import { isPlainObject } from './util';

/**
 * Deep merge of plain objects. Arrays and scalars in `patch` replace; a key
 * present with the value `undefined` removes that field (how a form clears an
 * optional value). Objects carrying a different `kind` (the referral
 * destination) replace wholesale, so no stale field of the old kind survives.
 */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  if ('kind' in patch && patch.kind !== base.kind) return structuredClone(patch);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = deepMerge(out[key], value);
  }
  return out;
}

/**
 * Applies a partial update to settings without touching `base`. The result is
 * not validated: run it through `parseSettings` before saving.
 */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  return deepMerge(base, patch) as Settings;
}
