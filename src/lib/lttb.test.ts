import { describe, expect, it } from 'vitest';
import { lttb } from './lttb';

function ramp(n: number, f: (i: number) => number) {
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = 1000 * i;
    values[i] = f(i);
  }
  return { times, values };
}

describe('lttb', () => {
  it('returns the input unchanged when it already fits', () => {
    const s = ramp(10, (i) => i);
    const out = lttb(s.times, s.values, 20);
    expect(out.times).toBe(s.times);
    expect(out.values).toBe(s.values);
  });

  it('thins to the threshold and keeps the first and last points', () => {
    const s = ramp(10_000, (i) => Math.sin(i / 50));
    const out = lttb(s.times, s.values, 500);
    expect(out.times.length).toBe(500);
    expect(out.times[0]).toBe(0);
    expect(out.times[out.times.length - 1]).toBe(9_999_000);
    for (let i = 1; i < out.times.length; i++) expect(out.times[i]!).toBeGreaterThan(out.times[i - 1]!);
  });

  it('keeps a single-sample spike that averaging would lose', () => {
    const s = ramp(10_000, (i) => (i === 4321 ? 30 : 0.02));
    const out = lttb(s.times, s.values, 200);
    expect(Math.max(...out.values)).toBe(30);
    expect(out.times[out.values.indexOf(30)]).toBe(4_321_000);
  });

  it('keeps NaN gaps as gaps instead of bridging them', () => {
    const s = ramp(1000, (i) => (i >= 400 && i < 600 ? NaN : i));
    const out = lttb(s.times, s.values, 100);
    const nanIndexes = [...out.values.keys()].filter((i) => Number.isNaN(out.values[i]));
    expect(nanIndexes).toHaveLength(1);
    const gap = nanIndexes[0]!;
    expect(out.times[gap]).toBe(400_000);
    expect(out.values[gap - 1]).toBe(399);
    expect(out.values[gap + 1]).toBe(600);
    expect(out.times.length).toBeLessThanOrEqual(100);
  });

  it('keeps leading and trailing gaps and the time extent', () => {
    const s = ramp(1000, (i) => (i < 10 || i > 980 ? NaN : 1));
    const out = lttb(s.times, s.values, 50);
    expect(out.times[0]).toBe(0);
    expect(Number.isNaN(out.values[0])).toBe(true);
    expect(out.times[out.times.length - 1]).toBe(999_000);
    expect(Number.isNaN(out.values[out.values.length - 1])).toBe(true);
  });

  it('treats infinities as gaps rather than drawing them', () => {
    const s = ramp(100, (i) => (i === 50 ? Infinity : i));
    const out = lttb(s.times, s.values, 20);
    expect([...out.values].some((v) => v === Infinity)).toBe(false);
    expect([...out.values].filter((v) => Number.isNaN(v))).toHaveLength(1);
  });

  it('does not mutate its input', () => {
    const s = ramp(1000, (i) => (i % 7 === 0 ? NaN : i));
    const before = Array.from(s.values);
    lttb(s.times, s.values, 30);
    expect(Array.from(s.values)).toEqual(before);
  });
});
