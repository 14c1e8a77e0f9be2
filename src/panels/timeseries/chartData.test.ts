import { describe, expect, it } from 'vitest';
import type { Exemplar } from '../../model/series';
import { buildChartLines, thinExemplars, valueScale } from './chartData';

const series = (values: number[]) => ({
  name: 'x',
  labels: {},
  times: Float64Array.from(values.map((_, i) => i * 1000)),
  values: Float64Array.from(values),
});

describe('buildChartLines', () => {
  it('thins to the pixel budget and turns gaps into nulls', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i === 2500 ? NaN : i % 17));
    const [line] = buildChartLines([series(values)], 300);
    expect(line!.points.length).toBeLessThanOrEqual(300);
    expect(line!.points.filter((p) => p.v === null)).toHaveLength(1);
    expect(line!.points[0]).toEqual({ t: 0, v: 0 });
  });

  it('keeps a fixed colour and gives others palette colours', () => {
    const lines = buildChartLines([{ ...series([1]), color: '#abc' }, series([2])], 100);
    expect(lines[0]!.color).toBe('#abc');
    expect(lines[1]!.color).toMatch(/^#/);
    expect(lines[0]!.key).not.toBe(lines[1]!.key);
  });
});

describe('valueScale', () => {
  it('starts at zero and ends on a round tick above the data', () => {
    const lines = buildChartLines([series([0.012, 0.27, 0.05])], 100);
    const s = valueScale(lines, [], 5);
    expect(s.domain).toEqual([0, 0.3]);
    expect(s.ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('stretches to include exemplars', () => {
    const lines = buildChartLines([series([1, 2])], 100);
    expect(valueScale(lines, [30], 4).domain[1]).toBeGreaterThanOrEqual(30);
  });

  it('copes with no data and flat zero lines', () => {
    expect(valueScale([], [], 4).domain).toEqual([0, 1]);
    expect(valueScale(buildChartLines([series([0, 0])], 10), [], 4).domain).toEqual([0, 1]);
  });
});

describe('thinExemplars', () => {
  const ex = (time: number, value: number): Exemplar => ({ seriesLabels: {}, labels: {}, time, value, traceId: `t${time}` });

  it('keeps the slowest exemplar per time bucket, within the range, in time order', () => {
    const points = thinExemplars([ex(10, 1), ex(20, 5), ex(60, 2), ex(500, 9)], 0, 100, 2);
    expect(points.map((p) => p.exemplar.traceId)).toEqual(['t20', 't60']);
  });
});
