import { seriesColor } from '../../lib/colors';
import { DRAWABLE_LIMIT, drawable } from '../../lib/drawable';
import { lttb } from '../../lib/lttb';
import type { Exemplar } from '../../model/series';
import { seriesIdentities } from '../shared/seriesIdentity';
import type { NamedSeries } from '../shared/types';

/**
 * One row of the chart's single data array: a time and, at `v[i]`, the value of line `i` there (null
 * where the line has a gap or does not reach). One array per chart, not one per line: Recharts then
 * registers each `<Line>` once and, on a refresh, only swaps the chart's data instead of re-registering
 * every line with its new points.
 */
export interface ChartRow {
  t: number;
  v: ReadonlyArray<number | null>;
}

/** One drawn line, as the tooltip and the y scale read it, and how Recharts reads it from a row. */
export interface ChartLine {
  /** The series' identity (its label set, or the key the runner gave it), never its position. */
  key: string;
  name: string;
  color: string;
  /** The chart's row times (shared by every line of the chart). */
  times: Float64Array;
  /** This line's value at each row; NaN where it is not drawn. */
  values: Float64Array;
  /** Recharts `dataKey`. The same function for the same index every time, so memoized `<Line>`s skip. */
  read: (row: ChartRow) => number | null;
}

export interface ChartFrame {
  rows: ChartRow[];
  lines: ChartLine[];
}

const readers: Array<(row: ChartRow) => number | null> = [];
function readerFor(index: number): (row: ChartRow) => number | null {
  return (readers[index] ??= (row) => row.v[index] ?? null);
}

/** Recharts `dataKey` of the x axis. */
export const rowTime = (row: ChartRow): number => row.t;

/** Sorted distinct times of all the columns. */
function unionTimes(columns: readonly Float64Array[]): Float64Array {
  let total = 0;
  for (const c of columns) total += c.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const c of columns) {
    all.set(c, at);
    at += c.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** The point a fraction `w` of the way from `a` to `b`; weighted when `b - a` overflows (1e308 to -1e308). */
function between(a: number, b: number, w: number): number {
  const d = b - a;
  return Number.isFinite(d) ? a + d * w : a * (1 - w) + b * w;
}

/**
 * The values of one full-resolution series at sorted times `at`, on the line the series draws: its own
 * sample where it has one, a point on the segment between two finite samples otherwise (so the drawn
 * polyline is unchanged), NaN in gaps and outside the series' time extent.
 */
function valuesAt(times: Float64Array, values: Float64Array, at: Float64Array): Float64Array {
  const out = new Float64Array(at.length);
  const n = times.length;
  let j = -1; // last sample at or before the current time
  for (let k = 0; k < at.length; k++) {
    const t = at[k]!;
    while (j + 1 < n && times[j + 1]! <= t) j++;
    if (j >= 0 && times[j] === t) {
      out[k] = Number.isFinite(values[j]!) ? values[j]! : NaN;
      continue;
    }
    if (j < 0 || j + 1 >= n) {
      out[k] = NaN;
      continue;
    }
    const a = values[j]!;
    const b = values[j + 1]!;
    out[k] = Number.isFinite(a) && Number.isFinite(b) ? between(a, b, (t - times[j]!) / (times[j + 1]! - times[j]!)) : NaN;
  }
  return out;
}

/**
 * The rows and lines of one chart at about one point per pixel. When the samples of all series together
 * fit in `maxPoints` they are all kept; otherwise every series is thinned with LTTB to its share of the
 * budget (`maxPoints / series`), which keeps its peaks and dips. The rows are the union of the kept
 * times, and each line takes its value at every row. Series of one range query share their
 * sample times, so that value is a real sample; where it is not, it lies on the line already drawn.
 * Gaps stay gaps (null), which Recharts draws as a break.
 */
export function buildChartFrame(series: readonly NamedSeries[], maxPoints: number): ChartFrame {
  const everyTime = unionTimes(series.map((s) => s.times));
  const share = Math.max(3, Math.round(maxPoints / Math.max(1, series.length)));
  // When every sample fits, every sample is drawn; only a denser chart is thinned.
  const times = everyTime.length <= maxPoints ? everyTime : unionTimes(series.map((s) => lttb(s.times, s.values, share).times));
  const columns = series.map((s) => valuesAt(s.times, s.values, times));
  const rows = new Array<ChartRow>(times.length);
  for (let k = 0; k < times.length; k++) {
    const v = new Array<number | null>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const x = columns[i]![k]!;
      v[i] = Number.isNaN(x) ? null : drawable(x);
    }
    rows[k] = { t: times[k]!, v };
  }
  const keys = seriesIdentities(series);
  const lines = series.map((s, i) => ({
    key: keys[i]!,
    name: s.name,
    color: s.color ?? seriesColor(i),
    times,
    values: columns[i]!,
    read: readerFor(i),
  }));
  return { rows, lines };
}

export interface ExemplarPoint {
  /** The exemplar's identity: its time and trace ID (or labels), never its position in the answer. */
  key: string;
  t: number;
  /** The exemplar's own value (a duration, say). */
  v: number;
  /**
   * Where the marker sits: at `v` on the y axis, or along the bottom of the plot (a rug) when its value
   * is in another unit than the chart's (request durations on an error-ratio or traffic chart).
   */
  rug: boolean;
  error: boolean;
  exemplar: Exemplar;
}

export interface ThinOptions {
  /** Which exemplars are errors (`isErrorExemplar` with the panel's context); none when left out. */
  isError?: (exemplar: Exemplar) => boolean;
  /** Keep every exemplar in the range ("Show all exemplars"). */
  all?: boolean;
}

