// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTREME_COLUMNS, EXTREME_VALUES } from '../../lib/testing/extremeValues';
import { formatValue } from '../../lib/units';
import type { Exemplar } from '../../model/series';
import { buildChartFrame, thinExemplars, valueScale, type ValueScale } from './chartData';
import { LineChartView } from './LineChartView';

const TIMES = [0, 1000, 2000, 3000];
const named = (name: string, values: readonly number[]) => ({
  name,
  labels: { name },
  times: Float64Array.from(TIMES),
  values: Float64Array.from(values),
});
const SANE = named('sane', [1, 2, 3, 4]);

/** The scale's invariants: a finite, increasing domain of finite span, with finite ascending ticks inside it. */
function expectUsable(scale: ValueScale, what: string) {
  const [lo, hi] = scale.domain;
  expect(Number.isFinite(lo) && Number.isFinite(hi), `${what}: domain ${lo}..${hi}`).toBe(true);
  expect(hi > lo, `${what}: domain ${lo}..${hi}`).toBe(true);
  expect(Number.isFinite(hi - lo), `${what}: span of ${lo}..${hi}`).toBe(true);
  expect(scale.ticks.length, `${what}: ticks`).toBeGreaterThanOrEqual(2);
  scale.ticks.forEach((t, i) => {
    expect(Number.isFinite(t) && t >= lo && t <= hi, `${what}: tick ${t} in ${lo}..${hi}`).toBe(true);
    if (i > 0) expect(t > scale.ticks[i - 1]!, `${what}: ticks ascend`).toBe(true);
    expect(formatValue(t, 'short'), `${what}: tick label`).not.toMatch(/NaN|Inf|undefined/);
  });
}

/** Every number in a path's `d` or a transform, which must all be finite for the browser to draw it. */
const numbersIn = (text: string) => text.match(/-?[\d.]+(?:e[+-]?\d+)?|NaN|-?Infinity/g) ?? [];

afterEach(cleanup);

describe('valueScale over the extremes of a double (#14, #15)', () => {
  it('does not throw on a largest value at or below 1e-98, and still spans it with round ticks', () => {
    for (const top of [1e-98, 1e-99, 1e-200, 1e-300, 1e-310, 5e-324]) {
      const lines = buildChartFrame([named('tiny', [0, top / 2, top, top])], 100).lines;
      let scale: ValueScale | undefined;
      expect(() => (scale = valueScale(lines, [], 5)), `top ${top}`).not.toThrow();
      expectUsable(scale!, `top ${top}`);
      expect(scale!.domain[1], `top ${top}`).toBeGreaterThanOrEqual(top);
    }
  });

  it('keeps the ticks of a tiny chart round', () => {
    const scale = valueScale(buildChartFrame([named('tiny', [1e-99, 2.7e-99, 0.5e-99, 0])], 100).lines, [], 5);
    expect(scale.domain).toEqual([0, 3e-99]);
    expect(scale.ticks).toEqual([0, 1e-99, 2e-99, 3e-99]);
  });

  it('gives a finite domain for every pathological series, alone, beside a sane one, and with extreme exemplars', () => {
    const extremeExemplars = EXTREME_VALUES.filter(Number.isFinite);
    for (const c of EXTREME_COLUMNS) {
      const alone = buildChartFrame([named(c.name, c.values)], 100).lines;
      const mixed = buildChartFrame([named(c.name, c.values), SANE], 100).lines;
      expectUsable(valueScale(alone, [], 5), `${c.name} alone`);
      expectUsable(valueScale(mixed, [], 5), `${c.name} with a sane series`);
      expectUsable(valueScale(mixed, extremeExemplars, 5), `${c.name} with extreme exemplars`);
      expectUsable(valueScale(mixed, [], 0), `${c.name} with no room for ticks`);
    }
  });

  it('interpolates between 1e308 and -1e308 without overflowing', () => {
    const frame = buildChartFrame([named('huge', [1e308, -1e308, 1e308, -1e308]), { ...named('between', [0]), times: Float64Array.from([500]) }], 100);
    const atHalf = frame.rows.find((r) => r.t === 500)!;
    expect(frame.lines[0]!.values[1]).toBe(0);
    expect(Number.isFinite(atHalf.v[0]!)).toBe(true);
  });
});

describe('the chart over the extremes of a double (#15)', () => {
  const exemplar = (time: number, value: number): Exemplar => ({ seriesLabels: {}, labels: {}, time, value, traceId: `t${time}` });

  it('draws the sane line beside every pathological one, with finite coordinates everywhere', () => {
    for (const c of EXTREME_COLUMNS) {
      const frame = buildChartFrame([named(c.name, c.values), SANE], 500);
      const exemplars = thinExemplars(
        [exemplar(0, c.values[0]!), exemplar(1000, 1e308), exemplar(2000, -Number.MAX_VALUE), exemplar(3000, 5e-324)],
        0,
        3000,
        10,
      );
      const scale = valueScale(frame.lines, exemplars.map((p) => p.v), 5);
      const { container } = render(
        <LineChartView width={600} height={200} rows={frame.rows} lines={frame.lines} range={{ from: 0, to: 3000 }} timeTicks={[0, 1000, 2000, 3000]} scale={scale} unit="short" exemplars={exemplars} />,
      );
      const curves = [...container.querySelectorAll('path.recharts-curve')].map((p) => p.getAttribute('d') ?? '');
      for (const d of curves) for (const n of numbersIn(d)) expect(Number.isFinite(Number(n)), `${c.name}: path ${d}`).toBe(true);
      // The sane series is the last line: four points, one move and three line segments.
      expect(curves[curves.length - 1], c.name).toMatch(/^M[^ML]+(L[^ML]+){3}$/);
      const markers = [...container.querySelectorAll('.exemplars path')];
      for (const m of markers) for (const n of numbersIn(m.getAttribute('transform') ?? '')) expect(Number.isFinite(Number(n)), `${c.name}: exemplar`).toBe(true);
      expect(markers.length, `${c.name}: exemplars drawn`).toBeGreaterThanOrEqual(3);
      const labels = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) => t.textContent ?? '');
      expect(labels.length, c.name).toBeGreaterThanOrEqual(2);
      for (const l of labels) expect(l, `${c.name}: tick label`).not.toMatch(/NaN|Inf|undefined/);
      cleanup();
    }
  });
});
