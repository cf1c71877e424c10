import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { applyManaged, isLocked, MANAGED_POLICY_NAMES, POLICY_NAMES } from '../../src/settings/managed';
import { defaultSettings, parseSettings, type Settings } from '../../src/settings/schema';

function local(): Settings {
  const s = defaultSettings();
  s.practice = { name: 'Local name', postcode: 'G31 4QT', radiusKm: 5 };
  s.origins = ['https://local.example.scot'];
  s.privacy.retentionDays = 30;
  return s;
}

describe('applyManaged (pure)', () => {
  test.each([
    ['destination', { destination: { kind: 'webhook', url: 'https://hooks.nhs.scot/links' } }, (s: Settings) => s.destination, { kind: 'webhook', url: 'https://hooks.nhs.scot/links' }, ['destination']],
    ['retention', { retentionDays: 14 }, (s: Settings) => s.privacy.retentionDays, 14, ['privacy.retentionDays']],
    ['origins', { origins: ['https://ehr.nhs.scot/'] }, (s: Settings) => s.origins, ['https://ehr.nhs.scot'], ['origins']],
    ['practice part', { practice: { name: 'Central name' } }, (s: Settings) => s.practice, { name: 'Central name', postcode: 'G31 4QT', radiusKm: 5 }, ['practice.name']],
    ['identifier system', { identifierSystems: { chi: 'urn:oid:2.16.840.1.113883.2.1.3.2.4.18.23' } }, (s: Settings) => s.identifierSystems.chi, 'urn:oid:2.16.840.1.113883.2.1.3.2.4.18.23', ['identifierSystems.chi']],
    ['sources', { directorySources: [{ id: 'aliss', label: 'ALISS', format: 'aliss', refreshHours: 12 }] }, (s: Settings) => s.directorySources.map((d) => d.id), ['aliss'], ['directorySources']],
    ['adapters as JSON strings (Chrome)', { adapters: ['{"id":"vision"}'] }, (s: Settings) => s.adapters, [{ id: 'vision' }], ['adapters']],
    ['adapters as objects (Firefox)', { adapters: [{ id: 'vision' }] }, (s: Settings) => s.adapters, [{ id: 'vision' }], ['adapters']],
  ] as const)('%s overrides and locks', (_name, managed, pick, expected, locked) => {
    const result = applyManaged(local(), managed);
    expect(pick(result.settings)).toEqual(expected);
    expect(result.locked).toEqual(locked);
    expect(result.warnings).toEqual([]);
    expect(parseSettings(result.settings).ok).toBe(true);
  });

  test.each([
    ['retention out of range', { retentionDays: 0 }, 'The central policy setting for retention days was ignored: Retention must be a whole number of days between 1 and 365.'],
    ['insecure webhook', { destination: { kind: 'webhook', url: 'http://hooks.example' } }, 'The central policy setting for referral destination was ignored: Webhook address must start with https:// (plain http is only allowed for localhost).'],
    ['unknown policy', { colour: 'blue' }, 'The central policy setting "colour" is not one Links Sidebar knows, so it was ignored.'],
    ['bad adapter JSON', { adapters: ['{oops'] }, 'The central policy setting for site adapters was ignored: Each site adapter must be a JSON object.'],
    ['not an object', 'retentionDays=7', 'Central policy settings were ignored: they are not a set of named values.'],
  ])('%s is ignored with a warning', (_name, managed, warning) => {
    const result = applyManaged(local(), managed);
    expect(result.settings).toEqual(local());
    expect(result.locked).toEqual([]);
    expect(result.warnings).toEqual([warning]);
  });

  test('good values still apply when another is bad', () => {
    const result = applyManaged(local(), { retentionDays: 7, origins: ['ftp://x'] });
    expect(result.settings.privacy.retentionDays).toBe(7);
    expect(result.settings.origins).toEqual(['https://local.example.scot']);
    expect(result.locked).toEqual(['privacy.retentionDays']);
    expect(result.warnings).toHaveLength(1);
  });

  test('no managed storage changes nothing', () => {
    expect(applyManaged(local(), undefined)).toEqual({ settings: local(), locked: [], warnings: [] });
    expect(applyManaged(local(), {})).toEqual({ settings: local(), locked: [], warnings: [] });
  });

  test.each([
    [['destination'], 'destination.url', true],
    [['practice.name'], 'practice.name', true],
    [['practice.name'], 'practice.postcode', false],
    [['privacy.retentionDays'], 'privacy', false],
  ])('isLocked(%j, %s) = %s', (locked, path, expected) => {
    expect(isLocked(locked, path)).toBe(expected);
  });
});

