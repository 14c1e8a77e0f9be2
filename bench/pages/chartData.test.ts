import { describe, expect, it } from 'vitest';
import { chartDataSet } from './chartData';

describe('chart benchmark data', () => {
  it('gives both charts the same points, times in ms for ours and seconds for uPlot', () => {
    const d = chartDataSet(0, 3, 50);
    expect(d.series).toHaveLength(3);
    expect(d.aligned).toHaveLength(4);
    expect(d.series[1]!.times.length).toBe(50);
    expect(d.aligned[0][49]! * 1000).toBe(d.series[0]!.times[49]);
    expect(d.aligned[2]).toBe(d.series[1]!.values);
    expect(d.range).toEqual({ from: d.series[0]!.times[0], to: d.series[0]!.times[49] });
  });

  it('is the same for the same index and moves by one step, with new values, for the next', () => {
    const a = chartDataSet(4, 2, 20);
    expect(chartDataSet(4, 2, 20).series[0]!.values).toEqual(a.series[0]!.values);
    const b = chartDataSet(5, 2, 20);
    expect(b.range.to - a.range.to).toBe(15_000);
    expect(b.series[0]!.values).not.toEqual(a.series[0]!.values);
    expect(b.series[0]!.values.length).toBe(a.series[0]!.values.length);
  });
});
