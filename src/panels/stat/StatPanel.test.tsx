// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SparklinePath } from '../shared/SparklinePath';
import type { NamedSeries } from '../shared/types';
import { StatPanel } from './StatPanel';

afterEach(cleanup);

const READY = { loading: false, warnings: [], fetching: false } as const;
const RANGE = { from: 0, to: 45_000 };
const TIMES = Float64Array.of(0, 15_000, 30_000, 45_000);
const route = (name: string, values: number[]): NamedSeries => ({ name, labels: { route: name }, times: TIMES, values: Float64Array.from(values) });
// The first series is the quiet one: a sparkline of series[0] would be flat while the number is not.
const SERIES = [route('/health', [1, 1, 1, 1]), route('/pay', [10, 40, 20, 30])];

function sparklinePath(): string | null {
  return document.querySelector('[data-testid="panel"] .sparkline-svg path')!.getAttribute('d');
}

/** The path SparklinePath draws for these columns, at the width the panel falls back to in jsdom. */
function expectedPath(values: number[]): string | null {
  const view = render(<SparklinePath times={TIMES} values={Float64Array.from(values)} width={600} height={36} color="#fff" timeDomain={[RANGE.from, RANGE.to]} />);
  const d = view.container.querySelector('path')!.getAttribute('d');
  view.unmount();
  return d;
}

describe('StatPanel', () => {
  it('draws the same reduction in its sparkline as in its number, and names it', () => {
    render(<StatPanel title="Request rate" unit="reqps" series={SERIES} query={READY} range={RANGE} reducer="sum" />);
    expect(screen.getByTestId('stat-value').textContent).toBe('31 req/s');
    expect(screen.getByTestId('stat-reducer').textContent).toBe('sum of 2 series');
    const drawn = sparklinePath();
    expect(drawn).toBe(expectedPath([11, 41, 21, 31]));
    expect(drawn).not.toBe(expectedPath([1, 1, 1, 1]));
  });

  it('takes the reducer from its caller, whatever the unit', () => {
    render(<StatPanel title="Request rate" unit="reqps" series={SERIES} query={READY} range={RANGE} reducer="max" />);
    expect(screen.getByTestId('stat-value').textContent).toBe('30 req/s');
    expect(screen.getByTestId('stat-reducer').textContent).toBe('max of 2 series');
    expect(sparklinePath()).toBe(expectedPath([10, 40, 20, 30]));
  });

  it('names the reducer of a single series without counting', () => {
    render(<StatPanel title="p99 latency" unit="s" series={[route('/pay', [1, 2, 3, NaN])]} query={READY} range={RANGE} reducer="last" />);
    expect(screen.getByTestId('stat-value').textContent).toBe('3 s');
    expect(screen.getByTestId('stat-reducer').textContent).toBe('last');
  });
});
