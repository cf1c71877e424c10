/**
 * Resolves once the page has painted its next frame: an animation frame, then a task (the paint runs between the
 * two), as Preact schedules its effects. A page that paints nothing gets no animation frames (an in-page frame still
 * hidden while its record loads, a background tab), so `fallbackMs` resolves it anyway.
 *
 * For work that should wait until what is already rendered is on screen: the sidebar's prompt engine, a large chunk
 * evaluated in one task, made the side panel searchable later when asked for among its first effects (#17).
 */
export function afterNextPaint(fallbackMs = 50): Promise<void> {
  return new Promise((resolve) => {
    // Whichever comes first resolves; a promise resolves once, so the other is a no-op.
    const finish = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, fallbackMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
