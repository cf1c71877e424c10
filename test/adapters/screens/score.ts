// Scoring a detection against a screen's expectation. Pure: the same rules
// for happy-dom and for a real-browser run of the built extension.
import type { PatientContext } from '../../../src/context/patient-context';
import type { ScreenExpect } from './corpus';

export type Verdict = 'pass' | 'partial' | 'declined' | 'unsafe';
export const VERDICTS: Verdict[] = ['pass', 'partial', 'declined', 'unsafe'];

export interface Score {
  verdict: Verdict;
  /** What was wrong or missing, in words (empty on a pass). */
  problems: string[];
}

const digits = (s: string | undefined): string => (s ?? '').replace(/\D+/g, '');
const words = (s: string | undefined): string[] => (s ?? '').toLowerCase().match(/[a-z]+(?:['-][a-z]+)*/g) ?? [];
const squash = (s: string | undefined): string => (s ?? '').toUpperCase().replace(/\s+/g, '');
const flat = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master', 'rev', 'prof', 'sir', 'dame', 'nurse']);

/** Every word of `name` but its titles among the words of `text` ("Fiona Docherty" in "Mrs Fiona DOCHERTY"). */
function holdsName(text: string | undefined, name: string): boolean {
  const have = new Set(words(text));
  const want = words(name).filter((w) => !TITLES.has(w));
  return want.length > 0 && want.every((w) => have.has(w));
}

/**
 * Another person's name in the context. A forbidden name that is no more than
 * the patient's own surname ("Mr Kerr", the son of Mrs Isobel Kerr) cannot be
 * told apart from the patient's name by its words, so it is not counted.
 */
function holdsOtherName(text: string | undefined, name: string, e: ScreenExpect): boolean {
  const own = new Set(words(`${e.name?.given ?? ''} ${e.name?.family ?? ''}`));
  const want = words(name).filter((w) => !TITLES.has(w));
  if (want.every((w) => own.has(w))) return false;
  return holdsName(text, name);
}

/** Another person's details anywhere in the identity fields the sidebar shows or sends. */
function forbiddenFound(ctx: PatientContext, e: ScreenExpect): string[] {
  const f = e.forbidden ?? {};
  const found: string[] = [];
  for (const id of f.identifiers ?? []) if (ctx.chi === id || ctx.nhsNumber === id) found.push(`identifier ${id}`);
  for (const name of f.names ?? []) if (holdsOtherName(ctx.name, name, e) || holdsOtherName(ctx.address, name, e)) found.push(`name ${name}`);
  for (const pc of f.postcodes ?? []) if (squash(ctx.postcode) === squash(pc) || squash(ctx.address).includes(squash(pc))) found.push(`postcode ${pc}`);
  for (const date of f.birthDates ?? []) if (ctx.birthDate === date) found.push(`birth date ${date}`);
  for (const phone of f.phones ?? []) {
    const d = digits(phone);
    if (digits(ctx.phone) === d || digits(ctx.address).includes(d)) found.push(`phone ${phone}`);
  }
  return found;
}

/** The expected fields that are missing or wrong. */
function fieldProblems(ctx: PatientContext, e: ScreenExpect): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string, got: unknown): void => {
    if (!ok) out.push(`${what}: got ${JSON.stringify(got)}`);
  };
  if (e.identifier?.chi) check(ctx.chi === e.identifier.chi, 'chi', ctx.chi);
  if (e.identifier?.nhs) check(ctx.nhsNumber === e.identifier.nhs, 'nhs', ctx.nhsNumber);
  // A null name, date, age or note phrase (a "none" screen's way of saying so) checks nothing.
  if (e.name) {
    const want = [e.name.family, e.name.given].filter((x): x is string => !!x).join(' ');
    check(holdsName(ctx.name, want), `name ${want}`, ctx.name);
  }
  if (e.birthDate !== undefined && e.birthDate !== null) check(ctx.birthDate === e.birthDate, 'birthDate', ctx.birthDate);
  if (e.age !== undefined && e.age !== null) check(ctx.age === e.age, 'age', ctx.age);
  if (e.sex !== undefined) check(ctx.sex === e.sex, 'sex', ctx.sex);
  if (e.postcode === null) check(ctx.postcode === undefined, 'postcode (none on screen)', ctx.postcode);
  else if (e.postcode !== undefined) check(squash(ctx.postcode) === squash(e.postcode), 'postcode', ctx.postcode);
  if (e.phone === undefined || e.phone === null) check(ctx.phone === undefined, 'phone (none on screen)', ctx.phone);
  else check(digits(ctx.phone) === digits(e.phone), 'phone', ctx.phone);
  if (e.problem === null) check(ctx.problems.length === 0, 'problems (none on screen)', ctx.problems.map((p) => p.term));
  else if (e.problem !== undefined) {
    const want = flat(e.problem);
    check(ctx.problems.some((p) => flat(p.term).includes(want)), `problem ${e.problem}`, ctx.problems.map((p) => p.term));
  }
  if (e.medicationCount === null) check(!ctx.medicationCount, 'medicationCount (no list)', ctx.medicationCount);
  else if (e.medicationCount !== undefined) check(ctx.medicationCount === e.medicationCount, 'medicationCount', ctx.medicationCount);
  if (e.notePhrase !== undefined && e.notePhrase !== null) check(flat(ctx.notes).includes(flat(e.notePhrase)), `notes "${e.notePhrase}"`, ctx.notes.slice(0, 60));
  return out;
}

/**
 * pass: every given field right and nothing forbidden; partial: nothing
 * forbidden, some field missing or wrong; declined: no patient where one was
 * expected; unsafe: another person's detail shown, or a patient on a "none" screen.
 */
export function scoreScreen(e: ScreenExpect, ctx: PatientContext | null): Score {
  if (!ctx) return e.expect === 'none' ? { verdict: 'pass', problems: [] } : { verdict: 'declined', problems: ['no patient'] };
  const unsafe = forbiddenFound(ctx, e);
  if (e.expect === 'none') unsafe.unshift(`a patient (${ctx.chi ?? ctx.nhsNumber ?? '?'}) on a screen with none`);
  if (unsafe.length > 0) return { verdict: 'unsafe', problems: unsafe };
  const problems = fieldProblems(ctx, e);
  return { verdict: problems.length === 0 ? 'pass' : 'partial', problems };
}

export type Tally = Record<Verdict, number>;

export function tally(scores: Score[]): Tally {
  const t: Tally = { pass: 0, partial: 0, declined: 0, unsafe: 0 };
  for (const s of scores) t[s.verdict]++;
  return t;
}

/** A plain-text table: one row per corpus half. */
export function summaryTable(rows: [label: string, t: Tally][]): string {
  const head = ['corpus', ...VERDICTS, 'total'];
  const lines = [head, ...rows.map(([label, t]) => [label, ...VERDICTS.map((v) => String(t[v])), String(VERDICTS.reduce((n, v) => n + t[v], 0))])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')).join('\n');
}
