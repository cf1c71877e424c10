/**
 * Background start-up: message handling, scheduled jobs (directory sync,
 * outbox retries, Task polling, retention) and recovery after the service
 * worker was stopped. Called from entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { dispatch } from '../messaging/server';
import { createHandlers, publishSessionConfig } from './handlers';
import * as directory from './directory-service';
import * as outbox from './outbox-service';
import { syncContentScripts } from './origins';
import { forgetSettings, loadSettings } from './settings-service';

const ALARM = 'links-sidebar-tick';
/** Chrome's minimum alarm period is 30 s; backoff delays shorter than that are also scheduled in-worker. */
const TICK_MINUTES = 1;

async function loadPublicJson(path: '/data/outcode-centroids.json'): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path));
  return response.json();
}

async function loadPublicText(path: '/data/demo-directory.aliss.json'): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  return response.text();
}

export function startBackground(): void {
  const db = getDb();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const kickOutbox = async (force = false): Promise<void> => {
    const { settings } = await loadSettings(db);
    await outbox.processOutbox(db, settings, { force });
    // Schedule the next due retry inside this worker too (the alarm is the backstop if it sleeps).
    const queued = await db.outbox.where('state').equals('queued').toArray();
    const next = Math.min(...queued.map((r) => (r.nextAttemptAt ? Date.parse(r.nextAttemptAt) : Date.now())));
    clearTimeout(retryTimer);
    if (Number.isFinite(next)) retryTimer = setTimeout(() => void kickOutbox(), Math.max(1000, next - Date.now()));
  };

  // First-run seeding must finish before a search, or the first search would see an empty directory.
  const seeded: Promise<unknown> = loadSettings(db)
    .then(({ settings }) => directory.seedDemoIfEmpty(db, settings, () => loadPublicText('/data/demo-directory.aliss.json')))
    .catch((e: unknown) => console.error('[links-sidebar] demo directory set-up failed:', e));
  const handlers = createHandlers({
    db,
    loadDistricts: () => loadPublicJson('/data/outcode-centroids.json'),
    kickOutbox,
    directoryReady: () => seeded,
  });

  // Listener registered synchronously at start-up, as MV3 requires, so a message that woke the worker is not lost.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const reply = dispatch(handlers, message, { id: sender.id, url: sender.url, tab: sender.tab }, browser.runtime.id);
    // Not ours: let other listeners answer (returning undefined, not a promise).
    return reply.then((r) => r) as Promise<unknown> | undefined;
  });

  // A health board changed the policy: re-read settings and republish the sidebar's config.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    forgetSettings(db);
    void loadSettings(db).then(({ settings }) => publishSessionConfig(settings));
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) {
      void browser.tabs.sendMessage(tab.id, { type: 'sidebar.toggle' }).catch(() => undefined);
    }
  });

  const tick = async () => {
    const { settings } = await loadSettings(db);
    // No recoverInterrupted() here: a row is `sending` while this worker sends it;
    // only a fresh worker (start-up, below) can know a send was cut off.
    await kickOutbox();
    await outbox.pollTasks(db);
    await outbox.applyRetention(db, settings.privacy.retentionDays);
    for (const source of await directory.dueSources(db, settings)) await directory.syncSource(db, source);
  };

  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void tick().catch((e: unknown) => console.error('[links-sidebar] scheduled job failed:', e));
  });

  // Every wake: seed the demo directory on a first run, register content scripts
  // for granted origins, and finish anything a stopped worker left half done.
  void (async () => {
    const { settings } = await loadSettings(db);
    await publishSessionConfig(settings);
    await seeded;
    await syncContentScripts(settings.origins).catch(() => []);
    if ((await outbox.recoverInterrupted(db)) > 0 || (await db.outbox.where('state').equals('queued').count()) > 0) await kickOutbox();
  })().catch((e: unknown) => console.error('[links-sidebar] start-up failed:', e));
}
