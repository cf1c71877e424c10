/**
 * Firefox gives an extension page that sits inside a web page (the in-page
 * panel's frame) no `tabs` API, so it cannot open a port to its tab's content
 * script itself. It opens one to the background instead, and the background
 * joins it to the content script of the very tab the frame is in (the browser
 * says which: `sender.tab`), passing messages both ways unchanged. The panel
 * checks what arrives exactly as on a direct port.
 */
import { browser } from 'wxt/browser';
import { PATIENT_PORT, PATIENT_RELAY_PORT } from '../../messaging/keys';

interface PortLike {
  name: string;
  sender?: { id?: string; tab?: { id?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function acceptRelay(panel: PortLike): void {
  if (panel.name !== PATIENT_RELAY_PORT || panel.sender?.id !== browser.runtime.id) return;
  const tabId = panel.sender.tab?.id;
  if (tabId === undefined) {
    panel.disconnect();
    return;
  }
  let tab: PortLike;
  try {
    tab = browser.tabs.connect(tabId, { name: PATIENT_PORT }) as unknown as PortLike;
  } catch {
    panel.disconnect();
    return;
  }
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const port of [panel, tab]) {
      try {
        port.disconnect();
      } catch {
        // Already gone.
      }
    }
  };
  tab.onMessage.addListener((message) => {
    if (open) panel.postMessage(message);
  });
  panel.onMessage.addListener((message) => {
    if (open) tab.postMessage(message);
  });
  tab.onDisconnect.addListener(close);
  panel.onDisconnect.addListener(close);
}
