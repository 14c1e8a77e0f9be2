import { describe, expect, it } from 'vitest';
import { bucketFractions, latencyCdf, latencyMean, latencyQuantile } from './latency';
import { poissonSample } from './inflight';

const d = { shiftS: 0.03, medianS: 0.01, sigma: 0.6 };

describe('latency distributions', () => {
  it('has a CDF, quantile and mean that agree with each other', () => {
    expect(latencyCdf(d, 0.04)).toBeCloseTo(0.5, 6);
    for (const u of [0.01, 0.3, 0.9, 0.999]) expect(latencyCdf(d, latencyQuantile(d, u))).toBeCloseTo(u, 6);
    // Mean by integrating the survival function, ∫ (1 − F) dx, against the closed form.
    let integral = 0;
    for (let x = 0; x < 2; x += 1e-5) integral += (1 - latencyCdf(d, x + 5e-6)) * 1e-5;
    expect(integral).toBeCloseTo(latencyMean(d), 4);
  });

  it('yields cumulative bucket fractions ending at exactly 1', () => {
    const f = bucketFractions({ shiftS: 30, medianS: 4, sigma: 0.5 }, [0.1, 20, 30, 40, Infinity]);
    expect(f.slice(0, 3)).toEqual([0, 0, 0]);
    expect(f[3]).toBeGreaterThan(0.9);
    expect(f[4]).toBe(1);
  });
});

describe('poissonSample', () => {
  it('inverts the Poisson CDF and stays near the mean for large means', () => {
    expect(poissonSample(0, 0.99)).toBe(0);
    expect(poissonSample(0.5, 0.5)).toBe(0);
    expect(poissonSample(0.5, 0.95)).toBe(2);
    expect(poissonSample(100, 0.5)).toBe(100);
    expect(poissonSample(100, 0.975)).toBe(120);
  });
});
