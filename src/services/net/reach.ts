/**
 * Whether the browser lets the background fetch a site freely. Without the
 * user's permission for a site, a fetch there is a cross-origin request the
 * site must consent to (CORS), and most FHIR servers and directory APIs do
 * not; the browser then reports only "network error". This check turns that
 * into a message a practice manager can act on.
 */
import { browser } from 'wxt/browser';
import { originOf, originPattern } from '../../settings/network';

export type CanReach = (url: string) => Promise<boolean>;

/**
 * Asked after a request to `url` failed with a bare network error: false when
 * the browser, not the site, stopped it. That is so when the extension has no
 * access to the site and the site does answer a request that asks for nothing
 * back (`no-cors`, no credentials, nothing about a patient). A site that does
 * not answer is down, whatever the permissions, and is reported as such. The
 * grant itself cannot decide alone: Chrome answers `contains` false for a host
 * its content script already reaches, and lets that fetch through.
 */
export const canReach: CanReach = async (url) => {
  const origin = originOf(url);
  if (!origin) return true;
  try {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] })) return true;
  } catch {
    return true;
  }
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(5000) });
    return false;
  } catch {
    return true;
  }
};

/** What to tell the practice when a site has not been allowed yet. */
export function notAllowedMessage(url: string, where: 'Referral destination' | 'Directory sources', consequence: string): string {
  return `Links Sidebar is not allowed to reach ${originOf(url) ?? url} yet. In Settings → ${where}, choose "Allow access". ${consequence}`;
}
