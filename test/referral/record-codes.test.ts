import { describe, expect, test } from 'vitest';
import { recordCodeFor, snomedForRecord, type RecordEvent } from '../../src/referral/record-codes';

describe('recordCodeFor', () => {
  test.each([
    ['clp-referral', '871731000000106', 'Referral to social prescribing service'],
    ['declined', '871711000000103', 'Social prescribing declined'],
  ] as const)('%s: SNOMED CT %s |%s|', (event, code, term) => {
    const entry = recordCodeFor(event);
    expect(entry.code).toEqual({ system: 'http://snomed.info/sct', code, term, copyText: `${term} (SNOMED CT ${code})` });
    expect(entry.text).toBe(`${term} (SNOMED CT ${code})`);
    expect(entry.note).toBeUndefined();
  });

  test.each(['signposting', 'supported-signposting'] as RecordEvent[])('%s: no checked code, so words and a note, never a guessed code', (event) => {
    const entry = recordCodeFor(event);
    expect(entry.code).toBeUndefined();
    expect(entry.text).toMatch(/signpost/i);
    expect(entry.note).toMatch(/No SNOMED CT code/);
  });

  test('snomedForRecord is the referral code', () => {
    expect(snomedForRecord()).toEqual(recordCodeFor('clp-referral').code);
  });
});
