/**
 * Typed send from any extension context (content, popup, options, insights)
 * to the background. Never throws: a dead or restarting background becomes an
 * `{ ok: false }` the caller shows in plain words.
 */
import { browser } from 'wxt/browser';
import type { Result } from '../lib/result';
import type { Envelope, MessageType, RequestOf, ResponseOf } from './protocol';

export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  const envelope: Envelope<K> = { channel: 'links-sidebar', type, payload };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as Result<ResponseOf<K>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, error: { kind: 'Internal', message: 'The extension did not answer. Try again in a moment.' } };
    }
    return reply;
  } catch (error) {
    // The service worker may be starting up or the extension was reloaded.
    return {
      ok: false,
      error: { kind: 'Internal', message: `The extension could not be reached (${error instanceof Error ? error.message : String(error)}).` },
    };
  }
}

/** Like send, but throws a readable Error: for UI code that sits inside an error boundary. */
export async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await send(type, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { name: result.error.kind, details: result.error.details });
  return result.value;
}

