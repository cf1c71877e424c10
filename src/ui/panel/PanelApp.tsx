import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { identifierTail, patientKey, type PatientContext } from '../../context/patient-context';
import { send } from '../../messaging/client';
import { SESSION_CONFIG_KEY } from '../../messaging/keys';
import type { ScreenMessage } from '../../messaging/patient-port';
import type { SessionConfig } from '../../messaging/protocol';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { PatientBanner, type MatchState } from '../sidebar/PatientBanner';
import { PatientSidebar } from '../sidebar/Sidebar';
import type { Binding } from './binding';
import { GuardContext, tabGuard, ALWAYS } from './guard';
import { linkToTab, type EarlyLink, type ScreenLink, type ScreenLinkEvents } from './screen-link';
import { StandaloneEntry } from './Standalone';
import { loadPromptEngine } from './prompt-engine';

/** Retries after the record tab's content script went away (a navigation reloads it). */
const RELINK_DELAYS_MS = [150, 500, 1500, 4000];

type View =
  /** Waiting for the tab to say who is on screen: nothing patient-specific is shown. */
  | { kind: 'blank'; text: string }
  | { kind: 'record'; tabId: number; screen: ScreenMessage & { patient: PatientContext } }
  | { kind: 'check'; reason: string }
  | { kind: 'no-record'; why: string };

const BLANK_TAB: View = { kind: 'blank', text: 'Reading the record on this tab…' };

