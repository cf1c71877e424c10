/**
 * Hazard H22: the adapter picker runs inside the record page, whose process a hostile page could take over. An
 * adapter saved from there is accepted only from the tab a pick was started on, while the pick is under way, once;
 * the options page (an extension page) saves as before.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinksDatabase } from '../../src/db/database';
import { loadSettings } from '../../src/services/settings/store';

vi.mock('../../src/services/tabs', () => ({ recordTab: async () => ({ id: 7, url: 'https://ehr.nhs.example/patient/1' }) }));
const { adapterHandlers } = await import('../../src/services/adapters/handlers');

const adapter = {
  id: 'test-system',
  name: 'Test system',
  urlPatterns: ['https://ehr.nhs.example/*'],
  consultationSignal: { selector: '#consultation' },
  fields: { chi: { selector: ['.chi'], regex: '(\\d{10})' } },
};
// As dispatch hands them to the handler (`extensionPage` worked out from the address: test/messaging/dispatch.test.ts).
const OPTIONS = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), extensionPage: true };
const inTab = (tabId: number) => ({ id: fakeBrowser.runtime.id, url: 'https://ehr.nhs.example/patient/1', tab: { id: tabId }, extensionPage: false });

let db: LinksDatabase;
let n = 0;
beforeEach(() => {
  db = new LinksDatabase(`adapter-pick-${++n}`);
  // The fake browser has no scripting.executeScript: injecting the picker is all it would do here.
  (fakeBrowser as unknown as { scripting: { executeScript: () => Promise<unknown[]> } }).scripting.executeScript = async () => [];
});

const saved = async (): Promise<string[]> => (await loadSettings(db)).settings.adapters.map((a) => (a as { id: string }).id);

describe('adapter.save', () => {
  test('from the options page, as before', async () => {
    await adapterHandlers(db)['adapter.save']({ adapter } as never, OPTIONS);
    expect(await saved()).toEqual(['test-system']);
  });

  test('from a record page with no pick under way: refused, nothing saved', async () => {
    await expect(adapterHandlers(db)['adapter.save']({ adapter } as never, inTab(7))).rejects.toMatchObject({ kind: 'NotAllowed' });
    expect(await saved()).toEqual([]);
  });

  test('from the tab the pick was started on: saved once, a second save is refused', async () => {
    const h = adapterHandlers(db);
    await h['adapter.pick']({} as never, OPTIONS);
    await h['adapter.save']({ adapter } as never, inTab(7));
    expect(await saved()).toEqual(['test-system']);
    await expect(h['adapter.save']({ adapter: { ...adapter, id: 'second' } } as never, inTab(7))).rejects.toMatchObject({ kind: 'NotAllowed' });
    expect(await saved()).toEqual(['test-system']);
  });

  test('from another tab while a pick is under way: refused, and the pick stays for its own tab', async () => {
    const h = adapterHandlers(db);
    await h['adapter.pick']({} as never, OPTIONS);
    await expect(h['adapter.save']({ adapter } as never, inTab(8))).rejects.toMatchObject({ kind: 'NotAllowed' });
    await h['adapter.save']({ adapter } as never, inTab(7));
    expect(await saved()).toEqual(['test-system']);
  });

  test('after the pick has run out (30 minutes): refused', async () => {
    const h = adapterHandlers(db);
    await h['adapter.pick']({} as never, OPTIONS);
    const later = Date.now() + 31 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      await expect(h['adapter.save']({ adapter } as never, inTab(7))).rejects.toMatchObject({ kind: 'NotAllowed' });
    } finally {
      vi.restoreAllMocks();
    }
    expect(await saved()).toEqual([]);
  });
});
