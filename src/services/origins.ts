/**
 * Host access only for configured origins. The practice lists its
 * clinical-record origins in settings; the options page asks the browser for
 * each (optional host permissions, a user gesture). Here the background
 * registers the content script for exactly the origins that are both
 * configured and granted, and nothing else.
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../settings/network';

export { originPattern };

const SCRIPT_ID = 'links-sidebar-ehr';

export async function syncContentScripts(origins: string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    try {
      if (await browser.permissions.contains({ origins: [originPattern(origin)] })) granted.push(originPattern(origin));
    } catch {
      // An origin the browser cannot express as a pattern is simply not registered.
    }
  }
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return [];
  await scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: ['ehr.js'],
      // document_start: the in-page panel's frame loads while the record is parsed; the page is read at DOMContentLoaded (src/content/start.ts).
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}
