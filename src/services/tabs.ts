/**
 * What the background asks of record tabs, through the typed tab protocol:
 * which tab holds the record, and whether a patient is still on its screen.
 */
import { browser } from 'wxt/browser';
import { KindedError } from '../lib/result';
import { sendToTab } from '../messaging/tab-client';

/**
 * The record tab: the most recently used tab of the last-focused window on
 * which the content script runs. Without the "tabs" permission the browser
 * hides tab addresses (Chrome even for hosts the content script is matched
 * on), so each candidate's content script is asked where it is.
 */
export async function recordTab(): Promise<{ id: number; url: string }> {
  const tabs = await browser.tabs.query({ lastFocusedWindow: true });
  const candidates = tabs
    .filter((t) => t.id !== undefined && (!t.url || /^https?:/.test(t.url)))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of candidates) {
    const reply = await sendToTab(tab.id as number, 'tab.where', {});
    if (reply.ok) return { id: tab.id as number, url: reply.value.url };
  }
  throw new KindedError(
    'NotFound',
    'Open the clinical record in a tab of this window first. Its site must be listed under "Clinical-record sites" with access allowed.',
  );
}

/**
 * Refuses (with words for the clinician) unless `patientKey` is the patient on
 * the tab's screen right now: the guard before anything is sent or saved from
 * a panel that is not inside the page (issue #17).
 */
export async function confirmOnScreen(tabId: number, patientKey: string): Promise<void> {
  const reply = await sendToTab(tabId, 'tab.confirm', { patientKey });
  if (reply.ok && reply.value.onScreen) return;
  throw new KindedError(
    'NotAllowed',
    reply.ok
      ? 'The patient on the record screen has changed, so nothing was sent or saved. Check the record and try again.'
      : 'The record screen could not be checked (the tab was closed or reloaded), so nothing was sent or saved.',
  );
}
