import { useState } from 'preact/hooks';
import type { SearchHit } from '../../messaging/protocol';
import { oneLine } from '../../directory/share';
import { needLabel } from '../../prompts/needs';

const ACCESS_TEXT: Record<string, string> = {
  'self-referral': 'Self-referral',
  'professional-referral': 'Professional referral',
  'drop-in': 'Drop-in',
  appointment: 'By appointment',
  unknown: 'Contact them to ask how to access',
};

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a clinician needs in seconds: name, what it offers, distance, how to
 * access it, opening times, phone, website, the practice's note and staleness.
 * Printing a slip or copying text is a signposting event (recorded anonymously
 * by the caller).
 */
export function ResourceCard(props: {
  hit: SearchHit;
  onSlip: (hit: SearchHit) => void;
  onCopy: (hit: SearchHit) => void;
}) {
  const { resource, curation, distanceKm, stale } = props.hit;
  const [copied, setCopied] = useState<string | null>(null);
  const headingId = `res-${resource.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const copy = async (what: 'phone' | 'text', text: string) => {
    const done = await copyText(text);
    setCopied(done ? (what === 'phone' ? 'Phone number copied' : 'Text copied') : 'Copy failed: select the text instead');
    if (what === 'text' && done) props.onCopy(props.hit);
  };
  return (
    <li class="card" aria-labelledby={headingId} data-resource-id={resource.id}>
      <h3 id={headingId}>{resource.name}</h3>
      <div>
        {curation?.recommended && <span class="badge rec">Recommended by the practice</span>}
        {stale && (
          <span class="badge stale" title="Not updated or checked for over 12 months">
            Not checked for 12 months
          </span>
        )}
      </div>
      <p>{oneLine(resource.description, 140)}</p>
      <p class="meta">
        {distanceKm !== undefined && <span>{distanceKm < 1 ? `${Math.round(distanceKm * 1000)} m` : `${distanceKm.toFixed(1)} km`} · </span>}
        {(resource.access.length ? resource.access : ['unknown']).map((a) => ACCESS_TEXT[a] ?? a).join(', ')}
        {resource.needs.length > 0 && <span> · {resource.needs.slice(0, 3).map(needLabel).join(', ')}</span>}
      </p>
      {resource.openingTimes && <p class="meta">Open: {resource.openingTimes}</p>}
      {curation?.note && <p class="meta">Practice note: {curation.note}</p>}
      <div class="actions">
        {resource.phone && (
          <button type="button" onClick={() => copy('phone', resource.phone ?? '')} aria-label={`Copy phone number ${resource.phone}`}>
            {resource.phone}
          </button>
        )}
        {resource.website && (
          <a href={resource.website} target="_blank" rel="noopener noreferrer">
            Website
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
