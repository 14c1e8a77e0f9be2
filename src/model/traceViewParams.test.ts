import { describe, expect, it } from 'vitest';
import { formatZoom, parseTraceView, parseZoom } from './traceViewParams';

describe('parseTraceView', () => {
  it('accepts the four views and falls back to the waterfall', () => {
    expect(['waterfall', 'flame', 'summary', 'graph'].map(parseTraceView)).toEqual(['waterfall', 'flame', 'summary', 'graph']);
    expect(parseTraceView(null)).toBe('waterfall');
    expect(parseTraceView('FLAME')).toBe('waterfall');
    expect(parseTraceView('<script>')).toBe('waterfall');
  });
});

describe('parseZoom', () => {
  it('reads start,end in µs from the trace start', () => {
    expect(parseZoom('100,2500.5', 10_000)).toEqual({ startUs: 100, endUs: 2500.5 });
  });

  it('clips to the trace and orders reversed ends', () => {
    expect(parseZoom('-50,20000', 10_000)).toBeNull();
    expect(parseZoom('-50,500', 10_000)).toEqual({ startUs: 0, endUs: 500 });
    expect(parseZoom('900,300', 10_000)).toEqual({ startUs: 300, endUs: 900 });
  });

  it('is no zoom for bad, empty or whole-trace windows', () => {
    for (const bad of [null, '', '1', '1,2,3', 'a,b', ',5', '5,5', 'NaN,4', 'Infinity,4', '20000,30000']) expect(parseZoom(bad, 10_000), String(bad)).toBeNull();
    expect(parseZoom('0,10000', 10_000)).toBeNull();
    expect(parseZoom('1,2', 0)).toBeNull();
  });

  it('round-trips through formatZoom', () => {
    const w = { startUs: 12.3456, endUs: 9000 };
    expect(formatZoom(w)).toBe('12.346,9000');
    expect(parseZoom(formatZoom(w), 10_000)).toEqual({ startUs: 12.346, endUs: 9000 });
  });
});
