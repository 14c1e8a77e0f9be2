// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { span, trace, TRACE_ID } from '../../model/testing/traceBuilders';
import { recordCanvases, type DrawOp } from '../testing/canvasRecorder';
import { createFakeTracesDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { TracePage } from './TracePage';
import { ROW_HEIGHT } from './Waterfall';

beforeEach(() => {
  // jsdom lays nothing out: give the waterfall's scroll box a height, so the virtualizer shows its rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'waterfall-scroll' ? 20 * ROW_HEIGHT : 0;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const T0 = 1_700_000_000_000_000;
const OTHER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const HOSTILE = '<img src=x onerror="alert(1)">';

/** gateway → payments → payment-provider ×2 (one failing, with a timeout event); auth; a span linking to another trace. */
const INCIDENT = trace([
  span('g', undefined, T0, 30_000, { service: 'api-gateway', name: 'POST /checkout' }),
  span('a', 'g', T0 + 500, 1_000, { service: 'auth', name: 'verify' }),
  span('p', 'g', T0 + 2_000, 27_000, { service: 'payments', name: 'charge' }),
  span('x1', 'p', T0 + 2_500, 20_000, {
    service: 'payment-provider',
    name: 'POST /v1/charges',
    kind: 'client',
    status: 'error',
    events: [{ timeUs: T0 + 22_500, name: 'timeout', attributes: { 'exception.type': 'TimeoutError' } }],
  }),
  span('x2', 'p', T0 + 23_000, 5_000, { service: 'payment-provider', name: 'POST /v1/charges', kind: 'client' }),
  span('n', 'g', T0 + 29_000, 500, {
    service: HOSTILE,
    name: HOSTILE,
    links: [{ traceId: OTHER_TRACE, spanId: '00f067aa0ba902b7', attributes: {} }],
  }),
]);

function open(url: string) {
  return renderRoute('/traces/:traceId', url, <TracePage />, [createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [INCIDENT] })]);
}

const rowOf = (key: string) => screen.getAllByTestId('span-row').find((r) => r.dataset.key === key)!;
/** What the waterfall's canvas drew in the band of the row showing `key` (row slot k spans y = 24k … 24k + 24). */
const drawnIn = (ops: DrawOp[], key: string) => {
  const top = Number(rowOf(key).dataset.slot) * ROW_HEIGHT;
  return ops.filter((o) => o.y >= top && o.y < top + ROW_HEIGHT);
};
const barOf = (ops: DrawOp[], key: string) => drawnIn(ops, key).find((o) => o.op === 'roundRect');
/** The canvas's CSS width in these tests: the timeline column. */
const TIMELINE_PX = 800;

const tab = (name: string) => screen.getByRole('tab', { name });
/** The views are lazy chunks: the first import in a test run transforms the module, which takes a while. */
const LAZY = { timeout: 15_000 };

describe('the trace views', () => {
  it('switches views with the tabs, each in the URL, and falls back to the waterfall on a bad ?view=', async () => {
    const { router } = open(`/traces/${TRACE_ID}?view=nonsense`);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(6));
    expect(tab('Waterfall').getAttribute('aria-selected')).toBe('true');
    // The view may suspend while its chunk loads: the click is awaited, as React asks of a suspending update.
    await act(async () => fireEvent.click(tab('Summary')));
    expect(router.state.location.search).toContain('view=summary');
    await screen.findByTestId('trace-summary', {}, LAZY);
    expect(screen.queryAllByTestId('span-row')).toHaveLength(0);
    fireEvent.click(tab('Waterfall'));
    expect(router.state.location.search).not.toContain('view=');
    expect(screen.getAllByTestId('span-row')).toHaveLength(6);
  });

  it('summarises per service and per operation, sortable, with errors', async () => {
    open(`/traces/${TRACE_ID}?view=summary`);
    const summary = await screen.findByTestId('trace-summary', {}, LAZY);
    const rows = () => within(summary).getAllByTestId('summary-row');
    const provider = rows().find((r) => r.dataset.service === 'payment-provider')!;
    expect(within(provider).getByText('2', { selector: '[data-column="count"]' })).toBeTruthy();
    expect(provider.querySelector('[data-column="errors"]')!.textContent).toBe('1');
    expect(provider.textContent).toContain('25 ms');
    // Opens by self time, longest first: the provider's 25 ms.
    expect(rows()[0]!.dataset.service).toBe('payment-provider');
    fireEvent.click(within(summary).getByRole('button', { name: 'Spans' }));
    expect(within(summary).getByRole('columnheader', { name: /Spans/ }).getAttribute('aria-sort')).toBe('descending');
    expect(rows()[0]!.dataset.service).toBe('payment-provider');
    fireEvent.click(within(summary).getByRole('button', { name: /Spans/ }));
    expect(rows()[rows().length - 1]!.dataset.service).toBe('payment-provider');
    fireEvent.click(within(summary).getByRole('button', { name: 'By operation' }));
    expect(rows().map((r) => r.dataset.operation)).toContain('POST /v1/charges');
    expect(document.querySelector('img')).toBeNull();
  });

  it('draws the service graph with the payments → payment-provider edge, its calls and failures, names as text', async () => {
    open(`/traces/${TRACE_ID}?view=graph`);
    const graph = await screen.findByTestId('trace-graph', {}, LAZY);
    const edge = within(graph)
      .getAllByTestId('graph-edge')
      .find((e) => e.dataset.from === 'payments' && e.dataset.to === 'payment-provider')!;
    expect(edge.dataset.count).toBe('2');
    expect(edge.dataset.errors).toBe('1');
    expect(edge.textContent).toContain('2×');
    expect(edge.textContent).toContain('1 failed');
    // A node's errors are a line of their own, so the spans-and-self-time line keeps its width.
    const provider = within(graph).getAllByTestId('graph-node').find((n) => n.dataset.service === 'payment-provider')!;
    expect([...provider.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['payment-provider', expect.stringMatching(/^\d+ spans? · self /), '1 error']);
    expect(within(graph).getAllByTestId('graph-node').map((n) => n.dataset.service)).toEqual(
      expect.arrayContaining(['api-gateway', 'auth', 'payments', 'payment-provider', HOSTILE]),
    );
    expect(document.querySelector('img, script:not([src])')).toBeNull();
  });

  it('opens the flame graph with one level per depth', async () => {
    open(`/traces/${TRACE_ID}?view=flame`);
    const flame = await screen.findByTestId('flame-graph', {}, LAZY);
    expect(flame.dataset.levels).toBe('3');
    expect(screen.getByTestId('trace-minimap')).toBeTruthy();
  });

  it('zooms the waterfall to the ?zoom= window: clipped bars, an axis over the window, and a reset', async () => {
    const canvas = recordCanvases(TIMELINE_PX);
    const { router } = open(`/traces/${TRACE_ID}?zoom=5000,25000`);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(6));
    await waitFor(() => expect(barOf(canvas.ops(), 'x1')).toBeDefined());
    const ticks = [...document.querySelectorAll('.waterfall-axis .waterfall-tick')].map((t) => t.textContent);
    expect(ticks[0]).toBe('5 ms');
    expect(ticks[ticks.length - 1]).toBe('25 ms');
    // auth (0.5–1.5 ms) lies before the window: no bar, no duration. The provider's failing call (2.5–22.5 ms): 0 % to 87.5 %.
    expect(drawnIn(canvas.ops(), 'a')).toHaveLength(0);
    expect(rowOf('a').querySelectorAll('[role="gridcell"]')[1]!.getAttribute('aria-label')).toBeNull();
    const bar = barOf(canvas.ops(), 'x1')!;
    expect(bar.x).toBe(0);
    expect(bar.w).toBe(Math.round(0.875 * TIMELINE_PX));
    // It failed: a red inner edge on its bar.
    expect(drawnIn(canvas.ops(), 'x1').some((o) => o.op === 'stroke' && o.strokeStyle === '#f2495c')).toBe(true);
    expect(screen.getByTestId('zoom-window').textContent).toBe('Showing 5 ms – 25 ms of 30 ms');
    expect(screen.getByTestId('minimap-brush').style.left).toBe(`${(5 / 30) * 100}%`);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' })));
    expect(router.state.location.search).not.toContain('zoom=');
    // auth (0.5–1.5 ms of 30): its bar again, at 1.67 %.
    await waitFor(() => expect(barOf(canvas.ops(), 'a')).toBeDefined());
    expect(barOf(canvas.ops(), 'a')!.x).toBe(Math.round((0.5 / 30) * TIMELINE_PX));
  });

  it('ignores a malformed ?zoom=, showing the whole trace', async () => {
    open(`/traces/${TRACE_ID}?zoom=abc,1e999`);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(6));
    expect(screen.queryByTestId('zoom-window')).toBeNull();
    expect(document.querySelector('.waterfall-axis .waterfall-tick')!.textContent).toBe('0');
  });

  it('marks span events as ticks on the bar, exceptions in red, named in a title', async () => {
    const canvas = recordCanvases(TIMELINE_PX);
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(6));
    await waitFor(() => expect(barOf(canvas.ops(), 'x1')).toBeDefined());
    // Ticks are 16 px strokes (rows' bars are 12): one on the whole trace, the timeout, red, 2 px wide, at 75 %.
    const ticks = canvas.ops().filter((o) => o.op === 'fillRect' && o.h === 16);
    expect(ticks).toHaveLength(1);
    expect(drawnIn(ticks, 'x1')).toHaveLength(1);
    expect(ticks[0]!.fillStyle).toBe('#f2495c');
    expect(ticks[0]!.w).toBe(2);
    expect(ticks[0]!.x).toBe(Math.round(0.75 * TIMELINE_PX));
    expect(document.querySelector<HTMLElement>('.waterfall-canvas')!.dataset.eventTicks).toBe('1');
    // Hovering the tick names it in the cell's title (the native tooltip), as text; away from it, no title.
    const cell = rowOf('x1').querySelectorAll<HTMLElement>('[role="gridcell"]')[1]!;
    vi.spyOn(cell, 'getBoundingClientRect').mockReturnValue(new DOMRect(300, 0, TIMELINE_PX, ROW_HEIGHT));
    fireEvent.mouseMove(cell, { clientX: 300 + 0.75 * TIMELINE_PX + 2 });
    expect(cell.getAttribute('title')).toBe('timeout at +20 ms');
    fireEvent.mouseMove(cell, { clientX: 300 + 0.5 * TIMELINE_PX });
    expect(cell.getAttribute('title')).toBeNull();
    // A redraw (a scroll gives the slot another span; here a selection) drops a title the pointer left behind.
    fireEvent.mouseMove(cell, { clientX: 300 + 0.75 * TIMELINE_PX });
    expect(cell.getAttribute('title')).toBe('timeout at +20 ms');
    await act(async () => fireEvent.click(rowOf('a')));
    expect(cell.getAttribute('title')).toBeNull();
  });

  it('links a span link to the other trace, with that span selected', async () => {
    open(`/traces/${TRACE_ID}?span=n`);
    const detail = await screen.findByTestId('span-detail');
    const link = within(detail).getByRole('link', { name: /span 00f067aa0ba902b7 in trace/ });
    expect(link.getAttribute('href')).toBe(`/traces/${OTHER_TRACE}?span=00f067aa0ba902b7`);
  });

  it('labels only the 40 most important edges of a dense service graph, and lists every call on demand', async () => {
    // Ten services each calling the nine others: 90 edges (the root's calls, from s0, fall on s0's edges).
    const spans = [span('r', undefined, T0, 1_000, { service: 's0' })];
    for (let i = 0; i < 10; i++) {
      spans.push(span(`p${i}`, 'r', T0 + 1, 500, { service: `s${i}` }));
      for (let j = 0; j < 10; j++) if (j !== i) spans.push(span(`c${i}-${j}`, `p${i}`, T0 + 2, 10, { service: `s${j}`, status: i === 3 && j === 4 ? 'error' : 'ok' }));
    }
    const dense = trace(spans);
    renderRoute('/traces/:traceId', `/traces/${TRACE_ID}?view=graph`, <TracePage />, [createFakeTracesDataSource({ uid: 't', name: 'T', traces: [dense] })]);
    const graph = await screen.findByTestId('trace-graph', {}, LAZY);
    expect(within(graph).getAllByTestId('graph-edge')).toHaveLength(40);
    // The one failing edge is among the labelled ones.
    expect(within(graph).getAllByTestId('graph-edge').some((e) => e.dataset.from === 's3' && e.dataset.to === 's4' && e.dataset.errors === '1')).toBe(true);
    expect(within(graph).getByTestId('graph-minor-edges')).toBeTruthy();
    fireEvent.click(within(graph).getByRole('button', { name: 'List every call' }));
    expect(within(within(graph).getByRole('table', { name: 'Calls between services' })).getAllByRole('row')).toHaveLength(1 + 90);
  });
});
