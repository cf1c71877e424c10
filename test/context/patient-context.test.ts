import { describe, expect, test } from 'vitest';
import { identifierTail, patientKey } from '../../src/context/patient-context';

describe('patientKey', () => {
  test.each([
    [{ chi: '1234567890' }, 'chi:1234567890'],
    [{ nhsNumber: '9434765919' }, 'nhs:9434765919'],
    [{ chi: '1234567890', nhsNumber: '9434765919' }, 'chi:1234567890'],
    [{}, undefined],
  ])('%o -> %s', (ctx, key) => {
    expect(patientKey(ctx)).toBe(key);
  });
  test('identifierTail gives the last four digits', () => {
    expect(identifierTail({ chi: '1403521234' })).toBe('1234');
  });
});
