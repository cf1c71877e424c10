/**
 * Text for sharing a service with a patient (SMS/email) and the model of a
 * printable slip. Only the service's own details: never patient data.
 */
import type { Resource } from './resource';
import { safeWebsite } from './clean-text';
import { describeHours } from './hours/describe';
import { localNow } from './hours/local-day';
import { openingStatus, PRACTICE_TIME_ZONE } from './hours/opening-status';

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

/** Opening hours in words: the source's own, or the readable rules said plainly (for slips and messages, read later). */
export function hoursInWords(resource: Pick<Resource, 'openingTimes' | 'hours'>, today?: string): string | undefined {
  return resource.openingTimes ?? describeHours(resource.hours, today);
}

/** Languages, with interpretation when the source describes it: "Polish, Urdu (interpreters on request)". */
export function languagesInWords(resource: Pick<Resource, 'languages' | 'interpretation'>): string | undefined {
  const names = resource.languages?.join(', ');
  if (names && resource.interpretation) return `${names}. ${resource.interpretation}`;
  return names || resource.interpretation || undefined;
}

/**
 * Short plain text for SMS or email: name, "Temporarily closed" when it is,
 * one line, phone, website, address (and distance if given), and readable
 * opening hours and languages when the source gives them.
 */
export function shareText(resource: Resource, distanceKm?: number): string {
  const lines = [resource.name];
  if (resource.temporarilyClosed) lines.push('Temporarily closed: phone before you go.');
  const line = oneLine(resource.description);
  if (line) lines.push(line);
  if (resource.phone) lines.push(`Phone: ${resource.phone}`);
  const web = safeWebsite(resource.website);
  if (web) lines.push(`Web: ${web}`);
  else if (resource.email) lines.push(`Email: ${resource.email}`);
  const address = firstAddress(resource);
  if (address) lines.push(`Address: ${address}${typeof distanceKm === 'number' && Number.isFinite(distanceKm) ? ` (about ${distanceKm < 1 ? 'under 1' : Math.round(distanceKm)} km away)` : ''}`);
  // Only hours the rules can say briefly; a source's long description stays on the card.
  const hours = describeHours(resource.hours);
  if (hours) lines.push(`Opening times: ${hours}`);
  if (resource.languages?.length) lines.push(`Languages: ${resource.languages.join(', ')}`);
  return lines.join('\n');
}

/** Fields of a printable, patient-friendly slip. Empty fields are omitted by the renderer. */
export interface SlipModel {
  title: string;
  /** "Temporarily closed" when the source says so. */
  status?: string;
  organisation?: string;
  whatItIs: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  openingTimes?: string;
  /** On the day printed: "Tue 3 Mar: Open now · until 16:00" (only with readable hours and a print date). */
  today?: string;
  howToGetHelp?: string;
  cost?: string;
  languages?: string;
  accessibility?: string;
  /** Who the service is for (ALISS community groups). */
  whoFor?: string;
  /** The URL to encode as a QR code (the website), when there is one. */
  qrUrl?: string;
}

const ACCESS_WORDS: Record<string, string> = {
  'self-referral': 'You can contact them yourself.',
  'professional-referral': 'Your GP practice or another professional can refer you.',
  'drop-in': 'You can drop in.',
  appointment: 'Phone first to make an appointment.',
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Model for a printable slip in large plain text. With `printedAt`, the slip
 * also says how things stand that day ("Tue 3 Mar: Open now · until 16:00"),
 * in the practice's time zone.
 */
export function slipModel(resource: Resource, printedAt?: Date, timeZone: string = PRACTICE_TIME_ZONE): SlipModel {
  const website = safeWebsite(resource.website);
  const how = resource.access.map((a) => ACCESS_WORDS[a]).filter(Boolean).join(' ');
  const slip: SlipModel = { title: resource.name, whatItIs: oneLine(resource.description, 200) };
  let today: string | undefined;
  let todayKey: string | undefined;
  if (printedAt) {
    const status = openingStatus(resource, printedAt, timeZone);
    const day = localNow(printedAt, timeZone);
    todayKey = day.key;
    if (status.state !== 'unknown' && !resource.temporarilyClosed) today = `${WEEKDAYS[day.wd] ?? ''} ${day.d} ${MONTHS[day.m - 1] ?? ''}: ${status.text}`;
  }
  const optional: [keyof SlipModel, string | undefined][] = [
    ['status', resource.temporarilyClosed ? 'Temporarily closed' : undefined],
    ['organisation', resource.organisation !== resource.name ? resource.organisation : undefined],
    ['phone', resource.phone],
    ['email', resource.email],
    ['website', website],
    ['address', firstAddress(resource)],
    ['openingTimes', hoursInWords(resource, todayKey)],
    ['today', today],
    ['howToGetHelp', how || undefined],
    ['cost', resource.cost],
    ['languages', languagesInWords(resource)],
    ['accessibility', resource.accessibility],
    ['whoFor', resource.communityGroups?.join(', ')],
    ['qrUrl', website],
  ];
  for (const [key, value] of optional) if (value) slip[key] = value;
  return slip;
}
