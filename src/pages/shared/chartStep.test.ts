import { describe, expect, it } from 'vitest';
import { dashboardPoints } from './chartStep';

describe('dashboardPoints', () => {
  it('asks for points from the window width within bounds', () => {
    expect(dashboardPoints(1440)).toBe(720);
    expect(dashboardPoints(100)).toBe(200);
    expect(dashboardPoints(10_000)).toBe(1200);
  });
});
