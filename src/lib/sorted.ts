/**
 * The first place in 0..size-1 for which `before` is false (size when there is none), by binary search:
 * `before` must be true for a run of places from 0 and false after it (a sorted list read against a key).
 */
export function lowerBound(size: number, before: (k: number) => boolean): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
