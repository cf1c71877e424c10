/**
 * While a referral shown here is still on its way (queued or sending), the
 * page keeps a port open to the background. If the service worker is stopped
 * (Chrome stops idle workers; a crash), the port drops, and reconnecting wakes
 * a fresh worker at once, which re-sends whatever was cut off mid-send
 * (src/services/background.ts) instead of waiting for the one-minute alarm.
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WATCH_PORT } from '../../messaging/keys';

const RECONNECT_MS = 500;

export function useWorkerWatch(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const connect = () => {
      if (stopped) return;
      try {
        port = browser.runtime.connect({ name: WATCH_PORT });
        port.onDisconnect.addListener(() => {
          port = undefined;
          if (!stopped) timer = setTimeout(connect, RECONNECT_MS);
        });
      } catch {
        timer = setTimeout(connect, RECONNECT_MS * 4);
      }
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [active]);
}
