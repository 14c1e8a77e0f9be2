import { normalCdf, normalQuantile } from './normal';

/**
 * A request latency distribution: a fixed `shiftS` (time spent waiting on downstream calls, or a 30 s
 * timeout) plus a log-normal self time with the given median and σ. Closed-form CDF, mean and
 * quantile are what let histogram buckets be `requests × CDF(le)` and `_sum` be `requests × mean`.
 */
export interface LatencyDistribution {
  shiftS: number;
  medianS: number;
  sigma: number;
}

export function latencyCdf(d: LatencyDistribution, x: number): number {
  if (x === Infinity) return 1;
  if (x <= d.shiftS) return 0;
  return normalCdf((Math.log(x - d.shiftS) - Math.log(d.medianS)) / d.sigma);
}

export function latencyMean(d: LatencyDistribution): number {
  return d.shiftS + d.medianS * Math.exp((d.sigma * d.sigma) / 2);
}

/** Quantile clamped to [1e-4, 1 - 1e-4] so a sampled span never lands in an absurd tail. */
export function latencyQuantile(d: LatencyDistribution, u: number): number {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, u));
  return d.shiftS + d.medianS * Math.exp(d.sigma * normalQuantile(p));
}

/**
 * `CDF(le)` for every bucket bound, forced non-decreasing and exactly 1 at +Inf, so bucket counters
 * built from them are cumulative by construction (and `+Inf` equals `_count` bit for bit).
 */
export function bucketFractions(d: LatencyDistribution, bounds: readonly number[]): number[] {
  const out: number[] = [];
  let previous = 0;
  for (const le of bounds) {
    const f = le === Infinity ? 1 : Math.min(1, Math.max(previous, latencyCdf(d, le)));
    out.push(f);
    previous = f;
  }
  return out;
}
