// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrossLink } from '../../model/correlations';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import type { NamedSeries } from '../shared/types';
import type { ChartDrilldown, ChartSelection, ExemplarTarget } from './drilldown';
import { TimeSeriesPanel } from './TimeSeriesPanel';

afterEach(cleanup);

const READY = { loading: false, warnings: [], fetching: false } as const;
const RANGE = { from: 0, to: 60_000 };
// jsdom lays nothing out: the chart is 600 px wide, its plot from x = 72 (the y axis) over 516 px.
const PLOT_LEFT = 72;
const PLOT_WIDTH = 516;
const xAt = (t: number) => PLOT_LEFT + (t / RANGE.to) * PLOT_WIDTH;

const GOOD_ID = 'ab'.repeat(16);
const HOSTILE = '<img src=x onerror=alert(1)> \u202Eevil';

function latency(): NamedSeries {
  const times = Float64Array.from({ length: 5 }, (_, i) => i * 15_000);
  return { name: 'p99', labels: {}, times, values: times.map(() => 2) };
}

const exemplar = (time: number, value: number, labels: Record<string, string>): Exemplar => ({ seriesLabels: { service_name: 'payments' }, labels, time, value });

/** A correlator's answer, as the page's drill-down hands it in. */
function targetOf(e: Exemplar): ExemplarTarget {
  const raw = e.labels.trace_id;
  if (raw !== undefined && /^[0-9a-f]{32}$/.test(raw)) {
    return { traceId: raw, link: { available: true, kind: 'exemplar-trace', label: 'Open trace', href: `/traces/${raw}?ds=jaeger`, datasourceUid: 'jaeger', datasourceName: 'Jaeger' } };
  }
  return { link: { available: false, kind: 'exemplar-trace', label: 'Open trace', reason: `not a trace ID: ${raw ?? ''}` } };
}

const windowLinks = (s: ChartSelection): CrossLink[] => [
  { available: true, kind: 'service-traces', label: 'Traces of payments in this window', href: `/traces?service=payments&from=${s.window.from}&to=${s.window.to}`, datasourceUid: 'j', datasourceName: 'Jaeger' },
  { available: false, kind: 'service-logs', label: 'Logs of payments in this window', reason: 'no log datasource configured' },
];

function setup(exemplars: readonly Exemplar[], extra: Partial<ChartDrilldown> = {}) {
  const open = vi.fn<(href: string, how: { beside: boolean }) => void>();
  const onZoom = vi.fn<(r: TimeRange) => void>();
  const drilldown: ChartDrilldown = { exemplarTarget: targetOf, windowLinks, open, ...extra };
  const view = render(
    <TimeSeriesPanel title="Latency" unit="s" series={[latency()]} query={READY} range={RANGE} exemplars={exemplars} drilldown={drilldown} onZoom={onZoom} />,
  );
  return { open, onZoom, view, chart: document.querySelector<HTMLElement>('.chart-area')! };
}

