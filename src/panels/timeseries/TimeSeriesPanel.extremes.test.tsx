// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeSeriesPanel } from './TimeSeriesPanel';

const TIMES = Float64Array.from([0, 15_000, 30_000, 45_000]);
const series = (name: string, values: number[]) => ({ name, labels: { name }, times: TIMES, values: Float64Array.from(values) });
const QUERY = { loading: false, warnings: [], fetching: false };

afterEach(cleanup);

describe('TimeSeriesPanel with a pathological series beside a sane one (#15)', () => {
  it('draws both lines with finite coordinates, and the legend spells the infinity', () => {
    const { container } = render(
      <TimeSeriesPanel
        title="Ratio"
        unit="percentunit"
        series={[series('hostile', [1e308, -1e308, Infinity, Number.MAX_VALUE]), series('sane', [0.1, 0.2, 0.3, 0.4])]}
        query={QUERY}
        range={{ from: 0, to: 45_000 }}
      />,
    );
    const curves = [...container.querySelectorAll('path.recharts-curve')].map((p) => p.getAttribute('d') ?? '');
    expect(curves).toHaveLength(2);
    for (const d of curves) expect(d).not.toMatch(/NaN|Infinity/);
    expect(curves[1]).toMatch(/^M[^ML]+(L[^ML]+){3}$/);

    const rows = within(container).getAllByTestId('legend-row').map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    // min, max, mean, last of the hostile series: real numbers stay numbers, the infinity is "+Inf".
    expect(rows[0]).toEqual(['-1e+310%', '+Inf', '+Inf', '1.8e+310%']);
    expect(rows[1]).toEqual(['10%', '40%', '25%', '40%']);
    expect(container.textContent).not.toMatch(/Infinity|NaN/);
  });
});
