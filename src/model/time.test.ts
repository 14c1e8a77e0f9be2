import { describe, expect, it } from 'vitest';
import { chooseStep, DEFAULT_SCRAPE_INTERVAL_MS, roundUpToNiceStep } from './time';

const H = 3_600_000;
const D = 24 * H;
const hours = (h: number) => ({ from: 0, to: h * H });
const PROMETHEUS_LIMIT = 11_000;

/** Prometheus' own check: floor((end - start) / step) must not exceed its point limit. */
function stepsInRange(range: { from: number; to: number }, stepMs: number): number {
  return Math.floor((range.to - range.from) / stepMs);
}

describe('chooseStep, as pages use it (points from the chart width)', () => {
  it('never goes below the scrape interval, the named default when none is given', () => {
    expect(DEFAULT_SCRAPE_INTERVAL_MS).toBe(15_000);
    expect(chooseStep({ from: 0, to: 300_000 }, { points: 800 })).toBe(15_000);
    expect(chooseStep({ from: 0, to: 300_000 }, { points: 800, minStepMs: 5000 })).toBe(5000);
  });

  it('gives about one point per pixel on a round step', () => {
    expect(chooseStep(hours(24), { points: 700 })).toBe(5 * 60_000);
    expect(chooseStep(hours(1), { points: 120 })).toBe(30_000);
    expect(chooseStep(hours(24 * 7), { points: 700 })).toBe(15 * 60_000);
  });

  it('keeps the number of points at or under the request', () => {
    for (const h of [1, 3, 6, 12, 24, 48, 168]) {
      const step = chooseStep(hours(h), { points: 600 });
      expect((h * H) / step).toBeLessThanOrEqual(600);
    }
  });
});

describe('chooseStep, as adapters use it (a wished step within the server limits)', () => {
  const adapter = (range: { from: number; to: number }, stepMs: number | undefined, minStepMs = 15_000) =>
    chooseStep(range, { stepMs, minStepMs, maxPoints: PROMETHEUS_LIMIT });

  it('keeps a wished step that is nice and at least the scrape interval', () => {
    expect(adapter({ from: 0, to: H }, 60_000)).toBe(60_000);
  });

  it('never goes below the scrape interval', () => {
    expect(adapter({ from: 0, to: H }, 1000)).toBe(15_000);
  });

  it('rounds up to a nice value', () => {
    expect(adapter({ from: 0, to: H }, 17_000)).toBe(20_000);
    expect(adapter({ from: 0, to: H }, 61_000)).toBe(120_000);
    expect(adapter({ from: 0, to: H }, 10_000, 7_000)).toBe(10_000);
  });

  it('aims at about a thousand points with no wish', () => {
    expect(adapter({ from: 0, to: D }, undefined)).toBe(120_000);
    expect(adapter({ from: 0, to: H }, undefined)).toBe(15_000);
  });

  it('never exceeds the point limit over many ranges', () => {
    const spans = [1, 999, 60_000, H, 6 * H, D, 7 * D, 30 * D, 90 * D, 365 * D, 10 * 365 * D];
    const starts = [0, 1_700_000_000_123, 1_700_000_007_777];
    for (const span of spans) {
      for (const from of starts) {
        for (const desired of [undefined, 1, 15_000, 3 * H]) {
          const range = { from, to: from + span };
          const step = adapter(range, desired);
          expect(step).toBeGreaterThanOrEqual(Math.ceil(span / PROMETHEUS_LIMIT));
          expect(stepsInRange(range, step)).toBeLessThanOrEqual(PROMETHEUS_LIMIT);
        }
      }
    }
  });

  it("keeps the step a page chose whenever the page's points are within the limit", () => {
    for (const h of [0.25, 1, 6, 24, 168, 720]) {
      for (const points of [120, 700, 1200]) {
        const pageStep = chooseStep(hours(h), { points });
        expect(adapter(hours(h), pageStep)).toBe(pageStep);
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
