import type { RangeFunction } from '../ast';

/**
 * The range-vector functions of Prometheus 2.42 (promql/functions.go), over the samples
 * `[lo, hi)` of one series' columns. They return null where Prometheus drops the element.
 */
export interface Window {
  times: Float64Array;
  values: Float64Array;
  lo: number;
  hi: number;
  /** The evaluation timestamp minus offset; the window is [rangeEndMs - rangeMs, rangeEndMs]. */
  rangeEndMs: number;
  rangeMs: number;
}

function at(a: Float64Array, i: number): number {
  return a[i] as number;
}

/**
 * extrapolatedRate: the increase from first to last sample (plus counter-reset corrections),
 * extrapolated towards the window edges when the first/last samples lie within 1.1 average sample
 * intervals of them (else by half an interval), never extrapolating a counter below zero.
 */
export function extrapolatedRate(w: Window, isCounter: boolean, isRate: boolean): number | null {
  const { times, values, lo, hi } = w;
  if (hi - lo < 2) return null;
  const rangeStart = w.rangeEndMs - w.rangeMs;
  const first = at(values, lo);
  let result = at(values, hi - 1) - first;
  if (isCounter) {
    let lastValue = 0;
    for (let k = lo; k < hi; k++) {
      const v = at(values, k);
      if (v < lastValue) result += lastValue;
      lastValue = v;
    }
  }
  let durationToStart = (at(times, lo) - rangeStart) / 1000;
  const durationToEnd = (w.rangeEndMs - at(times, hi - 1)) / 1000;
  const sampledInterval = (at(times, hi - 1) - at(times, lo)) / 1000;
  const averageDurationBetweenSamples = sampledInterval / (hi - lo - 1);

  if (isCounter && result > 0 && first >= 0) {
    const durationToZero = sampledInterval * (first / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const extrapolationThreshold = averageDurationBetweenSamples * 1.1;
  let extrapolateToInterval = sampledInterval;
  extrapolateToInterval += durationToStart < extrapolationThreshold ? durationToStart : averageDurationBetweenSamples / 2;
  extrapolateToInterval += durationToEnd < extrapolationThreshold ? durationToEnd : averageDurationBetweenSamples / 2;
  let factor = extrapolateToInterval / sampledInterval;
  if (isRate) factor /= w.rangeMs / 1000;
  return result * factor;
}

/** irate: the per-second rate between the last two samples; a drop counts as a reset to zero. */
export function instantRate(w: Window): number | null {
  const { times, values, hi } = w;
  if (hi - w.lo < 2) return null;
  const last = at(values, hi - 1);
  const previous = at(values, hi - 2);
  const result = last < previous ? last : last - previous;
  const sampledInterval = at(times, hi - 1) - at(times, hi - 2);
  if (sampledInterval === 0) return null;
  return result / (sampledInterval / 1000);
}

/** Kahan-Neumaier summation step, as Prometheus's kahanSumInc. Returns [sum, compensation]. */
function kahanSumInc(inc: number, sum: number, c: number): [number, number] {
  const t = sum + inc;
  if (Math.abs(sum) >= Math.abs(inc)) c += sum - t + inc;
  else c += inc - t + sum;
  return [t, c];
}

export function sumOverTime(w: Window): number {
  let sum = 0;
  let c = 0;
  for (let k = w.lo; k < w.hi; k++) [sum, c] = kahanSumInc(at(w.values, k), sum, c);
  return Number.isFinite(sum) ? sum + c : sum;
}

/** avg_over_time: an incremental, compensated mean that survives infinities like Prometheus's. */
export function avgOverTime(w: Window): number {
  let mean = 0;
  let count = 0;
  let c = 0;
  for (let k = w.lo; k < w.hi; k++) {
    const v = at(w.values, k);
    count++;
    if (mean === Infinity || mean === -Infinity) {
      if ((v === Infinity || v === -Infinity) && mean > 0 === v > 0) continue;
      if (Number.isFinite(v)) continue;
    }
    [mean, c] = kahanSumInc(v / count - mean / count, mean, c);
  }
  return mean === Infinity || mean === -Infinity ? mean : mean + c;
}

export function minOverTime(w: Window): number {
  let min = at(w.values, w.lo);
  for (let k = w.lo; k < w.hi; k++) {
    const v = at(w.values, k);
    if (v < min || Number.isNaN(min)) min = v;
  }
  return min;
}

export function maxOverTime(w: Window): number {
  let max = at(w.values, w.lo);
  for (let k = w.lo; k < w.hi; k++) {
    const v = at(w.values, k);
    if (v > max || Number.isNaN(max)) max = v;
  }
  return max;
}

export const WINDOW_FUNCTIONS: Readonly<Record<RangeFunction, (w: Window) => number | null>> = {
  rate: (w) => extrapolatedRate(w, true, true),
  increase: (w) => extrapolatedRate(w, true, false),
  irate: instantRate,
  sum_over_time: sumOverTime,
  avg_over_time: avgOverTime,
  min_over_time: minOverTime,
  max_over_time: maxOverTime,
  count_over_time: (w) => w.hi - w.lo,
  last_over_time: (w) => at(w.values, w.hi - 1),
};
