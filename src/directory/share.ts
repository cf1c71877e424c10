/**
 * Text for sharing a service with a patient (SMS/email) and the model of a
 * printable slip. Only the service's own details: never patient data.
 */
import type { Resource } from './resource';
import { safeWebsite } from './clean-text';

/** First sentence (or clause) of a description, at most `max` characters, ending cleanly. */
export function oneLine(description: string, max = 120): string {
  const flat = (typeof description === 'string' ? description : '').replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.5 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

const firstAddress = (r: Resource): string | undefined => {
  const l = r.locations.find((x) => x.address || x.postcode);
  if (!l) return undefined;
  if (l.address && l.postcode && !l.address.toUpperCase().includes(l.postcode.toUpperCase())) return `${l.address}, ${l.postcode}`;
  return l.address ?? l.postcode;
};

/** Short plain text for SMS or email: name, one line, phone, website, address (and distance if given). */
export function shareText(resource: Resource, distanceKm?: number): string {
  const lines = [resource.name];
  const line = oneLine(resource.description);
  if (line) lines.push(line);
  if (resource.phone) lines.push(`Phone: ${resource.phone}`);
  const web = safeWebsite(resource.website);
  if (web) lines.push(`Web: ${web}`);
  else if (resource.email) lines.push(`Email: ${resource.email}`);
  const address = firstAddress(resource);
  if (address) lines.push(`Address: ${address}${typeof distanceKm === 'number' && Number.isFinite(distanceKm) ? ` (about ${distanceKm < 1 ? 'under 1' : Math.round(distanceKm)} km away)` : ''}`);
  return lines.join('\n');
}

/** Fields of a printable, patient-friendly slip. Empty fields are omitted by the renderer. */
export interface SlipModel {
  title: string;
  organisation?: string;
  whatItIs: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  openingTimes?: string;
  howToGetHelp?: string;
  cost?: string;
  /** The URL to encode as a QR code (the website), when there is one. */
  qrUrl?: string;
}

const ACCESS_WORDS: Record<string, string> = {
  'self-referral': 'You can contact them yourself.',
  'professional-referral': 'Your GP practice or another professional can refer you.',
  'drop-in': 'You can drop in.',
  appointment: 'Phone first to make an appointment.',
};

/** Model for a printable slip in large plain text. */
export function slipModel(resource: Resource): SlipModel {
  const website = safeWebsite(resource.website);
  const how = resource.access.map((a) => ACCESS_WORDS[a]).filter(Boolean).join(' ');
  const slip: SlipModel = { title: resource.name, whatItIs: oneLine(resource.description, 200) };
  const optional: [keyof SlipModel, string | undefined][] = [
    ['organisation', resource.organisation !== resource.name ? resource.organisation : undefined],
    ['phone', resource.phone],
    ['email', resource.email],
    ['website', website],
    ['address', firstAddress(resource)],
    ['openingTimes', resource.openingTimes],
    ['howToGetHelp', how || undefined],
    ['cost', resource.cost],
    ['qrUrl', website],
  ];
  for (const [key, value] of optional) if (value) slip[key] = value;
  return slip;
}
