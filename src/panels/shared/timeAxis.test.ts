import { describe, expect, it } from 'vitest';
import { formatTick, timeTicks } from './timeAxis';

describe('timeTicks', () => {
  it('spaces ticks on round boundaries within the range', () => {
    const from = new Date(2025, 0, 1, 10, 7).getTime();
    const to = new Date(2025, 0, 1, 11, 7).getTime();
    const ticks = timeTicks(from, to, 6);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(6);
    const stepMinutes = (ticks[1]! - ticks[0]!) / 60_000;
    expect([5, 10, 15, 30]).toContain(stepMinutes);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(to);
      expect(new Date(t).getMinutes() % stepMinutes).toBe(0);
    }
  });

  it('returns nothing for an empty range', () => {
    expect(timeTicks(10, 10, 5)).toEqual([]);
  });

  it('adds the date only for multi-day spans', () => {
    const t = new Date(2025, 4, 6, 7, 8, 9).getTime();
    expect(formatTick(t, 3_600_000)).toBe('07:08');
    expect(formatTick(t, 5 * 60_000)).toBe('07:08:09');
    expect(formatTick(t, 7 * 86_400_000)).toBe('05/06 07:08');
  });
});

describe('timeTicks over extreme ranges', () => {
  it('returns a few finite, ascending ticks or none, never throwing or looping', () => {
    const edges = [-8.64e15, -1e12, 0, 5e-324, 1, 1.7e12, 8.64e15, 1e308, Number.MAX_VALUE, NaN, Infinity, -Infinity];
    for (const from of edges) {
      for (const to of edges) {
        const ticks = timeTicks(from, to, 6);
        expect(ticks.length, `${from}..${to}`).toBeLessThanOrEqual(13);
        ticks.forEach((t, i) => {
          expect(Number.isFinite(t) && t >= from && t <= to, `${from}..${to}: ${t}`).toBe(true);
          if (i > 0) expect(t).toBeGreaterThan(ticks[i - 1]!);
        });
      }
    }
  });
});
