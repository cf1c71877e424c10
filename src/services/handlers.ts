/**
 * Every message the background answers, one function each. Payloads arrive
 * already validated by src/messaging/server.ts.
 */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../db/database';
import { parsePostcodeTable } from '../directory/geo';
import { KindedError } from '../lib/result';
import type { Handlers } from '../messaging/server';
import { SESSION_CONFIG_KEY, type AdapterTestResponse, type SessionConfig } from '../messaging/protocol';
import { parseAdapter } from '../adapters/schema';
import { parseRules } from '../prompts/schema';
import { isLocked } from '../settings/managed';
import type { Settings } from '../settings/schema';
import { summarise } from '../insights/aggregate';
import { newReferralDraft } from '../referral/draft';
import { buildRequest, isAllowedEndpoint, referralLetter } from '../referral/destinations';
import { classifyResponse } from '../referral/outbox';
import { draftToReferral } from '../referral/validate';
import * as directory from './directory-service';
import { discardDraft, getDraft, saveDraft } from './draft-service';
import { eventCountsBetween, recordEvent } from './events-service';
import { syncContentScripts } from './origins';
import * as outbox from './outbox-service';
import { promptAction, suppressionsFor } from './prompt-service';
import * as settingsService from './settings-service';
import { createUploads } from './uploads';

export interface HandlerDeps {
  db: LinksDatabase;
  /** Loads public/data/outcode-centroids.json (a fetch of the extension's own file). */
  loadDistricts: () => Promise<unknown>;
  /** Kick the outbox after a change (the background decides how). */
  kickOutbox: (force?: boolean) => Promise<void>;
  /** Resolves once first-run set-up of the directory is done. */
  directoryReady?: () => Promise<unknown>;
  fetchImpl?: typeof fetch;
}

/**
 * The sidebar's config is also kept in extension storage, so a content script
 * starting on a record page can read it without waking the service worker
 * (it holds no patient data). Refreshed whenever settings are loaded or saved.
 */
export async function publishSessionConfig(settings: Settings): Promise<SessionConfig> {
  const config = sessionConfig(settings);
  await browser.storage.local.set({ [SESSION_CONFIG_KEY]: config }).catch(() => undefined);
  return config;
}

function sessionConfig(settings: Settings): SessionConfig {
  const me = settings.people.referrers.find((r) => r.name === settings.people.currentReferrer) ?? settings.people.referrers[0];
  const roleText = { gp: 'GP', nurse: 'Practice nurse', receptionist: 'Receptionist', other: 'Practice staff' } as const;
  return {
    role: settings.role,
    disabledRules: settings.rules.disabled,
    // Validated here so the content script needs no schema code.
    customRules: parseRules(settings.rules.custom).rules,
    adapters: settings.adapters.flatMap((json) => {
      const parsed = parseAdapter(json);
      return parsed.ok ? [parsed.adapter] : [];
    }),
    referrer: { name: me?.name ?? '', role: me ? roleText[me.role] : roleText[settings.role] },
    practiceName: settings.practice.name,
    destinationKind: settings.destination.kind,
  };
}

/**
 * The record tab: the most recently used tab of the last-focused window on
 * which the sidebar's content script runs. Without the "tabs" permission the
 * browser hides tab addresses (Chrome even for hosts the content script is
 * matched on), so each candidate's content script is asked where it is.
 */
