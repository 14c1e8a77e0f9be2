// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataSource } from '../../datasources/types';
import { createFakeDataSource, createFakeTracesDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { LogsPage } from './LogsPage';
import { LOG_ROW_HEIGHT } from './LogList';
import { createFakeLogs, FAKE_BAD_QUERY, FAKE_BAD_QUERY_ERROR, TRACE_ID } from './testing/fakeLogs';
import { testLine, testStream } from './testing/lines';
import { createFakeTailSource } from './tail/testing/fakeTail';

beforeEach(() => {
  // jsdom lays nothing out: give the list a height so the virtualizer shows about 30 rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'log-list' ? 30 * LOG_ROW_HEIGHT : 0;
  });
  // …and rows a height, as the virtualizer measures each one it draws (offsetHeight).
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('log-item') ? LOG_ROW_HEIGHT : 0;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const RANGE = `from=${Date.UTC(2026, 11, 1, 11, 0)}&to=${Date.UTC(2026, 11, 1, 12, 1)}`;
const url = (q: string, extra = '') => `/explore/logs?${RANGE}&q=${encodeURIComponent(q)}${extra}`;

function open(path: string, ds = createFakeLogs(), others: readonly DataSource[] = []) {
  return { ...renderRoute('/explore/logs', path, <LogsPage />, others.length > 0 ? [ds, ...others] : ds), ds };
}

const rows = () => screen.queryAllByTestId('log-row');
const search = (router: { state: { location: { search: string } } }) => new URLSearchParams(router.state.location.search);

describe('LogsPage', () => {
  it('queries the datasource and lists the lines newest first with time, level as text and colour, service', async () => {
    open(url('{service_name="payments"}', '&tz=utc'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(5));
    const first = rows()[0]!;
    expect(first.dataset.level).toBe('error');
    expect(within(first).getByText('error')).toBeTruthy();
    expect(within(first).getByText('2026-12-01 12:00:00.000')).toBeTruthy();
    expect(within(first).getByText('payments')).toBeTruthy();
    expect(screen.getByTestId('logs-status').textContent).toContain('30 lines');
  });

  it('shows oldest first when asked, from the URL', async () => {
    open(url('{service_name="payments"}', '&sort=oldest&tz=utc'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(within(rows()[0]!).getByText('2026-12-01 11:59:31.000')).toBeTruthy();
  });

  it('renders HTML in lines as text and marks the line filter terms', async () => {
    open(url('{service_name="api-gateway"} |= "handled"'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const line = rows()[0]!;
    expect(line.querySelector('b')).toBeNull();
    expect(line.textContent).toContain('<b>bold</b>');
    expect([...line.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['handled']);
  });

  it('says "showing newest 5,000 of more" when the answer stops at the limit with more in the range', async () => {
    const ds = createFakeLogs({ perStream: 6000, serverCap: 5000 });
    open(url('{service_name="payments"}'), ds);
    await waitFor(() => expect(screen.getByTestId('logs-capped').textContent).toBe('Showing newest 5,000 of more'));
    expect(screen.getByRole('button', { name: 'Load older' })).toBeTruthy();
    expect(ds.calls.filter((c) => c.startsWith('queryLogs'))).toEqual(['queryLogs:{service_name="payments"}:']);
  });

  it('pages on "Load older" until the server has no more', async () => {
    const ds = createFakeLogs({ perStream: 3000, serverCap: 1000 });
    open(url('{service_name="payments"}'), ds);
    await waitFor(() => expect(screen.getByTestId('logs-capped').textContent).toMatch(/Showing newest 1,000 of more \(the server answers at most 1,000/));
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(screen.getByTestId('logs-capped').textContent).toContain('Showing newest 2,000 of more'));
    expect(ds.calls.filter((c) => c.startsWith('queryLogs'))).toEqual(['queryLogs:{service_name="payments"}:', 'queryLogs:{service_name="payments"}:1000']);
  });

  it("shows the server's parse error", async () => {
    open(url(FAKE_BAD_QUERY));
    await waitFor(() => expect(screen.getByTestId('logs-error').textContent).toContain(FAKE_BAD_QUERY_ERROR));
  });

  it('filters the lines in hand as you type, case-insensitively', async () => {
    open(url('{service_name="api-gateway"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.change(screen.getByLabelText('Filter lines in view'), { target: { value: 'STATUS=502' } });
    await waitFor(() => expect(screen.getByTestId('logs-status').textContent).toContain('6 match the filter'));
    expect(rows().every((r) => r.textContent!.includes('status=502'))).toBe(true);
  });

  it('says why the list is empty: nothing in the range, or nothing in hand that the filter keeps', async () => {
    open(url('{service_name="no-such-service"}'));
    await waitFor(() => expect(screen.getByTestId('log-list-empty').textContent).toContain('No lines match this query in the time range'));
    cleanup();
    open(url('{service_name="api-gateway"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('log-list-empty')).toBeNull();
    fireEvent.change(screen.getByLabelText('Filter lines in view'), { target: { value: '<b>nowhere</b>' } });
    await waitFor(() => expect(screen.getByTestId('log-list-empty').textContent).toMatch(/^None of the \d+ lines in hand contains “<b>nowhere<\/b>”/));
    expect(screen.getByTestId('log-list-empty').querySelector('b')).toBeNull();
  });

  it("says nothing of an empty list when the query failed: the error says it", async () => {
    open(url(FAKE_BAD_QUERY));
    await waitFor(() => expect(screen.getByTestId('logs-error')).toBeTruthy());
    expect(screen.queryByTestId('log-list-empty')).toBeNull();
  });

  it('folds duplicates ignoring numbers', async () => {
    open(url('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(1));
    fireEvent.change(screen.getByLabelText('Dedup'), { target: { value: 'numbers' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('×30');
  });

  it('expands a line into labels and parsed fields; filter for edits the query', async () => {
    const { router } = open(url('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    expect(search(router).get('line')).toBe(rows()[0]!.dataset.key);
    const fields = within(details).getAllByTestId('log-field').map((f) => f.dataset.field);
    expect(fields).toEqual(expect.arrayContaining(['service_name', 'level', 'trace_id', 'msg', 'attempt']));
    fireEvent.click(within(details).getByRole('button', { name: 'Filter for msg=payment provider timeout after 30000ms' }));
    await waitFor(() => expect(search(router).get('q')).toBe('{service_name="payments"} | json | msg="payment provider timeout after 30000ms"'));
    expect(search(router).has('line')).toBe(false);
  });

  it('filter out on a stream label adds a negative matcher', async () => {
    const { router } = open(url('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    // The stream label comes first; the JSON field of the same name follows under Fields.
    fireEvent.click(within(details).getAllByRole('button', { name: 'Filter out level=error' })[0]!);
    await waitFor(() => expect(search(router).get('q')).toBe('{service_name="payments", level!="error"}'));
  });

  it('shows value statistics of a field over the lines in hand', async () => {
    open(url('{service_name="api-gateway"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    fireEvent.click(within(details).getByRole('button', { name: 'Statistics of status' }));
    const stats = await screen.findByTestId('log-field-stats');
    expect(stats.textContent).toContain('status in 30 of 30 lines, 2 distinct values');
    expect(stats.textContent).toContain('20024 (80.0%)');
  });

  it('shows the context of a line inline, before and after it in its stream', async () => {
    const { ds } = open(url('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(3));
    fireEvent.click(rows()[3]!);
    const details = await screen.findByTestId('log-details');
    fireEvent.click(within(details).getByRole('button', { name: 'Show context' }));
    await waitFor(() => expect(screen.getByTestId('log-context-before').querySelectorAll('[data-testid="log-context-row"]').length).toBe(10));
    expect(screen.getByTestId('log-context-after').querySelectorAll('[data-testid="log-context-row"]').length).toBe(3);
    expect(ds.calls.some((c) => c.startsWith('context:'))).toBe(true);
  });

  it("links a line's trace to the trace view around the line's time, in the trace datasource", async () => {
    const tempo = createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo' });
    const { router } = open(url('{service_name="payments"}'), createFakeLogs(), [tempo]);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const link = within(rows()[0]!).getByTestId('log-trace-link');
    expect(link.dataset.linkKind).toBe('log-trace');
    fireEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/traces/${TRACE_ID}`));
    const t = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(search(router).get('from')).toBe(String(t - 15 * 60_000));
    expect(search(router).get('ds')).toBe('tempo');
  });

  it("offers the line's trace and its service's Golden Signals at the line's time in the details", async () => {
    const tempo = createFakeTracesDataSource({ uid: 'tempo', name: 'Tempo' });
    const { router } = open(url('{service_name="payments"}'), createFakeLogs(), [tempo, createFakeDataSource()]);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    const trace = within(details).getByRole('link', { name: `Open trace ${TRACE_ID}` });
    expect(trace.dataset.linkKind).toBe('log-trace');
    expect(within(details).getByTestId('log-details-trace-link').textContent).toContain('in Tempo');
    const signals = within(details).getByRole('link', { name: 'Golden Signals for this service at this time' });
    expect(signals.dataset.linkKind).toBe('service-signals');
    fireEvent.click(signals);
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/payments'));
    const t = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect([search(router).get('from'), search(router).get('to')]).toEqual([String(t - 15 * 60_000), String(t + 15 * 60_000)]);
  });

  it('says why a line has no trace or signals link when those datasources are missing', async () => {
    open(url('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(within(rows()[0]!).queryByTestId('log-trace-link')).toBeNull();
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    expect(within(details).queryAllByRole('link')).toHaveLength(0);
    const unavailable = [...details.querySelectorAll('[aria-disabled="true"]')].map((e) => [e.getAttribute('data-link-kind'), e.textContent]);
    expect(unavailable).toEqual([
      ['log-trace', `Open trace ${TRACE_ID}: no trace datasource configured`],
      ['service-signals', 'Golden Signals for this service at this time: no metrics datasource configured'],
    ]);
  });

  it('builds the selector in the label browser', async () => {
    const { router } = open(`/explore/logs?${RANGE}`);
    const browser = await screen.findByTestId('label-browser');
    fireEvent.click(await within(browser).findByRole('button', { name: 'service_name' }));
    fireEvent.click(await within(browser).findByRole('button', { name: 'payments' }));
    fireEvent.click(within(browser).getByRole('button', { name: 'Show logs' }));
    await waitFor(() => expect(search(router).get('q')).toBe('{service_name="payments"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  });

  it('draws the volume by level', async () => {
    open(url('{service_name="payments"}'));
    await waitFor(() => expect(screen.getByTestId('log-volume').querySelectorAll('rect').length).toBeGreaterThan(0));
    expect(screen.getByText('30 lines in the range · drag to zoom', { exact: false })).toBeTruthy();
  });

  it('uses Lucene filters on a Lucene datasource', async () => {
    const { router } = open(url('service_name:payments'), createFakeLogs({ language: 'lucene' }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.click(rows()[0]!);
    const details = await screen.findByTestId('log-details');
    fireEvent.click(within(details).getAllByRole('button', { name: 'Filter out level=error' })[0]!);
    await waitFor(() => expect(search(router).get('q')).toBe('service_name:payments AND NOT level:"error"'));
  });

  it('groups the lines in hand into patterns; picking one shows only its lines', async () => {
    open(url('{service_name=~".+"}'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(5));
    fireEvent.click(screen.getByRole('tab', { name: 'Patterns' }));
    const patterns = await screen.findByTestId('log-patterns');
    const timeout = await waitFor(() => {
      const row = [...patterns.querySelectorAll('tr[data-pattern-id]')].find((r) => r.textContent?.includes('payment provider timeout after'));
      if (!row) throw new Error('no timeout pattern yet');
      return row;
    });
    fireEvent.click(within(timeout as HTMLElement).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('logs-pattern-filter')).toBeTruthy());
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    for (const row of rows()) expect(row.textContent).toContain('payment provider timeout');
    fireEvent.click(within(screen.getByTestId('logs-pattern-filter')).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(rows().some((r) => r.textContent?.includes('request handled'))).toBe(true));
  });

  it("counts the live tail's lines in the status line while live, not the query's", async () => {
    const ds = createFakeLogs();
    const tail = createFakeTailSource();
    const withTail = { ...ds, logs: { ...ds.logs!, tail: tail.logs.tail } };
    open(url('{service_name="payments"}', '&tz=utc'), withTail);
    await waitFor(() => expect(screen.getByTestId('logs-status').textContent).toContain('30 lines'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Live tail' }));
    await waitFor(() => expect(tail.subscriptions).toHaveLength(1));
    const stream = testStream({ service_name: 'payments', level: 'info' });
    const live = [0, 1, 2].map((n) => testLine(stream, Date.UTC(2026, 11, 1, 12, 5, n), `tailed line ${n}`, { n }));
    act(() => tail.latest().handlers.onLines(live));
    await waitFor(() => expect(rows().map((r) => r.querySelector('.log-line')!.textContent)).toEqual(['tailed line 2', 'tailed line 1', 'tailed line 0']));
    expect(screen.getByTestId('logs-status').textContent).toBe('3 lines in the live tail');
  });

  it('says so when no datasource has logs', () => {
    renderRoute('/explore/logs', '/explore/logs', <LogsPage />, { uid: 'p', kind: 'prometheus', name: 'P', health: async () => ({ ok: true }) });
    expect(screen.getByText('No logs datasource')).toBeTruthy();
  });
});
