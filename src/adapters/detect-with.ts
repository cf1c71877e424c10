/**
 * Detection with the generic detector passed in (or not yet loaded). The
 * content script starts without it on pages an adapter covers; `detect`
 * (src/adapters/detect.ts) always passes it.
 */
import { BUILTIN_ADAPTERS } from './builtin/index';
import type { Detection } from './detection';
import { adapterDetection } from './extract';
import type { GenericReader } from './generic/reader';
import type { SiteAdapter } from './schema';
import { matchesAnyUrl } from './url-match';

/** The `source` of a decline that only means "the generic detector is not loaded yet". */
export const GENERIC_NOT_LOADED = 'generic-not-loaded';

/**
 * What this page shows: the patient, or why not (issue #13). First any adapter
 * whose URL patterns match, then the generic detector. An adapter that finds
 * the identifier contradicted by the details beside it ends the search with
 * `check: true`: the generic detector is not asked to guess instead.
 * Never throws.
 */
export function detectWith(generic: GenericReader | undefined, doc: Document, url: string, adapters: SiteAdapter[] = BUILTIN_ADAPTERS, now: Date = new Date()): Detection {
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
  return generic ? generic.detection(doc, now, url) : { declined: 'no-identifier', source: GENERIC_NOT_LOADED };
}
