import { compileMatchers } from '../labelMatchers';
import { utf8Bytes, type DemoStream } from '../logs/entry';
import type { DemoLogSource } from '../logs/logSource';
import type { LogQuery, MetricQuery, RangeAggregation, VectorAggregation } from './ast';
import { allLabels, compilePipeline, labelsKey, type PipedEntry } from './pipeline';

/** The streams of `source` a selector picks in [startUs, endUs). */
export function selectStreams(source: DemoLogSource, matchers: LogQuery['matchers'], startUs: number, endUs: number): Set<DemoStream> {
  const pred = compileMatchers(matchers);
  return new Set(source.streams(startUs, endUs).filter((s) => pred(s.labels)));
}

/** The entries a log query passes in [startUs, endUs), in `direction`, lazily. */
export function* runLogQuery(source: DemoLogSource, query: LogQuery, startUs: number, endUs: number, direction: 'forward' | 'backward'): Generator<PipedEntry, void, undefined> {
  const streams = selectStreams(source, query.matchers, startUs, endUs);
  if (streams.size === 0) return;
  const pipe = compilePipeline(query);
  for (const entry of source.entries(startUs, endUs, direction)) {
    if (!streams.has(entry.stream)) continue;
    const piped = pipe(entry);
    if (piped !== undefined) yield piped;
  }
}

export interface MetricSeries {
  labels: Record<string, string>;
  /** [ms, value], time ascending; steps without a sample are left out. */
  points: Array<[number, number]>;
}

/** Evaluation steps start, start+step, … ≤ end (ms). */
function stepsOf(startMs: number, endMs: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = startMs; t <= endMs; t += stepMs) out.push(t);
  return out;
}

interface Samples {
  labels: Record<string, string>;
  timesUs: number[];
  bytes: number[];
}

/** Groups entries for a range aggregation, optionally already by the enclosing `sum`'s grouping (sum distributes over series). */
function collect(source: DemoLogSource, r: RangeAggregation, firstStepMs: number, lastStepMs: number, regroup?: (labels: Record<string, string>) => Record<string, string>): Samples[] {
  const startUs = (firstStepMs - r.offsetMs - r.rangeMs) * 1000 + 1;
  const endUs = (lastStepMs - r.offsetMs) * 1000 + 1;
  const groups = new Map<string, Samples>();
  const needBytes = r.fn === 'bytes_over_time' || r.fn === 'bytes_rate';
  for (const piped of runLogQuery(source, r.log, startUs, endUs, 'forward')) {
    const full = allLabels(piped);
    const labels = regroup === undefined ? full : regroup(full);
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (g === undefined) {
      g = { labels, timesUs: [], bytes: [] };
      groups.set(key, g);
    }
    g.timesUs.push(piped.entry.timeUs);
    if (needBytes) g.bytes.push(utf8Bytes(piped.line));
  }
  return [...groups.values()];
}

/** A range function over window (t - offset - range, t - offset] at each step, for each series. */
function rangeSeries(samples: Samples[], r: RangeAggregation, steps: readonly number[]): MetricSeries[] {
  const out: MetricSeries[] = [];
  const rangeS = r.rangeMs / 1000;
  for (const s of samples) {
    const points: Array<[number, number]> = [];
    let lo = 0;
    let hi = 0;
    let bytes = 0;
    for (const t of steps) {
      const endUs = (t - r.offsetMs) * 1000;
      const startUs = endUs - r.rangeMs * 1000;
      while (hi < s.timesUs.length && (s.timesUs[hi] ?? 0) <= endUs) bytes += s.bytes[hi++] ?? 0;
      while (lo < hi && (s.timesUs[lo] ?? 0) <= startUs) bytes -= s.bytes[lo++] ?? 0;
      const count = hi - lo;
      if (count === 0) continue;
      const value = r.fn === 'count_over_time' ? count : r.fn === 'rate' ? count / rangeS : r.fn === 'bytes_over_time' ? bytes : bytes / rangeS;
      points.push([t, value]);
    }
    if (points.length > 0) out.push({ labels: s.labels, points });
  }
  return out;
}

function grouped(g: VectorAggregation['grouping'], labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (g === undefined) return out;
  if (g.without) {
    for (const [k, v] of Object.entries(labels)) if (!g.labels.includes(k)) out[k] = v;
  } else {
    for (const k of g.labels) {
      const v = labels[k];
      if (v !== undefined && v !== '') out[k] = v;
    }
  }
  return out;
}

function aggregate(series: MetricSeries[], v: VectorAggregation): MetricSeries[] {
  const groups = new Map<string, { labels: Record<string, string>; byTime: Map<number, number[]> }>();
  for (const s of series) {
    const labels = grouped(v.grouping, s.labels);
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (g === undefined) {
      g = { labels, byTime: new Map() };
      groups.set(key, g);
    }
    for (const [t, value] of s.points) {
      const list = g.byTime.get(t);
      if (list === undefined) g.byTime.set(t, [value]);
      else list.push(value);
    }
  }
  return [...groups.values()].map((g) => ({
    labels: g.labels,
    points: [...g.byTime.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([t, values]): [number, number] => {
        switch (v.op) {
          case 'sum':
            return [t, values.reduce((a, b) => a + b, 0)];
          case 'avg':
            return [t, values.reduce((a, b) => a + b, 0) / values.length];
          case 'min':
            return [t, Math.min(...values)];
          case 'max':
            return [t, Math.max(...values)];
          case 'count':
            return [t, values.length];
        }
      }),
  }));
}

function evaluateAt(source: DemoLogSource, q: MetricQuery, steps: readonly number[]): MetricSeries[] {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined) return [];
  if (q.kind === 'range') return rangeSeries(collect(source, q, first, last), q, steps);
  // sum over a range function: group entries by the sum's labels first (same result, far fewer series).
  if (q.op === 'sum' && q.inner.kind === 'range') {
    const inner = q.inner;
    return rangeSeries(
      collect(source, inner, first, last, (labels) => grouped(q.grouping, labels)),
      inner,
      steps,
    );
  }
  return aggregate(evaluateAt(source, q.inner, steps), q);
}

function compareLabels(a: Record<string, string>, b: Record<string, string>): number {
  const ka = labelsKey(a);
  const kb = labelsKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A metric query at start, start+step, … ≤ end (ms): series sorted by labels. */
export function evaluateMetricRange(source: DemoLogSource, q: MetricQuery, startMs: number, endMs: number, stepMs: number): MetricSeries[] {
  return evaluateAt(source, q, stepsOf(startMs, endMs, stepMs)).sort((a, b) => compareLabels(a.labels, b.labels));
}

/** A metric query at one instant (ms). */
export function evaluateMetricInstant(source: DemoLogSource, q: MetricQuery, timeMs: number): MetricSeries[] {
  return evaluateAt(source, q, [timeMs]).sort((a, b) => compareLabels(a.labels, b.labels));
}
