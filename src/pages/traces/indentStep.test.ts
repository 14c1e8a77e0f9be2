import { describe, expect, it } from 'vitest';
import { indentStepPx } from './Waterfall';

describe('indentStepPx', () => {
  it('is 14 px a level while the deepest level fits in half the name column', () => {
    // Rows 1,200 px wide: the name column is 34 %, half of it 204 px; 10 levels of 14 px take 140.
    expect(indentStepPx(1200, 10)).toBe(14);
  });

  it('shrinks so that a deep trace keeps its deepest level within half the name column', () => {
    const step = indentStepPx(1200, 30);
    expect(step).toBeLessThan(14);
    expect(step * 30).toBeCloseTo(0.17 * 1200);
  });

  it('stops shrinking at 40 levels: deeper rows share the 40th level', () => {
    expect(indentStepPx(1200, 100_000)).toBe(indentStepPx(1200, 40));
  });

  it('is the full step before the rows are measured, and for a flat trace', () => {
    expect(indentStepPx(0, 30)).toBe(14);
    expect(indentStepPx(1200, 0)).toBe(14);
  });
});
