import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { SearchResponse } from '../../messaging/protocol';
import type { ResourceList as ResourceListType } from '../shared/ResourceList';
import type { Role } from '../../prompts/roles';

/**
 * The cards' code (with the opening-hours library, about 60 KB) loads after the sidebar is on screen,
 * beside the first search, not before the first paint (#17: open to searchable).
 */
let listModule: Promise<typeof ResourceListType> | undefined;
const loadList = (): Promise<typeof ResourceListType> => (listModule ??= import('../shared/ResourceList').then((m) => m.ResourceList));

/** Resource cards for one need near the patient's postcode (looked up on this machine only). */
export function ResourcesPanel(props: { need: string; postcode?: string; role: Role }) {
  const [openToday, setOpenToday] = useState(false);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const [List, setList] = useState<typeof ResourceListType | null>(null);
  useEffect(() => {
    let alive = true;
    void loadList().then((l) => alive && setList(() => l));
    return () => void (alive = false);
  }, []);
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
  if (!result || !List) return <>{filter}<p class="section muted" aria-live="polite">Looking up local services…</p></>;
  return (
    <>
      {filter}
      <List response={result} need={props.need} role={props.role} />
    </>
  );
}
