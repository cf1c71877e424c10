import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afterNextPaint } from '../../src/lib/after-paint';

describe('afterNextPaint', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const settled = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  test('waits for a frame and the task after it (the paint runs between them), not for the fallback', async () => {
    const state = settled(afterNextPaint(50));
    await vi.advanceTimersByTimeAsync(10);
    expect(state.done).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.(16);
    // The frame alone is not enough: the paint comes after its callbacks.
    await Promise.resolve();
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
  });

  test('a page that paints no frame (a hidden in-page frame) is released by the fallback', async () => {
    const state = settled(afterNextPaint(50));
    await vi.advanceTimersByTimeAsync(49);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    // A frame that comes later changes nothing (resolved once).
    frames[0]?.(100);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });

  test('with no requestAnimationFrame at all (a worker, an old test DOM), the fallback still resolves', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const state = settled(afterNextPaint(20));
    await vi.advanceTimersByTimeAsync(20);
    expect(state.done).toBe(true);
  });
});
