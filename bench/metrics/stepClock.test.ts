import { describe, expect, it } from 'vitest';
import { nextPressAt, stepIndex } from './stepClock';

describe('nextPressAt', () => {
  it('lands offsetMs after the next step boundary', () => {
    expect(nextPressAt(1_000_200, 15_000, 1500)).toBe(1_006_500);
    expect(nextPressAt(1_006_400, 15_000, 1500)).toBe(1_006_500);
  });

  it('moves to the following step when the lead time would be cut short', () => {
    expect(nextPressAt(1_005_000, 15_000, 1500, 2000)).toBe(1_021_500);
  });

  it('gives presses one step apart that fall in consecutive steps', () => {
    const first = nextPressAt(123_456_789, 15_000, 1500);
    const second = nextPressAt(first + 1, 15_000, 1500);
    expect(second - first).toBe(15_000);
    expect(stepIndex(second, 15_000)).toBe(stepIndex(first, 15_000) + 1);
  });
});
