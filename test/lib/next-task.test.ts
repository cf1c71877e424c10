import { describe, expect, test } from 'vitest';
import { nextTask } from '../../src/lib/next-task';

describe('nextTask', () => {
  test('resolves after the microtasks already queued, like the zero timer it replaces', async () => {
    let microtaskRan = false;
    void Promise.resolve().then(() => (microtaskRan = true));
    await nextTask();
    expect(microtaskRan).toBe(true);
  });

  test('waits resolve in the order they were asked for, however many are pending', async () => {
    const order: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => nextTask().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test('a long chain of waits finishes (a sliced computation never stalls)', async () => {
    let slices = 0;
    for (let i = 0; i < 200; i += 1) {
      await nextTask();
      slices += 1;
    }
    expect(slices).toBe(200);
  });
});
