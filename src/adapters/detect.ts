import type { PatientContext } from '../context/patient-context';
import { BUILTIN_ADAPTERS } from './builtin/index';
import type { Detection } from './detection';
import { detectWith } from './detect-with';
import { GENERIC_READER } from './generic/reader';
import type { SiteAdapter } from './schema';

export { matchesUrl } from './url-match';

/**
 * What this page shows: the patient, or why not (issue #13). First any adapter
 * whose URL patterns match, then the generic detector (src/adapters/detect-with.ts).
 * Never throws.
 */
export function detect(doc: Document, url: string, adapters: SiteAdapter[] = BUILTIN_ADAPTERS, now: Date = new Date()): Detection {
  return detectWith(GENERIC_READER, doc, url, adapters, now);
}

/**
 * The patient on this page: first any adapter whose URL patterns match, then
 * the generic detector. Null when no single valid identifier is clearly the
 * banner's, or when the details on screen contradict it. Never throws.
 */
export function detectPatient(doc: Document, url: string, adapters: SiteAdapter[] = BUILTIN_ADAPTERS, now: Date = new Date()): PatientContext | null {
  const result = detect(doc, url, adapters, now);
  return 'context' in result ? result.context : null;
}
