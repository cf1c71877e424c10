/**
 * Full-text side of the directory index, on MiniSearch. Built on first use:
 * a cold sidebar that only asks "services for these needs near here" never
 * pays for it. Indexes a compact field set (description cut to its opening)
 * to keep build time and memory down at 100k services.
 */
import MiniSearch from 'minisearch';
import type { Resource } from './resource';

interface TextDoc {
  i: number;
  /** Name, organisation and categories: the words that say what a service is. */
  title: string;
  desc: string;
}

/** Characters of description indexed; the opening says what a service is. */
export const DESCRIPTION_CHARS = 120;

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase().replace(/['’]/g, '');
  return t.length > 1 ? t : null;
};

export class TextIndex {
  private search?: MiniSearch<TextDoc>;

  constructor(private readonly resources: readonly Resource[]) {}

  /** Whether the MiniSearch index has been built yet. */
  get built(): boolean {
    return this.search !== undefined;
  }

  /** Builds the MiniSearch index now (normally done lazily on first query). */
  build(): void {
    if (this.search) return;
    const ms = new MiniSearch<TextDoc>({
      idField: 'i',
      // Two fields, not four: MiniSearch's query cost grows with fields per hit.
      fields: ['title', 'desc'],
      processTerm,
      searchOptions: { processTerm },
    });
    ms.addAll(
      this.resources.map((r, i) => ({
        i,
        title: `${r.name} ${r.organisation ?? ''} ${r.categories.join(' ')}`,
        desc: r.description.slice(0, DESCRIPTION_CHARS),
      })),
    );
    this.search = ms;
  }

  /**
   * Scores 0..1 (relative to the best hit) by position in the resource list.
   * Typed words are fuzzy and prefix-matched; synonym terms are matched as given.
   */
  query(typed: string[], extra: string[]): Map<number, number> {
    this.build();
    const out = new Map<number, number>();
    const ms = this.search;
    if (!ms || (typed.length === 0 && extra.length === 0)) return out;
    const options = {
      boost: { title: 3, desc: 1 },
      combineWith: 'OR' as const,
      weights: { fuzzy: 0.3, prefix: 0.5 },
    };
    const hits = ms.search(
      {
        combineWith: 'OR',
        queries: [
          { queries: typed, fuzzy: (t: string) => (t.length > 4 ? 0.2 : false), prefix: (t: string) => t.length > 2 },
          { queries: extra, prefix: false, fuzzy: false },
        ].filter((q) => q.queries.length > 0),
      },
      options,
    );
    const best = hits[0]?.score ?? 1;
    for (const hit of hits) out.set(Number(hit.id), hit.score / best);
    return out;
  }
}
