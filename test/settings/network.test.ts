import { describe, expect, test } from 'vitest';
import { networkOrigins, originOf, originPattern } from '../../src/settings/network';
import type { Settings } from '../../src/settings/schema';

type Parts = Pick<Settings, 'destination' | 'directorySources'>;
const source = (id: string, url?: string) => ({ id, label: id, format: 'aliss' as const, refreshHours: 24, pageLimit: 500, ...(url ? { url } : {}) });

describe('networkOrigins: the sites the background fetches, each needing permission', () => {
  test.each<[string, Parts, { destination: string[]; directory: string[] }]>([
    ['a FHIR server with a path', { destination: { kind: 'fhir', baseUrl: 'https://clp.example.scot/fhir/R4' }, directorySources: [] }, { destination: ['https://clp.example.scot'], directory: [] }],
    ['a webhook on a port', { destination: { kind: 'webhook', url: 'https://hooks.example.scot:8443/links' }, directorySources: [] }, { destination: ['https://hooks.example.scot:8443'], directory: [] }],
    ['email needs no site', { destination: { kind: 'email', to: 'clp@nhs.scot' }, directorySources: [] }, { destination: [], directory: [] }],
    ['print needs no site', { destination: { kind: 'print' }, directorySources: [] }, { destination: [], directory: [] }],
    [
      'directory sources, one origin each, files without an address skipped',
      { destination: { kind: 'print' }, directorySources: [source('a', 'https://api.aliss.org/v4/services/?q=food'), source('b', 'https://api.aliss.org/v4/services/?q=money'), source('c')] },
      { destination: [], directory: ['https://api.aliss.org'] },
    ],
  ])('%s', (_label, settings, expected) => {
    expect(networkOrigins(settings)).toEqual(expected);
  });

  test.each([
    ['http://127.0.0.1:4173/fhir', 'http://127.0.0.1:4173'],
    ['not a url', undefined],
    ['mailto:clp@nhs.scot', undefined],
  ])('originOf(%j) = %j', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
});

describe('originPattern', () => {
  test.each([
    ['https://ehr.example.scot', 'https://ehr.example.scot/*'],
    ['https://ehr.example.scot:8443', 'https://ehr.example.scot/*'],
    ['http://127.0.0.1:4173', 'http://127.0.0.1/*'],
    ['http://localhost', 'http://localhost/*'],
  ])('%s -> %s (no port: match patterns have none)', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });
});
