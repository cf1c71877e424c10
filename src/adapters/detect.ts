import type { PatientContext } from '../context/patient-context';
import { BUILTIN_ADAPTERS } from './builtin/index';
import type { Detection } from './detection';
import { adapterDetection } from './extract';
import { genericDetection } from './generic/detect-generic';
import type { SiteAdapter } from './schema';
import { matchesAnyUrl } from './url-match';

export { matchesUrl } from './url-match';

/**
 * What this page shows: the patient, or why not (issue #13). First any adapter
 * whose URL patterns match, then the generic detector. An adapter that finds
 * the identifier contradicted by the details beside it ends the search with
 * `check: true`: the generic detector is not asked to guess instead.
 * Never throws.
 */
export function detect(doc: Document, url: string, adapters: SiteAdapter[] = BUILTIN_ADAPTERS, now: Date = new Date()): Detection {
  for (let i = 0; i < adapters.length; i++) {
    const adapter = adapters[i];
    if (!adapter || !matchesAnyUrl(adapter.urlPatterns, url)) continue;
    try {
      const result = adapterDetection(doc, url, adapter, now);
      if (result) return result;
    } catch {
      // A broken adapter must not hide the patient: fall through to the next one.
    }
  }
  return genericDetection(doc, now, url);
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
