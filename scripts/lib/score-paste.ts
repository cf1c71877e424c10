/**
 * Scores standalone mode's reader of pasted desktop-record text (issue #17) on a
 * corpus written by people who had not read the code (test/fixtures/paste,
 * README.md there): per field, whether what was read is the patient's; per
 * refusal, whether an ambiguous paste was refused; and, above all, whether
 * anything another person owns (a next of kin's name, the practice postcode)
 * ever appeared beside the patient's number. Pure: the reader is passed in.
 */
import { normalisePostcode } from '../../src/context/postcode';
import type { StandaloneInput, StandaloneRead } from '../../src/ui/panel/standalone-read';
import { checkTypedId } from '../../src/ui/panel/typed-id';
import { promptWordsOnly } from '../../src/prompts/prompt-words';
import { oldDatesOut } from '../../src/adapters/paste/read-pasted';

export interface PasteCase {
  id: string;
  system: string;
  kind: string;
  typed: string;
  typedPostcode?: string;
  pasted?: string;
  expect: { ok: boolean; name?: string; birthDate?: string; sex?: 'female' | 'male'; postcode?: string; notesInclude?: string[] };
  forbid?: string[];
  comment?: string;
}

/** The day each half was written: ages shown beside dates of birth are as of that day (test/fixtures/paste/README.md). */
export const PASTE_AS_OF: Readonly<Record<string, Date>> = {
  dev: new Date('2026-12-03T10:00:00Z'),
  dev2: new Date('2026-12-03T10:00:00Z'),
  heldout: new Date('2025-10-20T10:00:00Z'),
  dev3: new Date('2026-12-06T10:00:00Z'),
  dev4: new Date('2026-12-06T10:00:00Z'),
  heldout2: new Date('2026-12-06T10:00:00Z'),
  review32: new Date('2026-12-06T10:00:00Z'),
  review32b: new Date('2026-12-06T10:00:00Z'),
  heldout3: new Date('2026-12-06T10:00:00Z'),
  heldout4: new Date('2026-12-06T10:00:00Z'),
  dev5: new Date('2026-12-06T10:00:00Z'),
  review33: new Date('2026-12-06T10:00:00Z'),
  review32c: new Date('2026-12-06T10:00:00Z'),
  heldout5: new Date('2026-12-06T10:00:00Z'),
  heldout6: new Date('2026-12-06T10:00:00Z'),
  review34p: new Date('2026-12-06T10:00:00Z'),
  review34q: new Date('2026-12-06T10:00:00Z'),
  heldout7: new Date('2026-12-06T10:00:00Z'),
  review35p: new Date('2026-12-06T10:00:00Z'),
  heldout8: new Date('2026-12-06T10:00:00Z'),
  review35q: new Date('2026-12-06T10:00:00Z'),
  review35r: new Date('2026-12-06T10:00:00Z'),
  heldout9: new Date('2025-11-21T10:00:00Z'),
  review36: new Date('2026-12-06T10:00:00Z'),
  dev6: new Date('2026-12-06T10:00:00Z'),
  dev7: new Date('2025-12-06T10:00:00Z'),
  review37: new Date('2026-12-06T10:00:00Z'),
  review37b: new Date('2026-12-06T10:00:00Z'),
  review38: new Date('2026-12-06T10:00:00Z'),
  review38b: new Date('2026-12-06T10:00:00Z'),
  review38c: new Date('2026-12-06T10:00:00Z'),
  review38d: new Date('2026-12-06T10:00:00Z'),
  review38e: new Date('2026-12-06T10:00:00Z'),
  review38f: new Date('2026-12-06T10:00:00Z'),
  review38g: new Date('2026-12-06T10:00:00Z'),
  review39: new Date('2026-12-06T10:00:00Z'),
  review39b: new Date('2026-12-06T10:00:00Z'),
  review39c: new Date('2026-12-06T10:00:00Z'),
  review39d: new Date('2026-12-06T10:00:00Z'),
  review39e: new Date('2026-12-06T10:00:00Z'),
  review39f: new Date('2026-12-06T10:00:00Z'),
  review39g: new Date('2026-12-06T10:00:00Z'),
  review39h: new Date('2026-12-06T10:00:00Z'),
  review39i: new Date('2026-12-06T10:00:00Z'),
  heldout10: new Date('2026-12-07T10:00:00Z'),
  heldout11: new Date('2026-12-06T10:00:00Z'),
};

export const FIELDS = ['name', 'birthDate', 'sex', 'postcode', 'notes'] as const;
export type Field = (typeof FIELDS)[number];

export interface CaseResult {
  item: PasteCase;
  /** The reader's answer (undefined when the typed number itself was refused). */
  read: StandaloneRead | undefined;
  outcome: 'read' | 'refused' | 'wrongly-refused' | 'wrongly-read';
  /** Fields read wrong (or read when the text has none), with what was read. */
  wrong: { field: Field; expected: string | undefined; got: string | undefined }[];
  /** Forbidden strings that appeared in what was read: another person's details beside the patient. */
  leaked: string[];
}

