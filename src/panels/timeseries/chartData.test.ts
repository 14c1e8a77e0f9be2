import { describe, expect, it } from 'vitest';
import type { Exemplar } from '../../model/series';
import { isErrorExemplar } from '../../model/exemplarError';
import { buildChartFrame, asRug, sameExemplarPoints, thinExemplars, valueScale } from './chartData';

const series = (values: number[]) => ({
  name: 'x',
  labels: {},
  times: Float64Array.from(values.map((_, i) => i * 1000)),
  values: Float64Array.from(values),
});

const at = (times: number[], values: number[], name = 'x') => ({ name, labels: {}, times: Float64Array.from(times), values: Float64Array.from(values) });

describe('buildChartFrame', () => {
  it('thins to the pixel budget and turns gaps into nulls', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i === 2500 ? NaN : i % 17));
    const { rows, lines } = buildChartFrame([series(values)], 300);
    expect(rows.length).toBeLessThanOrEqual(300);
    expect(rows.filter((r) => lines[0]!.read(r) === null)).toHaveLength(1);
    expect(rows[0]).toEqual({ t: 0, v: [0] });
  });

  it('keeps a fixed colour and gives others palette colours', () => {
    const { lines } = buildChartFrame([{ ...series([1]), color: '#abc' }, series([2])], 100);
    expect(lines[0]!.color).toBe('#abc');
    expect(lines[1]!.color).toMatch(/^#/);
    expect(lines[0]!.key).not.toBe(lines[1]!.key);
  });

  it('shares the point budget between series and keeps each one\'s peak', () => {
    const n = 3000;
    const times = Array.from({ length: n }, (_, i) => i * 1000);
    const a = times.map((_, i) => (i === 700 ? 50 : Math.sin(i / 40)));
    const b = times.map((_, i) => (i === 2100 ? -50 : Math.cos(i / 40)));
    const { rows, lines } = buildChartFrame([at(times, a), at(times, b)], 400);
    expect(rows.length).toBeLessThanOrEqual(400);
    expect(Math.max(...lines[0]!.values)).toBe(50);
    expect(Math.min(...lines[1]!.values)).toBe(-50);
    // Aligned series: every row holds each series' own sample at that time.
    for (const r of rows) expect(lines[0]!.read(r)).toBe(a[r.t / 1000]);
  });

  it('draws a series along its own line at another series\' times, and not beyond its ends', () => {
    const { rows, lines } = buildChartFrame([at([0, 10, 20, 30], [1, 1, 1, 1]), at([5, 15], [0, 10])], 100);
    expect(rows.map((r) => r.t)).toEqual([0, 5, 10, 15, 20, 30]);
    expect(rows.map((r) => lines[1]!.read(r))).toEqual([null, 0, 5, 10, null, null]);
    expect(rows.map((r) => lines[0]!.read(r))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('never bridges a gap with an in-between row', () => {
    const { rows, lines } = buildChartFrame([at([0, 10, 20, 30], [1, NaN, NaN, 4]), at([15], [2])], 100);
    expect(rows.map((r) => lines[0]!.read(r))).toEqual([1, null, null, null, 4]);
  });

  it('keeps every sample when all of them fit', () => {
    const { rows } = buildChartFrame([at([0, 10, 20], [1, 2, 3]), at([0, 10, 20], [4, 5, 6]), at([5], [7])], 4);
    expect(rows.map((r) => r.t)).toEqual([0, 5, 10, 20]);
  });

  it('reads every line through the same function for the same index', () => {
    const one = buildChartFrame([series([1, 2])], 10).lines[0]!;
    const two = buildChartFrame([series([3, 4])], 10).lines[0]!;
    expect(one.read).toBe(two.read);
  });
});

describe('valueScale', () => {
  it('starts at zero and ends on a round tick above the data', () => {
    const lines = buildChartFrame([series([0.012, 0.27, 0.05])], 100).lines;
    const s = valueScale(lines, [], 5);
    expect(s.domain).toEqual([0, 0.3]);
    expect(s.ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('stretches to include exemplars', () => {
    const lines = buildChartFrame([series([1, 2])], 100).lines;
    expect(valueScale(lines, [30], 4).domain[1]).toBeGreaterThanOrEqual(30);
  });

  it('copes with no data and flat zero lines', () => {
    expect(valueScale([], [], 4).domain).toEqual([0, 1]);
    expect(valueScale(buildChartFrame([series([0, 0])], 10).lines, [], 4).domain).toEqual([0, 1]);
  });
});

describe('thinExemplars', () => {
  const ex = (time: number, value: number): Exemplar => ({ seriesLabels: {}, labels: {}, time, value, traceId: `t${time}` });

  it('keeps the slowest exemplar per time bucket, within the range, in time order', () => {
    const points = thinExemplars([ex(10, 1), ex(20, 5), ex(60, 2), ex(500, 9)], 0, 100, 2);
    expect(points.map((p) => p.exemplar.traceId)).toEqual(['t20', 't60']);
  });

  it('keeps the slow one and the error of a bucket that holds a fast first, a slow one and an error', () => {
    const fastFirst = ex(10, 0.05);
    const slow = ex(20, 30);
    const error: Exemplar = { ...ex(30, 0.2), labels: { status: '503' } };
    const points = thinExemplars([fastFirst, slow, error], 0, 100, 1, { isError: (e) => isErrorExemplar(e) });
    expect(points.map((p) => [p.exemplar.traceId, p.error])).toEqual([['t20', false], ['t30', true]]);
  });

  it('keeps one marker when the slowest of a bucket is also its slowest error', () => {
    const points = thinExemplars([ex(10, 1), { ...ex(20, 9), labels: { error: 'true' } }], 0, 100, 1, { isError: (e) => isErrorExemplar(e) });
    expect(points.map((p) => [p.exemplar.traceId, p.error])).toEqual([['t20', true]]);
  });

  it('keeps every exemplar in the range when asked to show all', () => {
    const points = thinExemplars([ex(10, 1), ex(20, 5), ex(60, 2), ex(500, 9)], 0, 100, 2, { all: true });
    expect(points.map((p) => p.exemplar.traceId)).toEqual(['t10', 't20', 't60']);
  });

  it('puts exemplars of another unit along the bottom, keeping their value', () => {
    const points = asRug(thinExemplars([ex(500, 30)], 0, 1000, 10));
    expect(points[0]).toMatchObject({ v: 30, rug: true });
  });

  it('tells the same marks apart from different ones', () => {
    const a = thinExemplars([ex(10, 1), ex(60, 2)], 0, 100, 2);
    expect(sameExemplarPoints(a, thinExemplars([ex(10, 1), ex(60, 2)], 0, 100, 2))).toBe(true);
    expect(sameExemplarPoints(a, thinExemplars([ex(10, 1), ex(60, 3)], 0, 100, 2))).toBe(false);
    expect(sameExemplarPoints(a, thinExemplars([ex(10, 1)], 0, 100, 2))).toBe(false);
  });
});
