/** Small JSON helpers shared by the settings modules. */
import * as v from 'valibot';
import type { SettingsError } from './types';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Drops keys whose value is undefined so stored and exported objects compare exactly. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUndefined(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
  return out as T;
}

/** Turns valibot issues into `{ path, message }` with a dotted path ('' for the whole object). */
export function toErrors(issues: readonly v.BaseIssue<unknown>[]): SettingsError[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
}
