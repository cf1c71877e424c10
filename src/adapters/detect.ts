import type { PatientContext } from '../context/patient-context';
import { BUILTIN_ADAPTERS } from './builtin/index';
import { extractWithAdapter } from './extract';
import { detectGeneric } from './generic/detect-generic';
import type { SiteAdapter } from './schema';
import { matchesAnyUrl } from './url-match';

export { matchesUrl } from './url-match';

/**
 * The patient on this page: first any adapter whose URL patterns match, then
 * the generic detector. Null when no single valid identifier is on screen.
 * Never throws.
 */
export function detectPatient(
  doc: Document,
  url: string,
  adapters: SiteAdapter[] = BUILTIN_ADAPTERS,
  now: Date = new Date(),
): PatientContext | null {
  for (let i = 0; i < adapters.length; i++) {
    const adapter = adapters[i];
    if (!adapter || !matchesAnyUrl(adapter.urlPatterns, url)) continue;
    try {
      const ctx = extractWithAdapter(doc, url, adapter, now);
      if (ctx) return ctx;
    } catch {
      // A broken adapter must not hide the patient: fall through to the next one.
    }
  }
  return detectGeneric(doc, now);
}
