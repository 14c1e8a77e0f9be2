import { describe, expect, it } from 'vitest';
import { statusOf, thresholdsFor, worstStatus } from './thresholds';

describe('thresholds', () => {
  it('grades values against warn and crit', () => {
    const t = thresholdsFor('errorRatio', 'percentunit');
    expect(statusOf(0.001, t)).toBe('ok');
    expect(statusOf(0.01, t)).toBe('warn');
    expect(statusOf(0.2, t)).toBe('crit');
    expect(statusOf(Infinity, t)).toBe('crit');
  });

  it('calls missing values unknown and values without thresholds ok', () => {
    expect(statusOf(undefined, thresholdsFor('errorRatio', 'percentunit'))).toBe('unknown');
    expect(statusOf(NaN, thresholdsFor('errorRatio', 'percentunit'))).toBe('unknown');
    expect(statusOf(12345, thresholdsFor('requestRate', 'reqps'))).toBe('ok');
  });

  it('finds the worst status, ranking unknown below ok', () => {
    expect(worstStatus(['ok', 'crit', 'warn'])).toBe('crit');
    expect(worstStatus(['unknown', 'ok'])).toBe('ok');
    expect(worstStatus([])).toBe('unknown');
  });
});

describe('thresholds belong to a signal and its unit (issue 5 #3)', () => {
  it('grades saturation only as a ratio of its limit', () => {
    expect(statusOf(0.95, thresholdsFor('saturation', 'percentunit'))).toBe('crit');
    expect(statusOf(80, thresholdsFor('saturation', 'percent'))).toBe('warn');
  });

  it('leaves raw cores and in-flight requests ungraded, not red', () => {
    expect(statusOf(1.2, thresholdsFor('saturation', 'cores'))).toBe('unknown');
    expect(statusOf(40, thresholdsFor('saturation', 'short'))).toBe('unknown');
    expect(statusOf(0.1, thresholdsFor('saturation', 'cores'))).toBe('unknown');
  });

  it('scales latency thresholds with the unit', () => {
    expect(statusOf(2, thresholdsFor('latencyP99', 's'))).toBe('warn');
    expect(statusOf(2, thresholdsFor('latencyP99', 'ms'))).toBe('ok');
    expect(statusOf(6000, thresholdsFor('latencyP99', 'ms'))).toBe('crit');
  });
});
