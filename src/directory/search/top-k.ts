/**
 * Keeps the best k candidates of a search without building an object per
 * candidate: a text query can match tens of thousands of services and only
 * the top 20 are ever shown.
 */
/**
 * The order of names for ties: one collator for every comparison (String#localeCompare sets one up per
 * call). A snapshot stores each service's place in this order (snapshot.ts `nameOrder`), so the locale is
 * fixed: with the browser's own, a snapshot written under one language would break ties differently from
 * the same index built under another (Swedish puts "Å" and "Ö" after "Z").
 */
export const nameCollator = new Intl.Collator('en-GB');

export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly kms: number[] = [];

  /** `nameBefore(i, j)` (i's name sorts before j's) breaks exact ties alphabetically, so equal results come out in a stable order. */
  constructor(
    private readonly k: number,
    private readonly nameBefore: (i: number, j: number) => boolean,
  ) {}

  /** Offers candidate `i`; `km` is Infinity when it has no distance. */
  add(i: number, score: number, km: number): void {
    const size = this.ids.length;
    // Most candidates fall here on one comparison once the window is full.
    if (size === this.k && !this.before(i, score, km, size - 1)) return;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(i, score, km, mid)) hi = mid;
      else lo = mid + 1;
    }
    this.ids.splice(lo, 0, i);
    this.scores.splice(lo, 0, score);
    this.kms.splice(lo, 0, km);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
      this.kms.pop();
    }
  }

  /** Best first: higher score, then nearer, then name. */
  entries(): { i: number; score: number; km: number }[] {
    return this.ids.map((i, j) => ({ i, score: this.scores[j] as number, km: this.kms[j] as number }));
  }

  private before(i: number, score: number, km: number, j: number): boolean {
    const s = this.scores[j] as number;
    if (score !== s) return score > s;
    const d = this.kms[j] as number;
    if (km !== d) return km < d;
    return this.nameBefore(i, this.ids[j] as number);
  }
}
