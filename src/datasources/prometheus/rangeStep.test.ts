import { describe, expect, it } from 'vitest';
import { chooseStep } from '../../model/time';
import { alignRange, MAX_POINTS_PER_SERIES } from './rangeStep';

const H = 3_600_000;
const D = 24 * H;

/** Prometheus' own check: floor((end - start) / step) must not exceed 11,000. */
function stepsInRange(range: { from: number; to: number }, stepMs: number): number {
  return Math.floor((range.to - range.from) / stepMs);
}

describe('alignRange', () => {
  it('never makes a range chosen within the limit exceed it', () => {
    const spans = [1, 999, 60_000, H, 6 * H, D, 7 * D, 30 * D, 90 * D, 365 * D, 10 * 365 * D];
    for (const span of spans) {
      for (const from of [0, 1_700_000_000_123, 1_700_000_007_777]) {
        const range = { from, to: from + span };
        const step = chooseStep(range, { stepMs: 1, maxPoints: MAX_POINTS_PER_SERIES });
        expect(stepsInRange(alignRange(range, step), step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      }
    }
  });


  it('snaps both ends down to multiples of the step', () => {
    expect(alignRange({ from: 1_000_007_500, to: 1_000_100_001 }, 15_000)).toEqual({ from: 1_000_005_000, to: 1_000_095_000 });
  });
});
