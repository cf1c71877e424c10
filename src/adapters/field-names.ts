/**
 * The patient fields an adapter can read, in reading order. Kept apart from
 * schema.ts so the content script, which reads pages but never validates an
 * adapter (the background does), carries no schema library.
 */
export const FIELD_NAMES = ['name', 'birthDate', 'sex', 'chi', 'nhsNumber', 'postcode', 'address', 'phone'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
