/**
 * Background side of the protocol. Validates every payload against its schema,
 * refuses senders that are not this extension (a web page can never reach the
 * database), and turns handler errors into `{ ok: false }` values.
 */
import * as v from 'valibot';
import { fail, ok, toAppError, type Result } from '../lib/result';
import { requestSchemas, type MessageType, type RequestOf, type ResponseOf } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
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
  extensionId: string,
): Promise<Result<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  if (sender.id !== extensionId) return fail('NotAllowed', 'Messages are accepted only from this extension.');
  if (!isMessageType(message.type)) return fail('BadRequest', `Unknown message "${message.type}".`);
  const type = message.type;
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
    return ok(await handler(parsed.output, sender));
  } catch (error) {
    const appError = toAppError(error);
    console.error(`[links-sidebar] ${type} failed:`, appError.message);
    return { ok: false, error: appError };
  }
}
