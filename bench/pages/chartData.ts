import type { NamedSeries } from '../../src/panels/shared/types';
import { seededRandom } from '../../src/model/testing/seededRandom';

/** One data set of the chart benchmark, in each chart's own input shape (built before any timing starts). */
export interface ChartDataSet {
  range: { from: number; to: number };
  /** What our panel takes: one `NamedSeries` per line, times in epoch ms. */
  series: NamedSeries[];
  /** What uPlot takes: one shared x column in seconds, then one column per line. */
  aligned: [Float64Array, ...Float64Array[]];
}

export const SERIES = 10;
export const POINTS = 10_000;
export const STEP_MS = 15_000;
/** A fixed end, so every run draws the same timestamps (a Prometheus range end aligned to the step). */
const BASE_END_MS = Date.UTC(2026, 0, 1);


/**
 * Data set `index`: `SERIES` random walks of `POINTS` samples `STEP_MS` apart, the range ending `index`
 * steps after the base end, as a refresh would see it: same size, every array new, every value moved.
 */
export function chartDataSet(index: number, series = SERIES, points = POINTS): ChartDataSet {
  const next = seededRandom(0x9e3779b9 ^ (index * 7919));
  const to = BASE_END_MS + index * STEP_MS;
  const from = to - (points - 1) * STEP_MS;
  const times = new Float64Array(points);
  const seconds = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    times[i] = from + i * STEP_MS;
    seconds[i] = times[i]! / 1000;
  }
  const named: NamedSeries[] = [];
  const columns: Float64Array[] = [];
  for (let s = 0; s < series; s++) {
    const values = new Float64Array(points);
    let v = 100 + s * 20;
    for (let i = 0; i < points; i++) {
      v = Math.max(0, v + (next() - 0.5) * 4);
      values[i] = v;
    }
    named.push({ name: `series-${s}`, labels: { __name__: 'bench_requests', series: `series-${s}` }, times, values });
    columns.push(values);
  }
  return { range: { from, to }, series: named, aligned: [seconds, ...columns] };
}
