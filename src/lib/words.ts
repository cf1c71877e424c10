/**
 * The one word normaliser. Prompts (reading notes) and the directory (indexing
 * services and reading typed queries) cut and fold words the same way, so "can't
 * afford" typed in the popup, written in a note and printed in a service
 * description all meet as the same words.
 */

/** Apostrophes of every kind typed or pasted: ' ’ ‘ ` */
export const APOSTROPHES = /['\u2019\u2018`]/g;

/** Whether a character code is one of APOSTROPHES (for scanners that read codes, not strings). */
export const isApostropheCode = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2018 || c === 96;

/** Lower case with apostrophes dropped: "Can't" -> "cant". */
export function plainWord(raw: string): string {
  return raw.toLowerCase().replace(APOSTROPHES, '');
}

/**
 * The words of a text: lower case, apostrophes dropped, split on anything that
 * is not an ASCII letter or digit. Empty pieces are dropped; one-letter words
 * are kept (callers that index drop them).
 */
export function plainWords(text: string): string[] {
  return plainWord(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Folds simple English plurals so "carers" finds "carer" and "families" finds "family". */
export function foldPlural(word: string): string {
  const n = word.length;
  // Short words ("bus", "gas", "ms") are left alone: stripping their "s" would change the word.
  if (n <= 3 || word.charCodeAt(n - 1) !== 115) return word;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

/** Indexable words: plainWords without one-letter words, plurals folded. */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const w of plainWords(text)) if (w.length > 1) out.push(foldPlural(w));
  return out;
}
