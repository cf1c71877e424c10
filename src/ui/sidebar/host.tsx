/**
 * Wires the live page to the sidebar: watches the record for the patient,
 * mounts the shadow-root UI on the first identified patient, and resets it the
 * moment the identifier on screen changes or disappears.
 *
 * Patient safety: `draw()` is synchronous, and the watcher delivers the reset
 * (null) inside the same mutation callback that saw the banner change, so no
 * moment exists in which the sidebar shows one patient under another's banner.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILTIN_ADAPTERS } from '../../adapters/builtin';
import type { SiteAdapter } from '../../adapters/schema';
import { watchPatient } from '../../adapters/watch';
import { explainAdapter } from '../../adapters/extract';
import type { PatientContext } from '../../context/patient-context';
import { identifierTail, patientKey } from '../../context/patient-context';
import { send } from '../../messaging/client';
import { SESSION_CONFIG_KEY } from '../../messaging/keys';
import type { SessionConfig } from '../../messaging/protocol';
import { effectiveRules } from '../../prompts/rule-set';
import type { MatchState } from './PatientBanner';
import { Shell } from './Shell';
import { sidebarCss } from './styles';

const FALLBACK_CONFIG: SessionConfig = {
  role: 'gp',
  disabledRules: [],
  customRules: [],
  adapters: [],
  referrer: { name: '', role: 'GP' },
  practiceName: '',
  destinationKind: 'print',
};

/** Debounce for re-detection after DOM changes; the reset itself is never debounced. */
const DETECT_DEBOUNCE_MS = 40;

function configuredAdapters(config: SessionConfig): SiteAdapter[] {
  // Practice adapters (validated by the background) first: they may override a built-in.
  return [...config.adapters, ...BUILTIN_ADAPTERS];
}

/** The config the background published to extension storage; asks the background only when there is none yet. */
async function loadConfig(): Promise<SessionConfig> {
  try {
    const stored = (await browser.storage.local.get(SESSION_CONFIG_KEY))[SESSION_CONFIG_KEY] as SessionConfig | undefined;
    if (stored && typeof stored === 'object' && typeof stored.role === 'string') return stored;
  } catch {
    // Fall through to asking the background.
  }
  const reply = await send('session.config', {});
  return reply.ok ? reply.value : FALLBACK_CONFIG;
}

interface ShadowHost {
  shadowHost: HTMLElement;
  uiContainer: HTMLElement;
}

/**
 * The sidebar's own element with an open shadow root. Written here rather
 * than with WXT's createShadowRootUi: it is synchronous (the first patient is
 * drawn in the same task it is detected) and keeps the content script small.
 * Styles are `!important` on :host so host-page CSS cannot hide or restyle it.
 */
function mountShadowHost(onKey: (event: KeyboardEvent) => void): ShadowHost {
  const shadowHost = document.createElement('links-sidebar');
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = sidebarCss;
  const uiContainer = document.createElement('div');
  shadow.append(style, uiContainer);
  // Keys typed in the sidebar must not reach the record's own shortcuts (our own are handled first).
  shadowHost.addEventListener('keydown', onKey);
  for (const type of ['keydown', 'keyup', 'keypress']) shadowHost.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(shadowHost);
  return { shadowHost, uiContainer };
}

export async function startSidebar(ctx: ContentScriptContext): Promise<void> {
  const config = await loadConfig();
  if (ctx.isInvalid) return;
  const rules = effectiveRules(config.disabledRules, config.customRules);

  let ui: ShadowHost | undefined;
  let current: PatientContext | null = null;
  let state: MatchState = 'none';
  let notice: string | null = null;
  let collapsed = false;
  let formOpen = false;

  const draw = (): void => {
    if (!ui) return;
    const host = ui.shadowHost;
    // A host page that rebuilds its DOM may drop our element; put it back.
    if (!host.isConnected) document.documentElement.append(host);
    if (current) host.setAttribute('data-patient-detected', 'true');
    else host.removeAttribute('data-patient-detected');
    host.toggleAttribute('data-collapsed', collapsed);
    render(
      <Shell
        patient={current}
        state={state}
        notice={notice}
        collapsed={collapsed}
        config={config}
        rules={rules}
        onCollapse={() => {
          collapsed = true;
          draw();
        }}
        onExpand={() => {
          collapsed = false;
          draw();
        }}
        onDismissNotice={() => {
          notice = null;
          draw();
        }}
        onFormOpenChange={(open) => {
          formOpen = open;
        }}
      />,
      ui.uiContainer,
    );
  };

  const ensureUi = (): void => {
    ui ??= mountShadowHost(onShortcut);
    draw();
  };

  const leave = (previous: PatientContext): void => {
    if (formOpen) {
      notice = `The patient on screen changed. The referral form for …${identifierTail(previous)} was closed; its draft is kept for that patient only.`;
    }
    formOpen = false;
  };

  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());

  watchPatient(document, {
    getUrl: () => location.href,
    adapters: configuredAdapters(config),
    signal: controller.signal,
    debounceMs: DETECT_DEBOUNCE_MS,
    onChange: (patient, reason) => {
      if (current && (!patient || patientKey(patient) !== patientKey(current))) leave(current);
      if (!patient) {
        current = null;
        state = reason === 'patient-changed' ? 'changed' : 'none';
        draw();
        return;
      }
      current = patient;
      state = 'matched';
      ensureUi();
    },
  });

  // The browser command and the page key listener can both see one Alt+Shift+L:
  // a second toggle within 300 ms is the same key press.
  let lastToggle = 0;
  const toggle = () => {
    const now = Date.now();
    if (now - lastToggle < 300) return;
    lastToggle = now;
    collapsed = !collapsed;
    draw();
  };
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, adapter } = message as { type?: unknown; adapter?: unknown };
    if (type === 'sidebar.toggle') toggle();
    // The options page looks for the record tab this way (tab addresses may be hidden from the extension).
    if (type === 'sidebar.where') return Promise.resolve({ url: location.href });
    if (type === 'adapter.explain') {
      // The options page's "test on this tab": what the adapter reads here, field by field. Read-only.
      // Only this extension can message a content script; the background validated the adapter.
      return Promise.resolve({ url: location.href, rows: explainAdapter(document, location.href, adapter as SiteAdapter) });
    }
    return undefined;
  });
  // Alt+Shift+L opens/closes (also the browser command, which the user may re-assign);
  // Alt+Shift+P moves to the next prompt from anywhere on the page (then arrow keys).
  function onShortcut(event: KeyboardEvent): void {
    if (!event.altKey || !event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === 'l') {
      toggle();
      event.preventDefault();
    }
    if (key === 'p' && ui) {
      if (collapsed) toggle();
      const prompts = Array.from(ui.uiContainer.querySelectorAll<HTMLElement>('li.prompt'));
      const at = prompts.findIndex((p) => p === ui?.shadowHost.shadowRoot?.activeElement);
      prompts[(at + 1) % Math.max(1, prompts.length)]?.focus();
      event.preventDefault();
    }
  }
  ctx.addEventListener(document, 'keydown', onShortcut);
  ctx.onInvalidated(() => {
    if (ui) render(null, ui.uiContainer);
    ui?.shadowHost.remove();
  });
}
