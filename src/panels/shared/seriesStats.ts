/** Legend statistics of one series, skipping NaN and infinite samples (gaps, not numbers to average). */
export interface SeriesStats {
  min: number;
  max: number;
  mean: number;
  last: number;
  /** Finite samples counted; 0 means every stat is NaN. */
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
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
    last = v;
  }
  if (count === 0) return { min: NaN, max: NaN, mean: NaN, last: NaN, count: 0 };
  return { min, max, mean: sum / count, last, count };
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
