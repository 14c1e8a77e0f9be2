import { describe, expect, it } from 'vitest';
import { bucketGrid, mergeColumns, type BucketSeries } from './buckets';

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