const exemplarKey = (e: Exemplar): string => `${e.time}:${e.traceId ?? Object.entries(e.labels).sort().join(',')}`;

/**
 * The exemplars worth a marker: per `bucketMs` of time, the slowest one and the slowest error (so a bucket
 * holding a fast first, a slow one and an error keeps the slow one and the error: never simply the first).
 * Thousands of markers would hide the lines; a slow request and a failed one are the ones worth a click.
 * With `all`, every exemplar in the range is kept. In time order, each point keyed by what it is.
 */
export function thinExemplars(exemplars: readonly Exemplar[], from: number, to: number, buckets: number, options: ThinOptions = {}): ExemplarPoint[] {
  if (buckets < 1 || !(to > from)) return [];
  const isError = options.isError ?? (() => false);
  const size = (to - from) / buckets;
  const slowest = new Map<number, Exemplar>();
  const slowestError = new Map<number, Exemplar>();
  const kept: Exemplar[] = [];
  const errors = new Set<Exemplar>();
  for (const e of exemplars) {
    if (e.time < from || e.time > to || !Number.isFinite(e.value)) continue;
    const error = isError(e);
    if (error) errors.add(e);
    if (options.all === true) {
      kept.push(e);
      continue;
    }
    const b = Math.min(buckets - 1, Math.floor((e.time - from) / size));
    const cur = slowest.get(b);
    if (!cur || e.value > cur.value) slowest.set(b, e);
    if (error) {
      const curError = slowestError.get(b);
      if (!curError || e.value > curError.value) slowestError.set(b, e);
    }
  }
  if (options.all !== true) kept.push(...new Set([...slowest.values(), ...slowestError.values()]));
  return kept
    .sort((a, b) => a.time - b.time || a.value - b.value)
    .map((e) => ({ key: exemplarKey(e), t: e.time, v: e.value, rug: false, error: errors.has(e), exemplar: e }));
}

/**
 * Exemplars of another unit than the chart's sit along its bottom, at their time: placed at their value
 * they would stretch a ratio's axis to seconds, and placed on a line they would hide it.
 */
export function asRug(points: readonly ExemplarPoint[]): ExemplarPoint[] {
  return points.map((p) => ({ ...p, rug: true }));
}

/**
 * True when two exemplar lists mark the same points: exemplars are asked for again on every refresh,
 * and usually come back the same.
 */
export function sameExemplarPoints(a: readonly ExemplarPoint[], b: readonly ExemplarPoint[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.key === q.key && p.t === q.t && p.v === q.v && p.rug === q.rug && p.error === q.error;
    })
  );
}

/** True when two scales draw the same axis. */
export function sameScale(a: ValueScale, b: ValueScale): boolean {
  return a.domain[0] === b.domain[0] && a.domain[1] === b.domain[1] && sameNumbers(a.ticks, b.ticks);
}

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that gives about `maxTicks` ticks; 0 when `span` is too small to step. */
function niceStep(span: number, maxTicks: number): number {
  // Where span / maxTicks or its power of ten would underflow (spans of 1e-300 down to 5e-324), step
  // 1e300 times larger and scale back: the decimal digits survive, the subnormal range has none to spare.
  if (span < 1e-280) return niceStep(span * 1e300, maxTicks) / 1e300;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * `v` rounded to the digits its step has, so ticks read 0.3 and not 0.30000000000000004. Significant
 * digits rather than decimals: `toFixed` refuses more than 100 decimals, and 1e-99 needs 101.
 */
function roundToStep(v: number, step: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const digits = Math.floor(Math.log10(Math.abs(v))) - Math.floor(Math.log10(step)) + 3;
  return Number(v.toPrecision(Math.min(100, Math.max(1, digits))));
}

export interface ValueScale {
  domain: [number, number];
  ticks: number[];
}

/** More ticks than this means the step lost its precision (subnormal spans); the bare extent is drawn instead. */
const MAX_TICKS = 100;

/**
 * The y scale: from 0 (or the smallest value, if negative) to a round number above the largest, with
 * round ticks. Exemplars count too, so a 30 s timeout marker is never drawn off the chart. Holds for
 * every double: values count as drawn (within ±DRAWABLE_LIMIT), so the domain's span stays finite and
 * a sane line still draws beside one holding ±1.8e308; infinities and NaN are gaps and count not.
 */
export function valueScale(lines: readonly ChartLine[], extra: readonly number[], maxTicks: number): ValueScale {
  let lo = 0;
  let hi = -Infinity;
  const see = (value: number) => {
    if (!Number.isFinite(value)) return;
    const v = drawable(value);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const l of lines) for (const v of l.values) see(v);
  for (const v of extra) see(v);
  // No data, or one flat value at or below zero: a unit span, or up to zero.
  if (hi === -Infinity || hi <= lo) hi = lo < 0 ? 0 : lo + 1;
  const step = niceStep(hi - lo, Number.isFinite(maxTicks) ? Math.max(1, Math.floor(maxTicks)) : 1);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  if (!(step > 0 && Number.isFinite(step)) || !(last - first <= MAX_TICKS)) return { domain: [lo, hi], ticks: [lo, hi] };
  // A round end may lie past the drawable limit (5e307 steps to 1e308); the domain stops at the limit.
  const domain: [number, number] = [
    Math.max(-DRAWABLE_LIMIT, roundToStep(first * step, step)),
    Math.min(DRAWABLE_LIMIT, roundToStep(last * step, step)),
  ];
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    const t = roundToStep(k * step, step);
    if (t >= domain[0] && t <= domain[1]) ticks.push(t);
  }
  // One step larger than the whole drawable range: its ends are the ticks.
  return { domain, ticks: ticks.length >= 2 ? ticks : domain.slice() };
}