describe('exemplar markers', () => {
  it('are focusable buttons carrying the trace ID, named by value, time and trace', () => {
    setup([exemplar(30_000, 30, { trace_id: GOOD_ID })]);
    const marker = screen.getByRole('button', { name: /^Exemplar/ });
    expect(marker.getAttribute('class')).toContain('exemplar');
    expect(marker.getAttribute('tabindex')).toBe('0');
    expect(marker.getAttribute('data-trace-id')).toBe(GOOD_ID);
    expect(marker.getAttribute('aria-label')).toMatch(new RegExp(`^Exemplar 30 s at .*, trace ${GOOD_ID}$`));
  });

  it('show a tooltip on hover and on focus with value, time, labels and trace ID, hostile labels as text', () => {
    setup([exemplar(30_000, 30, { trace_id: GOOD_ID, route: HOSTILE })]);
    const marker = screen.getByRole('button', { name: /^Exemplar/ });
    fireEvent.mouseEnter(marker);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toContain('30 s');
    expect(tooltip.textContent).toContain(GOOD_ID);
    expect(tooltip.textContent).toContain('route');
    expect(tooltip.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(tooltip.querySelector('img')).toBeNull();
    fireEvent.mouseLeave(marker);
    expect(screen.queryByRole('tooltip')).toBeNull();

    act(() => marker.focus());
    expect(screen.getByRole('tooltip').id).toBe(marker.getAttribute('aria-describedby'));
  });

  it('open the trace link on click and on Enter, Shift asking for the side pane', () => {
    const { open } = setup([exemplar(30_000, 30, { trace_id: GOOD_ID })]);
    const marker = screen.getByRole('button', { name: /^Exemplar/ });
    fireEvent.click(marker);
    expect(open).toHaveBeenLastCalledWith(`/traces/${GOOD_ID}?ds=jaeger`, { beside: false });
    fireEvent.keyDown(marker, { key: 'Enter', shiftKey: true });
    expect(open).toHaveBeenLastCalledWith(`/traces/${GOOD_ID}?ds=jaeger`, { beside: true });
    // A click on a marker is the marker's: no chart menu opens behind it.
    fireEvent.mouseDown(marker, { clientX: xAt(30_000), button: 0 });
    fireEvent.mouseUp(marker, { clientX: xAt(30_000) });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('draw a malformed trace ID but do not link it, and say why', () => {
    const { open } = setup([exemplar(30_000, 30, { trace_id: 'not-hex!' })]);
    const marker = screen.getByRole('button', { name: /^Exemplar/ });
    expect(marker.getAttribute('aria-label')).toContain('not linked: not a trace ID: not-hex!');
    expect(marker.getAttribute('data-trace-id')).toBeNull();
    fireEvent.mouseEnter(marker);
    expect(screen.getByRole('tooltip').textContent).toContain('not linked: not a trace ID: not-hex!');
    fireEvent.click(marker);
    expect(open).not.toHaveBeenCalled();
  });

  it('mark errors apart, and keep the slow one and the error of a crowded bucket', () => {
    setup([exemplar(30_000, 0.01, { trace_id: GOOD_ID }), exemplar(30_010, 29, { trace_id: 'cd'.repeat(16) }), exemplar(30_020, 0.2, { trace_id: 'ef'.repeat(16), status: '503' })]);
    const markers = screen.getAllByRole('button', { name: /^Exemplar/ });
    expect(markers.map((m) => m.getAttribute('data-trace-id'))).toEqual(['cd'.repeat(16), 'ef'.repeat(16)]);
    expect(markers[1]!.getAttribute('class')).toContain('exemplar-error');
    expect(markers[1]!.getAttribute('aria-label')).toMatch(/^Exemplar \(error\)/);
  });

  it('all show when asked to show all', () => {
    setup([exemplar(30_000, 0.01, { trace_id: GOOD_ID }), exemplar(30_010, 29, { trace_id: 'cd'.repeat(16) })], { showAllExemplars: true });
    expect(screen.getAllByRole('button', { name: /^Exemplar/ })).toHaveLength(2);
  });
});

describe('the chart menu', () => {
  it('opens on a click away from exemplars with the window around the point; disabled links say why', () => {
    const { chart, open } = setup([]);
    fireEvent.mouseDown(chart, { clientX: xAt(30_000), clientY: 50, button: 0 });
    fireEvent.mouseUp(chart, { clientX: xAt(30_000), clientY: 50 });
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    // A click is a point, not a window to zoom to.
    expect(items.map((i) => i.textContent)).toEqual(['Traces of payments in this window', 'Logs of payments in this windowno log datasource configured']);
    expect(items[1]!.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(items[1]!);
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(items[0]!);
    // ± 1 minute at least around 30 s.
    expect(open).toHaveBeenCalledWith('/traces?service=payments&from=-30000&to=90000', { beside: false });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens after a drag with "Zoom to this window" first, which zooms to the dragged window', () => {
    const { chart, onZoom } = setup([]);
    fireEvent.mouseDown(chart, { clientX: xAt(15_000), clientY: 50, button: 0 });
    fireEvent.mouseMove(chart, { clientX: xAt(45_000), clientY: 50 });
    fireEvent.mouseUp(chart, { clientX: xAt(45_000), clientY: 50 });
    expect(onZoom).not.toHaveBeenCalled();
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items[0]!.textContent).toBe('Zoom to this window');
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'Enter' });
    expect(onZoom).toHaveBeenCalledWith({ from: 15_000, to: 45_000 });
  });

  it('is keyboard-driven: arrows move, Escape closes, and Enter on the focused chart opens it', () => {
    const { chart } = setup([]);
    act(() => chart.focus());
    fireEvent.keyDown(chart, { key: 'Enter' });
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(chart);
  });

  it('closes on a press outside it', () => {
    const { chart } = setup([]);
    fireEvent.mouseDown(chart, { clientX: xAt(30_000), clientY: 50, button: 0 });
    fireEvent.mouseUp(chart, { clientX: xAt(30_000), clientY: 50 });
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('without a drill-down, a drag zooms at once as before', () => {
    const onZoom = vi.fn<(r: TimeRange) => void>();
    render(<TimeSeriesPanel title="Latency" unit="s" series={[latency()]} query={READY} range={RANGE} onZoom={onZoom} />);
    const chart = document.querySelector<HTMLElement>('.chart-area')!;
    fireEvent.mouseDown(chart, { clientX: xAt(15_000), button: 0 });
    fireEvent.mouseMove(chart, { clientX: xAt(45_000) });
    fireEvent.mouseUp(chart, { clientX: xAt(45_000) });
    expect(onZoom).toHaveBeenCalledWith({ from: 15_000, to: 45_000 });
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
