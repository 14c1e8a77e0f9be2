/** One forced-GC reading of a page's JS heap, taken after `refreshes` refresh cycles. */
export interface HeapCheckpoint {
  refreshes: number;
  /** ms since the first refresh of the run. */
  elapsedMs: number;
  usedBytes: number;
}

export interface HeapSlope {
  /** Least-squares growth of the used heap, in kB (1000 bytes) per 100 refreshes. */
  kbPer100: number;
  /** The checkpoints the line was fitted to (those at or after the warm-up). */
  fitted: number;
}

/**
 * Fits a straight line, least squares, to the used heap against the refresh count, over the checkpoints
 * taken at least `warmupMs` after the first refresh. The warm-up leaves out the one-time fill: caches
 * that grow until their first entries expire (range results live a fixed time after they go unused), so
 * only what keeps growing after that counts. Returns undefined with fewer than 3 checkpoints to fit, or
 * when they do not span any refreshes.
 */
export function heapGrowthSlope(checkpoints: readonly HeapCheckpoint[], warmupMs: number): HeapSlope | undefined {
  const points = checkpoints.filter((c) => c.elapsedMs >= warmupMs);
  if (points.length < 3) return undefined;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.refreshes, 0) / n;
  const meanY = points.reduce((s, p) => s + p.usedBytes, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.refreshes - meanX) ** 2;
    sxy += (p.refreshes - meanX) * (p.usedBytes - meanY);
  }
  if (sxx === 0) return undefined;
  return { kbPer100: ((sxy / sxx) * 100) / 1000, fitted: n };
}
