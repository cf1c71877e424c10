import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, parseSettings, type Settings } from '../../src/settings/schema';
import { mergeSettings } from '../../src/settings/merge';

const valid: Settings = {
  practice: { name: 'Parkhead Health Centre', postcode: 'G31 4QT', location: { lat: 55.85, lon: -4.2 }, radiusKm: 3 },
  people: {
    clp: { name: 'Morag Brown', phone: '0141 000 0000', email: 'morag.brown@nhs.scot' },
    referrers: [{ name: 'Dr Ali', role: 'gp' }, { name: 'Jo Reid', role: 'receptionist' }],
    currentReferrer: 'Dr Ali',
  },
  role: 'nurse',
  origins: ['https://ehr.example.scot', 'http://127.0.0.1:8080'],
  directorySources: [{ id: 'aliss', label: 'ALISS', url: 'https://api.aliss.org/v5/services/', format: 'aliss', refreshHours: 24, pageLimit: 500 }],
  destination: { kind: 'fhir', baseUrl: 'https://fhir.example.scot/R4' },
  identifierSystems: { chi: 'https://fhir.nhs.uk/Id/chi-number', nhs: 'https://fhir.nhs.uk/Id/nhs-number' },
  adapters: [{ id: 'emis-web', match: 'https://ehr.example.scot/*' }],
  rules: { disabled: ['money-debt'], custom: [{ id: 'custom-1' }], generic: 'on' },
  privacy: { retentionDays: 90 },
  sidebar: { mode: 'inpage', idleMinutes: 10 },
};

/** `valid` with one change made at a dotted path. */
function withValue(path: string, value: unknown): unknown {
  const copy = structuredClone(valid) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  keys.slice(0, -1).forEach((k) => (node = node[k] as Record<string, unknown>));
  node[keys[keys.length - 1] as string] = value;
  return copy;
}