export function PanelApp(props: { binding: Binding; config: SessionConfig }) {
  const { binding, config } = props;
  const [view, setView] = useState<View>(BLANK_TAB);
  const [standalone, setStandalone] = useState<PatientContext | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const link = useRef<ScreenLink | undefined>(undefined);
  const focusPrompts = useRef<() => void>(() => undefined);

  // Follow the tab: on every change of tab the panel goes blank first, then links to the new one.
  // A layout effect: linked as soon as the app is rendered. Preact runs a plain effect after the next
  // animation frame, and an in-page frame still hidden while its page loads gets none: it waited up to
  // Preact's 35 ms fallback before it even asked for the tab's patient (#17).
  useLayoutEffect(() => {
    let relinkTimer: ReturnType<typeof setTimeout> | undefined;
    const attach = (tabId: number | undefined, attempt: number, early?: EarlyLink) => {
      link.current?.close();
      link.current = undefined;
      clearTimeout(relinkTimer);
      if (tabId === undefined) {
        setView({ kind: 'no-record', why: 'No record tab is open here.' });
        return;
      }
      const events: ScreenLinkEvents = {
        onScreen: (screen) => {
          if (performance.getEntriesByName('links:panel-screen').length === 0) performance.mark('links:panel-screen');
          if (screen.patient && screen.state === 'matched') {
            setView({ kind: 'record', tabId, screen: { ...screen, patient: screen.patient } });
            // A record patient replaces anything typed in: one patient at a time.
            setStandalone(null);
          } else if (screen.state === 'changed') setView({ kind: 'blank', text: 'Patient changed — updating' });
          else if (screen.state === 'check') setView({ kind: 'check', reason: screen.reason ?? 'The record could not be matched to one patient.' });
          else setView({ kind: 'no-record', why: screen.reason ?? 'No single patient is open on this tab.' });
        },
        onFocusPrompts: () => focusPrompts.current(),
        onLost: () => {
          setView({ kind: 'no-record', why: 'Links Sidebar cannot read this tab (not a clinical-record site set up for it), or it is loading.' });
          const delay = RELINK_DELAYS_MS[attempt];
          if (delay !== undefined) relinkTimer = setTimeout(() => attach(tabId, attempt + 1), delay);
        },
      };
      // The link the in-page panel opened while it loaded (binding.ts) is taken once, on the first attach.
      if (early) {
        link.current = early.link;
        early.listen(events);
      } else link.current = linkToTab(tabId, events);
    };
    const stop = binding.follow((tabId, early) => {
      performance.mark('links:panel-tab');
      setView(tabId === undefined ? { kind: 'no-record', why: 'No record tab is open here.' } : BLANK_TAB);
      attach(tabId, 0, early);
    });
    return () => {
      stop();
      clearTimeout(relinkTimer);
      link.current?.close();
    };
  }, [binding]);

  // A typed-in patient is cleared after the practice's idle time without use.
  useEffect(() => {
    if (!standalone) return;
    let timer = setTimeout(clearIdle, config.idleMinutes * 60_000);
    function clearIdle() {
      setStandalone(null);
      setNotice('The typed-in patient was cleared after a time without use.');
    }
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(clearIdle, config.idleMinutes * 60_000);
    };
    for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, touch, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of ['pointerdown', 'keydown']) window.removeEventListener(type, touch, { capture: true });
    };
  }, [standalone, config.idleMinutes]);

  // For the browser bench (#17): when a record's patient is first on screen, after the DOM has it (a layout effect runs
  // in the same commit). Only the first in a document: that is the page-load figure.
  useLayoutEffect(() => {
    if (view.kind === 'record' && performance.getEntriesByName('links:panel-matched').length === 0) performance.mark('links:panel-matched');
  }, [view.kind]);

  const recordPatient = view.kind === 'record' ? view.screen.patient : null;
  const shown = recordPatient ?? (view.kind === 'no-record' ? standalone : null);
  const key = shown ? patientKey(shown) : undefined;
  const state: MatchState = view.kind === 'record' ? 'matched' : view.kind === 'blank' && view.text.startsWith('Patient changed') ? 'changed' : shown ? 'typed' : view.kind === 'check' ? 'check' : 'none';
  const guard = useMemo(
    () =>
      view.kind === 'record' && key
        ? tabGuard(view.tabId, key, () => setView({ kind: 'blank', text: 'Patient changed — updating' }))
        : ALWAYS,
    [view.kind === 'record' ? view.tabId : -1, key],
  );
  // Everything per patient is keyed by where it came from and who it is: any change unmounts it all.
  const bodyKey = shown && key ? `${view.kind === 'record' ? `tab${view.tabId}` : 'typed'}:${key}` : undefined;

  return (
    <main class="panel" aria-label="Links sidebar: social needs and local support">
      <PatientBanner
        patient={shown}
        state={state}
        {...(binding.host === 'inpage' ? { onCollapse: () => link.current?.collapse() } : {})}
        {...(!recordPatient && standalone ? { onNewPatient: () => setStandalone(null) } : {})}
      />
      {notice && (
        <div class="notice" role="alert">
          <p>{notice}</p>
          <button type="button" onClick={() => setNotice(null)}>
            OK
          </button>
        </div>
      )}
      {shown && bodyKey ? (
        <GuardContext.Provider value={guard}>
          <ErrorBoundary where="patient sidebar" key={bodyKey}>
            <PatientSidebar
              key={bodyKey}
              patient={shown}
              config={config}
              tabId={view.kind === 'record' ? view.tabId : undefined}
              registerFocusPrompts={(fn) => (focusPrompts.current = fn)}
              onLeaveWithForm={() =>
                setNotice(`The patient on screen changed. The referral form for …${identifierTail(shown)} was closed; its draft is kept for that patient only.`)
              }
            />
          </ErrorBoundary>
        </GuardContext.Provider>
      ) : view.kind === 'blank' ? (
        <p class="section muted" role="status">
          {view.text}
        </p>
      ) : view.kind === 'check' ? (
        <p class="section error" role="alert" data-testid="check-record">
          Check this record: {view.reason} Nothing is shown until it reads as one patient.
        </p>
      ) : (
        <StandaloneEntry why={view.kind === 'no-record' ? view.why : ''} onConfirm={(p) => setStandalone(p)} prepare={() => loadPromptEngine(config)} />
      )}
    </main>
  );
}

/** The published config, or the background's answer when none is published yet. */
export async function loadPanelConfig(): Promise<SessionConfig | undefined> {
  const all: Record<string, unknown> = await browser.storage.local.get(SESSION_CONFIG_KEY).catch(() => ({}));
  const stored = all[SESSION_CONFIG_KEY] as SessionConfig | undefined;
  if (stored && typeof stored === 'object' && Array.isArray(stored.origins)) return stored;
  const reply = await send('session.config', {});
  return reply.ok ? reply.value : undefined;
}
