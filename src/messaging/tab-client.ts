/**
 * Typed send to one tab's content script. Never throws: no content script on
 * the tab (not a record page, or not yet loaded) is an `{ ok: false }`.
 */
import { browser } from 'wxt/browser';
import type { Result } from '../lib/result';
import { TAB_CHANNEL, type TabEnvelope, type TabMessageType, type TabRequestOf, type TabResponseOf } from './tab-protocol';

export async function sendToTab<K extends TabMessageType>(tabId: number, type: K, payload: TabRequestOf<K>): Promise<Result<TabResponseOf<K>>> {
  const envelope: TabEnvelope<K> = { channel: TAB_CHANNEL, type, payload };
  try {
    const reply = (await browser.tabs.sendMessage(tabId, envelope)) as Result<TabResponseOf<K>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, error: { kind: 'NotFound', message: 'The record tab did not answer.' } };
    }
    return reply;
  } catch (error) {
    return { ok: false, error: { kind: 'NotFound', message: `The record tab could not be reached (${error instanceof Error ? error.message : String(error)}).` } };
  }
}
