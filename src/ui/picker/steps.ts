/** The picker's steps, in the order a practice manager is asked for them. */
export interface PickStep {
  key: 'name' | 'birthDate' | 'identifier' | 'postcode' | 'address' | 'phone' | 'problems' | 'notes';
  /** How the thing is named in messages ("date of birth"). */
  label: string;
  /** The instruction shown in the panel. */
  ask: string;
  required?: boolean;
}

export type StepKey = PickStep['key'];

export const PICK_STEPS = [
  { key: 'name', label: "patient's name", ask: "Click the patient's name in the banner." },
  { key: 'birthDate', label: 'date of birth', ask: 'Click the date of birth.' },
  { key: 'identifier', label: 'CHI or NHS number', ask: 'Click the CHI number (or the NHS number). This one is needed.', required: true },
  { key: 'postcode', label: 'postcode', ask: 'Click the postcode (it may be the end of the address).' },
  { key: 'address', label: 'address', ask: 'Click the address.' },
  { key: 'phone', label: 'phone number', ask: 'Click the phone number.' },
  { key: 'problems', label: 'problem list', ask: 'Click one problem in the problem list; the others are found from it.' },
  { key: 'notes', label: 'consultation notes box', ask: 'Click the box where the consultation notes are typed.' },
] as const satisfies readonly PickStep[];