export interface PasteScore {
  items: CaseResult[];
  /** Cases to be read: read / refused. */
  shouldRead: { total: number; read: number };
  /** Cases to be refused: refused / read. */
  shouldRefuse: { total: number; refused: number };
  /** Per field, over cases read that should be: right / checked. */
  fields: Record<Field, { right: number; checked: number }>;
  /** Cases where another person's details were shown (must be 0). */
  leaks: number;
  /** Cases whose typed number the tool refused (a corpus error when the spec was followed). */
  badTyped: string[];
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'rev', 'prof', 'sir', 'master']);
/** A name as a set of lower-case words, titles left out: "SMITH, Jane (Mrs)" and "Jane Smith" are the same name. */
export function nameWords(name: string | undefined): string {
  if (!name) return '';
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^a-z-]+/)
    .flatMap((w) => w.split('-'))
    .filter((w) => w && !TITLES.has(w));
  return [...new Set(words)].sort().join(' ');
}

const postcodeKey = (s: string): string => normalisePostcode(s) ?? s.toUpperCase().replace(/\s+/g, '');
/**
 * The same person's name: every word of the expected name, and at most two more (a middle name, a preferred name
 * in brackets, which the writers' labels leave out); a word that is not in the expected name beyond that is a misreading.
 */
export function sameName(expected: string, got: string): boolean {
  const want = nameWords(expected).split(' ');
  const have = new Set(nameWords(got).split(' '));
  return want.every((w) => have.has(w)) && have.size - want.length <= 2;
}
const squash = (s: string): string => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();

export function scorePaste(items: PasteCase[], reader: (input: StandaloneInput) => StandaloneRead, now: Date): PasteScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, checked: 0 }])) as PasteScore['fields'];
  const score: PasteScore = { items: [], shouldRead: { total: 0, read: 0 }, shouldRefuse: { total: 0, refused: 0 }, fields, leaks: 0, badTyped: [] };
  for (const item of items) {
    const typed = checkTypedId(item.typed, now);
    if (!typed.ok) {
      score.badTyped.push(item.id);
      continue;
    }
    const input: StandaloneInput = { id: typed.id, ...(item.typedPostcode ? { postcode: item.typedPostcode } : {}), ...(item.pasted ? { pasted: item.pasted } : {}) };
    const read = reader(input);
    const result: CaseResult = { item, read, outcome: 'read', wrong: [], leaked: [] };
    if (read.ok) {
      const shown = squash(`${JSON.stringify(read.patient)} ${read.read.join(' ')}`);
      result.leaked = (item.forbid ?? []).filter((f) => f.trim() && shown.includes(squash(f)));
    }
    if (result.leaked.length > 0) score.leaks += 1;
    if (!item.expect.ok) {
      score.shouldRefuse.total += 1;
      if (read.ok) result.outcome = 'wrongly-read';
      else {
        result.outcome = 'refused';
        score.shouldRefuse.refused += 1;
      }
    } else {
      score.shouldRead.total += 1;
      if (!read.ok) result.outcome = 'wrongly-refused';
      else {
        score.shouldRead.read += 1;
        const p = read.patient;
        const check = (field: Field, expected: string | undefined, got: string | undefined, same: (a: string, b: string) => boolean) => {
          // A field the text does not have is checked too when something was read for it: it can only be a misreading.
          if (expected === undefined && got === undefined) return;
          fields[field].checked += 1;
          if (expected !== undefined && got !== undefined && same(expected, got)) fields[field].right += 1;
          else result.wrong.push({ field, expected, got });
        };
        check('name', item.expect.name, p.name, sameName);
        // The CHI encodes the date of birth and sex: without them in the text, the reader still knows both.
        if (item.expect.birthDate !== undefined) check('birthDate', item.expect.birthDate, p.birthDate, (a, b) => a === b);
        if (item.expect.sex !== undefined) check('sex', item.expect.sex, p.sex === 'unknown' ? undefined : p.sex, (a, b) => a === b);
        check('postcode', item.expect.postcode, p.postcode, (a, b) => postcodeKey(a) === postcodeKey(b));
        // The notes keep only the words the prompts can read (src/prompts/prompt-words.ts, ADR 0013): a phrase counts
        // when those of its words reach the notes, in order, with "…" where the others were.
        // (Its whole dates too, as the notes write them: "from 14/10/23" is "from '23".)
        // A phrase counts when the notes hold its prompt-readable words, or the phrase itself as written: the notes judge
        // a word by the words around it ("landlord bill £850" keeps its bill, "landlord bill" alone would not), so the
        // phrase reduced on its own can differ from the same words in the notes (thirty-eighth session).
        for (const phrase of item.expect.notesInclude ?? []) {
          check('notes', phrase, p.notes ?? '', (a, b) => {
            const expected = oldDatesOut(a, now, p.birthDate);
            const notes = squash(b);
            return notes.includes(squash(promptWordsOnly(expected))) || notes.includes(squash(expected));
          });
        }
      }
    }
    score.items.push(result);
  }
  return score;
}

export const ratio = (right: number, total: number): number | undefined => (total === 0 ? undefined : right / total);
