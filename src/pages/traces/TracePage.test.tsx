// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { randomTrace, span, trace, TRACE_ID } from '../../model/testing/traceBuilders';
import { buildTraceTree } from '../../model/traceTree';
import { recordCanvases, type DrawOp } from '../testing/canvasRecorder';
import { createFakeDataSource, createFakeTracesDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { TracePage } from './TracePage';
import { TRACE_LOOKUP_HEDGE_MS } from './useTraceLookup';
import { ROW_HEIGHT } from './Waterfall';

const VIEWPORT_PX = 20 * ROW_HEIGHT;

beforeEach(() => {
  // jsdom lays nothing out: give the waterfall's scroll box a height, so the virtualizer shows about 20 rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'waterfall-scroll' ? VIEWPORT_PX : 0;
  });
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'waterfall-scroll' ? 10_000_000 : 0;
  });
  // …and scrolling that moves: jsdom keeps scrollTop at 0 and has no scrollTo.
  const scrollTops = new WeakMap<Element, number>();
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return scrollTops.get(this) ?? 0;
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    scrollTops.set(this, typeof options === 'object' ? (options.top ?? 0) : 0);
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const T0 = 1_700_000_000_000_000;
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/** checkout → (auth, payments → provider), handed over children first and out of order. */
const SMALL = trace([
  span('c3', 'b2', T0 + 3_000, 20_000, { service: 'payment-provider', name: 'POST /charge', status: 'error' }),
  span('b2', 'a1', T0 + 2_000, 25_000, { service: 'payments', name: 'charge' }),
  span('b1', 'a1', T0 + 1_000, 500, { service: 'auth', name: 'verify', attributes: { 'user.tier': 'gold' } }),
  span('a1', undefined, T0, 30_000, { service: 'checkout', name: 'GET /checkout' }),
]);

function open(url: string, sources = [createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [SMALL] })]) {
  return { ...renderRoute('/traces/:traceId', url, <TracePage />, sources), sources };
}

const shownKeys = () => screen.queryAllByTestId('span-row').map((r) => r.dataset.key);
const row = (key: string) => screen.getAllByTestId('span-row').find((r) => r.dataset.key === key)!;
/** What the waterfall's canvas drew in the band of the row showing `key` (row slot k spans y = 24k … 24k + 24). */
const drawnIn = (ops: DrawOp[], key: string) => {
  const top = Number(row(key).dataset.slot) * ROW_HEIGHT;
  return ops.filter((o) => o.y >= top && o.y < top + ROW_HEIGHT);
};
/** The canvas's CSS width in these tests: the timeline column. */
const TIMELINE_PX = 600;

