import { normalQuantile } from './normal';

/**
 * A Poisson-distributed count with the given mean, drawn by inverting its CDF at `u` — how many
 * requests are in flight at a scrape when `mean` are expected (Little's law: rate × mean latency).
 * Large means use the normal approximation to stay O(1).
 */
export function poissonSample(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalQuantile(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (cumulative < u && k < 200) {
    k++;
    p = (p * mean) / k;
    cumulative += p;
  }
  return k;
}
