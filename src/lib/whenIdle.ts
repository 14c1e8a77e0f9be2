/**
 * Runs `run` when the browser is next idle, at most `timeoutMs` later however busy the page is; where there are
 * no idle callbacks (jsdom, older Safari), after a `fallbackMs` timer. Returns a cancel function (safe to call
 * after it ran).
 */
export function whenIdle(run: () => void, { timeoutMs, fallbackMs }: { timeoutMs: number; fallbackMs: number }): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => globalThis.cancelIdleCallback(id);
  }
  const timer = setTimeout(run, fallbackMs);
  return () => clearTimeout(timer);
}
