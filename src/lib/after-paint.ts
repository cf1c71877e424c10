/**
 * Resolves once the page has painted its next frame: an animation frame, then a task (the paint runs between the
 * two), as Preact schedules its effects. A page that paints nothing gets no animation frames (an in-page frame still
 * hidden while its record loads, a background tab), so `fallbackMs` resolves it anyway.
 *
 * For work that must not land before what is already rendered is on screen: a large chunk's evaluation is one task
 * on the main thread, and started in the same task as the first effects it ran before the first paint (#17).
 */
export function afterNextPaint(fallbackMs = 50): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, fallbackMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
