// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataSource } from '../../datasources/types';
import { LOG_WINDOW_PAD_MS, SIGNALS_WINDOW_MS } from '../../model/correlator';
import { span, trace, TRACE_ID } from '../../model/testing/traceBuilders';
import { createFakeLogs } from '../logs/testing/fakeLogs';
import { createFakeDataSource, createFakeTracesDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { TracePage } from './TracePage';
import { ROW_HEIGHT } from './Waterfall';

// The trace page's cross links (header: logs for the trace; span detail: logs for the span, the service's
// Golden Signals) and `?ds=` / `?span=` from the links that open it.

beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'waterfall-scroll' ? 20 * ROW_HEIGHT : 0;
  });
  Element.prototype.scrollTo = function () {} as Element['scrollTo'];
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const T0_US = 1_700_000_000_000_000;
const T0_MS = T0_US / 1000;
/** checkout → payments → provider, the provider call 30 s and in error. */
const INCIDENT = trace([
  span('a1', undefined, T0_US, 31_000_000, { service: 'checkout', name: 'GET /checkout' }),
  span('b2', 'a1', T0_US + 500_000, 30_200_000, { service: 'payments', name: 'charge' }),
  span('c3', 'b2', T0_US + 600_000, 30_000_000, { service: 'payment-provider', name: 'POST /charge', status: 'error' }),
]);

function open(url: string, sources: readonly DataSource[]) {
  return renderRoute('/traces/:traceId', url, <TracePage />, sources);
}
const query = (href: string | null) => new URL(href ?? '', 'http://x').searchParams;
const jaeger = () => createFakeTracesDataSource({ uid: 'jaeger', name: 'Jaeger', traces: [INCIDENT] });

describe('trace page cross links', () => {
  it("links the trace's logs in the log datasource, over its window padded by a minute", async () => {
    open(`/traces/${TRACE_ID}`, [jaeger(), createFakeLogs()]);
    const link = await screen.findByRole('link', { name: 'Logs for this trace' });
    expect(link.dataset.linkKind).toBe('trace-logs');
    const p = query(link.getAttribute('href'));
    expect(link.getAttribute('href')!.startsWith('/explore/logs?')).toBe(true);
    expect(p.get('ds')).toBe('loki');
    expect(p.get('q')).toBe(`{service_name=~".+"} | trace_id="${TRACE_ID}"`);
    expect(Number(p.get('from'))).toBe(T0_MS - LOG_WINDOW_PAD_MS);
    expect(Number(p.get('to'))).toBe(T0_MS + 31_000 + LOG_WINDOW_PAD_MS);
    expect(link.closest('.cross-link')!.textContent).toContain('in Loki');
  });

  it('?span= opens that span selected, its detail with the span logs and Golden Signals links', async () => {
    const { router } = open(`/traces/${TRACE_ID}?span=c3`, [jaeger(), createFakeLogs(), createFakeDataSource()]);
    const detail = await screen.findByTestId('span-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('POST /charge');
    const logs = within(detail).getByRole('link', { name: 'Logs for this span' });
    expect(logs.dataset.linkKind).toBe('span-logs');
    const lp = query(logs.getAttribute('href'));
    expect(lp.get('q')).toBe(`{service_name="payment-provider"} | trace_id="${TRACE_ID}"`);
    expect([Number(lp.get('from')), Number(lp.get('to'))]).toEqual([T0_MS + 600 - LOG_WINDOW_PAD_MS, T0_MS + 30_600 + LOG_WINDOW_PAD_MS]);
    const signals = within(detail).getByRole('link', { name: 'Golden Signals for this service' });
    expect(signals.dataset.linkKind).toBe('service-signals');
    fireEvent.click(signals);
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/payment-provider'));
    const sp = new URLSearchParams(router.state.location.search);
    expect([Number(sp.get('from')), Number(sp.get('to'))]).toEqual([T0_MS + 600 - SIGNALS_WINDOW_MS, T0_MS + 600 + SIGNALS_WINDOW_MS]);
  });

  it('shows a link it cannot make as text with the reason', async () => {
    open(`/traces/${TRACE_ID}?span=c3`, [jaeger()]);
    const detail = await screen.findByTestId('span-detail');
    expect(screen.queryByRole('link', { name: 'Logs for this trace' })).toBeNull();
    const header = screen.getByRole('list', { name: 'Trace links' });
    expect(header.textContent).toBe('Logs for this trace: no log datasource configured');
    expect(header.querySelector('[data-link-kind="trace-logs"]')!.getAttribute('aria-disabled')).toBe('true');
    expect(within(detail).getByRole('list', { name: 'Span links' }).textContent).toBe(
      'Logs for this span: no log datasource configuredGolden Signals for this service: no metrics datasource configured',
    );
    expect(within(detail).queryAllByRole('link', { name: /Logs for this span|Golden Signals/ })).toHaveLength(0);
  });
});

describe('?ds= names the trace datasource', () => {
  it('asks only that datasource when it has the trace', async () => {
    const tempo = createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [INCIDENT] });
    const other = jaeger();
    open(`/traces/${TRACE_ID}?ds=tempo`, [other, tempo]);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(3));
    expect(tempo.lookups).toHaveLength(1);
    expect(other.lookups).toHaveLength(0);
    expect(screen.getByText('Tempo', { selector: 'dd' })).toBeTruthy();
  });

  it('asks the others when it does not have it, and says so', async () => {
    const empty = createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [] });
    const other = jaeger();
    open(`/traces/${TRACE_ID}?ds=tempo`, [other, empty]);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(3));
    expect(other.lookups).toHaveLength(1);
    expect(screen.getByText(/^Tempo did not return this trace/)).toBeTruthy();
    expect(screen.getByText('Jaeger', { selector: 'dd' })).toBeTruthy();
  });

  it("says 'not found in' each datasource with a search of the window when none has it", async () => {
    open(`/traces/${TRACE_ID}?ds=tempo&from=1700000000000&to=1700000900000`, [
      createFakeTracesDataSource({ uid: 'jaeger', name: 'Jaeger', traces: [] }),
      createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo', traces: [] }),
    ]);
    const box = await screen.findByTestId('trace-not-found');
    expect(within(box).getByTestId('trace-not-found-summary').textContent).toBe(`Trace ${TRACE_ID} not found in Tempo, Jaeger. Asked:`);
    expect(within(box).getByTestId('search-in-window').getAttribute('href')).toBe('/traces?from=1700000000000&to=1700000900000');
  });

  it('asks every datasource, saying so, when the uid is not configured', async () => {
    const other = jaeger();
    open(`/traces/${TRACE_ID}?ds=gone`, [other]);
    await waitFor(() => expect(screen.getAllByTestId('span-row')).toHaveLength(3));
    expect(other.lookups).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toMatch(/names the trace datasource gone, which is not configured here/);
  });
});
