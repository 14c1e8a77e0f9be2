import { describe, expect, it } from 'vitest';
import { DRAWABLE_LIMIT, drawable, saturatingAdd } from './drawable';
import { EXTREME_VALUES } from './testing/extremeValues';

describe('drawable', () => {
  it('keeps any two drawable values a finite distance apart', () => {
    for (const a of EXTREME_VALUES) {
      for (const b of EXTREME_VALUES) {
        if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
        expect(Number.isFinite(drawable(a) - drawable(b)), `${a} - ${b}`).toBe(true);
      }
    }
  });

  it('leaves ordinary values, gaps and infinities as they are', () => {
    expect(drawable(12.5)).toBe(12.5);
    expect(drawable(5e-324)).toBe(5e-324);
    expect(drawable(NaN)).toBeNaN();
    expect(drawable(Infinity)).toBe(Infinity);
    expect(drawable(-Number.MAX_VALUE)).toBe(-DRAWABLE_LIMIT);
  });
});

describe('saturatingAdd', () => {
  it('holds at ±MAX_VALUE where finite addends overflow, and keeps real infinities', () => {
    expect(saturatingAdd(Number.MAX_VALUE, 1e308)).toBe(Number.MAX_VALUE);
    expect(saturatingAdd(-Number.MAX_VALUE, -1e308)).toBe(-Number.MAX_VALUE);
    expect(saturatingAdd(Infinity, 1)).toBe(Infinity);
    expect(saturatingAdd(2, 3)).toBe(5);
  });
});
