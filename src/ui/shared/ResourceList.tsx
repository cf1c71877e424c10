import { send } from '../../messaging/client';
import type { SearchHit, SearchResponse } from '../../messaging/protocol';
import { ResourceCard } from './ResourceCard';
import type { Role } from '../../prompts/roles';

const LOCATED_BY = {
  postcode: 'from the postcode',
  district: 'from the postcode district centre',
  practice: 'from the practice',
} as const;

/** A list of cards with the signposting actions wired to the background. */
export function ResourceList(props: { response: SearchResponse; need?: string; role: Role }) {
  const { hits, locatedBy } = props.response;
  if (hits.length === 0) {
    return (
      <p class="section muted" role="status">
        No services found for this. The gap has been noted (anonymously) for the practice's insights.
      </p>
    );
  }
  const record = (hit: SearchHit, action: 'slip' | 'copied') =>
    send('signpost.record', { resourceId: hit.resource.id, action, role: props.role, ...(props.need ? { need: props.need } : {}) });
  return (
    <>
      {locatedBy && <p class="section hint">Distances {LOCATED_BY[locatedBy]}.</p>}
      <ul class="cards" aria-label="Local services">
        {hits.map((hit) => (
          <ResourceCard
            key={hit.resource.id}
            hit={hit}
            onCopy={(h) => void record(h, 'copied')}
            onSlip={(h) => {
              void record(h, 'slip');
              void send('slip.open', { resourceId: h.resource.id });
            }}
          />
        ))}
      </ul>
    </>
  );
}
