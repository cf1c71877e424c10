/**
 * The content script's registration follows the practice's record sites and the sidebar's mode (issue #17): in the
 * in-page mode the mode hint runs first, in the same registration, so the panel's frame starts loading before the
 * config has been read; in the side-panel mode nothing but ehr.js is registered.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_ORIGINS } from '../../src/content/origins';
import { syncContentScripts } from '../../src/services/origins';

interface Script {
  id: string;
  matches: string[];
  js: string[];
  runAt?: string;
}
let registered: Script[];

beforeEach(() => {
  registered = [{ id: 'links-sidebar-ehr', matches: ['https://old.example/*'], js: ['ehr.js'] }];
  const granted = new Set(['https://record.example/*']);
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void (registered = registered.filter((s) => !ids.includes(s.id)))),
      registerContentScripts: vi.fn(async (scripts: Script[]) => {
        for (const s of scripts) if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.push(...scripts);
      }),
    },
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.has(o)));
});

const site = (id: string) => registered.find((s) => s.id === id);

test.each([
  ['the side panel', 'panel' as const, ['ehr.js']],
  ['the in-page panel: the hint first', 'inpage' as const, ['inpage-hint.js', 'ehr.js']],
])('%s', async (_name, mode, js) => {
  const patterns = await syncContentScripts(['https://record.example', 'https://not-granted.example'], mode);
  expect(patterns).toEqual(['https://record.example/*']);
  expect(site('links-sidebar-ehr')).toMatchObject({ matches: ['https://record.example/*'], js, runAt: 'document_start' });
  // A demo build also hints for the demo practice (whose ehr.js its manifest declares), only in the in-page mode.
  expect(site('links-sidebar-demo-hint')?.js).toEqual(mode === 'inpage' && DEMO_ORIGINS.length > 0 ? ['inpage-hint.js'] : undefined);
});

test('going back to the side panel takes the hint away, and no site leaves nothing registered', async () => {
  await syncContentScripts(['https://record.example'], 'inpage');
  await syncContentScripts(['https://record.example'], 'panel');
  expect(registered.map((s) => [s.id, s.js])).toEqual([['links-sidebar-ehr', ['ehr.js']]]);
  await syncContentScripts([], 'inpage');
  expect(registered.filter((s) => s.id === 'links-sidebar-ehr')).toEqual([]);
});
