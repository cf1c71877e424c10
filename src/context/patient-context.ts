/**
 * What the sidebar knows about the patient on screen. Every part (prompts,
 * directory, referral, tests) reads this one shape. Built by src/adapters from
 * the page; never stored in clear outside a referral the user chose to send.
 */
export type Sex = 'female' | 'male' | 'unknown';

/** Consultation: a single-patient record screen. Other kinds never show a sidebar. */
export type PageKind = 'consultation' | 'summary' | 'unknown';

export interface Problem {
  term: string;
  /** SNOMED CT or Read code when the page shows one. */
  code?: string;
}

export interface PatientContext {
  name?: string;
  /** ISO yyyy-mm-dd. */
  birthDate?: string;
  /** Whole years at the time of detection. */
  age?: number;
  sex: Sex;
  /** 10 digits, validated. */
  chi?: string;
  /** 10 digits, validated. */
  nhsNumber?: string;
  /** Normalised, e.g. `G31 4QT`. */
  postcode?: string;
  address?: string;
  phone?: string;
  problems: Problem[];
  medicationCount?: number;
  /** The consultation notes text as typed. */
  notes: string;
  pageKind: PageKind;
  source: PatientSource;
}

/** Patient details the sidebar shows, which the match badge vouches for (or not). */
export type ConfirmableField = 'name' | 'birthDate' | 'age' | 'sex' | 'postcode' | 'address' | 'phone';

/** Where the context came from, and how far the sidebar may vouch for it (issue #13). */
export interface PatientSource {
  /** Adapter id, or "generic". */
  adapter: string;
  confidence: number;
  /**
   * True when every detail shown came from the patient banner and agreed with
   * the identifier (date of birth, sex, age): the badge may say "matched to the
   * record on screen". False, or absent from older producers: it may not.
   */
  confirmed?: boolean;
  /** Details shown (or refused) that could not be confirmed, e.g. a date of birth worked out from the CHI alone. */
  unconfirmed?: ConfirmableField[];
}

/** The identifier that says who this is: CHI first (Scotland), then NHS number. */
export function patientKey(ctx: Pick<PatientContext, 'chi' | 'nhsNumber'>): string | undefined {
  if (ctx.chi) return `chi:${ctx.chi}`;
  if (ctx.nhsNumber) return `nhs:${ctx.nhsNumber}`;
  return undefined;
}

/** Last four digits of the identifier, for the "whose context is this" banner. */
export function identifierTail(ctx: Pick<PatientContext, 'chi' | 'nhsNumber'>): string {
  const id = ctx.chi ?? ctx.nhsNumber ?? '';
  return id.slice(-4);
}
