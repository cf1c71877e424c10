/**
 * Language names for cards and search: "Polish", not "pl". HSDS gives a name,
 * an ISO 639 code or both; the browser's own language names fill the gaps.
 */
import { toPlainText } from '../clean-text';

let names: Intl.DisplayNames | null | undefined;

function displayNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en-GB'], { type: 'language' });
    } catch {
      names = null;
    }
  }
  return names;
}

/** A language's English name from a name and/or code; undefined when neither gives one. */
export function languageName(name: unknown, code?: unknown): string | undefined {
  const given = toPlainText(name).replace(/\s+/g, ' ');
  // A spreadsheet's "pl" or "ur" is a code, not a name.
  const asCode = /^[a-z]{2,3}$/.test(given) && code === undefined ? fromCode(given) : undefined;
  if (asCode) return asCode;
  if (given) return given === given.toLowerCase() ? given.replace(/^\p{L}/u, (c) => c.toUpperCase()) : given;
  return fromCode(code);
}

function fromCode(code: unknown): string | undefined {
  const c = toPlainText(code).trim();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(c)) return undefined;
  try {
    const found = displayNames()?.of(c);
    return found && found.toLowerCase() !== c.toLowerCase() ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Distinct names, first spelling kept, compared case-insensitively. */
export function distinctNames(list: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of list) {
    if (!n || seen.has(n.toLowerCase())) continue;
    seen.add(n.toLowerCase());
    out.push(n);
  }
  return out;
}
