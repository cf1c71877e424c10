/** Messages about prompts: a patient's dismissals and snoozes, and anonymous prompt events. */
import type { LinksDatabase } from '../../db/database';
import type { HandlerGroup } from '../handler-group';
import type { PatientKeys } from '../privacy/patient-keys';
import { promptAction, suppressionsFor } from './suppressions';

export function promptHandlers(db: LinksDatabase, keys: PatientKeys): HandlerGroup<'patient.suppressions' | 'prompt.act'> {
  return {
    'patient.suppressions': ({ patientKey }) => suppressionsFor(db, keys, patientKey),
    'prompt.act': (input) => promptAction(db, keys, input),
  };
}