describe('TracePage', () => {
  it('shows the rows in pre-order, indented by depth, with the header facts', async () => {
    const canvas = recordCanvases(TIMELINE_PX);
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toEqual(['a1', 'b1', 'b2', 'c3']));
    expect(shownKeys().map((k) => row(k!).getAttribute('aria-level'))).toEqual(['1', '2', '2', '3']);
    // Where the name starts: the cell's padding, plus the toggle's width for a row that has one (a leaf is padded by it).
    const indent = (k: string) => {
      const cell = row(k).firstElementChild as HTMLElement;
      return parseFloat(cell.style.paddingLeft) + (cell.querySelector('button') ? 23 : 0);
    };
    expect(indent('b1')).toBeGreaterThan(indent('a1'));
    expect(indent('c3')).toBeGreaterThan(indent('b2'));
    // Siblings' names line up, with a toggle or without (b1 is a leaf, b2 has a child).
    expect(indent('b1')).toBe(indent('b2'));
    expect(screen.getByTestId('trace-span-count').textContent).toBe('4');
    expect(screen.getByTestId('trace-depth').textContent).toBe('3');
    expect(screen.getByTestId('trace-duration').textContent).toBe('30 ms');
    expect(within(screen.getByRole('list', { name: 'Services' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'auth',
      'checkout',
      'payment-provider',
      'payments',
    ]);
    expect(within(row('c3')).getByRole('img', { name: 'error' })).toBeTruthy();
    // The critical path runs through checkout, payments and the provider: 2 px bright strokes on their bars.
    const critical = (key: string) => drawnIn(canvas.ops(), key).filter((o) => o.op === 'fillRect' && o.h === 2 && o.fillStyle === '#ffffff');
    expect(critical('a1').length).toBeGreaterThan(0);
    expect(critical('c3').length).toBeGreaterThan(0);
  });

  it('puts a duration after its bar, or inside the end of a bar that spans the timeline, never over the names', async () => {
    const canvas = recordCanvases(TIMELINE_PX);
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toEqual(['a1', 'b1', 'b2', 'c3']));
    await waitFor(() => expect(drawnIn(canvas.ops(), 'a1').length).toBeGreaterThan(0));
    const label = (k: string) => {
      const texts = drawnIn(canvas.ops(), k).filter((o) => o.op === 'fillText');
      // An inside label is drawn twice (its shadow doubled), always at one place.
      expect(new Set(texts.map((t) => `${t.text}@${t.x}`)).size).toBe(1);
      return texts[0]!;
    };
    // Screen readers get the same duration as the timeline cell's name.
    expect(row('b1').querySelectorAll('[role="gridcell"]')[1]!.getAttribute('aria-label')).toBe(label('b1').text);
    expect(label('b1').text).toBe('500 µs');
    // b1 (3–5 % of the trace) has room after it: starting at 5 %, past the 6 px padding, dim.
    expect(label('b1').textAlign).toBe('left');
    expect(label('b1').x).toBeCloseTo(0.05 * TIMELINE_PX + 6, 5);
    expect(label('b1').fillStyle).not.toBe('#ffffff');
    // a1 covers the whole timeline and b2 runs from 7 % to 90 %: no room after or before, so inside their ends,
    // right-aligned, bright.
    expect(label('a1').textAlign).toBe('right');
    expect(label('a1').x).toBeCloseTo(TIMELINE_PX - 6, 5);
    expect(label('a1').fillStyle).toBe('#ffffff');
    expect(label('b2').textAlign).toBe('right');
    expect(label('b2').x).toBeCloseTo(0.9 * TIMELINE_PX - 6, 5);
    // Never over the names: the canvas is the timeline column, and nothing is drawn left of its edge.
    expect(canvas.ops().every((o) => o.x >= 0)).toBe(true);
    expect(document.querySelector('.waterfall-canvas')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('collapses and expands one span, and everything with the buttons and [ / ]', async () => {
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse charge' }));
    expect(shownKeys()).toEqual(['a1', 'b1', 'b2']);
    expect(row('b2').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Expand charge' }));
    expect(shownKeys()).toEqual(['a1', 'b1', 'b2', 'c3']);
    fireEvent.keyDown(document.body, { key: '[' });
    expect(shownKeys()).toEqual(['a1']);
    fireEvent.keyDown(document.body, { key: ']' });
    expect(shownKeys()).toEqual(['a1', 'b1', 'b2', 'c3']);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(shownKeys()).toEqual(['a1']);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(shownKeys()).toHaveLength(4);
  });

  it('opens a ?span= deep link with that span selected, its detail shown and scrolled into view', async () => {
    const big = randomTrace(2_000, 7);
    const farRow = 1_500;
    const target = buildTraceTree(big).spans[farRow]!;
    const { router } = open(`/traces/${TRACE_ID}?span=${target.spanId}`, [createFakeTracesDataSource({ uid: 't', name: 'T', traces: [big] })]);
    await waitFor(() => expect(screen.getByTestId('span-detail')).toBeTruthy());
    expect(within(screen.getByTestId('span-detail')).getByRole('heading', { level: 2 }).textContent).toBe(target.name);
    // Far past the first screen of rows, yet drawn: the waterfall scrolled to it.
    await waitFor(() => expect(row(target.spanId).getAttribute('aria-selected')).toBe('true'));
    expect(Number(row(target.spanId).getAttribute('aria-rowindex'))).toBe(farRow + 1);
    expect(screen.queryAllByTestId('span-row').length).toBeLessThan(100);
    // Selecting another span puts it in the URL, for a link that opens the same view.
    fireEvent.click(screen.getAllByTestId('span-row')[0]!);
    expect(router.state.location.search).toMatch(/span=[0-9a-f]{16}/);
    expect(router.state.location.search).not.toContain(target.spanId);
  });

  it('says so when the ?span= is not in the trace', async () => {
    open(`/traces/${TRACE_ID}?span=ffffffffffffffff`);
    await waitFor(() => expect(screen.getByText(/is not in this trace/)).toBeTruthy());
    expect(screen.queryByTestId('span-detail')).toBeNull();
  });

  it('treats an empty ?span= as no selection, without a notice', async () => {
    open(`/traces/${TRACE_ID}?span=`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    expect(screen.queryByText(/is not in this trace/)).toBeNull();
  });

  it('moves the selection with the arrow keys and focuses find with /', async () => {
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(row('a1').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(row('b2').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(shownKeys()).toEqual(['a1', 'b1', 'b2']);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(shownKeys()).toHaveLength(4);
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    expect(row('b1').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Find in trace' }));
    // While typing, keys are text, not commands.
    fireEvent.keyDown(document.activeElement!, { key: '[' });
    expect(shownKeys()).toHaveLength(4);
  });

  it('finds by name, service and attribute, steps next and previous, and highlights the matches', async () => {
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    const find = screen.getByRole('searchbox', { name: 'Find in trace' });
    fireEvent.change(find, { target: { value: 'pay' } });
    expect(screen.getByTestId('find-status').textContent).toBe('– of 2');
    expect(['b2', 'c3'].every((k) => row(k).classList.contains('match'))).toBe(true);
    expect(row('a1').classList.contains('match')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByTestId('find-status').textContent).toBe('1 of 2');
    expect(row('b2').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(find, { key: 'Enter' });
    expect(row('c3').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByTestId('find-status').textContent).toBe('1 of 2');
    fireEvent.keyDown(find, { key: 'Enter', shiftKey: true });
    expect(row('c3').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('find-status').textContent).toBe('2 of 2');
    fireEvent.change(find, { target: { value: 'gold' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(row('b1').getAttribute('aria-selected')).toBe('true');
  });

  it('opens a match hidden in a collapsed subtree', async () => {
    open(`/traces/${TRACE_ID}`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    fireEvent.keyDown(document.body, { key: '[' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find in trace' }), { target: { value: 'POST /charge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(shownKeys()).toEqual(['a1', 'b1', 'b2', 'c3']);
    expect(row('c3').getAttribute('aria-selected')).toBe('true');
  });

  it('names every datasource asked when none has the trace', async () => {
    open('/traces/ABCD', [
      createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo prod', traces: [SMALL] }),
      createFakeTracesDataSource({ uid: 'jaeger', name: 'Jaeger edge', fail: 'HTTP 400: bad trace ID format' }),
    ]);
    const box = await screen.findByTestId('trace-not-found');
    expect(within(box).getByRole('heading').textContent).toBe('Trace not found');
    expect(box.textContent).toContain('0000000000000000000000000000abcd');
    const asked = within(box).getAllByRole('listitem').map((li) => li.textContent);
    expect(asked).toEqual(['Tempo prod: has no trace 0000000000000000000000000000abcd', 'Jaeger edge: the lookup failed: HTTP 400: bad trace ID format']);
    expect(within(box).getAllByRole('listitem').map((li) => li.dataset.outcome)).toEqual(['not-found', 'failed']);
  });

  it('links to the search page over the window of the lookup', async () => {
    const { router } = open('/traces/ABCD?from=1700000000000&to=1700000900000');
    const link = await screen.findByTestId('search-in-window');
    expect(link.getAttribute('href')).toBe('/traces?from=1700000000000&to=1700000900000');
    fireEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/traces'));
  });

  it('shows the trace from the datasource that has it when another fails or still thinks', async () => {
    // The hung one holds the rest back only until the hedge: then every backend is asked.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    open(`/traces/${TRACE_ID}`, [
      createFakeTracesDataSource({ uid: 'broken', name: 'Broken Jaeger', fail: 'HTTP 400: boom' }),
      createFakeTracesDataSource({ uid: 'slow', name: 'Slow Zipkin', hang: true }),
      createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [SMALL] }),
    ]);
    await screen.findByText(/Looking up trace/);
    act(() => void vi.advanceTimersByTime(TRACE_LOOKUP_HEDGE_MS));
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    expect(screen.getByText('Broken Jaeger did not return this trace: HTTP 400: boom')).toBeTruthy();
  });

  it('asks the next backend only when the first lacks the trace, and no other once one has it', async () => {
    // Every backend asked at once fetched, parsed and held a 100,000-span trace three times on the demo.
    const { sources } = open(`/traces/${TRACE_ID}`, [
      createFakeTracesDataSource({ uid: 'jaeger', name: 'Jaeger', traces: [] }),
      createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [SMALL] }),
      createFakeTracesDataSource({ uid: 'zipkin', name: 'Zipkin', traces: [SMALL] }),
    ]);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    expect(screen.getByText('From').nextElementSibling?.textContent).toBe('Tempo');
    expect(sources.map((s) => s.lookups.length)).toEqual([1, 1, 0]);
  });

  it('says there is no traces datasource instead of a blank page', async () => {
    open(`/traces/${TRACE_ID}`, [createFakeDataSource()] as never);
    expect((await screen.findByRole('alert')).textContent).toContain('No traces datasource');
  });

  it('rejects a trace ID that is not one, saying why', async () => {
    open('/traces/not-a-trace');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not a trace ID.*not-a-trace/);
  });

  it('looks the trace up over the window in the URL (an exemplar link’s)', async () => {
    const { sources } = open(`/traces/${TRACE_ID}?from=1700000000000&to=1700001800000`);
    await waitFor(() => expect(shownKeys()).toHaveLength(4));
    expect(sources[0]!.lookups[0]!.ctx.range).toEqual({ from: 1_700_000_000_000, to: 1_700_001_800_000 });
    expect(sources[0]!.lookups[0]!.id).toBe(TRACE_ID);
  });

  it('renders hostile names, attributes and events as text', async () => {
    const hostile = trace([
      span('a1', undefined, T0, 1_000, {
        service: HOSTILE,
        name: HOSTILE,
        attributes: { [HOSTILE]: HOSTILE },
        resource: { 'service.name': HOSTILE },
        events: [{ timeUs: T0 + 10, name: HOSTILE, attributes: {} }],
        status: 'error',
        statusMessage: HOSTILE,
      } as never),
    ]);
    open(`/traces/${TRACE_ID}?span=a1`, [createFakeTracesDataSource({ uid: 't', name: HOSTILE, traces: [hostile] })]);
    const detail = await screen.findByTestId('span-detail');
    expect(document.querySelector('img, script:not([src])')).toBeNull();
    expect(row('a1').textContent).toContain(HOSTILE);
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe(HOSTILE);
    expect(within(detail).getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(5);
    expect(within(screen.getByRole('list', { name: 'Services' })).getByText(HOSTILE)).toBeTruthy();
  });

  it('cuts a 1 MB attribute value in the detail, with a way to see it all', async () => {
    const long = 'x'.repeat(1_000_000);
    open(`/traces/${TRACE_ID}?span=a1`, [
      createFakeTracesDataSource({ uid: 't', name: 'T', traces: [trace([span('a1', undefined, T0, 10, { attributes: { blob: long } })])] }),
    ]);
    const detail = await screen.findByTestId('span-detail');
    const button = within(detail).getByRole('button', { name: 'show all 1,000,000 characters' });
    expect(detail.textContent!.length).toBeLessThan(10_000);
    await act(async () => fireEvent.click(button));
    expect(detail.textContent!.length).toBeGreaterThan(1_000_000);
  });

  it('separates the status from its message in the detail ("error: POST …", not "errorPOST …")', async () => {
    const failing = span('a1', undefined, T0, 10, { status: 'error', attributes: { 'otel.status_description': 'POST /charge timed out' } });
    open(`/traces/${TRACE_ID}?span=a1`, [createFakeTracesDataSource({ uid: 't', name: 'T', traces: [trace([failing])] })]);
    const detail = await screen.findByTestId('span-detail');
    const status = within(detail).getByText('Status').nextElementSibling!;
    expect(status.textContent).toBe('error: POST /charge timed out');
  });
});
