/**
 * Word handling for the directory text index and its queries, so that what is
 * indexed and what is typed are cut and folded the same way.
 */

/** Word cutting lives in src/lib/words.ts, shared with the prompts' tokenizer. */
export { foldPlural as foldWord, indexWords } from '../../lib/words';

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
