/**
 * Content-script side of the tab protocol: checks the sender is this
 * extension, the envelope, and the payload's schema, then answers with a
 * Result. The listener hangs off an AbortSignal (the content script's life),
 * and the returned function removes it too.
 */
import * as v from 'valibot';
import { fail, ok, toAppError, type Result } from '../lib/result';
import { TAB_CHANNEL, tabRequestSchemas, type TabMessageType, type TabRequestOf, type TabResponseOf } from './tab-protocol';

export type TabHandlers = {
  [K in TabMessageType]: (payload: TabRequestOf<K>) => Promise<TabResponseOf<K>> | TabResponseOf<K>;
};

function isTabType(type: unknown): type is TabMessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(tabRequestSchemas, type);
}

/** Handles one message; undefined for messages that are not on this channel. Exported for tests. */
export async function dispatchTab(handlers: TabHandlers, message: unknown, senderId: string | undefined, extensionId: string): Promise<Result<unknown> | undefined> {
  if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== TAB_CHANNEL) return undefined;
  if (senderId !== extensionId) return fail('NotAllowed', 'Messages are accepted only from this extension.');
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (!isTabType(type)) return fail('BadRequest', `Unknown message "${String(type)}".`);
  const parsed = v.safeParse(tabRequestSchemas[type], payload ?? {});
  if (!parsed.success) return fail('BadRequest', `Invalid ${type} request.`);
  try {
    const handler = handlers[type] as (p: unknown) => unknown;
    return ok(await handler(parsed.output));
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/**
 * Listens for tab-protocol messages with `on`, the content script's own
 * listener helper (src/content/api.ts, native API: this module imports no
 * browser API itself, so the content script carries no polyfill).
 */
export function listenTabMessages(
  handlers: TabHandlers,
  signal: AbortSignal,
  on: (handle: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined, signal: AbortSignal) => () => void,
  extensionId: () => string | undefined,
): () => void {
  return on((message, sender) => {
    // Not on our channel: undefined, so other listeners may answer.
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== TAB_CHANNEL) return undefined;
    return dispatchTab(handlers, message, sender.id, extensionId() ?? '');
  }, signal);
}
