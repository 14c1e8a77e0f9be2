import { describe, expect, it } from 'vitest';
import { interpolateIntervals, rateIntervalMs } from './intervals';

describe('rateIntervalMs', () => {
  it('is max(step + scrape, 4 × scrape)', () => {
    expect(rateIntervalMs(15_000, 15_000)).toBe(60_000);
    expect(rateIntervalMs(120_000, 15_000)).toBe(135_000);
    expect(rateIntervalMs(30_000, 15_000)).toBe(60_000);
  });
});

describe('interpolateIntervals', () => {
  const ctx = { stepMs: 120_000, scrapeIntervalMs: 15_000, rangeMs: 86_400_000 };

  it('replaces every interval variable, bare or braced', () => {
    expect(interpolateIntervals('rate(x[$__rate_interval])', ctx)).toBe('rate(x[2m15s])');
    expect(interpolateIntervals('rate(x[$__interval])', ctx)).toBe('rate(x[2m])');
    expect(interpolateIntervals('increase(x[${__range}])', ctx)).toBe('increase(x[1d])');
    expect(interpolateIntervals('x * $__interval_ms + $__range_s + $__range_ms', ctx)).toBe('x * 120000 + 86400 + 86400000');
    expect(interpolateIntervals('a[$__rate_interval] b[$__rate_interval]', ctx)).toBe('a[2m15s] b[2m15s]');
  });

  it('leaves other variables and look-alikes alone', () => {
    expect(interpolateIntervals('x{job="$job"} $__intervalx $__other', ctx)).toBe('x{job="$job"} $__intervalx $__other');
  });

  it('rounds $__range to whole seconds, at least one', () => {
    expect(interpolateIntervals('$__range', { ...ctx, rangeMs: 90_400 })).toBe('1m30s');
    expect(interpolateIntervals('$__range', { ...ctx, rangeMs: 10 })).toBe('1s');
  });
});
