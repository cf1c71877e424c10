/**
 * Word handling shared by the directory text index and its queries, so that
 * what is indexed and what is typed are cut and folded the same way.
 */

/** Folds simple English plurals so "carers" finds "carer" and "families" finds "family". */
export function foldWord(word: string): string {
  const n = word.length;
  // Short words ("bus", "gas", "ms") are left alone: stripping their "s" would change the word.
  if (n <= 3 || word.charCodeAt(n - 1) !== 115) return word;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

const APOSTROPHES = /['’‘`]/g;
const SEPARATORS = /[^a-z0-9]+/;

/**
 * Indexable words of a text: lower-case, apostrophes removed ("can't" -> "cant"),
 * split on anything else that is not a letter or digit, one-letter words
 * dropped, plurals folded. Matches how synonyms.ts cuts a query into words.
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().replace(APOSTROPHES, '').split(SEPARATORS)) {
    if (w.length > 1) out.push(foldWord(w));
  }
  return out;
}

const sameFrom = (a: string, i: number, b: string, j: number): boolean => {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
};

/**
 * True when `a` and `b` differ by at most one edit: one letter changed, added,
 * removed, or two neighbouring letters swapped ("befreinding" / "befriending").
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la > lb) return sameFrom(a, i + 1, b, i);
  if (lb > la) return sameFrom(a, i, b, i + 1);
  if (sameFrom(a, i + 1, b, i + 1)) return true;
  return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
}
