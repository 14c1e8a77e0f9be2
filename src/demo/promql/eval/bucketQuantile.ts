/**
 * Prometheus 2.42's bucketQuantile over classic cumulative buckets. `upperBounds` must be sorted
 * ascending (the caller sorts once per group); `counts` are the cumulative bucket counts.
 * - φ < 0 → -Inf, φ > 1 → +Inf, φ NaN → NaN;
 * - no +Inf bucket, fewer than 2 buckets after merging equal bounds, or zero observations → NaN;
 * - counts are forced monotonic; the rank is interpolated linearly inside its bucket, with 0 as the
 *   lower bound of the first bucket unless that bucket's upper bound is ≤ 0 (then it is returned);
 * - a rank in the +Inf bucket returns the second-highest bound.
 */
export function bucketQuantile(q: number, upperBounds: readonly number[], counts: readonly number[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (upperBounds.length === 0 || upperBounds[upperBounds.length - 1] !== Infinity) return NaN;

  // coalesceBuckets: equal bounds are summed.
  const bounds: number[] = [];
  const cum: number[] = [];
  for (let i = 0; i < upperBounds.length; i++) {
    const b = upperBounds[i] as number;
    const c = counts[i] as number;
    if (bounds.length > 0 && bounds[bounds.length - 1] === b) cum[cum.length - 1] = (cum[cum.length - 1] as number) + c;
    else {
      bounds.push(b);
      cum.push(c);
    }
  }
  // ensureMonotonic
  let max = -Infinity;
  for (let i = 0; i < cum.length; i++) {
    const c = cum[i] as number;
    if (c > max) max = c;
    else if (c < max) cum[i] = max;
  }
  if (bounds.length < 2) return NaN;
  const observations = cum[cum.length - 1] as number;
  if (observations === 0) return NaN;
  let rank = q * observations;
  // sort.Search over all but the +Inf bucket: the first bucket whose count reaches the rank.
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) >= rank) hi = mid;
    else lo = mid + 1;
  }
  const b = lo;
  if (b === bounds.length - 1) return bounds[bounds.length - 2] as number;
  if (b === 0 && (bounds[0] as number) <= 0) return bounds[0] as number;
  let bucketStart = 0;
  const bucketEnd = bounds[b] as number;
  let count = cum[b] as number;
  if (b > 0) {
    bucketStart = bounds[b - 1] as number;
    count -= cum[b - 1] as number;
    rank -= cum[b - 1] as number;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}
