import { BUCKET_LABEL, METRIC_NAME, dropMetricName, labelsKey, removeLabels } from '../labels';
import { parseGoFloat } from '../literals';
import { bucketQuantile } from './bucketQuantile';
import { SeriesCollector, relabelSeries } from './mergeSeries';
import type { StepSeries } from './types';

/** clamp_min / clamp_max / clamp: per-sample bounds from scalars; the metric name is dropped. */
export function evalClamp(
  func: 'clamp_min' | 'clamp_max' | 'clamp',
  input: readonly StepSeries[],
  scalars: readonly Float64Array[],
  count: number,
): StepSeries[] {
  const collector = new SeriesCollector(count);
  for (const s of input) {
    const target = collector.seriesFor(dropMetricName(s.labels));
    for (let i = 0; i < count; i++) {
      if (!s.present[i]) continue;
      const v = s.values[i] as number;
      const a = scalars[0]?.[i] as number;
      let out: number;
      if (func === 'clamp_min') out = Math.max(a, v);
      else if (func === 'clamp_max') out = Math.min(a, v);
      else {
        const max = scalars[1]?.[i] as number;
        // clamp with max < min returns an empty vector for the step.
        if (max < a) continue;
        out = Math.max(a, Math.min(max, v));
      }
      SeriesCollector.put(target, i, out);
    }
  }
  return collector.result();
}

interface BucketGroup {
  /** Member series indices sorted by upper bound, with their bounds alongside. */
  members: number[];
  bounds: number[];
  labels: StepSeries['labels'];
}

/**
 * histogram_quantile(φ, v) on classic `le` buckets. Buckets group by all labels but `le` (the metric
 * name included, so two histograms never merge); series without a parseable `le` are skipped. Each
 * group's members are sorted by bound once, then each step reads the present ones.
 */
export function evalHistogramQuantile(phi: Float64Array, input: readonly StepSeries[], count: number): StepSeries[] {
  const groups = new Map<string, BucketGroup>();
  input.forEach((s, index) => {
    const le = s.labels[BUCKET_LABEL];
    const bound = le === undefined ? null : parseGoFloat(le);
    if (bound === null) return;
    const key = labelsKey(removeLabels(s.labels, [BUCKET_LABEL]));
    let g = groups.get(key);
    if (!g) {
      g = { members: [], bounds: [], labels: removeLabels(s.labels, [BUCKET_LABEL, METRIC_NAME]) };
      groups.set(key, g);
    }
    g.members.push(index);
    g.bounds.push(bound);
  });
  const perGroup: StepSeries[] = [];
  const bounds: number[] = [];
  const counts: number[] = [];
  for (const g of groups.values()) {
    const order = g.members.map((_, i) => i).sort((a, b) => (g.bounds[a] as number) - (g.bounds[b] as number));
    const members = order.map((i) => g.members[i] as number);
    const sortedBounds = order.map((i) => g.bounds[i] as number);
    const out: StepSeries = { labels: g.labels, values: new Float64Array(count), present: new Uint8Array(count) };
    for (let i = 0; i < count; i++) {
      bounds.length = 0;
      counts.length = 0;
      members.forEach((m, j) => {
        const s = input[m] as StepSeries;
        if (!s.present[i]) return;
        bounds.push(sortedBounds[j] as number);
        counts.push(s.values[i] as number);
      });
      if (bounds.length === 0) continue;
      out.values[i] = bucketQuantile(phi[i] as number, bounds, counts);
      out.present[i] = 1;
    }
    perGroup.push(out);
  }
  // Groups differing only in __name__ end with the same labels: Prometheus rejects that step.
  return relabelSeries(perGroup, (l) => l, count);
}
