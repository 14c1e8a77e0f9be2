/**
 * Legend statistics of one series. NaN samples are gaps and are skipped; +Inf and -Inf are values, as
 * in Prometheus (`max_over_time` of a series holding +Inf is +Inf), so the legend shows "+Inf" where
 * the data has it instead of hiding it.
 */
export interface SeriesStats {
  min: number;
  max: number;
  /** +Inf or -Inf when the series holds that infinity, NaN when it holds both. */
  mean: number;
  last: number;
  /** Samples counted (all but NaN); 0 means every stat is NaN. */
  count: number;
}

export function seriesStats(values: Float64Array): SeriesStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
    last = v;
  }
  if (count === 0) return { min: NaN, max: NaN, mean: NaN, last: NaN, count: 0 };
  const finite = Number.isFinite(min) && Number.isFinite(max);
  const mean = finite && !Number.isFinite(sum) ? meanInShares(values, count) : sum / count;
  // A mean lies within [min, max]; rounding of shares of MAX_VALUE could carry it just past.
  return { min, max, mean: finite ? Math.min(max, Math.max(min, mean)) : mean, last, count };
}

/**
 * The mean of finite samples whose sum overflowed (1e308 + 1e308): each sample adds its share v / count,
 * at most MAX_VALUE / count, so the total stays within range (but for rounding, which the caller clamps).
 */
function meanInShares(values: Float64Array, count: number): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) mean += values[i]! / count;
  return mean;
}

/** The newest finite value, or undefined when the series has none. */
export function lastFinite(values: Float64Array): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i]!)) return values[i]!;
  return undefined;
}

/** Index of the sample nearest to `time` in a sorted time column (binary search); -1 when empty. */
export function nearestIndex(times: Float64Array, time: number): number {
  const n = times.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(times[lo - 1]! - time) <= Math.abs(times[lo]! - time)) return lo - 1;
  return lo;
}
