/** Messages about site adapters: test one on the record tab, start the picker, save one. */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import { parseAdapter } from '../../adapters/schema';
import { KindedError } from '../../lib/result';
import { sendToTab } from '../../messaging/tab-client';
import { isLocked } from '../../settings/managed';
import type { HandlerGroup } from '../handler-group';
import { publishSessionConfig } from '../settings/session-config';
import { loadSettings, saveSettings } from '../settings/store';
import { recordTab } from '../tabs';

/**
 * A pick under way: the picker runs inside the record page, whose process a hostile page could take over, so an
 * adapter it saves is accepted only from the tab a pick was started on, while it is under way, once. Kept in
 * session storage (extension pages and the worker only), so a worker that stops while the practice manager clicks
 * still knows.
 */
const PICK_KEY = 'adapterPick';
const PICK_MINUTES = 30;

async function endPick(tabId: number | undefined, now: number): Promise<boolean> {
  const stored = (await browser.storage.session.get(PICK_KEY))[PICK_KEY] as { tabId?: unknown; until?: unknown } | undefined;
  const live = tabId !== undefined && stored?.tabId === tabId && typeof stored.until === 'number' && stored.until > now;
  if (live) await browser.storage.session.remove(PICK_KEY);
  return live;
}

function valid(adapter: unknown) {
  const parsed = parseAdapter(adapter);
  if (!parsed.ok) throw new KindedError('Invalid', `The adapter is not valid: ${parsed.errors.join(' ')}`);
  return parsed.adapter;
}

export function adapterHandlers(db: LinksDatabase): HandlerGroup<'adapter.test' | 'adapter.pick' | 'adapter.save'> {
  return {
    'adapter.test': async ({ adapter }) => {
      const checked = valid(adapter);
      const tab = await recordTab();
      const reply = await sendToTab(tab.id, 'tab.explain', { adapter: checked });
      if (!reply.ok) {
        throw new KindedError(
          'NotFound',
          'The sidebar is not running on that tab. Add the site under "Clinical-record sites" (and allow access), reload the record, then test again.',
        );
      }
      return reply.value;
    },
    'adapter.pick': async () => {
      const tab = await recordTab();
      try {
        await browser.storage.session.set({ [PICK_KEY]: { tabId: tab.id, until: Date.now() + PICK_MINUTES * 60_000 } });
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/picker.js'] });
      } catch {
        await browser.storage.session.remove(PICK_KEY).catch(() => undefined);
        throw new KindedError('NotAllowed', 'Links Sidebar has no access to that site yet: add it under Clinical-record sites first.');
      }
      return { started: true, url: tab.url };
    },
    'adapter.save': async ({ adapter }, sender) => {
      const checked = valid(adapter);
      // dispatch says where it came from: the options page saves freely, the picker in the record page only as above.
      if (sender.extensionPage !== true && !(await endPick(sender.tab?.id, Date.now()))) {
        throw new KindedError('NotAllowed', 'No adapter pick is under way on this tab: start one from the options page (Site adapters → Build an adapter by clicking the record).');
      }
      const loaded = await loadSettings(db);
      if (isLocked(loaded.locked, 'adapters')) throw new KindedError('NotAllowed', 'Site adapters are set by your health board, so one cannot be added here.');
      const current = loaded.settings.adapters;
      const index = current.findIndex((a) => typeof a === 'object' && a !== null && (a as { id?: unknown }).id === checked.id);
      // Replace in place so the order the practice's adapters are tried in is kept.
      const adapters = index >= 0 ? current.map((a, i) => (i === index ? checked : a)) : [...current, checked];
      const saved = await saveSettings(db, { ...loaded.settings, adapters });
      await publishSessionConfig(saved.settings);
      return { saved: true, id: checked.id };
    },
  };
}
