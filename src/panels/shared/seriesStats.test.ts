import { describe, expect, it } from 'vitest';
import { EXTREME_COLUMNS } from '../../lib/testing/extremeValues';
import { lastFinite, nearestIndex, seriesStats } from './seriesStats';

describe('seriesStats', () => {
  it('computes min, max, mean and last, skipping NaN gaps', () => {
    const s = seriesStats(new Float64Array([NaN, 2, 4, 6, NaN]));
    expect(s).toEqual({ min: 2, max: 6, mean: 4, last: 6, count: 3 });
  });

  it('counts +Inf and -Inf as the values they are (#15)', () => {
    expect(seriesStats(new Float64Array([2, Infinity, 4, NaN]))).toEqual({ min: 2, max: Infinity, mean: Infinity, last: 4, count: 3 });
    expect(seriesStats(new Float64Array([-Infinity, 1]))).toMatchObject({ min: -Infinity, max: 1, mean: -Infinity, last: 1 });
    expect(seriesStats(new Float64Array([-Infinity, Infinity])).mean).toBeNaN();
  });

  it('averages huge finite values without overflowing to Infinity (#15)', () => {
    const max = Number.MAX_VALUE;
    expect(seriesStats(new Float64Array([max, max, max])).mean).toBe(max);
    expect(seriesStats(new Float64Array([1e308, 1e308, -1e308])).mean).toBeCloseTo(1e308 / 3, -300);
    expect(seriesStats(new Float64Array([max, -max])).mean).toBe(0);
  });

  it('stays within min and max for every extreme series', () => {
    for (const c of EXTREME_COLUMNS) {
      const s = seriesStats(Float64Array.from(c.values));
      if (s.count === 0 || Number.isNaN(s.mean)) continue;
      expect(s.mean >= s.min && s.mean <= s.max, `${c.name}: ${s.min} <= ${s.mean} <= ${s.max}`).toBe(true);
    }
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
