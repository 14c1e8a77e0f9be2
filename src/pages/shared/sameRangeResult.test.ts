import { describe, expect, it } from 'vitest';
import type { RangeResult } from '../../datasources/types';
import { sameRangeResult } from './sameRangeResult';

const result = (values: number[], labels: Record<string, string> = { route: '/pay' }, warnings: string[] = []): RangeResult => ({
  series: [{ labels, times: Float64Array.from(values.map((_, i) => i * 15_000)), values: Float64Array.from(values) }],
  warnings,
  stepMs: 15_000,
});

describe('sameRangeResult', () => {
  it('recognises the same samples in a new answer, gaps included', () => {
    expect(sameRangeResult(result([1, NaN, 3]), result([1, NaN, 3]))).toBe(true);
  });

  it('tells apart a changed value, a moved window, other labels and other warnings', () => {
    expect(sameRangeResult(result([1, 2, 3]), result([1, 2, 4]))).toBe(false);
    const moved = result([1, 2, 3]);
    moved.series[0]!.times[0] = 1;
    expect(sameRangeResult(result([1, 2, 3]), moved)).toBe(false);
    expect(sameRangeResult(result([1]), result([1], { route: '/other' }))).toBe(false);
    expect(sameRangeResult(result([1]), result([1], { route: '/pay', extra: 'x' }))).toBe(false);
    expect(sameRangeResult(result([1]), result([1], undefined, ['truncated']))).toBe(false);
    expect(sameRangeResult(result([1]), { ...result([1]), series: [] })).toBe(false);
  });
});
