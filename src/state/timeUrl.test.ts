import { describe, expect, it } from 'vitest';
import {
  absoluteRaw,
  describeRange,
  fromDateTimeLocal,
  parseTimeParams,
  rangeProblem,
  refreshIntervalMs,
  toDateTimeLocal,
  withTimeParams,
  zoomOutRaw,
} from './timeUrl';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseTimeParams', () => {
  it('defaults to the last hour with refresh off', () => {
    expect(parseTimeParams(new URLSearchParams(''), NOW)).toEqual({ raw: { from: 'now-1h', to: 'now' }, refresh: 'off' });
  });

  it('reads relative and absolute ranges and the refresh interval', () => {
    expect(parseTimeParams(new URLSearchParams('from=now-6h&to=now&refresh=30s'), NOW)).toEqual({
      raw: { from: 'now-6h', to: 'now' },
      refresh: '30s',
    });
    expect(parseTimeParams(new URLSearchParams('from=1700000000000&to=1700003600000'), NOW).raw).toEqual({
      from: '1700000000000',
      to: '1700003600000',
    });
  });

  it('falls back to the default on nonsense, reversed ranges and unknown refresh values', () => {
    expect(parseTimeParams(new URLSearchParams('from=yesterday&to=now'), NOW).raw).toEqual({ from: 'now-1h', to: 'now' });
    expect(parseTimeParams(new URLSearchParams('from=2000&to=1000'), NOW).raw).toEqual({ from: 'now-1h', to: 'now' });
    expect(parseTimeParams(new URLSearchParams('refresh=1s'), NOW).refresh).toBe('off');
  });

  it('treats a missing "to" as now', () => {
    expect(parseTimeParams(new URLSearchParams('from=now-15m'), NOW).raw).toEqual({ from: 'now-15m', to: 'now' });
  });
});

describe('withTimeParams', () => {
  it('writes the range and refresh and keeps other parameters', () => {
    const out = withTimeParams(new URLSearchParams('var-service=payments&from=now-1h&to=now'), {
      raw: { from: 'now-3h', to: 'now' },
      refresh: '1m',
    });
    expect(out.toString()).toBe('var-service=payments&from=now-3h&to=now&refresh=1m');
  });

  it('removes refresh when it is switched off, and never mutates its input', () => {
    const input = new URLSearchParams('from=now-1h&to=now&refresh=5s');
    const out = withTimeParams(input, { refresh: 'off' });
    expect(out.has('refresh')).toBe(false);
    expect(input.get('refresh')).toBe('5s');
  });
});

describe('range helpers', () => {
  it('names the bad field', () => {
    expect(rangeProblem({ from: 'x', to: 'now' }, NOW)).toContain('"from"');
    expect(rangeProblem({ from: 'now-1h', to: 'later' }, NOW)).toContain('"to"');
    expect(rangeProblem({ from: 'now', to: 'now-1h' }, NOW)).toContain('before');
    expect(rangeProblem({ from: 'now-1h', to: 'now' }, NOW)).toBeUndefined();
  });

  it('converts refresh options to milliseconds', () => {
    expect(refreshIntervalMs('off')).toBe(0);
    expect(refreshIntervalMs('5s')).toBe(5000);
    expect(refreshIntervalMs('1m')).toBe(60_000);
  });

  it('zooms a live range out while keeping it live', () => {
    expect(zoomOutRaw({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ from: 'now-2h', to: 'now' });
  });

  it('zooms an absolute range out around its centre, never past now', () => {
    const from = NOW - 10 * 3_600_000;
    const to = NOW - 8 * 3_600_000;
    expect(zoomOutRaw(absoluteRaw({ from, to }), NOW)).toEqual(absoluteRaw({ from: from - 3_600_000, to: to + 3_600_000 }));
    const recent = zoomOutRaw(absoluteRaw({ from: NOW - 3_600_000, to: NOW }), NOW);
    expect(recent).toEqual(absoluteRaw({ from: NOW - 7_200_000, to: NOW }));
  });

  it('describes quick ranges by their label', () => {
    expect(describeRange({ from: 'now-24h', to: 'now' }, NOW)).toBe('Last 24 hours');
    expect(describeRange({ from: 'now-90m', to: 'now' }, NOW)).toBe('now-90m to now');
  });

  it('round-trips datetime-local text and rejects malformed input', () => {
    const ms = new Date(2025, 2, 4, 5, 6).getTime();
    expect(toDateTimeLocal(ms)).toBe('2025-03-04T05:06');
    expect(fromDateTimeLocal('2025-03-04T05:06')).toBe(ms);
    expect(fromDateTimeLocal('')).toBeNaN();
    expect(fromDateTimeLocal('tomorrow')).toBeNaN();
  });
});