describe('parseSettings', () => {
  test('a complete valid object passes unchanged', () => {
    expect(parseSettings(valid)).toEqual({ ok: true, value: valid });
  });

  test('an empty object gives the defaults', () => {
    expect(parseSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.privacy.retentionDays).toBe(30);
    expect(DEFAULT_SETTINGS.destination).toEqual({ kind: 'print' });
    expect(DEFAULT_SETTINGS.practice.radiusKm).toBe(5);
  });

  test.each([
    ['privacy.retentionDays', 0, 'Retention must be a whole number of days between 1 and 365.'],
    ['privacy.retentionDays', 366, 'Retention must be a whole number of days between 1 and 365.'],
    ['privacy.retentionDays', 7.5, 'Retention must be a whole number of days between 1 and 365.'],
    ['privacy.retentionDays', '30', 'Retention must be a whole number of days between 1 and 365.'],
    ['practice.radiusKm', 0, 'Search radius must be a number of kilometres between 0.5 and 100.'],
    ['practice.postcode', 'NOT A POSTCODE', 'Practice postcode is not a valid UK postcode.'],
    ['practice.location.lat', 123, 'Latitude must be a number between -90 and 90.'],
    ['role', 'admin', 'Your role must be GP, nurse or receptionist.'],
    ['origins.0', 'http://ehr.example.scot', 'Clinical-record address must be a site address like https://ehr.example.scot (https only, no page path; http only for localhost).'],
    ['origins.0', 'https://ehr.example.scot/patients', 'Clinical-record address must be a site address like https://ehr.example.scot (https only, no page path; http only for localhost).'],
    ['origins.0', 'https://*.example.scot', 'Clinical-record address must be a site address like https://ehr.example.scot (https only, no page path; http only for localhost).'],
    ['origins', 'https://ehr.example.scot', 'Clinical-record addresses must be a list.'],
    ['directorySources.0.format', 'xml', 'Directory format must be ALISS, HSDS, Open Referral UK or CSV.'],
    ['directorySources.0.refreshHours', 0, 'Directory refresh must be a whole number of hours between 1 and 720.'],
    ['directorySources.0.url', 'http://example.org/feed', 'Directory source address must start with https:// (plain http is only allowed for localhost).'],
    ['directorySources.0.id', 'local', 'Directory source id "local" and "demo" are reserved.'],
    ['directorySources.0.id', 'has space', 'Directory source id may only use letters, digits and hyphens.'],
    ['destination', { kind: 'fax', number: '1' }, 'Referral destination must be FHIR, webhook, email or print.'],
    ['destination', { kind: 'webhook', url: 'http://hooks.example.scot' }, 'Webhook address must start with https:// (plain http is only allowed for localhost).'],
    ['destination', { kind: 'email', to: 'not-an-email' }, 'Referral email address is not a valid email address.'],
    ['destination', { kind: 'fhir', baseUrl: '' }, 'FHIR server address is missing.'],
    ['people.clp.email', 'morag@', 'Community Links Practitioner email is not a valid email address.'],
    ['people.referrers.0.role', 'doctor', 'Referrer role must be GP, nurse, receptionist or other.'],
    ['people.referrers.0.name', '  ', 'Referrer name is missing.'],
    ['identifierSystems.chi', 'chi', 'CHI identifier system must be a web address (https://…) or a urn: name.'],
    ['adapters.0', 'emis', 'Each site adapter must be a JSON object.'],
    ['sidebar.mode', 'floating', 'Where the sidebar shows must be "panel" (the browser\'s side panel) or "inpage" (inside the record page).'],
    ['sidebar.idleMinutes', 0, 'The standalone idle time must be a whole number of minutes between 1 and 60.'],
  ])('%s = %j is refused: %s', (path, value, message) => {
    const result = parseSettings(withValue(path, value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path: path.startsWith('destination') ? expect.stringMatching(/^destination/) : path, message });
  });

  test.each([
    ['people.currentReferrer', 'Dr Nobody', 'Current referrer "Dr Nobody" is not in the list of referrers.'],
    ['directorySources', [{ id: 'a', label: 'A', format: 'csv', refreshHours: 1, pageLimit: 500 }, { id: 'A', label: 'B', format: 'csv', refreshHours: 1, pageLimit: 500 }], 'Two directory sources share the id "A".'],
  ])('cross-field rule %s', (path, value, message) => {
    const result = parseSettings(withValue(path, value));
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([message]);
  });

  test.each([
    ['origins', ['https://ehr.example.scot/', 'https://EHR.example.scot'], ['https://ehr.example.scot']],
    ['origins', ['http://localhost:3000'], ['http://localhost:3000']],
    ['practice.postcode', 'g314qt', 'G31 4QT'],
  ])('%s %j is normalised to %j', (path, value, expected) => {
    const result = parseSettings(withValue(path, value));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [section, key] = path.split('.') as [keyof Settings, string | undefined];
    const got = key ? (result.value[section] as unknown as Record<string, unknown>)[key] : result.value[section];
    expect(got).toEqual(expected);
  });

  test('every problem is listed, and not-an-object is refused', () => {
    const result = parseSettings({ role: 'x', privacy: { retentionDays: 0 } });
    expect(result.ok ? 0 : result.errors.length).toBe(2);
    expect(parseSettings('hello')).toEqual({ ok: false, errors: [{ path: '', message: 'Settings must be a JSON object.' }] });
  });

  test('unknown keys are dropped', () => {
    const result = parseSettings({ ...valid, snoozeSalt: 'abc', patient: { chi: '1234567890' } });
    expect(result.ok && Object.keys(result.value)).toEqual(Object.keys(valid));
  });
});

describe('mergeSettings', () => {
  const base = defaultSettings();
  test.each([
    ['nested field', { privacy: { retentionDays: 60 } }, (s: Settings) => s.privacy, { retentionDays: 60 }],
    ['array replaces', { origins: ['https://b.scot'] }, (s: Settings) => s.origins, ['https://b.scot']],
    ['kind change replaces destination', { destination: { kind: 'email', to: 'clp@nhs.scot' } }, (s: Settings) => s.destination, { kind: 'email', to: 'clp@nhs.scot' }],
    ['undefined removes an optional field', { practice: { postcode: undefined } }, (s: Settings) => s.practice, { name: '', radiusKm: 5 }],
  ] as const)('%s', (_name, patch, pick, expected) => {
    const withPostcode = mergeSettings(base, { practice: { postcode: 'G31 4QT' }, origins: ['https://a.scot'] });
    expect(pick(mergeSettings(withPostcode, patch as Parameters<typeof mergeSettings>[1]))).toEqual(expected);
  });

  test('does not change its inputs', () => {
    const patch = { people: { referrers: [{ name: 'A', role: 'gp' as const }] } };
    const merged = mergeSettings(base, patch);
    merged.people.referrers.push({ name: 'B', role: 'nurse' });
    expect(base).toEqual(DEFAULT_SETTINGS);
    expect(patch.people.referrers).toHaveLength(1);
  });
});
