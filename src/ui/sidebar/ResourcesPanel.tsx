import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { SearchResponse } from '../../messaging/protocol';
import type { ResourceList as ResourceListType } from '../shared/ResourceList';
import type { Role } from '../../prompts/roles';
import { lazyLoader, useLazy } from '../shared/use-lazy';

/**
 * The cards' code (with the opening-hours library, about 60 KB) loads after the sidebar is on screen,
 * beside the first search, not before the first paint (#17: open to searchable).
 */
const loadList = lazyLoader(() => import('../shared/ResourceList').then((m) => m.ResourceList));

/** Resource cards for one need near the patient's postcode (looked up on this machine only). */
export function ResourcesPanel(props: { need: string; postcode?: string; role: Role }) {
  const [openToday, setOpenToday] = useState(false);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const list = useLazy<typeof ResourceListType>(loadList);
  useEffect(() => {
    const mine = ++request.current;
    setResult(null);
    setError(null);
    void send('directory.search', { needs: [props.need], ...(props.postcode ? { postcode: props.postcode } : {}), ...(openToday ? { openToday } : {}), limit: 5, origin: 'sidebar' }).then(
      (r) => {
        if (mine !== request.current) return; // a newer search (or unmount) wins
        if (r.ok) setResult(r.value);
        else setError(r.error.message);
      },
    );
    return () => void (request.current += 1);
  }, [props.need, props.postcode, openToday]);

  const filter = (
    <div class="section">
      <label class="check">
        <input id="ls-open-today" type="checkbox" checked={openToday} onChange={(e) => setOpenToday(e.currentTarget.checked)} /> Open today only
      </label>
    </div>
  );
  if (error) return <>{filter}<p class="section error" role="alert">{error}</p></>;
  if (list.state === 'failed') return <>{filter}<p class="section error" role="alert">The cards could not be loaded. Close and reopen the sidebar; if it persists, reload the extension.</p></>;
  const List = list.state === 'ready' ? list.value : null;
  if (!result || !List) return <>{filter}<p class="section muted" aria-live="polite">Looking up local services…</p></>;
  return (
    <>
      {filter}
      <List response={result} need={props.need} role={props.role} />
    </>
  );
}
