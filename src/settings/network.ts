/**
 * The addresses the background itself fetches for a practice: the referral
 * destination and the directory sources. A browser extension may only fetch
 * another site without that site's CORS consent when the user has allowed the
 * extension access to it, so each of these needs the browser's permission
 * (asked in the options page), exactly like the clinical-record sites.
 */
import type { Settings } from './schema';

/** `https://clp.example.scot/fhir/R4` -> `https://clp.example.scot`; undefined for anything that is not a web address. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The browser's match pattern for every page of a site: `https://ehr.example.scot/*`.
 * Match patterns carry no port (Firefox refuses one; a host's permission covers all its ports),
 * so `http://127.0.0.1:4173` becomes `http://127.0.0.1/*`.
 */
export function originPattern(origin: string): string {
  try {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return `${origin.replace(/\/+$/, '')}/*`;
  }
}

export interface NetworkOrigins {
  /** Where referrals are sent (FHIR server or webhook) and, when it signs in with OAuth, its token endpoint; empty for email and print. */
  destination: string[];
  /** Where directory sources are downloaded from. */
  directory: string[];
}

export function networkOrigins(settings: Pick<Settings, 'destination' | 'directorySources'>): NetworkOrigins {
  const d = settings.destination;
  const destinationUrl = d.kind === 'fhir' ? d.baseUrl : d.kind === 'webhook' ? d.url : undefined;
  const tokenUrl = (d.kind === 'fhir' || d.kind === 'webhook') && d.auth && 'tokenUrl' in d.auth ? d.auth.tokenUrl : undefined;
  const destination = new Set([destinationUrl, tokenUrl].map((u) => (u ? originOf(u) : undefined)).filter((o): o is string => o !== undefined));
  const directory = new Set<string>();
  for (const source of settings.directorySources) {
    const origin = source.url ? originOf(source.url) : undefined;
    if (origin) directory.add(origin);
  }
  return { destination: [...destination], directory: [...directory] };
}
