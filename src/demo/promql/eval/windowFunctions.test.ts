import { describe, expect, it } from 'vitest';
import { extrapolatedRate, instantRate, avgOverTime, sumOverTime, minOverTime, maxOverTime, type Window } from './windowFunctions';

function windowOf(samples: Array<[number, number]>, rangeEndMs: number, rangeMs: number): Window {
  return {
    times: Float64Array.from(samples, ([t]) => t),
    values: Float64Array.from(samples, ([, v]) => v),
    lo: 0,
    hi: samples.length,
    rangeEndMs,
    rangeMs,
  };
}

describe('extrapolatedRate (rate/increase)', () => {
  it('adds a counter reset back and extrapolates to both window edges within 1.1 intervals', () => {
    // 10 → 20 → reset → 5 → 15: raw increase 5 + 20 (reset) = 25 over 45 s, window [0, 60 s].
    const w = windowOf([[10_000, 10], [25_000, 20], [40_000, 5], [55_000, 15]], 60_000, 60_000);
    expect(extrapolatedRate(w, true, false)).toBeCloseTo((25 * 60) / 45, 12);
    expect(extrapolatedRate(w, true, true)).toBeCloseTo((25 * 60) / 45 / 60, 12);
  });

  it('never extrapolates a counter below zero (zero-point clamp)', () => {
    // First sample 1 at 30 s after the window start: the zero point is 1.5 s before it.
    const w = windowOf([[30_000, 1], [45_000, 11], [60_000, 21]], 60_000, 60_000);
    expect(extrapolatedRate(w, true, false)).toBe(21);
  });

  it('extrapolates only half an interval when the edge is beyond 1.1 average intervals', () => {
    // Counter starting at 0 clamps the start; the end is 45 s away → +7.5 s.
    const w = windowOf([[30_000, 0], [45_000, 10]], 90_000, 90_000);
    expect(extrapolatedRate(w, true, false)).toBe(15);
  });

  it('treats a drop as a change, not a reset, for gauges (delta semantics)', () => {
    const w = windowOf([[0, 10], [15_000, 4]], 15_000, 15_000);
    expect(extrapolatedRate(w, false, false)).toBe(-6);
  });

  it('drops windows with fewer than two samples', () => {
    expect(extrapolatedRate(windowOf([[0, 1]], 60_000, 60_000), true, true)).toBeNull();
  });
});

describe('instantRate (irate)', () => {
  it('uses the last two samples and treats a drop as a reset', () => {
    expect(instantRate(windowOf([[0, 1], [15_000, 20], [30_000, 5]], 30_000, 60_000))).toBeCloseTo(5 / 15, 12);
    expect(instantRate(windowOf([[0, 1], [15_000, 20], [30_000, 50]], 30_000, 60_000))).toBe(2);
  });
});

describe('*_over_time', () => {
  const w = windowOf([[0, 3], [15_000, NaN], [30_000, 1], [45_000, 8]], 45_000, 60_000);
  it('min/max skip past a leading NaN but keep NaN out otherwise', () => {
    expect(minOverTime(w)).toBe(1);
    expect(maxOverTime(w)).toBe(8);
    expect(Number.isNaN(minOverTime(windowOf([[0, NaN]], 0, 60_000)))).toBe(true);
  });
  it('sum and avg propagate NaN and handle infinities like Prometheus', () => {
    expect(Number.isNaN(sumOverTime(w))).toBe(true);
    expect(avgOverTime(windowOf([[0, 1], [1, 2], [2, 6]], 2, 60_000))).toBe(3);
    expect(avgOverTime(windowOf([[0, Infinity], [1, 2]], 1, 60_000))).toBe(Infinity);
    expect(Number.isNaN(avgOverTime(windowOf([[0, Infinity], [1, -Infinity]], 1, 60_000)))).toBe(true);
  });
  it('sums with compensation', () => {
    expect(sumOverTime(windowOf([[0, 1e16], [1, 1], [2, -1e16]], 2, 60_000))).toBe(1);
  });
});
