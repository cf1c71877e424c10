import { describe, expect, test } from 'vitest';
import { dayOf, makeEvent, parseEvent, toDistrictOnly, type EventInput } from '../../src/insights/events';

const now = new Date(2025, 2, 4, 15, 42, 17);

describe('makeEvent enforces privacy', () => {
  test.each([
    ['full postcode becomes its district', { kind: 'search', action: 'no-result', need: 'food', postcode: 'G31 4QT' }, { kind: 'search', action: 'no-result', need: 'food', date: '2025-03-04', district: 'G31' }],
    ['unspaced lower-case postcode', { kind: 'search', action: 'found', postcode: 'eh11ye' }, { kind: 'search', action: 'found', date: '2025-03-04', district: 'EH1' }],
    ['a full postcode passed as district is cut down too', { kind: 'search', action: 'found', district: 'KA7 1AA' }, { kind: 'search', action: 'found', date: '2025-03-04', district: 'KA7' }],
    ['a district stays a district', { kind: 'search', action: 'found', district: 'g31' }, { kind: 'search', action: 'found', date: '2025-03-04', district: 'G31' }],
    ['a non-postcode is dropped', { kind: 'search', action: 'found', postcode: '12 Main Street' }, { kind: 'search', action: 'found', date: '2025-03-04' }],
    ['unknown need dropped, role kept', { kind: 'prompt', action: 'shown', need: 'jobs', role: 'nurse', ruleId: 'money-debt' }, { kind: 'prompt', action: 'shown', role: 'nurse', ruleId: 'money-debt', date: '2025-03-04' }],
    ['unknown role dropped', { kind: 'prompt', action: 'accepted', need: 'money', role: 'admin' }, { kind: 'prompt', action: 'accepted', need: 'money', date: '2025-03-04' }],
    ['an identifier hidden in an id is dropped', { kind: 'signpost', action: 'slip', resourceId: 'chi:1403521234', ruleId: 'Mrs Smith has debt' }, { kind: 'signpost', action: 'slip', date: '2025-03-04' }],
    ['a resource id is kept', { kind: 'signpost', action: 'copied', resourceId: 'aliss:7b1c-22', need: 'housing' }, { kind: 'signpost', action: 'copied', resourceId: 'aliss:7b1c-22', need: 'housing', date: '2025-03-04' }],
  ])('%s', (_name, input, expected) => {
    expect(makeEvent(input as EventInput, now)).toStrictEqual(expected);
  });

  test('extra fields (patient details, timestamps) never survive', () => {
    const input = { kind: 'referral', action: 'sent', need: 'money', chi: '1403521234', name: 'Jean Smith', at: now.toISOString(), patient: { nhsNumber: '9434765919' } };
    const event = makeEvent(input as unknown as EventInput, now);
    expect(Object.keys(event).sort()).toEqual(['action', 'date', 'kind', 'need']);
    expect(JSON.stringify(event)).not.toMatch(/1403521234|9434765919|Jean|T15:42/);
  });

  test('the date is the day only', () => {
    expect(makeEvent({ kind: 'prompt', action: 'shown' }, now).date).toBe('2025-03-04');
    expect(dayOf(new Date(2025, 11, 31, 23, 59, 59))).toBe('2025-12-31');
  });

  test('an unknown kind is a programming error', () => {
    expect(() => makeEvent({ kind: 'click', action: 'shown' } as unknown as EventInput, now)).toThrow(TypeError);
  });

  test.each([
    ['G31 4QT', 'G31'],
    ['EC1A 1BB', 'EC1A'],
    ['ZE2', 'ZE2'],
    ['not a postcode', undefined],
    [42, undefined],
  ])('toDistrictOnly(%j) = %s', (input, expected) => {
    expect(toDistrictOnly(input)).toBe(expected);
  });
});

describe('parseEvent', () => {
  test.each([
    [{ kind: 'prompt', action: 'shown', date: '2025-03-04', need: 'money', extra: 'x' }, { ok: true, value: { kind: 'prompt', action: 'shown', date: '2025-03-04', need: 'money' } }],
    [{ kind: 'prompt', action: 'shown', date: '2025-03-04T10:00:00Z' }, { ok: false, reason: 'Event date must be a day (yyyy-mm-dd), with no time.' }],
    [{ kind: 'search', action: 'no-result', date: '2025-03-04', district: 'G31 4QT' }, { ok: false, reason: 'Event area must be a postcode district such as G31, never a full postcode.' }],
    [{ kind: 'prompt', action: 'waved', date: '2025-03-04' }, { ok: false, reason: 'Event action is not recognised.' }],
    [{ kind: 'signpost', action: 'slip', date: '2025-03-04', resourceId: '1403521234' }, { ok: false, reason: 'Event resource id looks like a patient identifier.' }],
    ['nonsense', { ok: false, reason: expect.any(String) }],
  ])('parseEvent(%j)', (input, expected) => {
    expect(parseEvent(input)).toEqual(expected);
  });
});
