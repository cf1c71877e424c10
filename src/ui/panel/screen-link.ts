/**
 * A panel's live link to one record tab: a port to that tab's content script,
 * which pushes who is on screen at once and on every change. Messages are
 * checked against ToPanelSchema (the context was read from a web page) and
 * anything older than what was already shown is dropped.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { PATIENT_PORT, PATIENT_RELAY_PORT } from '../../messaging/keys';
import { ToPanelSchema, type ScreenMessage } from '../../messaging/patient-port';

export interface ScreenLink {
  /** Asks the in-page host to collapse to its small tab. */
  collapse(): void;
  close(): void;
}

export interface ScreenLinkEvents {
  onScreen(screen: ScreenMessage): void;
  onFocusPrompts(): void;
  /** The tab has no content script (not a record page), or it went away (navigation, closed, reloaded). */
  onLost(): void;
}

export function linkToTab(tabId: number, events: ScreenLinkEvents): ScreenLink {
  let closed = false;
  let lastSeq = -1;
  let port: ReturnType<typeof browser.tabs.connect> | undefined;
  try {
    // Firefox gives an extension frame inside a web page no tabs API: the background relays to its own tab.
    port = typeof browser.tabs?.connect === 'function' ? browser.tabs.connect(tabId, { name: PATIENT_PORT }) : browser.runtime.connect({ name: PATIENT_RELAY_PORT });
  } catch {
    queueMicrotask(() => events.onLost());
    return { collapse() {}, close() {} };
  }
  port.onMessage.addListener((message: unknown) => {
    if (closed) return;
    const parsed = v.safeParse(ToPanelSchema, message);
    if (!parsed.success) return;
    const m = parsed.output;
    if (m.type === 'focus-prompts') return events.onFocusPrompts();
    if (m.seq <= lastSeq) return;
    lastSeq = m.seq;
    events.onScreen(m as ScreenMessage);
  });
  port.onDisconnect.addListener(() => {
    if (!closed) events.onLost();
    closed = true;
  });
  return {
    collapse() {
      port?.postMessage({ type: 'collapse' });
    },
    close() {
      closed = true;
      try {
        port?.disconnect();
      } catch {
        // Already gone.
      }
    },
  };
}

/** A link opened before anything listens to it, and the first listener's way in. */
export interface EarlyLink {
  link: ScreenLink;
  /**
   * Hands what arrived so far (the latest screen, the link lost) to `events`, then forwards the rest. A focus request
   * that came first is handed over too, though the panel has no prompts on screen yet to move to.
   */
  listen(events: ScreenLinkEvents): void;
}

/**
 * The in-page panel links to its tab as soon as the background has said which tab that is, while its page is still
 * reading its settings and rendering (#17: the in-page panel after a page load; the link's round trip to the content
 * script then overlaps the settings read instead of following the first render). Only the latest screen is kept:
 * `linkToTab` has already dropped anything older, and a panel shows one screen at a time.
 */
export function earlyLink(tabId: number): EarlyLink {
  let target: ScreenLinkEvents | undefined;
  let screen: ScreenMessage | undefined;
  let focus = false;
  let lost = false;
  const link = linkToTab(tabId, {
    onScreen: (next) => (target ? target.onScreen(next) : void (screen = next)),
    onFocusPrompts: () => (target ? target.onFocusPrompts() : void (focus = true)),
    onLost: () => (target ? target.onLost() : void (lost = true)),
  });
  return {
    link,
    listen(events) {
      target = events;
      const first = screen;
      screen = undefined;
      if (first) events.onScreen(first);
      if (focus) events.onFocusPrompts();
      if (lost) events.onLost();
    },
  };
}
