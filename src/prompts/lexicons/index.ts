/**
 * The default lexicons, one JSON file per need (file name = need id), read
 * line by line in docs/prompts.md ("Lexicons"). Imported statically so the
 * bundle needs no file access; validated by the test suite
 * (test/prompts/lexicons-meta.test.ts runs every file through parseLexicon), not
 * at load, so the schema library stays out of the content script.
 */
import type { Lexicon } from '../lexicon';
import activity from './activity.json';
import caring from './caring.json';
import digital from './digital.json';
import family from './family.json';
import food from './food.json';
import fuel from './fuel.json';
import housing from './housing.json';
import legal from './legal.json';
import loneliness from './loneliness.json';
import longTermCondition from './long-term-condition.json';
import mentalWellbeing from './mental-wellbeing.json';
import money from './money.json';
import safety from './safety.json';
import substances from './substances.json';
import transport from './transport.json';
import work from './work.json';

/** Every default lexicon file as written, keyed by need id. */
export const DEFAULT_LEXICON_FILES: Readonly<Record<string, unknown>> = {
  activity,
  caring,
  digital,
  family,
  food,
  fuel,
  housing,
  legal,
  loneliness,
  'long-term-condition': longTermCondition,
  'mental-wellbeing': mentalWellbeing,
  money,
  safety,
  substances,
  transport,
  work,
};

/** The default lexicons by need id. */
export const DEFAULT_LEXICONS: ReadonlyMap<string, Lexicon> = new Map(
  Object.entries(DEFAULT_LEXICON_FILES).map(([need, file]) => {
    const raw = file as Partial<Lexicon>;
    const lexicon: Lexicon = {
      need: need as Lexicon['need'],
      signals: raw.signals ?? {},
      hints: raw.hints ?? {},
      pairs: raw.pairs ?? {},
      pairWindow: raw.pairWindow ?? 0,
      anyPerson: raw.anyPerson ?? [],
      otherSexAgent: raw.otherSexAgent ?? [],
      ignore: raw.ignore ?? [],
      answeredNo: raw.answeredNo ?? [],
      notThisNeed: raw.notThisNeed ?? [],
      met: raw.met ?? [],
    };
    return [need, lexicon];
  }),
);
