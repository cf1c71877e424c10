/**
 * Background start-up: builds each capability once for this worker, merges
 * their handlers into the one message map, and wires scheduled jobs
 * (directory sync, outbox retries, Task polling, retention) and recovery after
 * the worker was stopped. Called from entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { getDb, type LinksDatabase } from '../db/database';
import { dispatch, type Handlers } from '../messaging/server';
import { adapterHandlers } from './adapters/handlers';
import { directoryHandlers } from './directory/handlers';
import { seedDemoIfEmpty } from './directory/import';
import { createIndexCache } from './directory/index-cache';
import { createPostcodeStore } from './directory/postcodes';
import { dueSources, syncSource } from './directory/sync';
import { createUploads } from './directory/uploads';
import { draftHandlers } from './drafts/handlers';
import { insightsHandlers } from './insights/handlers';
import { registrationOf, syncContentScripts } from './origins';
import { outboxHandlers } from './outbox/handlers';
import { pollTasks } from './outbox/poll';
import { createOutboxScheduler } from './outbox/scheduler';
import { queuedRows, recoverInterrupted } from './outbox/store';
import { panelHandlers } from './panel/handlers';
import { watchChanges } from './panel/changes';
import { createPatientKeys } from './privacy/patient-keys';
import { applyRetention } from './privacy/retention';
import { promptHandlers } from './prompts/handlers';
import { createDeprivationStore } from './prompts/deprivation';
import { settingsHandlers } from './settings/handlers';
import { publishSessionConfig } from './settings/session-config';
import { forgetSettings, loadSettings } from './settings/store';
import { confirmOnScreen } from './tabs';
import { createCommandHandler } from './commands';
import { createPanelRegistry } from './panel/registry';
import { createReferralAuth, databaseStore } from './outbox/auth';
import { AUTH_STORAGE_KEYS } from '../referral/auth/store';
import type { HttpDestination } from '../referral/destinations';
import { acceptRelay } from './panel/relay';
import { SESSION_CONFIG_KEY, type SessionConfig } from '../messaging/protocol';
import type { SidebarMode } from '../settings/types';

const ALARM = 'links-sidebar-tick';
/** Chrome's minimum alarm period is 30 s; backoff delays shorter than that are also scheduled in-worker. */
const TICK_MINUTES = 1;

async function loadPublic(path: '/data/outcode-centroids.json' | '/data/demo-directory.aliss.json'): Promise<Response> {
  return fetch(browser.runtime.getURL(path));
}

/** Every capability, built once per worker. Exported for tests that drive the whole background. */
export function createBackground(db: LinksDatabase) {
  const settings = async () => (await loadSettings(db)).settings;
  const keys = createPatientKeys(db);
  const cache = createIndexCache(db);
  const postcodes = createPostcodeStore(db, () => loadPublic('/data/outcode-centroids.json').then((r) => r.json()));
  const auth = createReferralAuth(settings, databaseStore(db));
  const scheduler = createOutboxScheduler(db, settings, { auth: auth.client });
  // Large files (directory exports, postcode tables) arrive in pieces, for any capability that takes one.
  const uploads = createUploads();
  // First-run seeding must finish before a search, or the first search would see an empty directory.
  const seeded: Promise<unknown> = settings()
    .then((s) => seedDemoIfEmpty(db, cache, s, () => loadPublic('/data/demo-directory.aliss.json').then((r) => r.text())))
    .catch((e: unknown) => console.error('[links-sidebar] demo directory set-up failed:', e));
  const handlers: Handlers = {
    ...settingsHandlers(db),
    ...promptHandlers(db, keys, createDeprivationStore(db), uploads),
    ...directoryHandlers({ db, settings, cache, postcodes, uploads, ready: () => seeded }),
    ...draftHandlers(db, keys),
    ...outboxHandlers({ db, keys, settings, scheduler, confirmOnScreen, auth: auth.client }),
    ...auth.handlers,
    ...insightsHandlers(db),
    ...adapterHandlers(db),
    ...panelHandlers(),
  };
  return { handlers, settings, keys, cache, scheduler, seeded, auth: auth.client, secrets: auth.store };
}

