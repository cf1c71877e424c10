/** Messages about prompts: a patient's dismissals and snoozes, and anonymous prompt events. */
import type { LinksDatabase } from '../../db/database';
import type { HandlerGroup } from '../handler-group';
import type { PatientKeys } from '../privacy/patient-keys';
import { promptAction, suppressionsFor } from './suppressions';
import type { DeprivationStore } from './deprivation';
import type { Uploads } from '../directory/uploads';

export function promptHandlers(
  db: LinksDatabase,
  keys: PatientKeys,
  deprivation: DeprivationStore,
  uploads: Uploads,
): HandlerGroup<'patient.suppressions' | 'prompt.act' | 'prompts.importDataZones' | 'prompts.deprivation' | 'prompts.dataZonesStatus'> {
  return {
    'prompts.importDataZones': (input) => deprivation.importLookup(input.text ?? uploads.take(input.uploadId ?? '')),
    'prompts.deprivation': async ({ postcode }) => {
      const simdDecile = await deprivation.decileOf(postcode);
      return simdDecile === undefined ? {} : { simdDecile };
    },
    'prompts.dataZonesStatus': async () => ({ postcodes: await deprivation.size() }),
    'patient.suppressions': ({ patientKey }) => suppressionsFor(db, keys, patientKey),
    'prompt.act': (input) => promptAction(db, keys, input),
  };
}
