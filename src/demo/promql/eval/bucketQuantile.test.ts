import { describe, expect, it } from 'vitest';
import { bucketQuantile } from './bucketQuantile';

const BOUNDS = [0.1, 0.5, 1, Infinity];
const COUNTS = [10, 20, 40, 40];

describe('bucketQuantile', () => {
  it('interpolates linearly inside the bucket holding the rank', () => {
    expect(bucketQuantile(0.5, BOUNDS, COUNTS)).toBeCloseTo(0.5, 12);
    expect(bucketQuantile(0.75, BOUNDS, COUNTS)).toBeCloseTo(0.75, 12);
    expect(bucketQuantile(0.99, BOUNDS, COUNTS)).toBeCloseTo(0.99, 12);
  });

  it('interpolates from 0 in the first bucket, or returns its bound when that is <= 0', () => {
    expect(bucketQuantile(0.5, [2, Infinity], [10, 10])).toBe(1);
    expect(bucketQuantile(0.25, [-1, 0, Infinity], [5, 5, 10])).toBe(-1);
  });

  it('returns the second-highest bound when the rank falls into +Inf', () => {
    expect(bucketQuantile(0.9, [0.5, 1, Infinity], [10, 40, 50])).toBe(1);
  });

  it('handles out-of-range φ, missing +Inf, no observations', () => {
    expect(bucketQuantile(-0.1, BOUNDS, COUNTS)).toBe(-Infinity);
    expect(bucketQuantile(1.1, BOUNDS, COUNTS)).toBe(Infinity);
    expect(bucketQuantile(NaN, BOUNDS, COUNTS)).toBeNaN();
    expect(bucketQuantile(0.5, [0.1, 0.5], [1, 2])).toBeNaN();
    expect(bucketQuantile(0.5, BOUNDS, [0, 0, 0, 0])).toBeNaN();
    expect(bucketQuantile(0.5, [Infinity], [3])).toBeNaN();
  });

  it('forces monotonic counts and merges equal bounds', () => {
    expect(bucketQuantile(0.5, [1, 2, Infinity], [10, 8, 20])).toBe(1);
    // Two `le="1"` series (e.g. "1" and "1.0") add up: 5 + 5 = 10 of 20 at le=1.
    expect(bucketQuantile(0.5, [1, 1, Infinity], [5, 5, 20])).toBe(1);
  });
});
