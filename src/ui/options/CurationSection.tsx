import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { SearchHit } from '../../messaging/protocol';
import { curationDomId, describeChange, hitFacts, todayIso, type CurationChange } from './curation-helpers';
import { Section } from './form';

/** Wait for a pause in typing so a large directory is not searched on every key. */
export const CURATION_SEARCH_DELAY_MS = 200;
const LIMIT = 50;

/** One service: its facts and the practice's own recommendation, note, hiding and check date. */
function CurationRow(props: { hit: SearchHit }) {
  const { resource } = props.hit;
  const [curation, setCuration] = useState<CurationChange>(props.hit.curation ?? {});
  const [note, setNote] = useState(props.hit.curation?.note ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  // Read at submit: a quick Enter can arrive before the last keystroke's render.
  const noteBox = useRef<HTMLInputElement>(null);
  const id = curationDomId(resource.id);

  const curate = async (change: CurationChange) => {
    setStatus('Saving…');
    setProblem('');
    const r = await send('directory.curate', { resourceId: resource.id, curation: change });
    if (!r.ok) {
      setStatus('');
      setProblem(`Not saved: ${r.error.message}`);
      return;
    }
    setCuration(r.value);
    if (change.note !== undefined) setNote(r.value.note ?? '');
    setStatus(`Saved: ${describeChange(change)}.`);
  };

  return (
    <li class="card" aria-labelledby={`${id}-h`} data-resource-id={resource.id}>
      <h3 id={`${id}-h`}>{resource.name}</h3>
      {resource.organisation && <p class="meta">{resource.organisation}</p>}
      <div>
        {curation.recommended && <span class="badge rec">Recommended by the practice</span>}
        {curation.hidden && <span class="badge stale">Hidden</span>}
        {props.hit.stale && <span class="badge stale">Not checked for 12 months</span>}
      </div>
      <p class="meta">
        {hitFacts(props.hit, curation)
          .map((f) => `${f.label}: ${f.value}`)
          .join(' · ')}
      </p>
      <label class="check" for={`${id}-rec`}>
        <input id={`${id}-rec`} type="checkbox" checked={Boolean(curation.recommended)}
          onChange={(e) => void curate({ recommended: e.currentTarget.checked })} />
        Recommended by the practice
      </label>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void curate({ note: noteBox.current?.value ?? note });
        }}
      >
        <div class="field">
          <label for={`${id}-note`}>Practice note</label>
          <input ref={noteBox} id={`${id}-note`} type="text" value={note} maxLength={2000} aria-describedby={`${id}-note-hint`}
            onInput={(e) => setNote(e.currentTarget.value)} />
          <p class="hint" id={`${id}-note-hint`}>
            Shown on the card, e.g. "ask for Morag" or "Tuesdays only".
          </p>
        </div>
        <button type="submit">Save note</button>
      </form>
      <label class="check" for={`${id}-hide`}>
        <input id={`${id}-hide`} type="checkbox" checked={Boolean(curation.hidden)}
          onChange={(e) => void curate({ hidden: e.currentTarget.checked })} />
        Hide from the sidebar and popup
      </label>
      <p class="actions">
        <button type="button" onClick={() => void curate({ verifiedOn: todayIso() })}>
          Mark as checked today
        </button>
      </p>
      <p role="status" class="status" id={`${id}-status`}>
        {status}
      </p>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
    </li>
  );
}

/**
 * Practice curation of the directory: find a service by name or organisation,
 * then recommend it, add a note, hide it or mark it as checked. Hidden
 * services are listed here too, so they can be shown again.
 */
export function CurationSection() {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [found, setFound] = useState<{ hits: SearchHit[]; total: number } | null>(null);
  const [problem, setProblem] = useState('');
  const latest = useRef(0);

  const browse = async (query: string) => {
    const mine = ++latest.current;
    const r = await send('directory.browse', { text: query, limit: LIMIT });
    if (mine !== latest.current) return;
    if (!r.ok) {
      setFound(null);
      setProblem(`The directory could not be searched: ${r.error.message}`);
      return;
    }
    setProblem('');
    setFound(r.value);
  };

  // '' (show all) is asked for at once by its button, so only typed words wait here.
  useEffect(() => {
    if (!asked) return;
    const timer = setTimeout(() => void browse(asked), CURATION_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [asked]);

  const summary = !found
    ? ''
    : found.total === 0
      ? asked
        ? `No services have "${asked}" in their name or organisation.`
        : 'The directory is empty: add or sync a source above.'
      : `Showing ${found.hits.length} of ${found.total} ${found.total === 1 ? 'service' : 'services'}.`;

  return (
    <Section
      id="curation"
      title="Our directory: notes, recommendations and checks"
      help="Recommend services the practice trusts, add a note for colleagues, hide ones that should not be offered, and record when you last checked an entry. This is kept apart from the directory data, so it survives every re-sync. Hidden services still appear here, so they can be shown again."
    >
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void browse(text.trim());
        }}
      >
        <div class="field">
          <label for="curation-search">Find a service by name or organisation</label>
          <input id="curation-search" type="search" value={text} autoComplete="off" aria-describedby="curation-search-hint"
            onInput={(e) => {
              const typed = e.currentTarget.value;
              setText(typed);
              setAsked(typed.trim() || null);
              if (!typed.trim()) {
                latest.current++;
                setFound(null);
              }
            }} />
          <p class="hint" id="curation-search-hint">
            Results appear as you type (up to {LIMIT}), hidden services included.
          </p>
        </div>
        <p class="actions">
          <button
            type="button"
            onClick={() => {
              setText('');
              setAsked('');
              void browse('');
            }}
          >
            Show all services
          </button>
        </p>
      </form>
      <p role="status" class="status" data-testid="curation-summary">
        {summary}
      </p>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {found && found.hits.length > 0 && (
        <ul class="cards" aria-label="Services in the directory" data-testid="curation-results" style="padding: 0">
          {found.hits.map((hit) => (
            <CurationRow key={hit.resource.id} hit={hit} />
          ))}
        </ul>
      )}
    </Section>
  );
}
