import { describe, expect, it } from 'vitest';
import { addNs, compareNs, isNsString, lokiTimeParam, msToNs, nsToMs } from './logsTime';

describe('ns timestamps as strings', () => {
  it('nsToMs is the floor of ns / 1e6, exact past 2^53', () => {
    for (const ns of ['1569266497240578123', '1700000000999999999', '999999', '1000000', '0', '0001000000']) {
      expect(nsToMs(ns), ns).toBe(Number(BigInt(ns) / 1_000_000n));
    }
  });

  it('msToNs keeps sub-ms fractions to the nanosecond and refuses negative or non-finite times', () => {
    expect(msToNs(1_700_000_000_000)).toBe('1700000000000000000');
    expect(msToNs(0)).toBe('0');
    expect(msToNs(1.5)).toBe('1500000');
    expect(() => msToNs(-1)).toThrow(RangeError);
    expect(() => msToNs(NaN)).toThrow(RangeError);
  });

  it('compareNs orders numerically, not as text, leading zeros ignored', () => {
    expect(compareNs('999', '1000')).toBeLessThan(0);
    expect(compareNs('1569266497240578123', '1569266497240578122')).toBeGreaterThan(0);
    expect(compareNs('0010', '10')).toBe(0);
    const sorted = ['10', '9', '100', '1569266497240578123', '1569266492548155000'].sort(compareNs);
    expect(sorted).toEqual(['9', '10', '100', '1569266492548155000', '1569266497240578123']);
  });

  it('addNs is exact and stops at zero', () => {
    expect(addNs('1569266497240578123', 1)).toBe('1569266497240578124');
    expect(addNs('1569266497240578123', -123)).toBe('1569266497240578000');
    expect(addNs('5', -10)).toBe('0');
  });

  it('isNsString accepts decimal integers only', () => {
    expect(isNsString('1569266497240578123')).toBe(true);
    for (const bad of ['', '-1', '1.5', '1e9', ' 1', '0x10']) expect(isNsString(bad), bad).toBe(false);
  });
});

describe('lokiTimeParam: the 10-digit-seconds rule', () => {
  // Loki reads an integer of ≤ 10 digits as seconds, a longer one as ns (reference §2.1).
  it('sends a real-world ns time as the ns integer (19 digits: unambiguous)', () => {
    expect(lokiTimeParam('1700000000000000000')).toBe('1700000000000000000');
    expect(lokiTimeParam('10000000000')).toBe('10000000000');
  });

  it('sends a time of ≤ 10 digits as RFC3339Nano, which Loki cannot read as seconds', () => {
    expect(lokiTimeParam('5000000')).toBe('1970-01-01T00:00:00.005000000Z');
    expect(lokiTimeParam('0')).toBe('1970-01-01T00:00:00.000000000Z');
    expect(lokiTimeParam('9999999999')).toBe('1970-01-01T00:00:09.999999999Z');
    expect(lokiTimeParam('0000000000000000001')).toBe('1970-01-01T00:00:00.000000001Z');
  });
});
