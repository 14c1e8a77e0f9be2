import { describe, expect, it } from 'vitest';
import { lastFinite, nearestIndex, seriesStats } from './seriesStats';

describe('seriesStats', () => {
  it('computes min, max, mean and last over finite samples only', () => {
    const s = seriesStats(new Float64Array([NaN, 2, 4, Infinity, 6, NaN]));
    expect(s).toEqual({ min: 2, max: 6, mean: 4, last: 6, count: 3 });
  });

  it('returns NaN stats for an all-NaN series', () => {
    const s = seriesStats(new Float64Array([NaN, NaN]));
    expect(s.count).toBe(0);
    expect(s.mean).toBeNaN();
    expect(s.last).toBeNaN();
  });

  it('finds the last finite value', () => {
    expect(lastFinite(new Float64Array([1, 2, NaN]))).toBe(2);
    expect(lastFinite(new Float64Array([NaN]))).toBeUndefined();
  });

  it('finds the nearest sample by binary search', () => {
    const t = new Float64Array([0, 10, 20, 30]);
    expect(nearestIndex(t, -5)).toBe(0);
    expect(nearestIndex(t, 14)).toBe(1);
    expect(nearestIndex(t, 16)).toBe(2);
    expect(nearestIndex(t, 99)).toBe(3);
    expect(nearestIndex(new Float64Array(0), 1)).toBe(-1);
  });
});
