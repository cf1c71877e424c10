/**
 * Waits for the next task, as `setTimeout(resolve, 0)` did, without its clamp. Browsers (pages and workers alike)
 * hold a timer set from within five nested timers to at least 4 ms, so a computation sliced into many pieces spent
 * most of its time waiting: the sidebar's prompt compile (28 slices) idled about 100 ms in Chromium before the first
 * prompt could show, the 100,000-service import's 50 slices about 200 ms. A message on a channel is a task of its own,
 * so input and other messages still run between slices, and is never clamped.
 */
type Port = MessagePort & { ref?: () => void; unref?: () => void };

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  channel ??= new MessageChannel();
  const port = channel.port1 as Port;
  port.onmessage ??= () => {
    waiting.shift()?.();
    // Node keeps a process alive while a port listens: only while someone waits (browsers have no ref/unref).
    if (waiting.length === 0) port.unref?.();
  };
  const sender = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.ref?.();
    sender.postMessage(null);
  });
}
