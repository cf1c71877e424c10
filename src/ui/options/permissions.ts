/**
 * Host permission for clinical-record sites, and for the sites the background
 * fetches (referral destination, directory sources). Kept behind a small interface so
 * the page can be tested without an extension, and because `request` must be
 * called straight from the click (a user gesture) or the browser refuses it.
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../../settings/network';

export interface PermissionsApi {
  request: (origin: string) => Promise<boolean>;
  contains: (origin: string) => Promise<boolean>;
  /** Several sites in one prompt. Must also be called straight from the click. */
  requestAll?: (origins: string[]) => Promise<boolean>;
}

/** Ask for several sites at once where the API can, else one by one (only the first keeps the click's gesture). */
export function requestSites(api: PermissionsApi, origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  if (api.requestAll) return api.requestAll(origins);
  return origins.reduce<Promise<boolean>>((all, o) => all.then(async (ok) => (await api.request(o)) && ok), Promise.resolve(true));
}


export const browserPermissions: PermissionsApi = {
  request: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
  contains: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
  requestAll: (origins) => browser.permissions.request({ origins: origins.map(originPattern) }),
};
