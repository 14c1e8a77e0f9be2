import { describe, expect, it } from 'vitest';
import { isReducerName, newestFinite, reduceAcross, REDUCERS } from './reducers';

const col = (times: number[], values: number[]) => ({ times: Float64Array.from(times), values: Float64Array.from(values) });

describe('REDUCERS', () => {
  it('folds finite numbers only, and gives NaN when there are none', () => {
    const xs = [3, NaN, 1, Infinity, 2];
    expect(REDUCERS.last.reduce(xs)).toBe(2);
    expect(REDUCERS.sum.reduce(xs)).toBe(6);
    expect(REDUCERS.max.reduce(xs)).toBe(3);
    expect(REDUCERS.min.reduce(xs)).toBe(1);
    expect(REDUCERS.mean.reduce(xs)).toBe(2);
    for (const r of Object.values(REDUCERS)) expect(r.reduce([NaN, -Infinity])).toBeNaN();
  });

  it('knows its names and nothing else', () => {
    expect(isReducerName('sum')).toBe(true);
    expect(isReducerName('toString')).toBe(false);
  });
});

describe('reduceAcross', () => {
  it('reduces the series at each time, over the union of their times', () => {
    const a = col([0, 10, 20], [1, 2, NaN]);
    const b = col([10, 20, 30], [5, 7, 9]);
    expect(reduceAcross([a, b], 'sum')).toEqual(col([0, 10, 20, 30], [1, 7, 7, 9]));
    expect(reduceAcross([a, b], 'max')).toEqual(col([0, 10, 20, 30], [1, 5, 7, 9]));
  });

  it('keeps a time where nothing is finite as a gap', () => {
    expect(reduceAcross([col([0], [NaN]), col([0], [NaN])], 'sum').values[0]).toBeNaN();
  });

  it('hands one series back as itself', () => {
    const a = col([0], [1]);
    expect(reduceAcross([a], 'mean')).toBe(a);
    expect(reduceAcross([], 'sum')).toEqual(col([], []));
  });

  it('finds the newest finite value', () => {
    expect(newestFinite(Float64Array.of(1, 2, NaN))).toBe(2);
    expect(newestFinite(Float64Array.of(NaN))).toBeUndefined();
  });
});
