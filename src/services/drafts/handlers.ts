/** Messages about referral drafts (saved as the clinician types). */
import type { LinksDatabase } from '../../db/database';
import type { HandlerGroup } from '../handler-group';
import type { PatientKeys } from '../privacy/patient-keys';
import { discardDraft, getDraft, saveDraft } from './store';

export function draftHandlers(db: LinksDatabase, keys: PatientKeys): HandlerGroup<'draft.get' | 'draft.save' | 'draft.discard'> {
  return {
    'draft.get': ({ patientKey }) => getDraft(db, keys, patientKey),
    'draft.save': ({ patientKey, draft }) => saveDraft(db, keys, patientKey, draft),
    'draft.discard': ({ patientKey }) => discardDraft(db, keys, patientKey),
  };
}
