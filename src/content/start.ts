/**
 * The content script on a clinical-record page: it reads the page (never
 * writes to it, apart from the in-page panel's own element when the practice
 * chose that mode) and tells sidebar panels who is on screen. No UI code and
 * no prompt engine live here (issue #17: the content script is detection and
 * messaging only); the sidebar is an extension page.
 *
 * Patient safety: a change of identifier is pushed to every connected panel
 * synchronously, inside the mutation callback that saw it, as a blank
 * ("changed") screen; the new patient follows once the page settles.
 */
import { BUILTIN_ADAPTERS } from '../adapters/builtin';
import { detectWith, GENERIC_NOT_LOADED } from '../adapters/detect-with';
import { GENERIC_GLOBAL, type GenericReader } from '../adapters/generic/reader';
import { matchesAnyUrl } from '../adapters/url-match';
import { explainAdapter } from '../adapters/extract';
import type { SiteAdapter } from '../adapters/schema';
import { watchPatientWith } from '../adapters/watch';
import { patientKey, type PatientContext } from '../context/patient-context';
import { PATIENT_PORT, SESSION_CONFIG_KEY } from '../messaging/keys';
import type { ScreenMessage, ScreenState, ToPanel } from '../messaging/patient-port';
import type { SessionConfig } from '../messaging/protocol';
import { listenTabMessages } from '../messaging/tab-server';
import { contentApi, onRuntimeMessage, type ContentApi, type ContentPort } from './api';
import { mountInpageHost, type InpageHost } from './inpage-host';
import { inpageHinted } from './mode-hint';
import { isAllowedOrigin } from './origins';

/** What the clinician is told when the record contradicts itself (issue #13: "check this record", never a guess). */
const CHECK_TEXT: Record<string, string> = {
  'birth-date-mismatch': 'the date of birth shown does not match the CHI number.',
  'sex-mismatch': 'the sex shown does not match the CHI number.',
  'age-mismatch': 'the age shown does not match the date of birth.',
  deceased: 'the record says this person has died.',
  default: 'the details on screen contradict each other.',
};

/** Debounce for re-detection after DOM changes; the reset itself is never debounced. */
const DETECT_DEBOUNCE_MS = 40;
/** However busy the page, a re-read happens this soon after the first change (issue #11). */
const DETECT_MAX_WAIT_MS = 100;

const isConfig = (x: unknown): x is SessionConfig => typeof x === 'object' && x !== null && Array.isArray((x as SessionConfig).origins);

/**
 * The config the background published to extension storage (no patient data
 * in it); on a first run, before anything is published, the background is
 * asked (which also publishes it). Undefined only when neither answers.
 */
