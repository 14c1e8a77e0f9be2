import type { Labels } from '../../../src/model/series';
import type { InstantResult, RangeEvaluation } from '../../../src/demo/promql';

/** One side of a comparison: a series as (label set, timestamps, values), whatever its origin. */
export interface ComparableSeries {
  labels: Labels;
  timesMs: number[];
  values: number[];
}

/** Prometheus's sample strings: Go float formatting plus "NaN", "+Inf", "-Inf". */
export function parsePromValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const n = Number(text);
  if (Number.isNaN(n)) throw new Error(`not a Prometheus sample value: ${JSON.stringify(text)}`);
  return n;
}

type PromPoint = [number, string];
interface PromSeries {
  metric: Record<string, string>;
  value?: PromPoint;
  values?: PromPoint[];
}

/** The `data` of a Prometheus query or query_range answer. */
export function fromPrometheusData(data: unknown): ComparableSeries[] {
  const { resultType, result } = data as { resultType: string; result: unknown };
  const toMs = (seconds: number) => Math.round(seconds * 1000);
  if (resultType === 'scalar') {
    const [t, v] = result as PromPoint;
    return [{ labels: {}, timesMs: [toMs(t)], values: [parsePromValue(v)] }];
  }
  if (resultType !== 'matrix' && resultType !== 'vector') throw new Error(`unexpected resultType ${resultType}`);
  return (result as PromSeries[]).map((s) => {
    const points = s.values ?? (s.value ? [s.value] : []);
    return { labels: s.metric, timesMs: points.map(([t]) => toMs(t)), values: points.map(([, v]) => parsePromValue(v)) };
  });
}

/** The demo evaluator's range or instant result. */
export function fromEvaluator(result: RangeEvaluation | InstantResult): ComparableSeries[] {
  if (result.resultType === 'scalar') return [{ labels: {}, timesMs: [result.timeMs], values: [result.value] }];
  if (result.resultType === 'vector') {
    return result.samples.map((s) => ({ labels: s.labels, timesMs: [result.timeMs], values: [s.value] }));
  }
  return result.series.map((s) => ({ labels: s.labels, timesMs: Array.from(s.timesMs), values: Array.from(s.values) }));
}