async function recordTab(): Promise<{ id: number; url: string }> {
  const tabs = await browser.tabs.query({ lastFocusedWindow: true });
  const candidates = tabs
    .filter((t) => t.id !== undefined && (!t.url || /^https?:/.test(t.url)))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of candidates) {
    const reply = (await browser.tabs.sendMessage(tab.id as number, { type: 'sidebar.where' }).catch(() => undefined)) as { url?: unknown } | undefined;
    if (reply && typeof reply.url === 'string') return { id: tab.id as number, url: reply.url };
  }
  throw new KindedError(
    'NotFound',
    'Open the clinical record in a tab of this window first. Its site must be listed under "Clinical-record sites" with access allowed.',
  );
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db } = deps;
  const settings = async () => (await settingsService.loadSettings(db)).settings;
  const view = (r: Awaited<ReturnType<typeof settingsService.loadSettings>>) => ({ settings: r.settings, locked: r.locked, warnings: r.warnings });
  const tables = () => directory.postcodeTables(db, deps.loadDistricts);
  const uploads = createUploads();
  /** A file sent inline or in pieces (schema: exactly one of the two). */
  const fileText = (input: { text?: string; uploadId?: string }): string => input.text ?? uploads.take(input.uploadId ?? '');

  return {
    'session.config': async () => publishSessionConfig(await settings()),
    'settings.get': async () => view(await settingsService.loadSettings(db)),
    'settings.save': async ({ settings: candidate }) => {
      const saved = await settingsService.saveSettings(db, candidate);
      await syncContentScripts(saved.settings.origins).catch(() => []);
      await publishSessionConfig(saved.settings);
      return view(saved);
    },
    'settings.export': () => settingsService.exportSettingsFile(db),
    'settings.importPreview': ({ text }) => settingsService.previewImport(db, text),
    'settings.import': async ({ text }) => {
      const imported = await settingsService.importSettings(db, text);
      await publishSessionConfig(imported.settings);
      return view(imported);
    },
    'settings.reset': async () => {
      const reset = await settingsService.resetSettings(db);
      await publishSessionConfig(reset.settings);
      return view(reset);
    },
    'origins.sync': async () => ({ registered: await syncContentScripts((await settings()).origins) }),
    'patient.suppressions': ({ patientKey }) => suppressionsFor(db, patientKey),
    'prompt.act': (input) => promptAction(db, input),
    'directory.search': async (query) => {
      await deps.directoryReady?.();
      return directory.search(db, await settings(), await tables(), query);
    },
    'upload.chunk': ({ uploadId, index, text }) => ({ received: uploads.add(uploadId, index, text) }),
    'directory.import': (input) => directory.importFile(db, fileText(input), input.format, input.label),
    'directory.status': async () => directory.sourceStatuses(db, await settings()),
    'directory.sync': async ({ sourceId }) => {
      const s = await settings();
      for (const source of s.directorySources) {
        if (!sourceId || source.id === sourceId) await directory.syncSource(db, source, deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {});
      }
      return directory.sourceStatuses(db, s);
    },
    'directory.remove': async ({ sourceId }) => {
      await directory.removeSource(db, sourceId);
      return directory.sourceStatuses(db, await settings());
    },
    'directory.curate': ({ resourceId, curation }) => directory.curate(db, resourceId, curation),
    'directory.addLocal': () => {
      throw new KindedError('BadRequest', 'Adding local entries is done by importing a CSV file in the options page.');
    },
    'directory.get': ({ id }) => directory.getResource(db, id),
    'directory.browse': ({ text, limit }) => directory.browse(db, text, limit),
    'directory.importPostcodes': async (input) => {
      const table = parsePostcodeTable(fileText(input));
      if (table.error) throw new KindedError('Invalid', table.error);
      await db.kv.put({ key: 'postcodes', value: [...table.full.entries()] });
      return { postcodes: table.full.size, skipped: table.skipped };
    },
    'slip.open': async ({ resourceId }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/slip.html?id=${encodeURIComponent(resourceId)}`) });
      return { opened: true };
    },
    'signpost.record': async ({ resourceId, need, action, role }) => {
      await recordEvent(db, { kind: 'signpost', action, resourceId, role, ...(need ? { need } : {}) });
      return { recorded: true };
    },
    'draft.get': ({ patientKey }) => getDraft(db, patientKey),
    'draft.save': ({ patientKey, draft }) => saveDraft(db, patientKey, draft),
    'draft.discard': ({ patientKey }) => discardDraft(db, patientKey),
    'referral.send': async ({ patientKey, draft }) => {
      const row = await outbox.enqueue(db, await settings(), draft, patientKey);
      // Reply "queued" at once; delivery runs after this answer is on its way.
      void deps.kickOutbox();
      return outbox.toView(row);
    },
    'referral.list': async ({ patientKey, refresh }) => {
      // Closed loop: a patient's referrals are checked with the CLP when their record is opened.
      const poll = outbox.pollTasks(db, { ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}), force: refresh === true });
      if (refresh) await poll;
      return outbox.listOutbox(db, patientKey);
    },
    'referral.retry': async ({ id }) => {
      const row = await outbox.retry(db, id);
      void deps.kickOutbox(true);
      return outbox.toView(row);
    },
    'referral.flush': async () => {
      await deps.kickOutbox(true);
      return outbox.listOutbox(db);
    },
    'referral.markSent': async ({ id }) => outbox.toView(await outbox.markSent(db, id)),
    'referral.letter': async ({ id }) => {
      const row = await db.outbox.get(id);
      if (!row?.referral) throw new KindedError('NotFound', 'That referral is no longer held on this computer (past the retention period).');
      return { text: referralLetter(row.referral) };
    },
    'referral.openLetter': async ({ id }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/letter.html?id=${encodeURIComponent(id)}`) });
      return { opened: true };
    },
    'referral.test': async () => {
      const s = await settings();
      const dest = s.destination;
      if (dest.kind !== 'fhir' && dest.kind !== 'webhook') {
        return { ok: true, message: `The destination is ${dest.kind === 'email' ? 'email' : 'print'}: nothing is sent over the network.` };
      }
      const url = dest.kind === 'fhir' ? dest.baseUrl : dest.url;
      if (!isAllowedEndpoint(url)) return { ok: false, message: 'The address must use HTTPS (http only for this computer).' };
      const draft = newReferralDraft(
        { name: 'TEST Patient (not a real person)', sex: 'unknown', chi: '0101010000', problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } },
        { name: 'Test referral', role: 'Practice manager' },
        ['money'],
        new Date(),
        `test-${Date.now()}`,
      );
      const referral = draftToReferral(
        { ...draft, whatMatters: 'TEST REFERRAL — please ignore. Sent from the Links Sidebar options page.', contact: { method: 'letter' }, consent: { given: true, recordedAt: new Date().toISOString() }, patient: { ...draft.patient, address: '1 Test Street' } },
        new Date(),
      );
      try {
        const request = buildRequest(referral, dest, { chiSystem: s.identifierSystems.chi, nhsSystem: s.identifierSystems.nhs });
        const response = await (deps.fetchImpl ?? fetch)(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(15_000) });
        const outcome = classifyResponse(response.status, await response.text());
        return outcome.kind === 'sent'
          ? { ok: true, message: `Test referral accepted (HTTP ${response.status}).` }
          : { ok: false, message: `Test referral not accepted (HTTP ${response.status}): ${outcome.reason}` };
      } catch (error) {
        return { ok: false, message: `Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    'insights.summary': async ({ from, to }) => summarise(await eventCountsBetween(db, from, to), { from, to }),
    'adapter.test': async ({ adapter }) => {
      const parsed = parseAdapter(adapter);
      if (!parsed.ok) throw new KindedError('Invalid', `The adapter is not valid: ${parsed.errors.join(' ')}`);
      const tab = await recordTab();
      try {
        const reply = (await browser.tabs.sendMessage(tab.id, { type: 'adapter.explain', adapter: parsed.adapter })) as AdapterTestResponse | undefined;
        if (!reply) throw new Error('no reply');
        return reply;
      } catch {
        throw new KindedError(
          'NotFound',
          'The sidebar is not running on that tab. Add the site under "Clinical-record sites" (and allow access), reload the record, then test again.',
        );
      }
    },
    'adapter.pick': async () => {
      const tab = await recordTab();
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/picker.js'] });
      } catch {
        throw new KindedError('NotAllowed', 'Links Sidebar has no access to that site yet: add it under Clinical-record sites first.');
      }
      return { started: true, url: tab.url };
    },
    'adapter.save': async ({ adapter }) => {
      const parsed = parseAdapter(adapter);
      if (!parsed.ok) throw new KindedError('Invalid', `The adapter is not valid: ${parsed.errors.join(' ')}`);
      const loaded = await settingsService.loadSettings(db);
      if (isLocked(loaded.locked, 'adapters')) throw new KindedError('NotAllowed', 'Site adapters are set by your health board, so one cannot be added here.');
      const id = parsed.adapter.id;
      const current = loaded.settings.adapters;
      const index = current.findIndex((a) => typeof a === 'object' && a !== null && (a as { id?: unknown }).id === id);
      // Replace in place so the order the practice's adapters are tried in is kept.
      const adapters = index >= 0 ? current.map((a, i) => (i === index ? parsed.adapter : a)) : [...current, parsed.adapter];
      const saved = await settingsService.saveSettings(db, { ...loaded.settings, adapters });
      await publishSessionConfig(saved.settings);
      return { saved: true, id };
    },
  };
}
