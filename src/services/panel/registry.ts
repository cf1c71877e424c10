/**
 * Which windows have the sidebar open in the browser's side panel. A side
 * panel page connects a port named PANEL_PORT and says its window; the port
 * closing (panel closed, window closed) removes it. Used by Alt+Shift+L to
 * close an open panel instead of opening another.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { PANEL_PORT } from '../../messaging/keys';
import type { PanelRegistry } from '../commands';

const HelloSchema = v.object({ type: v.literal('panel.hello'), windowId: v.pipe(v.number(), v.integer()) });

interface PortLike {
  name: string;
  sender?: { id?: string };
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function createPanelRegistry(): PanelRegistry & { accept(port: PortLike): void } {
  const open = new Map<number, PortLike>();
  return {
    accept(port) {
      if (port.name !== PANEL_PORT || port.sender?.id !== browser.runtime.id) return;
      let windowId: number | undefined;
      port.onMessage.addListener((message) => {
        const hello = v.safeParse(HelloSchema, message);
        if (!hello.success) return;
        windowId = hello.output.windowId;
        open.set(windowId, port);
      });
      port.onDisconnect.addListener(() => {
        if (windowId !== undefined && open.get(windowId) === port) open.delete(windowId);
      });
    },
    closeIn(windowId) {
      const port = open.get(windowId);
      if (!port) return false;
      port.postMessage({ type: 'panel.close' });
      return true;
    },
  };
}
