// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NamedSeries } from '../shared/types';
import { TimeSeriesPanel } from './TimeSeriesPanel';

afterEach(cleanup);

const READY = { loading: false, warnings: [], fetching: false } as const;
const RANGE = { from: 0, to: 60_000 };

function status(code: string, color: string, level: number): NamedSeries {
  const times = Float64Array.from({ length: 5 }, (_, i) => i * 15_000);
  return { name: code, labels: { code }, times, values: times.map(() => level), color };
}

function panel(series: readonly NamedSeries[]) {
  return <TimeSeriesPanel title="Traffic by status" unit="reqps" series={series} query={READY} range={RANGE} />;
}

const rowOf = (name: string) => screen.getAllByTestId('legend-row').find((r) => r.textContent?.startsWith(name))!;
const drawnStrokes = () => [...document.querySelectorAll('path.recharts-line-curve, .recharts-line path')].map((p) => p.getAttribute('stroke'));

describe('TimeSeriesPanel legend isolation', () => {
  it('keeps the same labelled series isolated when a refresh reorders the series', () => {
    const view = render(panel([status('200', '#73bf69', 80), status('500', '#f2495c', 20)]));
    fireEvent.click(rowOf('500'));
    expect(rowOf('500').className).not.toContain('legend-dimmed');
    expect(rowOf('200').className).toContain('legend-dimmed');
    expect(new Set(drawnStrokes())).toEqual(new Set(['#f2495c']));

    // The next answer lists the same series the other way round, as new objects.
    view.rerender(panel([status('500', '#f2495c', 21), status('200', '#73bf69', 81)]));
    expect(rowOf('500').className).not.toContain('legend-dimmed');
    expect(rowOf('200').className).toContain('legend-dimmed');
    expect(new Set(drawnStrokes())).toEqual(new Set(['#f2495c']));

    fireEvent.click(rowOf('500'));
    expect(screen.getAllByTestId('legend-row').every((r) => !r.className.includes('legend-dimmed'))).toBe(true);
  });

  it('draws every series again when the isolated one leaves the answer', () => {
    const view = render(panel([status('200', '#73bf69', 80), status('500', '#f2495c', 20)]));
    fireEvent.click(rowOf('500'));
    view.rerender(panel([status('200', '#73bf69', 80), status('404', '#8ab8ff', 3)]));
    expect(screen.getAllByTestId('legend-row').every((r) => !r.className.includes('legend-dimmed'))).toBe(true);
    expect(new Set(drawnStrokes())).toEqual(new Set(['#73bf69', '#8ab8ff']));
  });
});
