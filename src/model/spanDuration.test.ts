import { describe, expect, it } from 'vitest';
import { parseSpanDuration } from './spanDuration';
import { formatSpanDuration } from './traceSearchState';

describe('parseSpanDuration', () => {
  it.each([
    ['1.2s', 1200],
    ['300ms', 300],
    ['45us', 0.045],
    ['45µs', 0.045],
    ['800ns', 0.0008],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    [' 30s ', 30_000],
    ['.5s', 500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseSpanDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '1', 's', '1.2 s', '-1s', '1sec', '1d', '1s garbage', '1e3ms'])('rejects %j with a reason', (text) => {
    const out = parseSpanDuration(text);
    expect(out).toBeInstanceOf(Error);
    if (text.trim() !== '') expect((out as Error).message).toMatch(/not a duration.*e\.g\. 1\.2s, 300ms, 45us/);
  });

  it('cuts a huge input in its message', () => {
    const out = parseSpanDuration('x'.repeat(1_000_000)) as Error;
    expect(out.message.length).toBeLessThan(200);
  });
});

describe('formatSpanDuration', () => {
  it.each([
    [1200, '1.2s'],
    [300, '300ms'],
    [0.045, '45us'],
    [30_000, '30s'],
    [120_000, '2m'],
    [3_600_000, '1h'],
    [90_000, '90s'],
  ])('writes %d ms as %s, which reads back the same', (ms, text) => {
    expect(formatSpanDuration(ms)).toBe(text);
    expect(parseSpanDuration(text)).toBeCloseTo(ms, 9);
  });
});
