import { describe, expect, it } from 'vitest';
import { attrText, formatCount, formatMicros, timeTicks } from './format';

describe('formatMicros', () => {
  it('reads at the scale of the value', () => {
    expect(formatMicros(0)).toBe('0 µs');
    expect(formatMicros(850)).toBe('850 µs');
    expect(formatMicros(12_345)).toBe('12.3 ms');
    expect(formatMicros(1_250_000)).toBe('1.25 s');
    expect(formatMicros(30_000_000)).toBe('30 s');
    expect(formatMicros(125_000_000)).toBe('2m 5s');
    expect(formatMicros(-1_500)).toBe('-1.5 ms');
    expect(formatMicros(NaN)).toBe('NaN');
  });
});

describe('timeTicks', () => {
  it('steps 1-2-5 from zero to the end, never more than asked for', () => {
    expect(timeTicks(1_000_000)).toEqual([0, 200_000, 400_000, 600_000, 800_000, 1_000_000]);
    expect(timeTicks(30_000_000, 4)).toEqual([0, 10_000_000, 20_000_000, 30_000_000]);
    expect(timeTicks(7, 6)).toEqual([0, 2, 4, 6]);
    for (const d of [1, 3, 17, 999, 123_456_789]) expect(timeTicks(d).length).toBeLessThanOrEqual(7);
  });

  it('gives one tick for an empty or broken duration', () => {
    expect(timeTicks(0)).toEqual([0]);
    expect(timeTicks(-5)).toEqual([0]);
    expect(timeTicks(Infinity)).toEqual([0]);
  });
});

describe('attrText', () => {
  it('writes every attribute value kind as text', () => {
    expect(attrText('<b>x</b>')).toBe('<b>x</b>');
    expect(attrText(3)).toBe('3');
    expect(attrText(false)).toBe('false');
    expect(attrText(null)).toBe('null');
    expect(attrText(['a', [1, true]])).toBe('["a",[1,true]]');
  });
});

describe('formatCount', () => {
  it('groups thousands as en-US does, without Intl', () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 100_000, 1_234_567, -4_500, 2 ** 53 - 1]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(1.5)).toBe('1.5');
  });
});
