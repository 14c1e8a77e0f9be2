import { describe, expect, it } from 'vitest';
import { plotArea, Y_AXIS_WIDTH } from './geometry';

describe('plotArea', () => {
  it('leaves room for the axes', () => {
    const a = plotArea(600, 220);
    expect(a.left).toBe(Y_AXIS_WIDTH);
    expect(a.width).toBe(600 - Y_AXIS_WIDTH - 12);
    expect(a.height).toBe(220 - 8 - 24);
  });

  it('is empty, never negative or NaN, for sizes too small or not numbers', () => {
    for (const size of [0, 10, -5, NaN, Infinity, -Infinity]) {
      const a = plotArea(size, size);
      expect(Number.isFinite(a.width) && a.width >= 0, `width of ${size}`).toBe(true);
      expect(Number.isFinite(a.height) && a.height >= 0, `height of ${size}`).toBe(true);
    }
  });
});
