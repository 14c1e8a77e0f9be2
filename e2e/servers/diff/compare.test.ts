import { describe, expect, it } from 'vitest';
import { compareResults, sameValue } from './compare';
import { fromEvaluator, fromPrometheusData, parsePromValue } from './normalize';

describe('sameValue', () => {
  it('accepts differences within 1e-9 relative and rejects larger ones', () => {
    expect(sameValue(1, 1 + 5e-10)).toBe(true);
    expect(sameValue(1e6, 1e6 * (1 + 2e-9))).toBe(false);
    expect(sameValue(0, 1e-300)).toBe(false);
  });

  it('treats NaN as equal only to NaN and infinities only to themselves', () => {
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue(NaN, 0)).toBe(false);
    expect(sameValue(Infinity, Infinity)).toBe(true);
    expect(sameValue(Infinity, -Infinity)).toBe(false);
    expect(sameValue(Infinity, 1e308)).toBe(false);
  });
});

describe('normalising both sides', () => {
  it("reads Prometheus's special value strings", () => {
    expect(parsePromValue('+Inf')).toBe(Infinity);
    expect(parsePromValue('-Inf')).toBe(-Infinity);
    expect(parsePromValue('NaN')).toBeNaN();
    expect(parsePromValue('1e-07')).toBe(1e-7);
    expect(() => parsePromValue('abc')).toThrow();
  });

  it('turns matrix, vector and scalar answers into comparable series', () => {
    const matrix = fromPrometheusData({ resultType: 'matrix', result: [{ metric: { a: '1' }, values: [[1700000000.5, '2']] }] });
    expect(matrix).toEqual([{ labels: { a: '1' }, timesMs: [1700000000500], values: [2] }]);
    expect(fromPrometheusData({ resultType: 'scalar', result: [1700000000, '+Inf'] })).toEqual([{ labels: {}, timesMs: [1700000000000], values: [Infinity] }]);
    const vector = fromEvaluator({ resultType: 'vector', timeMs: 5, samples: [{ labels: { b: '2' }, value: 3 }] });
    expect(vector).toEqual([{ labels: { b: '2' }, timesMs: [5], values: [3] }]);
  });
});

describe('compareResults', () => {
  const series = (labels: Record<string, string>, points: Array<[number, number]>) => ({
    labels,
    timesMs: points.map(([t]) => t),
    values: points.map(([, v]) => v),
  });

  it('finds nothing when label sets, timestamps and values agree, in any order', () => {
    const a = [series({ x: '1' }, [[0, 1], [15, NaN]]), series({ x: '2' }, [[0, 2]])];
    const b = [series({ x: '2' }, [[0, 2]]), series({ x: '1' }, [[0, 1 + 1e-12], [15, NaN]])];
    expect(compareResults(a, b)).toEqual([]);
  });

  it('names missing series, missing timestamps and differing values with both sides', () => {
    const prom = [series({ x: '1' }, [[0, 1], [15000, 2]]), series({ x: '3' }, [[0, 1]])];
    const demo = [series({ x: '1' }, [[0, 1.5]]), series({ x: '4' }, [[0, 1]])];
    const problems = compareResults(prom, demo).map((d) => `${d.series} ${d.problem}`);
    expect(problems).toEqual([
      '{x="1"} 1 timestamps only in Prometheus, first 1970-01-01T00:00:15.000Z (15)',
      '{x="1"} at 1970-01-01T00:00:00.000Z (0): prometheus 1 vs demo 1.5',
      '{x="3"} only in Prometheus (1 points, first 1970-01-01T00:00:00.000Z (0))',
      '{x="4"} only in demo (1 points, first 1970-01-01T00:00:00.000Z (0))',
    ]);
  });
});
