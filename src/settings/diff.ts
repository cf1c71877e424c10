import { isPlainObject } from './util';

/** One line of the "what will change" preview shown before applying imported settings. */
export interface SettingsChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** Structural equality for JSON-like values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Leaf-level differences between two settings-like objects. Lists are
 * compared whole (a reordered list of sources is one change, not many) and so
 * are objects whose `kind` differs (switching destination from FHIR to email).
 */
export function diffSettings(from: unknown, to: unknown, path = ''): SettingsChange[] {
  if (jsonEqual(from, to)) return [];
  const sameKind = !isPlainObject(from) || !isPlainObject(to) || from.kind === to.kind;
  if (!isPlainObject(from) || !isPlainObject(to) || !sameKind) return [{ path, from, to }];
  const keys = [...Object.keys(from), ...Object.keys(to).filter((k) => !(k in from))];
  return keys.flatMap((key) => diffSettings(from[key], to[key], path ? `${path}.${key}` : key));
}
