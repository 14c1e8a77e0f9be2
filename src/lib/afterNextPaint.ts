import { whenIdle } from './whenIdle';

/**
 * Runs `run` once the next frame has painted and the page is idle: a frame callback, then an idle callback
 * asked for from it (at most `idleTimeoutMs` later, however busy the page), or a task where the browser has no
 * idle callbacks. For work that must not hold back what a user waits for, such as the minimap under a
 * waterfall's first rows. An idle callback, not a plain task: a task queued after the paint still ran before
 * tasks queued earlier in that frame (input, a test's or bench's own after-paint check), and the minimap's 30 ms
 * raster went first. Returns a cancel function (safe to call after it ran).
 */
export function afterNextPaint(run: () => void, idleTimeoutMs = 500): () => void {
  let cancelled = false;
  let cancelIdle: (() => void) | undefined;
  const frame = requestAnimationFrame(() => {
    cancelIdle = whenIdle(
      () => {
        if (!cancelled) run();
      },
      { timeoutMs: idleTimeoutMs, fallbackMs: 0 },
    );
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    cancelIdle?.();
  };
}
