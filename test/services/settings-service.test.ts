/** Settings saved only when valid; browser policy (storage.managed, WXT's fake browser) overrides and locks. */
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinksDatabase } from '../../src/db/database';
import { defaultSettings } from '../../src/settings/schema';
import { forgetSettings, loadSettings, saveSettings } from '../../src/services/settings/store';

let db: LinksDatabase;
let n = 0;
beforeEach(() => {
  db = new LinksDatabase(`settings-test-${++n}`);
});

test('an invalid save changes nothing and says why, field by field', async () => {
  const bad = { ...defaultSettings(), privacy: { retentionDays: 900 } };
  await expect(saveSettings(db, bad)).rejects.toMatchObject({ kind: 'Invalid', details: [expect.objectContaining({ path: 'privacy.retentionDays' })] });
  expect((await loadSettings(db)).settings.privacy.retentionDays).toBe(30);
});

test('managed policy values override local ones and are reported as locked', async () => {
  await saveSettings(db, { ...defaultSettings(), privacy: { retentionDays: 60 } });
  await fakeBrowser.storage.managed.set({ retentionDays: 14, destination: { kind: 'fhir', baseUrl: 'https://clp.nhsggc.example/fhir' } });
  // What the background's storage.onChanged('managed') listener does.
  forgetSettings(db);
  const { settings, locked } = await loadSettings(db);
  expect(settings.privacy.retentionDays).toBe(14);
  expect(settings.destination).toEqual({ kind: 'fhir', baseUrl: 'https://clp.nhsggc.example/fhir' });
  expect(locked).toEqual(expect.arrayContaining(['privacy.retentionDays', 'destination']));
});
