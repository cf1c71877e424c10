/**
 * Which tab a panel follows:
 * - the in-page panel: the tab it sits in (the browser tells the background);
 * - `?tab=<id>`: one tab, fixed (a panel page opened in a tab, the tests);
 * - otherwise (the browser's side panel): the active tab of its window, and
 *   whichever tab becomes active there.
 */
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import { PANEL_PORT } from '../../messaging/keys';
import { earlyLink, type EarlyLink } from './screen-link';

export type Host = 'side' | 'inpage' | 'pinned';

export interface Binding {
  host: Host;
  /**
   * Calls `onTab` with the tab to show now and whenever it changes (undefined: none), and, the first time only, a link
   * to that tab already opened (the in-page panel's). Returns a stop function.
   */
  follow(onTab: (tabId: number | undefined, early?: EarlyLink) => void): () => void;
  /** Closes a link opened early that nothing took (the page could not load its settings, or its app failed). */
  abandon(): void;
}

/**
 * The tab the in-page panel's frame sits in. The browser says so itself (`tabs.getCurrent` answers for an extension
 * frame inside a tab, from the frame's own place, never from the page): no message to the background, so a stopped
 * service worker (its state after 30 s idle, say between two patients) is not started on the way to the patient's
 * banner. Measured in Chromium 156 (bare browser, 20 loads each, worker stopped before each record load): patient
 * shown a median 194 ms (p95 223) after the record's DOMContentLoaded through the background, 87 ms (p95 113) this
 * way (#17). Where the browser gives no tab here, the background is asked, which reads the sender's tab the same way:
 * Firefox gives an extension frame inside a web page no `tabs` API at all (checked in Firefox ESR 153: runtime,
 * storage, extension and i18n only), and that frame's link goes through the background anyway (the relay).
 */
async function ownTab(): Promise<number | undefined> {
  try {
    const own = await browser.tabs.getCurrent();
    if (own?.id !== undefined) return own.id;
  } catch {
    // Not offered here: the background answers instead.
  }
  const reply = await send('panel.tab', {});
  return reply.ok ? reply.value.tabId : undefined;
}

export function bindingFromLocation(search: string): Binding {
  const params = new URLSearchParams(search);
  if (params.get('host') === 'inpage') {
    // Asked at once, while the page loads its settings, not after the app is on screen (#17: the in-page
    // panel after a page load). The frame never moves to another tab, so one answer serves every follow().
    // Linked to it at once too, for the same reason (screen-link.ts earlyLink); the first follow() takes that link.
    let unused: EarlyLink | undefined;
    const tab = ownTab().then((tabId) => {
      if (tabId !== undefined) unused = earlyLink(tabId);
      return tabId;
    });
    // A link nobody took is closed, never left receiving the tab's screens (a review): on a panel that could not
    // load its settings, one that failed to render (its error boundary), and one stopped before the tab was named.
    const abandon = () =>
      void tab.then(() => {
        unused?.link.close();
        unused = undefined;
      });
    return {
      host: 'inpage',
      follow(onTab) {
        let stopped = false;
        void tab.then((tabId) => {
          if (stopped) return;
          const early = unused;
          unused = undefined;
          onTab(tabId, early);
        });
        return () => {
          stopped = true;
          abandon();
        };
      },
      abandon,
    };
  }
  const pinned = Number(params.get('tab'));
  if (params.has('tab') && Number.isInteger(pinned)) {
    return {
      host: 'pinned',
      follow(onTab) {
        onTab(pinned);
        const onRemoved = (tabId: number) => {
          if (tabId === pinned) onTab(undefined);
        };
        browser.tabs.onRemoved.addListener(onRemoved);
        return () => browser.tabs.onRemoved.removeListener(onRemoved);
      },
      abandon() {},
    };
  }
  const windowParam = Number(params.get('window'));
  return {
    host: 'side',
    follow(onTab) {
      let windowId: number | undefined = params.has('window') && Number.isInteger(windowParam) ? windowParam : undefined;
      let current: number | undefined;
      let stopped = false;
      const show = (tabId: number | undefined) => {
        if (stopped || tabId === current) return;
        current = tabId;
        onTab(tabId);
      };
      const refresh = async () => {
        windowId ??= (await browser.windows.getCurrent()).id;
        const [active] = await browser.tabs.query({ active: true, windowId });
        show(active?.id);
      };
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (info.windowId === windowId) show(info.tabId);
      };
      // A navigation in the followed tab replaces its content script: link again once it has loaded.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === current && change.status === 'complete') {
          current = undefined;
          show(tabId);
        }
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      void refresh();
      // Tell the background this window has the panel open (Alt+Shift+L then closes it).
      const port = browser.runtime.connect({ name: PANEL_PORT });
      void (async () => {
        windowId ??= (await browser.windows.getCurrent()).id;
        if (windowId !== undefined) port.postMessage({ type: 'panel.hello', windowId });
      })();
      port.onMessage.addListener((message: unknown) => {
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'panel.close') window.close();
      });
      return () => {
        stopped = true;
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        port.disconnect();
      };
    },
    abandon() {},
  };
}
