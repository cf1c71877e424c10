/**
 * Host access only for configured origins. The practice lists its
 * clinical-record origins in settings; the options page asks the browser for
 * each (optional host permissions, a user gesture). Here the background
 * registers the content script for exactly the origins that are both
 * configured and granted, and nothing else.
 */
import { browser } from 'wxt/browser';
import { DEMO_ORIGINS } from '../content/origins';
import { MODE_HINT_FILE } from '../content/mode-hint';
import type { Settings } from '../settings/schema';
import type { SidebarMode } from '../settings/types';
import { originPattern } from '../settings/network';

export { originPattern };

const SCRIPT_ID = 'links-sidebar-ehr';
/** A demo build's hint for the demo practice, whose ehr.js the manifest declares (wxt.config.ts). */
const DEMO_HINT_ID = 'links-sidebar-demo-hint';

/** What the registration follows: the practice's record sites and the sidebar's mode. */
export interface Registration {
  origins: string[];
  mode: SidebarMode;
}
export const registrationOf = (settings: Settings): Registration => ({ origins: settings.origins, mode: settings.sidebar.mode });

/**
 * Calls run one after another, each reading the settings only when its turn comes (`read`): a settings save, a
 * site granted in the browser's own UI and the worker's start can all ask at once, and a call that read the
 * settings before another's save must not register last (a review: the mode hint could outlive a change of mode).
 */
let queue: Promise<unknown> = Promise.resolve();
export function syncContentScripts(read: () => Promise<Registration>, demo: readonly string[] = DEMO_ORIGINS): Promise<string[]> {
  const run = queue.then(async () => {
    const { origins, mode } = await read();
    return register(origins, mode, demo);
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Registers ehr.js for the granted record sites; in the in-page mode the mode hint goes first, in the same
 * registration (so it runs first), and the content script can load the panel's frame without waiting for its
 * config (src/content/mode-hint.ts). Returns the patterns registered.
 */
async function register(origins: string[], mode: SidebarMode, demo: readonly string[]): Promise<string[]> {
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
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID, DEMO_HINT_ID] }).catch(() => []);
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((r) => r.id) });
  const hint = mode === 'inpage';
  if (hint && demo.length > 0) {
    // Loopback is the demo manifest's own content-script match, so no grant is asked for; a browser that refuses
    // it leaves the demo on the unhinted path (the frame loads once the config is read), nothing worse.
    await scripting
      .registerContentScripts([{ id: DEMO_HINT_ID, matches: [...new Set(demo.map(originPattern))], js: [MODE_HINT_FILE], runAt: 'document_start', persistAcrossSessions: true }])
      .catch((e: unknown) => console.warn('[links-sidebar] the demo mode hint was not registered:', e instanceof Error ? e.message : e));
  }
  if (granted.length === 0) return [];
  await scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: hint ? [MODE_HINT_FILE, 'ehr.js'] : ['ehr.js'],
      // document_start: the in-page panel's frame loads while the record is parsed; the page is read at DOMContentLoaded (src/content/start.ts).
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}
