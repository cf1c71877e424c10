/**
 * Issue #15: the destination's sign-in in settings, policy, files and network
 * access; its secrets in none of the settings paths.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AUTH_STORAGE_KEYS, memoryStore, resolveSecrets, writeLocalSecrets } from '../../src/referral/auth';
import { applyManaged } from '../../src/settings/managed';
import { mergeSettings } from '../../src/settings/merge';
import { networkOrigins } from '../../src/settings/network';
import { defaultSettings, parseSettings, type Settings } from '../../src/settings/schema';
import { exportSettings, importSettingsFile } from '../../src/settings/transfer';

const now = new Date('2026-11-20T10:00:00Z');
const oauthDestination = {
  kind: 'fhir' as const,
  baseUrl: 'https://clp.example.scot/fhir/R4',
  auth: { kind: 'smart-backend' as const, tokenUrl: 'https://login.nhs-board.example.scot/oauth2/token', clientId: 'practice-43010', scope: 'system/ServiceRequest.c system/Task.cru', alg: 'ES384' as const },
};
const withDestination = (destination: Settings['destination']): Settings => mergeSettings(defaultSettings(), { destination });

describe('settings with a signed-in destination', () => {
  test('saved and read back whole', () => {
    const parsed = parseSettings(withDestination(oauthDestination));
    expect(parsed.ok && parsed.value.destination).toEqual(oauthDestination);
  });

  test('the token endpoint is a site the browser must allow too', () => {
    expect(networkOrigins({ destination: oauthDestination, directorySources: [] }).destination).toEqual([
      'https://clp.example.scot',
      'https://login.nhs-board.example.scot',
    ]);
  });

  test('a settings file carries the sign-in settings and no secret; a credential header is left out', async () => {
    const store = memoryStore();
    await writeLocalSecrets(store, { clientSecret: 'top-secret-123', bearerToken: 'bearer-xyz' });
    const text = exportSettings(withDestination(oauthDestination), now);
    expect(text).toContain('practice-43010');
    for (const secret of ['top-secret-123', 'bearer-xyz']) expect(text).not.toContain(secret);

    const hook = withDestination({ kind: 'webhook', url: 'https://h.example.scot/in', headers: { 'X-Practice': '43010', Authorization: 'Bearer legacy-1', 'X-Api-Key': 'k-2' } });
    const exported = exportSettings(hook, now);
    expect(exported).toContain('X-Practice');
    for (const leak of ['legacy-1', 'k-2', 'Authorization']) expect(exported).not.toContain(leak);
    const imported = importSettingsFile(exported, defaultSettings());
    expect(imported.ok && imported.settings.destination).toEqual({ kind: 'webhook', url: 'https://h.example.scot/in', headers: { 'X-Practice': '43010' } });
  });

  test('a secret put into a settings file by hand is dropped on import', () => {
    const text = JSON.stringify({
      format: 'links-sidebar-settings',
      version: 1,
      exportedAt: now.toISOString(),
      settings: { destination: { ...oauthDestination, auth: { ...oauthDestination.auth, clientSecret: 'sneaky' } } },
    });
    const result = importSettingsFile(text, defaultSettings());
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('sneaky');
  });
});

describe('browser policy', () => {
  test('destination with auth and its secret: the destination is locked, the secret stays out of the settings', async () => {
    const managed = { destination: oauthDestination, destinationSecrets: { clientSecret: 'from-board' } };
    const result = applyManaged(defaultSettings(), managed);
    expect(result.warnings).toEqual([]);
    expect(result.locked).toEqual(['destination']);
    expect(result.settings.destination).toEqual(oauthDestination);
    expect(JSON.stringify(result.settings)).not.toContain('from-board');
    const store = memoryStore();
    expect((await resolveSecrets(store, managed)).secrets.clientSecret).toBe('from-board');
    expect(await store.get(AUTH_STORAGE_KEYS.secrets)).toBeUndefined();
  });

  test('a bad policy secret is reported with the other policy warnings, without its value', () => {
    const result = applyManaged(defaultSettings(), { destinationSecrets: { bearerToken: 42 } });
    expect(result.warnings).toEqual(['The central policy secret bearerToken was ignored: it must be non-empty text.']);
  });
});

describe('docs/deployment.md: the examples for connecting a CLP service', () => {
  const docs = readFileSync('docs/deployment.md', 'utf8');
  const examples = [...docs.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>)
    .filter((b) => 'destination' in b && !('3rdparty' in b));

  test('one per sign-in method, each applying cleanly, the secret reaching the sender', async () => {
    expect(examples.map((e) => (e.destination as { auth: { kind: string } }).auth.kind)).toEqual(['bearer', 'client-credentials', 'smart-backend']);
    for (const managed of examples) {
      const result = applyManaged(defaultSettings(), managed);
      expect(result.warnings).toEqual([]);
      expect(result.settings.destination).toEqual(managed.destination);
      const { secrets } = await resolveSecrets(memoryStore(), managed);
      expect(Object.keys(secrets)).toEqual(Object.keys((managed.destinationSecrets as object | undefined) ?? {}));
    }
  });
});

describe('the practice contact sent with referrals', () => {
  test('phone and a secure email are settings (and settable by policy)', () => {
    const parsed = parseSettings(mergeSettings(defaultSettings(), { practice: { name: 'Kelvinbrae', phone: ' 0141 555 0100 ', email: 'kelvinbrae@nhs.scot', radiusKm: 5 } }));
    expect(parsed.ok && parsed.value.practice).toEqual({ name: 'Kelvinbrae', phone: '0141 555 0100', email: 'kelvinbrae@nhs.scot', radiusKm: 5 });
    expect(applyManaged(defaultSettings(), { practice: { email: 'board-set@nhs.scot' } }).locked).toEqual(['practice.email']);
  });

  test('a bad email is named', () => {
    const parsed = parseSettings(mergeSettings(defaultSettings(), { practice: { email: 'not-an-email' } }));
    expect(!parsed.ok && parsed.errors[0]?.message).toBe('Practice email is not a valid email address.');
  });
});
