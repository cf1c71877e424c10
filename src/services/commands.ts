/**
 * Alt+Shift+L (the browser command, which the user may re-assign): opens or
 * closes the sidebar where the practice chose to show it: the browser's side
 * panel (Chrome/Edge `sidePanel`, Firefox `sidebarAction`) or the panel inside
 * the record page. The side panel must be opened synchronously inside the
 * command's user gesture, so the mode is read from memory, not storage.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/tab-client';
import type { SidebarMode } from '../settings/types';

/** Chrome's side panel API (not in the Firefox-shaped polyfill types). */
interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
/** Firefox's sidebar API. */
interface FirefoxSidebarAction {
  toggle(): Promise<void>;
}

export function sidePanelApi(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

function sidebarActionApi(): FirefoxSidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
}

/** Whether this browser has a side panel of its own. */
export function hasBrowserPanel(): boolean {
  return sidePanelApi() !== undefined || sidebarActionApi() !== undefined;
}

export interface PanelRegistry {
  /** Asks an open side panel in this window to close; false when none is open. */
  closeIn(windowId: number): boolean;
}

export function createCommandHandler(getMode: () => SidebarMode, panels: PanelRegistry) {
  return (command: string, tab?: { id?: number; windowId?: number }): void => {
    if (command !== 'toggle-sidebar') return;
    if (getMode() === 'panel' && hasBrowserPanel()) {
      const firefox = sidebarActionApi();
      if (firefox) {
        void firefox.toggle().catch(() => undefined);
        return;
      }
      if (tab?.windowId !== undefined && panels.closeIn(tab.windowId)) return;
      void sidePanelApi()?.open(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}).catch(() => undefined);
      return;
    }
    if (tab?.id !== undefined) void sendToTab(tab.id, 'tab.toggle', {});
  };
}
