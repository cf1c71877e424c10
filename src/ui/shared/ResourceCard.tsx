import { useState } from 'preact/hooks';
import type { SearchHit } from '../../messaging/protocol';
import { hoursInWords, languagesInWords, oneLine } from '../../directory/share';
import { openingStatus, PRACTICE_TIME_ZONE } from '../../directory/hours/opening-status';
import { localNow } from '../../directory/hours/local-day';
import { safeWebsite } from '../../directory/clean-text';
import { needLabel } from '../../prompts/needs';

const ACCESS_TEXT: Record<string, string> = {
  'self-referral': 'Self-referral',
  'professional-referral': 'Professional referral',
  'drop-in': 'Drop-in',
  appointment: 'By appointment',
  unknown: 'Contact them to ask how to access',
};

/** At most `max` characters, cut at a word, for a long description on a small card. */
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`);

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a clinician needs in seconds: name, whether it is open today, what it
 * offers, distance, how to access it, opening times, languages, access,
 * phone, website, the practice's note and staleness. Printing a slip or
 * copying text is a signposting event (recorded anonymously by the caller).
 * `now` and `timeZone` (the practice's) decide "Open now"; they default to
 * the current time in Europe/London.
 */
export function ResourceCard(props: {
  hit: SearchHit;
  onSlip: (hit: SearchHit) => void;
  onCopy: (hit: SearchHit) => void;
  now?: Date;
  timeZone?: string;
}) {
  const { resource, curation, distanceKm, stale } = props.hit;
  const [copied, setCopied] = useState<string | null>(null);
  const headingId = `res-${resource.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const now = props.now ?? new Date();
  const timeZone = props.timeZone ?? PRACTICE_TIME_ZONE;
  const opening = openingStatus(resource, now, timeZone);
  // The week's hours in words under today's line (rules that have run out are left out).
  const hours = hoursInWords(resource, localNow(now, timeZone).key);
  const languages = languagesInWords(resource);
  const website = safeWebsite(resource.website);
  const copy = async (what: 'phone' | 'text', text: string) => {
    const done = await copyText(text);
    setCopied(done ? (what === 'phone' ? 'Phone number copied' : 'Text copied') : 'Copy failed: select the text instead');
    if (what === 'text' && done) props.onCopy(props.hit);
  };
  return (
    <li class="card" aria-labelledby={headingId} data-resource-id={resource.id}>
      <h3 id={headingId}>{resource.name}</h3>
      <div>
        {resource.temporarilyClosed && <span class="badge stale closed">Temporarily closed</span>}
        {curation?.recommended && <span class="badge rec">Recommended by the practice</span>}
        {stale &&
          (resource.deprioritised ? (
            <span class="badge stale" title="The provider did not confirm these details when the directory last asked; check before referring.">
              Not confirmed by the provider
            </span>
          ) : (
            <span class="badge stale" title="Not updated or checked for over 12 months">
              Not checked for 12 months
            </span>
          ))}
      </div>
      {opening.state !== 'unknown' && !resource.temporarilyClosed && (
        <p class="meta today" data-state={opening.state}>
          <strong>{opening.text}</strong>
        </p>
      )}
      <p>{oneLine(resource.description, 140)}</p>
      <p class="meta">
        {distanceKm !== undefined && <span>{distanceKm < 1 ? `${Math.round(distanceKm * 1000)} m` : `${distanceKm.toFixed(1)} km`} · </span>}
        {(resource.access.length ? resource.access : ['unknown']).map((a) => ACCESS_TEXT[a] ?? a).join(', ')}
        {resource.needs.length > 0 && <span> · {resource.needs.slice(0, 3).map(needLabel).join(', ')}</span>}
      </p>
      {hours && <p class="meta">Opening times: {hours}</p>}
      {languages && <p class="meta">Languages: {languages}</p>}
      {resource.accessibility && <p class="meta">Accessibility: {clip(resource.accessibility, 240)}</p>}
      {resource.communityGroups?.length ? <p class="meta">For: {resource.communityGroups.join(', ')}</p> : null}
      {curation?.note && <p class="meta">Practice note: {curation.note}</p>}
      <div class="actions">
        {resource.phone && (
          <button type="button" onClick={() => copy('phone', resource.phone ?? '')} aria-label={`Copy phone number ${resource.phone}`}>
            {resource.phone}
          </button>
        )}
        {website && (
          <a href={website} target="_blank" rel="noopener noreferrer">
            {resource.websiteNotSecure ? 'Website (not secure)' : 'Website'}
          </a>
        )}
        <button type="button" onClick={() => props.onSlip(props.hit)}>
          Print slip
        </button>
        <button type="button" onClick={() => copy('text', props.hit.shareText)}>
          Copy text
        </button>
      </div>
      {copied && (
        <p class="hint" role="status">
          {copied}
        </p>
      )}
    </li>
  );
}
