/**
 * Host permission for clinical-record sites. Kept behind a small interface so
 * the page can be tested without an extension, and because `request` must be
 * called straight from the click (a user gesture) or the browser refuses it.
 */
import { browser } from 'wxt/browser';

export interface PermissionsApi {
  request: (origin: string) => Promise<boolean>;
  contains: (origin: string) => Promise<boolean>;
}

/** The match pattern for every page of a site. */
export const originPattern = (origin: string): string => `${origin}/*`;

export const browserPermissions: PermissionsApi = {
  request: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
  contains: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
};
