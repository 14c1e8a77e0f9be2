import { describe, expect, it } from 'vitest';
import { escapeLabelValue, formatLabelSet, formatTimestamp, formatValue } from './format';

describe('OpenMetrics formatting', () => {
  it('prints floats that parse back to the identical double', () => {
    for (const v of [0, 1, 0.1 + 0.2, 1e21, 1.5e-7, 5e-324, 1.7976931348623157e308, 193616256082.64948, -2.5, 123456789012345680000]) {
      expect(Object.is(Number(formatValue(v)), v)).toBe(true);
    }
    expect([NaN, Infinity, -Infinity].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf']);
  });

  it('prints timestamps in seconds without float noise', () => {
    expect(formatTimestamp(1_749_031_200_000)).toBe('1749031200');
    expect(formatTimestamp(1_600_096_945_479)).toBe('1600096945.479');
    expect(formatTimestamp(1_600_096_945_005)).toBe('1600096945.005');
  });

  it('escapes label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(formatLabelSet({ __name__: 'x', job: 'a"b', le: '+Inf' })).toBe('{job="a\\"b",le="+Inf"}');
    expect(formatLabelSet({ __name__: 'x' })).toBe('');
  });
});
