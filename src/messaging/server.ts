/**
 * Background side of the protocol. Validates every payload against its schema,
 * refuses senders that are not this extension (a web page can never reach the
 * database), and turns handler errors into `{ ok: false }` values.
 *
 * The extension's own scripts inside a record page (the content script, the
 * adapter picker) are this extension too, but they run in the record page's
 * renderer process, which a hostile or compromised page could take over: from
 * there only the few messages those scripts send are accepted (FROM_RECORD_PAGES),
 * never settings, secrets, referrals or the directory (hazard H22).
 */
import * as v from 'valibot';
import { fail, ok, toAppError, type Result } from '../lib/result';
import { requestSchemas, type MessageType, type RequestOf, type ResponseOf } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /**
   * Set by dispatch for the handler, from `url`: true for the extension's own pages, false for its scripts inside a
   * web page (which may ask only FROM_RECORD_PAGES). A handler with a further check for the latter reads it here.
   */
  extensionPage?: boolean;
}

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

function isEnvelope(message: unknown): message is { channel: 'links-sidebar'; type: string; payload: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'links-sidebar' &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/** What the extension's scripts in a record page may ask: the content script's config, the picker's adapter (the handler checks a pick is under way on that tab). */
export const FROM_RECORD_PAGES: ReadonlySet<MessageType> = new Set<MessageType>(['session.config', 'adapter.save']);

/** This extension, as the background knows it: its id and the origin of its own pages (`runtime.getURL('')`). */
export interface Self {
  id: string;
  origin: string;
}

/** Whether a message came from one of the extension's own pages (not a script inside a web page). */
function fromExtensionPage(sender: SenderInfo, self: Self): boolean {
  return typeof sender.url === 'string' && self.origin !== '' && sender.url.startsWith(self.origin);
}

function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(requestSchemas, type);
}

/**
 * Handle one message. Returns undefined for messages that are not ours (so other
 * listeners may answer), else a Result.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  self: Self,
): Promise<Result<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  if (sender.id !== self.id) return fail('NotAllowed', 'Messages are accepted only from this extension.');
  if (!isMessageType(message.type)) return fail('BadRequest', `Unknown message "${message.type}".`);
  const type = message.type;
  const extensionPage = fromExtensionPage(sender, self);
  if (!extensionPage && !FROM_RECORD_PAGES.has(type)) {
    return fail('NotAllowed', `"${type}" is accepted only from the extension's own pages, not from a script inside a web page.`);
  }
  const parsed = v.safeParse(requestSchemas[type], message.payload ?? {});
  if (!parsed.success) {
    return fail(
      'BadRequest',
      `Invalid ${type} request.`,
      parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
    );
  }
  try {
    const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown> | unknown;
    return ok(await handler(parsed.output, { ...sender, extensionPage }));
  } catch (error) {
    const appError = toAppError(error);
    console.error(`[links-sidebar] ${type} failed:`, appError.message);
    return { ok: false, error: appError };
  }
}