async function loadConfig(api: ContentApi): Promise<SessionConfig | undefined> {
  try {
    const stored: unknown = (await api.storage.local.get(SESSION_CONFIG_KEY))[SESSION_CONFIG_KEY];
    if (isConfig(stored)) return stored;
  } catch {
    // Fall through to asking the background.
  }
  try {
    // The background's answer is { ok, value } (src/messaging/server.ts).
    const reply = (await api.runtime.sendMessage({ channel: 'links-sidebar', type: 'session.config', payload: {} })) as { ok?: boolean; value?: unknown } | undefined;
    return reply?.ok && isConfig(reply.value) ? reply.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One instance per frame: a second injection (the static demo match and a
 * registered script on the same page, or an extension update) stops the first.
 * The registry is a global of the content scripts' own isolated world, which
 * the page cannot see or forge (issue #11: a forged WXT "started" event used
 * to remove the sidebar for good, so WXT's context is not used for this).
 */
const INSTANCE = Symbol.for('links-sidebar.content');
type Registry = { [INSTANCE]?: () => void };

/** Resolves once the document has been parsed (at once if it already has), or when `signal` aborts. */
function parsed(signal: AbortSignal): Promise<void> {
  if (document.readyState !== 'loading' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    document.addEventListener('DOMContentLoaded', done, { once: true, signal });
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Calls `then` once the page has a <body> (at once if it has), so an element appended to the root then lands after
 * it, where it always did (never before <head>, where a page script might look for its own first element); at the
 * latest when the page is parsed. Not after `signal` aborts.
 */
function whenBody(signal: AbortSignal, then: () => void): void {
  const root = document.documentElement;
  if (document.body || !root) {
    if (document.body) then();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    if (!signal.aborted) then();
  });
  observer.observe(root, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

export async function startContentScript(): Promise<void> {
  const world = globalThis as Registry;
  world[INSTANCE]?.();
  const controller = new AbortController();
  const stop = () => controller.abort();
  world[INSTANCE] = stop;
  const { signal } = controller;

  const api = contentApi();
  const frameUrl = api.runtime.getURL('/sidepanel.html?host=inpage');
  const mountInpage = (hidden = false) => mountInpageHost(document, frameUrl, { hidden });
  let inpage: InpageHost | undefined;
  signal.addEventListener('abort', () => inpage?.remove(), { once: true });
  // The in-page mode's hint (src/content/mode-hint.ts), registered before this script and read once the record has
  // a <body> (every document_start script has run by then): the panel's frame starts loading, hidden, while the
  // config is still being read. The config confirms it below, or it is removed. Only while the config is unread: a
  // <body> that comes after it (a record whose <head> loads slowly) must not mount a frame the config has refused
  // (a review: it stayed for the life of the page).
  let configRead = false;
  whenBody(signal, () => {
    if (!configRead && inpageHinted()) inpage ??= mountInpage(true);
  });
  // A panel that links while the config is read (the hinted frame can be that quick, and a slow read is the background
  // woken on a first run) is held, told nothing, until the config says whether this page is one to serve: served
  // then, or disconnected. Unheld, its link failed and it tried again 150 ms later (a code review).
  const fromOurPanel = (port: ContentPort): boolean => port.name === PATIENT_PORT && port.sender?.id === api.runtime.id;
  const held = new Set<ContentPort>();
  const hold = (port: ContentPort) => {
    if (!fromOurPanel(port)) return;
    held.add(port);
    port.onDisconnect.addListener(() => held.delete(port));
  };
  api.runtime.onConnect.addListener(hold);
  const config = await loadConfig(api);
  configRead = true;
  api.runtime.onConnect.removeListener(hold);
  // Only the sites (and ports) the practice configured, or the demo practice in a demo build.
  const allowed = !signal.aborted && config !== undefined && isAllowedOrigin(location.origin, config.origins);
  if (!allowed || config.sidebarMode !== 'inpage') {
    inpage?.remove();
    inpage = undefined;
  }
  if (!allowed) {
    for (const port of held) port.disconnect();
    return;
  }

  const adapters: SiteAdapter[] = [...config.adapters, ...BUILTIN_ADAPTERS];
  const ports = new Set<ContentPort>();
  let seq = 0;
  // Until the page has been parsed and read, a panel that connects is told so (the script runs at document_start);
  // the watcher's first reading, at DOMContentLoaded, always publishes what is there.
  let screen: ScreenMessage = { type: 'screen', seq, url: location.href, patient: null, state: 'none', ...(document.readyState === 'loading' ? { reason: 'The record is still loading.' } : {}) };
  const wantsInpage = config.sidebarMode === 'inpage';

  const post = (message: ToPanel) => {
    for (const port of ports) {
      try {
        port.postMessage(message);
      } catch {
        ports.delete(port);
      }
    }
  };

  const publish = (patient: PatientContext | null, state: ScreenState, reason?: string) => {
    seq += 1;
    screen = { type: 'screen', seq, url: location.href, patient, state, ...(reason ? { reason } : {}) };
    post(screen);
    if (wantsInpage) {
      if (patient && !inpage) inpage = mountInpage();
      if (patient) inpage?.show();
      inpage?.ensureAttached();
      inpage?.setPatient(patient !== null);
    }
  };

  // The script runs at document_start (issue #17): the in-page panel's page starts loading as soon as the record
  // has a <body>, hidden, while the rest of the record is still arriving, so it is ready when the banner is read.
  if (wantsInpage) whenBody(signal, () => (inpage ??= mountInpage(true)));

  // Panels can link to this tab from now on (the in-page one, loading beside the record, does at once).
  const onConnect = (port: ContentPort) => {
    if (!fromOurPanel(port)) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((message) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'collapse') inpage?.setCollapsed(true);
    });
    port.postMessage(screen);
  };
  api.runtime.onConnect.addListener(onConnect);
  for (const port of held) onConnect(port);
  held.clear();
  signal.addEventListener('abort', () => {
    api.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
    ports.clear();
  });

  // The generic detector (most of the detection code) is loaded only where no adapter covers the page.
  let generic: GenericReader | undefined;
  let loading: Promise<void> | undefined;
  const loadGeneric = (): Promise<void> =>
    (loading ??= (async () => {
      await import(/* @vite-ignore */ api.runtime.getURL('/generic.js'));
      generic = (globalThis as Record<symbol, GenericReader | undefined>)[GENERIC_GLOBAL];
    })().catch((error: unknown) => console.error('[links-sidebar] the generic detector could not load:', error)));
  const covered = () => adapters.some((a) => matchesAnyUrl(a.urlPatterns, location.href));
  const needsGeneric = covered() ? undefined : loadGeneric();
  // The page is read only once it has been parsed in full, exactly as when the script ran at document_end:
  // a half-parsed page could show a recent-patients list before the banner it belongs beside.
  await parsed(signal);
  await needsGeneric;
  if (signal.aborted) return;
  if (wantsInpage) inpage ??= mountInpage(true);

  const watcher = watchPatientWith(document, {
    generic: () => generic,
    getUrl: () => location.href,
    adapters,
    signal,
    debounceMs: DETECT_DEBOUNCE_MS,
    maxWaitMs: DETECT_MAX_WAIT_MS,
    onChange: (patient, reason, declined) => {
      // An adapter's page with nobody on it, or a page the SPA moved to: load the generic detector and read again.
      if (declined?.source === GENERIC_NOT_LOADED) void loadGeneric().then(() => watcher.refresh());
      if (patient) publish(patient, 'matched');
      else if (declined?.check) publish(null, 'check', CHECK_TEXT[declined.declined] ?? CHECK_TEXT.default);
      else publish(null, reason === 'patient-gone' ? 'changed' : 'none');
    },
  });

  // The browser command and the page key listener can both see one Alt+Shift+L:
  // a second toggle within 300 ms is the same key press.
  let lastToggle = 0;
  const toggle = (): boolean => {
    if (!wantsInpage) return false;
    const at = Date.now();
    if (at - lastToggle < 300) return !(inpage?.collapsed ?? true);
    lastToggle = at;
    inpage ??= mountInpage();
    inpage.show();
    inpage.setCollapsed(!inpage.collapsed);
    return !inpage.collapsed;
  };

  listenTabMessages(
    {
      'tab.where': () => ({ url: location.href }),
      'tab.toggle': () => ({ open: toggle() }),
      'tab.explain': ({ adapter }) => ({ url: location.href, rows: explainAdapter(document, location.href, adapter) }),
      'tab.confirm': ({ patientKey: key }) => {
        // Read the screen afresh: the panel may be a beat behind the page.
        const now = detectWith(generic, document, location.href, adapters);
        return { onScreen: 'context' in now && patientKey(now.context) === key };
      },
    },
    signal,
    (handle, sig) => onRuntimeMessage(api, handle, sig),
    () => api.runtime.id,
  );

  // Alt+Shift+L toggles the in-page panel; Alt+Shift+P moves to the prompts from anywhere on the record.
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !event.altKey || !event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'l' && wantsInpage) {
        toggle();
        event.preventDefault();
      } else if (key === 'p') {
        if (inpage?.collapsed) inpage.setCollapsed(false);
        inpage?.focusFrame();
        post({ type: 'focus-prompts' });
        event.preventDefault();
      }
    },
    { signal },
  );
}
