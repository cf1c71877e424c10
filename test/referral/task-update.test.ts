import { describe, expect, test } from 'vitest';
import { newOutboxRow, transition } from '../../src/referral/outbox';
import { readTaskUpdate } from '../../src/referral/task-update';
import { makeReferral } from './fixtures';

const task = (patch: Record<string, unknown>) => ({ resourceType: 'Task', intent: 'order', status: 'requested', ...patch });

describe('readTaskUpdate', () => {
  test.each([
    ['requested, nothing said', task({}), { status: 'requested' }],
    ['accepted with a business status', task({ status: 'accepted', businessStatus: { text: 'Booked for Tuesday' } }), { status: 'accepted', message: 'Booked for Tuesday' }],
    [
      'completed with an outcome',
      task({ status: 'completed', output: [{ type: { text: 'Outcome' }, valueString: 'Joined the Thursday walking group.' }] }),
      { status: 'completed', message: 'Joined the Thursday walking group.' },
    ],
    ['rejected with a reason', task({ status: 'rejected', statusReason: { text: 'Lives outside our area.' } }), { status: 'rejected', message: 'Lives outside our area.' }],
    ['completed, the words only in a note', task({ status: 'completed', note: [{ text: 'Seen twice.' }] }), { status: 'completed', message: 'Seen twice.' }],
  ])('%s', (_name, input, expected) => {
    expect(readTaskUpdate(input)).toEqual(expected);
  });

  test.each([null, 'Task', { resourceType: 'Patient', status: 'active' }, { resourceType: 'Task' }])('not a Task with a status: undefined (%o)', (input) => {
    expect(readTaskUpdate(input)).toBeUndefined();
  });

  test('a very long outcome is clipped', () => {
    const update = readTaskUpdate(task({ status: 'completed', output: [{ valueString: 'x'.repeat(5000) }] }));
    expect(update?.message).toHaveLength(1000);
  });
});

describe('the message back reaches the outbox row', () => {
  const t0 = new Date('2026-11-20T10:00:00.000Z');
  const sent = { ...newOutboxRow(makeReferral(), 'fhir', t0), state: 'sent' as const };

  test('completed with an outcome: state and message', () => {
    const next = transition(sent, { type: 'task-status', status: 'completed', message: 'Joined the walking group.' }, t0);
    expect(next).toMatchObject({ state: 'completed', clpMessage: 'Joined the walking group.' });
  });

  test('same status, new words: the words are updated', () => {
    const accepted = transition(sent, { type: 'task-status', status: 'accepted' }, t0);
    const again = transition(accepted, { type: 'task-status', status: 'accepted', message: 'First meeting booked.' }, t0);
    expect(again).toMatchObject({ state: 'accepted', clpMessage: 'First meeting booked.' });
    expect(transition(again, { type: 'task-status', status: 'accepted', message: 'First meeting booked.' }, t0)).toBe(again);
  });
});