describe('applyManaged with the browser managed storage area', () => {
  test('values set by policy are read and locked', async () => {
    await fakeBrowser.storage.managed.set({
      destination: { kind: 'email', to: 'clp.parkhead@nhs.scot' },
      retentionDays: 60,
      practice: { name: 'Parkhead Health Centre', radiusKm: 3 },
    });
    const managed = await fakeBrowser.storage.managed.get();
    const result = applyManaged(local(), managed);
    expect(result.settings.destination).toEqual({ kind: 'email', to: 'clp.parkhead@nhs.scot' });
    expect(result.settings.privacy.retentionDays).toBe(60);
    expect(result.settings.practice).toEqual({ name: 'Parkhead Health Centre', postcode: 'G31 4QT', radiusKm: 3 });
    expect(result.locked).toEqual(['practice.name', 'practice.radiusKm', 'destination', 'privacy.retentionDays']);
  });

  test('an empty managed area leaves local settings alone', async () => {
    const managed = await fakeBrowser.storage.managed.get();
    expect(applyManaged(local(), managed).locked).toEqual([]);
  });
});

describe('public/managed-schema.json', () => {
  const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as {
    type: string;
    properties: Record<string, unknown>;
  };

  test('declares exactly the policy names (settings and destination secrets), as Chrome requires', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_NAMES].sort());
    expect(POLICY_NAMES).toEqual([...MANAGED_POLICY_NAMES, 'destinationSecrets']);
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  /** Chrome refuses the extension if any sub-schema lacks a single type or uses an unsupported keyword. */
  function check(node: unknown, path: string, problems: string[]): void {
    const n = node as Record<string, unknown>;
    const allowed = ['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum', 'additionalProperties'];
    for (const key of Object.keys(n)) if (!allowed.includes(key)) problems.push(`${path}: ${key}`);
    if (!['object', 'array', 'string', 'integer', 'number', 'boolean'].includes(n.type as string)) problems.push(`${path}: type`);
    if (('minimum' in n || 'maximum' in n) && n.type !== 'integer') problems.push(`${path}: min/max on non-integer`);
    for (const [k, child] of Object.entries((n.properties as Record<string, unknown>) ?? {})) check(child, `${path}.${k}`, problems);
    if (n.items) check(n.items, `${path}[]`, problems);
  }

  test('uses only keywords Chrome supports', () => {
    const problems: string[] = [];
    check(schema, '', problems);
    expect(problems).toEqual([]);
  });
});

describe('docs/deployment.md worked examples', () => {
  const docs = readFileSync('docs/deployment.md', 'utf8');
  const blocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
  const managedBlocks = blocks.flatMap((b) => {
    const root = (b.policies ?? b) as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    const third = root['3rdparty'];
    const byId = third?.extensions ?? third?.Extensions;
    return byId ? Object.values(byId) : [];
  });

  test('the Chrome (Linux) and Firefox examples apply cleanly', () => {
    expect(managedBlocks).toHaveLength(2);
    for (const managed of managedBlocks) {
      const result = applyManaged(local(), managed);
      expect(result.warnings).toEqual([]);
      expect(result.locked).toEqual(['practice.postcode', 'origins', 'directorySources', 'destination', 'privacy.retentionDays']);
    }
  });
});
