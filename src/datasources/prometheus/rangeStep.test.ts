import { describe, expect, it } from 'vitest';
import { alignRange, chooseStep, MAX_POINTS_PER_SERIES, roundUpToNiceStep } from './rangeStep';

const H = 3_600_000;
const D = 24 * H;

/** Prometheus' own check: floor((end - start) / step) must not exceed 11,000. */
function stepsInRange(range: { from: number; to: number }, stepMs: number): number {
  return Math.floor((range.to - range.from) / stepMs);
}

describe('chooseStep', () => {
  it('keeps a wished step that is nice and at least the scrape interval', () => {
    expect(chooseStep({ from: 0, to: H }, 60_000, 15_000)).toBe(60_000);
  });

  it('never goes below the scrape interval', () => {
    expect(chooseStep({ from: 0, to: H }, 1000, 15_000)).toBe(15_000);
  });

  it('rounds up to a nice value', () => {
    expect(chooseStep({ from: 0, to: H }, 17_000, 15_000)).toBe(20_000);
    expect(chooseStep({ from: 0, to: H }, 61_000, 15_000)).toBe(120_000);
    expect(chooseStep({ from: 0, to: H }, 10_000, 7_000)).toBe(10_000);
  });

  it('aims at about a thousand points with no wish', () => {
    expect(chooseStep({ from: 0, to: D }, undefined, 15_000)).toBe(120_000);
    expect(chooseStep({ from: 0, to: H }, undefined, 15_000)).toBe(15_000);
  });

  it('raises the step for long ranges to respect the 11,000-point limit', () => {
    // 30 days at a 15 s step would be 172,800 points.
    const range = { from: 0, to: 30 * D };
    const step = chooseStep(range, 15_000, 15_000);
    expect(step).toBeGreaterThanOrEqual(Math.ceil((range.to - range.from) / MAX_POINTS_PER_SERIES));
    expect(stepsInRange(range, step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });

  it('never exceeds 11,000 steps, aligned or not, over many ranges', () => {
    const spans = [1, 999, 60_000, H, 6 * H, D, 7 * D, 30 * D, 90 * D, 365 * D, 10 * 365 * D];
    const starts = [0, 1_700_000_000_123, 1_700_000_007_777];
    for (const span of spans) {
      for (const from of starts) {
        for (const desired of [undefined, 1, 15_000, 3 * H]) {
          const range = { from, to: from + span };
          const step = chooseStep(range, desired, 15_000);
          expect(step).toBeGreaterThanOrEqual(Math.ceil(span / MAX_POINTS_PER_SERIES));
          expect(stepsInRange(range, step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
          expect(stepsInRange(alignRange(range, step), step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
        }
      }
    }
  });
});

describe('roundUpToNiceStep', () => {
  it('climbs the ladder and falls back to whole weeks', () => {
    expect(roundUpToNiceStep(15_000)).toBe(15_000);
    expect(roundUpToNiceStep(15_001)).toBe(20_000);
    expect(roundUpToNiceStep(0.4)).toBe(1);
    expect(roundUpToNiceStep(8 * D)).toBe(14 * D);
  });
});

describe('alignRange', () => {
  it('snaps both ends down to multiples of the step', () => {
    expect(alignRange({ from: 1_000_007_500, to: 1_000_100_001 }, 15_000)).toEqual({ from: 1_000_005_000, to: 1_000_095_000 });
  });
});
