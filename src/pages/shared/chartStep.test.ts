import { describe, expect, it } from 'vitest';
import { chooseStepMs, dashboardPoints } from './chartStep';

const hours = (h: number) => ({ from: 0, to: h * 3_600_000 });

describe('chooseStepMs', () => {
  it('never goes below the scrape interval', () => {
    expect(chooseStepMs({ from: 0, to: 300_000 }, 800)).toBe(15_000);
    expect(chooseStepMs({ from: 0, to: 300_000 }, 800, 5000)).toBe(5000);
  });

  it('gives about one point per pixel on a round step', () => {
    expect(chooseStepMs(hours(24), 700)).toBe(5 * 60_000);
    expect(chooseStepMs(hours(1), 120)).toBe(30_000);
    expect(chooseStepMs(hours(24 * 7), 700)).toBe(15 * 60_000);
  });

  it('keeps the number of points at or under the request', () => {
    for (const h of [1, 3, 6, 12, 24, 48, 168]) {
      const step = chooseStepMs(hours(h), 600);
      expect((h * 3_600_000) / step).toBeLessThanOrEqual(600);
    }
  });

  it('asks for points from the window width within bounds', () => {
    expect(dashboardPoints(1440)).toBe(720);
    expect(dashboardPoints(100)).toBe(200);
    expect(dashboardPoints(10_000)).toBe(1200);
  });
});
