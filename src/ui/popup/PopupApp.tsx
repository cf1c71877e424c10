import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../../messaging/protocol';
import type { ResourceList as ResourceListType } from '../shared/ResourceList';
import type { ManualReferral as ManualReferralType } from './ManualReferral';
import type { CallerCue } from './caller-cues';
import { CallerCues } from './CallerCues';

const SEARCH_DELAY_MS = 120;

/**
 * The receptionist's quick search: words or a need ("foodbank", "can't pay
 * gas", "skint"), optionally a postcode or district; cards appear as you type.
 * No patient page needed, and nothing typed here is stored.
 */
export function PopupApp() {
  const [text, setText] = useState('');
  const [postcode, setPostcode] = useState('');
  const [openToday, setOpenToday] = useState(false);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cues, setCues] = useState<CallerCue[]>([]);
  // The referral form is loaded on demand so the search opens as fast as possible.
  const [Referral, setReferral] = useState<typeof ManualReferralType | null>(null);
  // The cards and the messaging code load just after the first paint, not before it: the
  // search box is on screen and focused first, and they are ready long before a search returns.
  const [List, setList] = useState<typeof ResourceListType | null>(null);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  // Layout effect: focus before the first paint, so the receptionist can type at once.
  useLayoutEffect(() => {
    input.current?.focus();
    // Searchable from here: the benchmark reads this mark (bench/browser.bench.ts).
    performance.mark('links:popup-ready');
  }, []);
  useEffect(() => {
    void import('../shared/ResourceList').then((m) => setList(() => m.ResourceList));
    // Wake the worker and load the directory index (its text part too) while the receptionist types:
    // after an idle spell the worker has stopped, and reading a large directory back takes longer than
    // a search (#11). Nothing is shown from the reply; a failure shows with the first search instead.
    void import('../../messaging/client').then(({ send }) => send('directory.warm', {}));
  }, []);
  useEffect(() => {
    const mine = ++latest.current;
    if (!text.trim()) {
      setResult(null);
      setCues([]);
      return;
    }
    const timer = setTimeout(() => {
      // The cue tables (rules, synonyms) load with the first search, not with the popup.
      void import('./caller-cues').then((m) => {
        if (mine === latest.current) setCues(m.callerCues(text));
      });
      const query = { text: text.trim(), ...(postcode.trim() ? { postcode: postcode.trim() } : {}), ...(openToday ? { openToday } : {}), limit: 8, origin: 'popup' as const };
      void import('../../messaging/client')
        .then(({ send }) => send('directory.search', query))
        .then((r) => {
          if (mine !== latest.current) return;
          if (r.ok) {
            setResult(r.value);
            setError(null);
          } else setError(r.error.message);
        });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, postcode, openToday]);

  if (Referral) return <Referral onClose={() => setReferral(null)} />;

  return (
    <main class="popup">
      <h1 class="visually-hidden">Find local support</h1>
      <form class="section" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="q">What does the caller need?</label>
        <input id="q" ref={input} type="search" value={text} placeholder="e.g. foodbank, can't pay gas, lonely"
          onInput={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        <label for="pc">Postcode or area (optional)</label>
        <input id="pc" type="text" value={postcode} placeholder="e.g. G31 or G31 4QT" onInput={(e) => setPostcode(e.currentTarget.value)} autoComplete="off" />
        <label class="check">
          <input id="open-today" type="checkbox" checked={openToday} onChange={(e) => setOpenToday(e.currentTarget.checked)} /> Open today only
        </label>
      </form>
      <div aria-live="polite" data-testid="popup-results">
        {error && <p class="section error" role="alert">{error}</p>}
        <CallerCues cues={cues} />
        {result && List && <List response={result} role="receptionist" />}
        {!result && !error && <p class="section hint">Cards appear as you type. Copy a short text or print a slip for the caller.</p>}
      </div>
      <div class="section actions">
        <button type="button" onClick={() => void import('./ManualReferral').then((m) => setReferral(() => m.ManualReferral))}>
          Start a referral
        </button>
        <a href="/insights.html" target="_blank" rel="noopener">Practice insights</a>
        <a href="/options.html" target="_blank" rel="noopener">Settings</a>
      </div>
    </main>
  );
}
