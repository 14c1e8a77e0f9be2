import { seriesColor } from '../../lib/colors';
import { lttb } from '../../lib/lttb';
import type { Exemplar } from '../../model/series';
import type { NamedSeries } from '../shared/types';

/** One drawn line: the thinned columns (for the tooltip) and the row objects Recharts wants. */
export interface ChartLine {
  key: string;
  name: string;
  color: string;
  times: Float64Array;
  values: Float64Array;
  points: Array<{ t: number; v: number | null }>;
}

/** Thins every series to about one point per pixel; gaps become `null`, which Recharts draws as a break. */
export function buildChartLines(series: readonly NamedSeries[], maxPoints: number): ChartLine[] {
  return series.map((s, i) => {
    const thin = lttb(s.times, s.values, Math.max(3, Math.round(maxPoints)));
    const points = new Array<{ t: number; v: number | null }>(thin.times.length);
    for (let j = 0; j < thin.times.length; j++) {
      const v = thin.values[j]!;
      points[j] = { t: thin.times[j]!, v: Number.isFinite(v) ? v : null };
    }
    return { key: `s${i}`, name: s.name, color: s.color ?? seriesColor(i), times: thin.times, values: thin.values, points };
  });
}

export interface ExemplarPoint {
  t: number;
  v: number;
  exemplar: Exemplar;
}

/**
 * At most one exemplar per `bucketMs` of time, the slowest of each bucket: that is the one worth a
 * click, and thousands of markers would hide the lines.
 */
export function thinExemplars(exemplars: readonly Exemplar[], from: number, to: number, buckets: number): ExemplarPoint[] {
  if (buckets < 1 || !(to > from)) return [];
  const size = (to - from) / buckets;
  const best = new Map<number, Exemplar>();
  for (const e of exemplars) {
    if (e.time < from || e.time > to || !Number.isFinite(e.value)) continue;
    const b = Math.min(buckets - 1, Math.floor((e.time - from) / size));
    const cur = best.get(b);
    if (!cur || e.value > cur.value) best.set(b, e);
  }
  return [...best.values()].sort((a, b) => a.time - b.time).map((e) => ({ t: e.time, v: e.value, exemplar: e }));
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that gives about `maxTicks` ticks. */
function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

export interface ValueScale {
  domain: [number, number];
  ticks: number[];
}

/**
 * The y scale: from 0 (or the smallest value, if negative) to a round number above the largest, with
 * round ticks. Exemplars count too, so a 30 s timeout marker is never drawn off the chart.
 */
export function valueScale(lines: readonly ChartLine[], extra: readonly number[], maxTicks: number): ValueScale {
  let lo = 0;
  let hi = -Infinity;
  const see = (v: number) => {
    if (!Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const l of lines) for (const v of l.values) see(v);
  for (const v of extra) see(v);
  if (hi === -Infinity || hi <= lo) hi = lo + 1;
  const step = niceStep(hi - lo, maxTicks);
  // Rounded to the step's precision, so ticks read 0.3 and not 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const round = (v: number) => Number(v.toFixed(digits));
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(round(k * step));
  return { domain: [round(first * step), round(last * step)], ticks };
}