export function startBackground(): void {
  // For the browser bench's wake breakdown (issue #11): how much of a wake is the script's own evaluation.
  performance.mark('links:worker-main');
  const db = getDb();
  const bg = createBackground(db);
  // What the record sites' script registration follows, read afresh in each call's turn (src/services/origins.ts).
  const registration = async () => registrationOf(await bg.settings());

  // Secrets an older version kept in storage.local (readable by the content script) are moved out at every start,
  // not only when a referral next needs them (H22); a failure is tried again at the next use or start.
  void bg.secrets.get(AUTH_STORAGE_KEYS.secrets).catch((e: unknown) => console.warn('[links-sidebar]', e instanceof Error ? e.message : e));
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Listener registered synchronously at start-up, as MV3 requires, so a message that woke the worker is not lost.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== 'links-sidebar') return undefined;
    return dispatch(bg.handlers, message, { id: sender.id, url: sender.url, tab: sender.tab }, self);
  });

  // A health board changed the policy: re-read settings and republish the sidebar's config.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    forgetSettings(db);
    void loadSettings(db).then(async ({ settings }) => {
      await publishSessionConfig(settings);
      // A policy may set the record sites or the sidebar's mode: the registered script (and its mode hint) follows.
      await syncContentScripts(registration).catch(() => []);
    });
  });

  // The sidebar's mode, kept in memory: the side panel must open inside the command's user gesture.
  let sidebarMode: SidebarMode = 'panel';
  const readMode = (config: unknown) => {
    const mode = (config as Partial<SessionConfig> | undefined)?.sidebarMode;
    if (mode === 'panel' || mode === 'inpage') sidebarMode = mode;
  };
  void browser.storage.local.get(SESSION_CONFIG_KEY).then((r) => readMode(r[SESSION_CONFIG_KEY]));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SESSION_CONFIG_KEY]) readMode(changes[SESSION_CONFIG_KEY].newValue);
  });
  const panels = createPanelRegistry();
  browser.runtime.onConnect.addListener((port) => {
    panels.accept(port);
    acceptRelay(port);
  });
  const onCommand = createCommandHandler(() => sidebarMode, panels);
  browser.commands?.onCommand.addListener((command, tab) => onCommand(command, tab));

  // Site access given or taken back in the browser's own UI (Chrome's "Site access" on the extension's page,
  // Firefox's add-on Permissions tab) rather than in Settings: the record sites' script follows at once, and a
  // referral waiting for its destination's access is tried again, instead of both waiting for the worker's next
  // wake (the practice manager would see the sidebar missing on a site they had just allowed).
  const accessChanged = () =>
    void (async () => {
      await syncContentScripts(registration).catch(() => []);
      await bg.scheduler.kick();
    })().catch((e: unknown) => console.error('[links-sidebar] site access change failed:', e));
  browser.permissions?.onAdded?.addListener(accessChanged);
  browser.permissions?.onRemoved?.addListener(accessChanged);

  // Extension pages learn of outbox and draft changes by push, not by polling.
  watchChanges(db);

  const tick = async () => {
    const settings = await bg.settings();
    // No recoverInterrupted() here: a row is `sending` while this worker sends it;
    // only a fresh worker (start-up, below) can know a send was cut off.
    await bg.scheduler.kick();
    await pollTasks(db, { authorize: (row) => bg.auth.authorize(row.destination as HttpDestination) });
    await applyRetention(db, bg.keys, settings.privacy.retentionDays);
    for (const source of await dueSources(db, settings)) await syncSource(db, bg.cache, source);
  };

  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void tick().catch((e: unknown) => console.error('[links-sidebar] scheduled job failed:', e));
  });

  // Every wake: register content scripts for granted origins, publish the
  // sidebar's config, and finish anything a stopped worker left half done.
  void (async () => {
    const settings = await bg.settings();
    await publishSessionConfig(settings);
    await bg.seeded;
    await syncContentScripts(registration).catch(() => []);
    if ((await recoverInterrupted(db)) > 0 || (await queuedRows(db)).length > 0) await bg.scheduler.kick();
  })().catch((e: unknown) => console.error('[links-sidebar] start-up failed:', e));
}
