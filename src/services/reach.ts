/**
 * Whether the browser lets the background fetch a site freely. Without the
 * user's permission for a site, a fetch there is a cross-origin request the
 * site must consent to (CORS), and most FHIR servers and directory APIs do
 * not; the browser then reports only "network error". This check turns that
 * into a message a practice manager can act on.
 */
import { browser } from 'wxt/browser';
import { originOf, originPattern } from '../settings/network';

export type CanReach = (url: string) => Promise<boolean>;

/** True when access is granted, and when it cannot be known (the fetch's own error then speaks). */
export const canReach: CanReach = async (url) => {
  const origin = originOf(url);
  if (!origin) return true;
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return true;
  }
};

/** What to tell the practice when a site has not been allowed yet. */
export function notAllowedMessage(url: string, where: 'Referral destination' | 'Directory sources', consequence: string): string {
  return `Links Sidebar is not allowed to reach ${originOf(url) ?? url} yet. In Settings → ${where}, choose "Allow access". ${consequence}`;
}
