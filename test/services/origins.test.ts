/**
 * The content script's registration follows the practice's record sites and the sidebar's mode (issue #17): in the
 * in-page mode the mode hint runs first, in the same registration, so the panel's frame starts loading before the
 * config has been read; in the side-panel mode nothing but ehr.js is registered. Calls run in turn, each reading the
 * settings when its turn comes, so a stale call never registers last.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncContentScripts, type Registration } from '../../src/services/origins';

interface Script {
  id: string;
  matches: string[];
  js: string[];
  runAt?: string;
}
let registered: Script[];
const DEMO = ['http://127.0.0.1:4173', 'http://localhost:4173'];

beforeEach(() => {
  registered = [{ id: 'links-sidebar-ehr', matches: ['https://old.example/*'], js: ['ehr.js'] }];
  const granted = new Set(['https://record.example/*']);
  Object.assign(fakeBrowser, {
    scripting: {
      // As Chromium: unknown ids are left out, not an error.
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) if (!registered.some((s) => s.id === id)) throw new Error(`Nonexistent script ID '${id}'`);
        registered = registered.filter((s) => !ids.includes(s.id));
      }),
      registerContentScripts: vi.fn(async (scripts: Script[]) => {
        for (const s of scripts) if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.push(...scripts);
      }),
    },
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.has(o)));
});

const site = (id: string) => registered.find((s) => s.id === id);
const settings = (origins: string[], mode: Registration['mode']) => async (): Promise<Registration> => ({ origins, mode });

test.each([
  ['the side panel', 'panel' as const, ['ehr.js']],
  ['the in-page panel: the hint first', 'inpage' as const, ['inpage-hint.js', 'ehr.js']],
])('%s', async (_name, mode, js) => {
  const patterns = await syncContentScripts(settings(['https://record.example', 'https://not-granted.example'], mode), []);
  expect(patterns).toEqual(['https://record.example/*']);
  expect(site('links-sidebar-ehr')).toMatchObject({ matches: ['https://record.example/*'], js, runAt: 'document_start' });
  expect(site('links-sidebar-demo-hint')).toBeUndefined();
});

test('a demo build hints for the demo practice (whose ehr.js its manifest declares) in the in-page mode only', async () => {
  await syncContentScripts(settings([], 'inpage'), DEMO);
  expect(site('links-sidebar-demo-hint')).toMatchObject({ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['inpage-hint.js'], runAt: 'document_start' });
  // No record site: no ehr.js registration (the demo's is the manifest's).
  expect(site('links-sidebar-ehr')).toBeUndefined();
  await syncContentScripts(settings([], 'panel'), DEMO);
  expect(registered).toEqual([]);
});

test('going back to the side panel takes the hint away, and no site leaves nothing registered', async () => {
  await syncContentScripts(settings(['https://record.example'], 'inpage'), DEMO);
  await syncContentScripts(settings(['https://record.example'], 'panel'), DEMO);
  expect(registered.map((s) => [s.id, s.js])).toEqual([['links-sidebar-ehr', ['ehr.js']]]);
  await syncContentScripts(settings([], 'inpage'), []);
  expect(registered.filter((s) => s.id === 'links-sidebar-ehr')).toEqual([]);
});

test('calls at once run in turn, and the last asked is the one left registered', async () => {
  // The first call's settings read is slow (a worker start), the second's (a save) is quick: run at once, the
  // first would have registered the in-page hint last, after the practice had chosen the side panel.
  let release: () => void = () => undefined;
  const slow = new Promise<void>((r) => (release = r));
  const first = syncContentScripts(async () => (await slow, { origins: ['https://record.example'], mode: 'inpage' }), DEMO);
  const second = syncContentScripts(settings(['https://record.example'], 'panel'), DEMO);
  release();
  await Promise.all([first, second]);
  expect(registered.map((s) => [s.id, s.js])).toEqual([['links-sidebar-ehr', ['ehr.js']]]);
  // Neither call failed on the other's half-done work.
  await expect(first).resolves.toEqual(['https://record.example/*']);
});

test('a failed call does not stop the ones after it', async () => {
  await expect(syncContentScripts(async () => Promise.reject(new Error('settings unreadable')), [])).rejects.toThrow('settings unreadable');
  await expect(syncContentScripts(settings(['https://record.example'], 'panel'), [])).resolves.toEqual(['https://record.example/*']);
});
