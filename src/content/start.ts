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
import { browser } from 'wxt/browser';
import { BUILTIN_ADAPTERS } from '../adapters/builtin';
import { detectPatient } from '../adapters/detect';
import { explainAdapter } from '../adapters/extract';
import type { SiteAdapter } from '../adapters/schema';
import { watchPatient } from '../adapters/watch';
import { patientKey, type PatientContext } from '../context/patient-context';
import { send } from '../messaging/client';
import { PATIENT_PORT, SESSION_CONFIG_KEY } from '../messaging/keys';
import type { ScreenMessage, ScreenState, ToPanel } from '../messaging/patient-port';
import type { SessionConfig } from '../messaging/protocol';
import { listenTabMessages } from '../messaging/tab-server';
import { mountInpageHost, type InpageHost } from './inpage-host';
import { isAllowedOrigin } from './origins';

/** Debounce for re-detection after DOM changes; the reset itself is never debounced. */
const DETECT_DEBOUNCE_MS = 40;
/** However busy the page, a re-read happens this soon after the first change (issue #11). */
const DETECT_MAX_WAIT_MS = 100;

interface PortLike {
  name: string;
  sender?: { id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

const isConfig = (x: unknown): x is SessionConfig => typeof x === 'object' && x !== null && Array.isArray((x as SessionConfig).origins);

/**
 * The config the background published to extension storage (no patient data
 * in it); on a first run, before anything is published, the background is
 * asked (which also publishes it). Undefined only when neither answers.
 */
async function loadConfig(): Promise<SessionConfig | undefined> {
  try {
    const stored: unknown = (await browser.storage.local.get(SESSION_CONFIG_KEY))[SESSION_CONFIG_KEY];
    if (isConfig(stored)) return stored;
  } catch {
    // Fall through to asking the background.
  }
  const reply = await send('session.config', {});
  return reply.ok && isConfig(reply.value) ? reply.value : undefined;
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

export async function startContentScript(): Promise<void> {
  const world = globalThis as Registry;
  world[INSTANCE]?.();
  const controller = new AbortController();
  const stop = () => controller.abort();
  world[INSTANCE] = stop;
  const { signal } = controller;

  const config = await loadConfig();
  if (signal.aborted || !config) return;
  // Only the sites (and ports) the practice configured, or the demo practice in a demo build.
  if (!isAllowedOrigin(location.origin, config.origins)) return;

  const adapters: SiteAdapter[] = [...config.adapters, ...BUILTIN_ADAPTERS];
  const ports = new Set<PortLike>();
  let seq = 0;
  let screen: ScreenMessage = { type: 'screen', seq, url: location.href, patient: null, state: 'none' };
  let inpage: InpageHost | undefined;
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
      if (patient && !inpage) inpage = mountInpageHost(document);
      if (patient) inpage?.show();
      inpage?.ensureAttached();
      inpage?.setPatient(patient !== null);
    }
  };

  // The in-page panel's page starts loading now, hidden, so it is ready when the banner has been read.
  if (wantsInpage) inpage = mountInpageHost(document, { hidden: true });

  watchPatient(document, {
    getUrl: () => location.href,
    adapters,
    signal,
    debounceMs: DETECT_DEBOUNCE_MS,
    maxWaitMs: DETECT_MAX_WAIT_MS,
    onChange: (patient, reason) => {
      if (!patient) publish(null, reason === 'patient-gone' ? 'changed' : 'none');
      else publish(patient, 'matched');
    },
  });

  const onConnect = (port: PortLike) => {
    if (port.name !== PATIENT_PORT || port.sender?.id !== browser.runtime.id) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((message) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'collapse') inpage?.setCollapsed(true);
    });
    port.postMessage(screen);
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => {
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
    ports.clear();
    inpage?.remove();
  });

  // The browser command and the page key listener can both see one Alt+Shift+L:
  // a second toggle within 300 ms is the same key press.
  let lastToggle = 0;
  const toggle = (): boolean => {
    if (!wantsInpage) return false;
    const at = Date.now();
    if (at - lastToggle < 300) return !(inpage?.collapsed ?? true);
    lastToggle = at;
    inpage ??= mountInpageHost(document);
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
        const now = detectPatient(document, location.href, adapters);
        return { onScreen: now !== null && patientKey(now) === key };
      },
    },
    signal,
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
