/**
 * The pure part of a directory sync that follows pages (#16): after each page,
 * either the next address to fetch or a plain statement of why the sync
 * stopped and whether the directory is complete. The old loop stopped
 * silently at 200 pages; this one stops only at the practice's own page limit,
 * at the last page, or at something that would be unsafe to follow, and says
 * which. The state is plain data, so it can be kept between alarm ticks.
 */
import { readJson } from './read';
import { isRecord } from '../clean-text';

/** Why a sync stopped. Only `finished` means the directory is complete. */
export type SyncStopReason = 'finished' | 'page-limit' | 'repeated-page' | 'other-site' | 'unsafe-address' | 'unreadable-page';

/** Pages fetched when the practice has set no limit: 500 pages is 5,000 services at ALISS's default page size. */
export const DEFAULT_SYNC_PAGE_LIMIT = 500;

export interface SyncState {
  /** The first page's address; only its site (scheme, host and port) is followed. */
  startUrl: string;
  /** Most pages to fetch (the practice's setting). */
  pageLimit: number;
  /** Pages read so far. */
  pages: number;
  /** Records on those pages. */
  records: number;
  /** What the directory says it holds (ALISS `count`, HSDS `total_items`), once a page has said. */
  total?: number;
  /** Addresses fetched, to catch a directory that sends one round in circles. */
  seen: string[];
}

export interface SyncProgress {
  pages: number;
  records: number;
  total?: number;
  /** 0..1 when the total is known. */
  fraction?: number;
  /** "Page 3: 30 of about 2,340 services fetched." */
  text: string;
}

export interface SyncStop {
  reason: SyncStopReason;
  /** True only when every page was fetched. */
  complete: boolean;
  /** One or two plain sentences for the options page. */
  message: string;
}

export type SyncStep = { state: SyncState; progress: SyncProgress } & ({ next: string } | { stop: SyncStop });

const n = (x: number): string => x.toLocaleString('en-GB');

const normal = (url: string): string => {
  try {
    const u = new URL(url);
    u.hash = '';
    u.searchParams.sort();
    return u.href;
  } catch {
    return url;
  }
};

/** A new sync from `startUrl`; `pageLimit` defaults to DEFAULT_SYNC_PAGE_LIMIT. */
export function startSync(startUrl: string, options: { pageLimit?: number } = {}): SyncState {
  const limit = Math.floor(options.pageLimit ?? DEFAULT_SYNC_PAGE_LIMIT);
  return { startUrl, pageLimit: limit >= 1 ? limit : DEFAULT_SYNC_PAGE_LIMIT, pages: 0, records: 0, seen: [] };
}

/** Progress in numbers and words. */
export function syncProgress(state: SyncState): SyncProgress {
  const total = state.total;
  const fraction = total ? Math.min(1, state.records / total) : undefined;
  const text = `Page ${n(state.pages)}: ${n(state.records)}${total !== undefined ? ` of about ${n(total)}` : ''} services fetched.`;
  return { pages: state.pages, records: state.records, ...(total !== undefined ? { total } : {}), ...(fraction !== undefined ? { fraction } : {}), text };
}

function records(json: Record<string, unknown>): number {
  const list = Array.isArray(json.data) ? json.data : Array.isArray(json.contents) ? json.contents : undefined;
  return list ? list.length : isRecord(json.data) ? 1 : 0;
}

/** The next address as the page gives it (absolute or relative), or undefined on the last page. */
function rawNext(json: Record<string, unknown>, pageUrl: string): string | undefined {
  if (typeof json.next === 'string' && json.next.trim() !== '') return json.next.trim();
  const page = Number(json.page_number ?? json.page);
  const total = Number(json.total_pages);
  if (!Number.isFinite(page) || !Number.isFinite(total) || page >= total || json.last_page === true) return undefined;
  try {
    const url = new URL(pageUrl);
    url.searchParams.set('page', String(page + 1));
    return url.href;
  } catch {
    return undefined;
  }
}

function stopped(state: SyncState, reason: SyncStopReason, detail: string): SyncStep {
  const fetched = `${n(state.records)}${state.total !== undefined ? ` of about ${n(state.total)}` : ''} services were fetched`;
  const messages: Record<SyncStopReason, string> = {
    finished: `Sync finished: ${n(state.records)} services from ${n(state.pages)} page${state.pages === 1 ? '' : 's'}.`,
    'page-limit': `Sync stopped at this practice's limit of ${n(state.pageLimit)} pages: ${fetched}, so the directory is incomplete. Raise the page limit for this source to fetch the rest.`,
    'repeated-page': `Sync stopped: the directory sent an address it had already sent (${detail}), so following it would go round in circles. ${fetched}; the directory may be incomplete.`,
    'other-site': `Sync stopped: the next page is on a different site (${detail}), which is not followed. ${fetched}; the directory may be incomplete.`,
    'unsafe-address': `Sync stopped: the next page's address (${detail}) is not a web address. ${fetched}; the directory may be incomplete.`,
    'unreadable-page': `Sync stopped: page ${n(state.pages)} could not be read (${detail}). ${fetched}; the directory may be incomplete.`,
  };
  return { state, progress: syncProgress(state), stop: { reason, complete: reason === 'finished', message: messages[reason] } };
}

/**
 * After fetching `pageUrl` and reading its text: the new state and either the
 * next address or why the sync stops. Never throws.
 */
export function afterPage(previous: SyncState, pageText: string, pageUrl: string): SyncStep {
  const state: SyncState = { ...previous, pages: previous.pages + 1, seen: [...previous.seen, normal(pageUrl)] };
  const parsed = readJson(typeof pageText === 'string' ? pageText.trim() : '');
  if (!parsed.ok || !isRecord(parsed.json)) return stopped(state, 'unreadable-page', parsed.ok ? 'it is not a page of a service list' : parsed.reason.replace(/\.$/, '').toLowerCase());
  const json = parsed.json;
  state.records += records(json);
  const total = Number(json.count ?? json.total_items);
  if (Number.isFinite(total) && total >= 0) state.total = total;
  const raw = rawNext(json, pageUrl);
  if (raw === undefined) return stopped(state, 'finished', '');
  let next: URL;
  try {
    next = new URL(raw, pageUrl);
  } catch {
    return stopped(state, 'unsafe-address', raw.slice(0, 60));
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return stopped(state, 'unsafe-address', `${next.protocol}…`);
  const start = new URL(state.startUrl);
  if (next.origin !== start.origin) return stopped(state, 'other-site', next.origin);
  if (state.seen.includes(normal(next.href))) return stopped(state, 'repeated-page', `${next.pathname}${next.search}`.slice(0, 80));
  if (state.pages >= state.pageLimit) return stopped(state, 'page-limit', '');
  return { state, progress: syncProgress(state), next: next.href };
}
