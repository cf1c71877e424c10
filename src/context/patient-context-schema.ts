/**
 * The PatientContext as a valibot schema, for the places where a context
 * crosses a boundary (a referral draft sent by an extension page, a context
 * pushed by a content script to a panel). Kept beside the type it checks
 * (issue #12: validate at every boundary, including our own).
 */
import * as v from 'valibot';
import { isValidChi, isValidNhsNumber } from './identifiers';
import type { PatientContext } from './patient-context';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const ProblemSchema = v.object({ term: text(300), code: v.optional(text(40)) });

export const PatientContextSchema = v.object({
  name: v.optional(text(200)),
  birthDate: v.optional(v.pipe(v.string(), v.isoDate())),
  age: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(130))),
  sex: v.picklist(['female', 'male', 'unknown']),
  chi: v.optional(v.pipe(v.string(), v.check(isValidChi, 'The CHI number fails its check digit.'))),
  nhsNumber: v.optional(v.pipe(v.string(), v.check(isValidNhsNumber, 'The NHS number fails its check digit.'))),
  postcode: v.optional(text(10)),
  address: v.optional(text(400)),
  phone: v.optional(text(40)),
  problems: v.pipe(v.array(ProblemSchema), v.maxLength(500)),
  medicationCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  notes: text(200_000),
  pageKind: v.picklist(['consultation', 'summary', 'unknown']),
  source: v.object({
    adapter: text(80),
    confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    confirmed: v.optional(v.boolean()),
    unconfirmed: v.optional(v.pipe(v.array(v.picklist(['name', 'birthDate', 'age', 'sex', 'postcode', 'address', 'phone'])), v.maxLength(7))),
  }),
});

// Compile-time guard: what the schema accepts is a PatientContext.
const _same: (x: v.InferOutput<typeof PatientContextSchema>) => PatientContext = (x) => x;
void _same;
