import { describe, expect, it } from 'vitest';
import { EXTREME_COLUMNS } from '../../lib/testing/extremeValues';
import { bucketGrid, heatFraction, mergeColumns, type BucketSeries } from './buckets';

const T = new Float64Array([0, 15_000]);
const bucket = (le: string, values: number[], times = T): BucketSeries => ({ labels: { le }, times, values: Float64Array.from(values) });

describe('bucketGrid', () => {
  it('turns cumulative le buckets into per-bucket counts, sorted by bound with +Inf last', () => {
    const grid = bucketGrid([bucket('+Inf', [10, 20]), bucket('0.1', [6, 5]), bucket('1', [9, 15])]);
    expect(grid.upperBounds).toEqual([0.1, 1, Infinity]);
    expect(Array.from(grid.times)).toEqual([0, 15_000]);
    // column 0: 6, 9-6, 10-9; column 1: 5, 15-5, 20-15
    expect(Array.from(grid.counts)).toEqual([6, 3, 1, 5, 10, 5]);
    expect(grid.max).toBe(10);
  });

  it('adds series that share an le and ignores series without one', () => {
    const grid = bucketGrid([bucket('1', [1, 1]), bucket('1', [2, 2]), { labels: {}, times: T, values: Float64Array.from([99, 99]) }]);
    expect(grid.upperBounds).toEqual([1]);
    expect(Array.from(grid.counts)).toEqual([3, 3]);
  });

  it('clamps negative differences from rate noise to zero', () => {
    const grid = bucketGrid([bucket('0.5', [5, 5]), bucket('1', [4.999, 6])]);
    expect(Array.from(grid.counts)).toEqual([5, 0, 5, 1]);
  });

  it('leaves holes where a bucket has no sample, without shifting columns', () => {
    const grid = bucketGrid([
      bucket('0.5', [1, 2]),
      bucket('1', [3], new Float64Array([15_000])),
      bucket('+Inf', [NaN, 4]),
    ]);
    expect(Array.from(grid.counts).map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual([1, 'gap', 'gap', 2, 1, 1]);
  });
});

describe('mergeColumns', () => {
  it('averages adjacent columns down to the limit', () => {
    const times = Float64Array.from([0, 1, 2, 3, 4]);
    const grid = bucketGrid([bucket('1', [2, 4, 6, 8, 10], times)]);
    const merged = mergeColumns(grid, 2);
    expect(Array.from(merged.times)).toEqual([0, 3]);
    expect(Array.from(merged.counts)).toEqual([4, 9]);
    expect(merged.max).toBe(9);
    expect(mergeColumns(grid, 10)).toBe(grid);
  });
});

describe('the heatmap over the extremes of a double (#15)', () => {
  const MAX = Number.MAX_VALUE;

  it('keeps every cell a finite count or a gap, and the colour scale finite', () => {
    for (const c of EXTREME_COLUMNS) {
      const times = Float64Array.from([0, 1, 2, 3]);
      // The same series twice under one le: sums of 1e308s overflow unless held.
      const grid = bucketGrid([bucket('0.1', [...c.values], times), bucket('0.1', [...c.values], times), bucket('+Inf', [...c.values].map((v) => v * 2), times)]);
      for (const g of [grid, mergeColumns(grid, 2)]) {
        expect(Number.isFinite(g.max) && g.max >= 0, `${c.name}: max ${g.max}`).toBe(true);
        for (const v of g.counts) expect(Number.isNaN(v) || (Number.isFinite(v) && v >= 0), `${c.name}: cell ${v}`).toBe(true);
        for (const v of g.counts) {
          const f = heatFraction(v, g.max);
          expect(f >= 0 && f <= 1, `${c.name}: fraction ${f}`).toBe(true);
        }
      }
    }
  });

  it('averages huge columns without overflowing', () => {
    const merged = mergeColumns(bucketGrid([bucket('1', [MAX, MAX, MAX, MAX], Float64Array.from([0, 1, 2, 3]))]), 1);
    expect(Array.from(merged.counts)).toEqual([MAX]);
    expect(merged.max).toBe(MAX);
  });

  it('draws the hottest cell full and tiny ones faint but visible', () => {
    expect(heatFraction(MAX, MAX)).toBe(1);
    expect(heatFraction(5e-324, 5e-324)).toBe(1);
    expect(heatFraction(5e-324, MAX)).toBeGreaterThan(0);
    expect(heatFraction(NaN, 1)).toBe(0);
    expect(heatFraction(1, 0)).toBe(0);
  });
});
