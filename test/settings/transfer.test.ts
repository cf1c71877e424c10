import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { exportSettings, importSettingsFile } from '../../src/settings/transfer';
import { mergeSettings } from '../../src/settings/merge';

const now = new Date('2025-03-04T10:15:00Z');

function configured(): Settings {
  return mergeSettings(defaultSettings(), {
    practice: { name: 'Parkhead "North" Practice', postcode: 'G31 4QT', location: { lat: 55.852, lon: -4.201 }, radiusKm: 2.5 },
    people: { clp: { name: 'Morag', email: 'morag@nhs.scot' }, referrers: [{ name: 'Dr Ali', role: 'gp' }], currentReferrer: 'Dr Ali' },
    origins: ['https://ehr.example.scot'],
    directorySources: [{ id: 'aliss', label: 'ALISS', format: 'aliss', refreshHours: 24, pageLimit: 500 }],
    destination: { kind: 'webhook', url: 'https://hooks.example.scot/clp' },
    adapters: [{ id: 'vision', fields: { chi: '#chi' } }],
    rules: { disabled: ['r1'], custom: [] },
    privacy: { retentionDays: 45 },
  });
}

const file = (body: unknown): string => JSON.stringify(body);

describe('exportSettings / importSettingsFile', () => {
  test.each([
    ['defaults', defaultSettings()],
    ['a configured practice', configured()],
  ])('round trip of %s is exact with no changes', (_name, settings) => {
    const text = exportSettings(settings, now);
    const result = importSettingsFile(text, settings);
    expect(result).toEqual({ ok: true, settings, changes: [] });
    if (result.ok) expect(result.settings).toStrictEqual(settings);
  });

  test('the file has the format header and no patient data or snooze salt', () => {
    const leaky = { ...configured(), snoozeSalt: 's3cret', patient: { chi: '1234567890' } } as Settings;
    const text = exportSettings(leaky, now);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'settings']);
    expect(json).toMatchObject({ format: 'links-sidebar-settings', version: 1, exportedAt: '2025-03-04T10:15:00.000Z' });
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('1234567890');
  });

  test.each([
    ['malformed JSON', '{"format": "links-sidebar-settings", ', 'This file could not be read: it is not a valid settings file (the JSON is damaged or incomplete).'],
    ['a foreign file', file({ name: 'my-extension', settings: {} }), 'This is not a Links Sidebar settings file. Choose a file exported from the Links Sidebar options page.'],
    ['another format', file({ format: 'other', version: 1, settings: {} }), 'This is not a Links Sidebar settings file. Choose a file exported from the Links Sidebar options page.'],
    ['a JSON list', '[1,2]', 'This is not a Links Sidebar settings file. Choose a file exported from the Links Sidebar options page.'],
    ['a future version', file({ format: 'links-sidebar-settings', version: 2, settings: {} }), 'This settings file was made by a newer version of Links Sidebar (file version 2). Update the extension, then import it again.'],
    ['no version', file({ format: 'links-sidebar-settings', settings: {} }), 'This settings file has no valid version number, so it cannot be imported safely.'],
    ['no settings', file({ format: 'links-sidebar-settings', version: 1 }), 'This settings file contains no settings.'],
    ['invalid settings', file({ format: 'links-sidebar-settings', version: 1, settings: { privacy: { retentionDays: 900 } } }), 'The settings in this file are not valid, so nothing was imported: Retention must be a whole number of days between 1 and 365. (privacy.retentionDays)'],
  ])('refuses %s', (_name, text, reason) => {
    expect(importSettingsFile(text, configured())).toEqual({ ok: false, reason });
  });

  test('a byte-order mark from Windows editors is tolerated', () => {
    const text = `\uFEFF${exportSettings(configured(), now)}`;
    expect(importSettingsFile(text, configured()).ok).toBe(true);
  });

  test('changes preview lists each changed leaf, whole lists and whole destinations', () => {
    const current = configured();
    const incoming = mergeSettings(current, {
      privacy: { retentionDays: 90 },
      origins: ['https://ehr.example.scot', 'https://ehr2.example.scot'],
      destination: { kind: 'email', to: 'clp@nhs.scot' },
      practice: { postcode: undefined },
    });
    const result = importSettingsFile(exportSettings(incoming, now), current);
    expect(result.ok && result.changes).toEqual([
      { path: 'practice.postcode', from: 'G31 4QT', to: undefined },
      { path: 'origins', from: ['https://ehr.example.scot'], to: ['https://ehr.example.scot', 'https://ehr2.example.scot'] },
      { path: 'destination', from: { kind: 'webhook', url: 'https://hooks.example.scot/clp' }, to: { kind: 'email', to: 'clp@nhs.scot' } },
      { path: 'privacy.retentionDays', from: 45, to: 90 },
    ]);
  });
});

describe('round trip (property)', () => {
  test('any valid settings survive export then import unchanged', () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.trim());
    const arbitrarySettings = fc.record({
      practice: fc.record({ name: text, radiusKm: fc.double({ min: 0.5, max: 100, noNaN: true }) }),
      role: fc.constantFrom('gp', 'nurse', 'receptionist'),
      origins: fc.uniqueArray(fc.constantFrom('https://a.scot', 'https://b.example.scot', 'http://localhost:8080')),
      destination: fc.oneof(
        fc.constant({ kind: 'print' }),
        fc.constantFrom('https://x.scot/hook', 'https://y.scot').map((url) => ({ kind: 'webhook', url })),
      ),
      privacy: fc.record({ retentionDays: fc.integer({ min: 1, max: 365 }) }),
      rules: fc.record({ disabled: fc.array(fc.constantFrom('r1', 'money-debt')), custom: fc.array(fc.dictionary(fc.constantFrom('id', 'need'), fc.string())) }),
    });
    fc.assert(
      fc.property(arbitrarySettings, (partial) => {
        const settings = mergeSettings(defaultSettings(), partial as Parameters<typeof mergeSettings>[1]);
        const result = importSettingsFile(exportSettings(settings, now), settings);
        expect(result).toEqual({ ok: true, settings, changes: [] });
      }),
      { numRuns: 100, seed: 42 },
    );
  });
});
