/**
 * Runs `run` once the next frame has painted: a frame callback, then a task queued from it (which the event
 * loop runs after that frame's style, layout and paint). For work that must not hold back what a user waits
 * for, such as the minimap under a waterfall's first rows. Returns a cancel function (safe to call after it ran).
 */
export function afterNextPaint(run: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!cancelled) run();
    }, 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
