import { describe, expect, it } from 'vitest';
import { statusOf, thresholdsFor, worstStatus } from './thresholds';

describe('thresholds', () => {
  it('grades values against warn and crit', () => {
    const t = thresholdsFor('errorRatio');
    expect(statusOf(0.001, t)).toBe('ok');
    expect(statusOf(0.01, t)).toBe('warn');
    expect(statusOf(0.2, t)).toBe('crit');
    expect(statusOf(Infinity, t)).toBe('crit');
  });

  it('calls missing values unknown and values without thresholds ok', () => {
    expect(statusOf(undefined, thresholdsFor('errorRatio'))).toBe('unknown');
    expect(statusOf(NaN, thresholdsFor('errorRatio'))).toBe('unknown');
    expect(statusOf(12345, thresholdsFor('requestRate'))).toBe('ok');
  });

  it('finds the worst status, ranking unknown below ok', () => {
    expect(worstStatus(['ok', 'crit', 'warn'])).toBe('crit');
    expect(worstStatus(['unknown', 'ok'])).toBe('ok');
    expect(worstStatus([])).toBe('unknown');
  });
});
