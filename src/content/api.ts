/**
 * The extension API the content script uses, taken straight from the browser:
 * Firefox's `browser` and Chrome's `chrome` both give these calls promises
 * (Manifest V3 in Chrome, every version in Firefox). Everywhere else the
 * project uses webextension-polyfill through WXT; here it would cost about
 * 4 KB of the content script's 20 KB gzipped budget (issue #17) for nothing
 * these few calls need. Message listeners answer through `sendResponse`, which
 * both browsers support (Chrome ignores a returned promise).
 */

export interface ContentPort {
  name: string;
  sender?: { id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

type MessageListener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;

export interface ContentApi {
  runtime: {
    readonly id: string | undefined;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(cb: MessageListener): void; removeListener(cb: MessageListener): void };
    onConnect: { addListener(cb: (port: ContentPort) => void): void; removeListener(cb: (port: ContentPort) => void): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

type Globals = { browser?: ContentApi; chrome?: ContentApi };

/** The browser's own extension API (Firefox's `browser` first, then Chrome's `chrome`). */
export function contentApi(): ContentApi {
  const g = globalThis as Globals;
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('No extension API here.');
  return api;
}

/**
 * Adds a runtime message listener whose handler may answer with a promise;
 * `undefined` from the handler means "not mine" (other listeners may answer).
 * Removed when `signal` aborts; the returned function removes it too.
 */
export function onRuntimeMessage(
  api: ContentApi,
  handle: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined,
  signal: AbortSignal,
): () => void {
  const listener: MessageListener = (message, sender, sendResponse) => {
    const reply = handle(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: { kind: 'Internal', message: String(error) } }));
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  const remove = () => api.runtime.onMessage.removeListener(listener);
  signal.addEventListener('abort', remove, { once: true });
  return remove;
}
