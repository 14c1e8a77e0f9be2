// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../model/units';
import type { NamedSeries } from '../shared/types';
import { HeatmapPanel } from './HeatmapPanel';

const TIMES = Float64Array.from([0, 60_000, 120_000]);
const bucket = (le: string, values: number[]): NamedSeries => ({ name: le, labels: { le }, times: TIMES, values: Float64Array.from(values) });
// One bucket, so every hover lands in it: 1500 of whatever the query counts, in every column.
const SERIES = [bucket('+Inf', [1500, 1500, 1500])];
const QUERY = { loading: false, warnings: [], fetching: false };

function hoverReadout(unit: Unit): string {
  const { container } = render(
    <HeatmapPanel title="Latency heatmap" series={SERIES} query={QUERY} range={{ from: 0, to: 120_000 }} boundUnit="s" unit={unit} />,
  );
  const target = container.querySelector('svg rect[fill="transparent"]');
  if (!target) throw new Error('heatmap not drawn');
  fireEvent.mouseMove(target, { clientX: 200, clientY: 50 });
  return container.querySelector('.heatmap-readout')?.textContent ?? '';
}

afterEach(cleanup);

describe('HeatmapPanel hover (#11)', () => {
  it('reads the cell in the unit the data has, not always req/s', () => {
    expect(hoverReadout('short')).toMatch(/\s1\.5 K$/);
    cleanup();
    expect(hoverReadout('reqps')).toMatch(/\s1\.5 K req\/s$/);
  });
});
