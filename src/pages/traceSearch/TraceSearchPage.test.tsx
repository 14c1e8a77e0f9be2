// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource, QueryCtx } from '../../datasources/types';
import { DataSourceError } from '../../lib/errors';
import type { TraceSearch, TraceSummary } from '../../model/trace';
import { renderRoute } from '../testing/renderRoute';
import { TraceSearchPage } from './TraceSearchPage';

afterEach(cleanup);

const NOW = Date.now();
const HOSTILE = '<img src=x onerror="alert(1)">\u202Eevil';
const SUMMARIES: TraceSummary[] = [
  { traceId: 'a'.repeat(32), rootService: 'api-gateway', rootName: 'POST /api/checkout', startMs: NOW - 600_000, durationMs: 30_050, spanCount: 9, errorCount: 3, services: ['api-gateway', 'payments', 'payment-provider'] },
  { traceId: 'b'.repeat(32), rootService: 'payments', rootName: 'GET /status', startMs: NOW - 300_000, durationMs: 4.5, spanCount: 1, errorCount: 0, services: ['payments'] },
  { traceId: 'c'.repeat(32), rootService: HOSTILE, rootName: 'x'.repeat(1_000_000), startMs: NOW - 200_000, durationMs: 120, spanCount: 2, errorCount: 0, services: [HOSTILE] },
];

interface FakeOptions {
  uid?: string;
  kind?: string;
  answer?: (q: TraceSearch) => TraceSummary[] | Error;
}

function fakeTraces({ uid = 'jaeger', kind = 'jaeger', answer = () => SUMMARIES }: FakeOptions = {}) {
  const searches: Array<{ q: TraceSearch; ctx: QueryCtx }> = [];
  const ds: DataSource = {
    uid,
    kind,
    name: uid === 'jaeger' ? 'Jaeger' : uid,
    traces: {
      getTrace: () => Promise.reject(new Error('not used')),
      search: async (q, ctx) => {
        searches.push({ q, ctx });
        const out = answer(q);
        if (out instanceof Error) throw out;
        return out;
      },
      services: async () => ['api-gateway', 'payments', HOSTILE],
      operations: async (service) => (service === 'payments' ? ['POST /payments', 'GET /status'] : []),
      tagNames: async () => ['resource.service.name', 'status'],
      tagValues: async () => ['payments'],
    },
    health: async () => ({ ok: true }),
  };
  return { ds, searches };
}

function open(url: string, sources: DataSource[]) {
  return renderRoute('/traces', url, <TraceSearchPage />, sources);
}

const rows = () => screen.queryAllByTestId('trace-result').map((r) => r.dataset.traceId?.[0]);
const search = (router: ReturnType<typeof open>['router']) => new URLSearchParams(router.state.location.search);

describe('TraceSearchPage', () => {
  it('pre-fills the form from the URL, searches with it over the page range, and shows the scatter and the list', async () => {
    const { ds, searches } = fakeTraces();
    open('/traces?service=payments&minDuration=1.2s&maxDuration=45s&tags=http.status_code%3D500&errors=1&limit=50&from=now-1h&to=now', [ds]);
    await waitFor(() => expect(rows()).toEqual(['c', 'b', 'a']));
    expect(searches[0]!.q).toEqual({ service: 'payments', minDurationMs: 1200, maxDurationMs: 45_000, tags: { 'http.status_code': '500' }, errorsOnly: true, limit: 50 });
    expect(searches[0]!.ctx.range.to - searches[0]!.ctx.range.from).toBe(3_600_000);
    expect(screen.getByLabelText<HTMLInputElement>('Service').value).toBe('payments');
    expect(screen.getByLabelText<HTMLInputElement>('Min duration').value).toBe('1.2s');
    expect(screen.getByLabelText<HTMLInputElement>('Tags').value).toBe('http.status_code=500');
    expect(screen.getByLabelText<HTMLInputElement>('Errors only').checked).toBe(true);
    // Errors differ in shape (a triangle path) as well as colour.
    expect(screen.getAllByTestId('scatter-error').map((m) => m.querySelector('path') !== null)).toEqual([true]);
    expect(screen.getAllByTestId('scatter-ok').map((m) => m.querySelector('circle') !== null)).toEqual([true, true]);
    const first = screen.getAllByTestId('trace-result').find((r) => r.dataset.traceId === 'a'.repeat(32))!;
    expect(within(first).getByRole('list', { name: 'Services' }).textContent).toBe('api-gatewaypaymentspayment-provider');
    expect(first.textContent).toMatch(/30(\.\d)? s/);
  });

  it('sorts by a column header click, in the URL, flipping on a second click', async () => {
    const { ds } = fakeTraces();
    const { router } = open('/traces', [ds]);
    await waitFor(() => expect(rows()).toEqual(['c', 'b', 'a']));
    fireEvent.click(screen.getByRole('button', { name: /^Duration/ }));
    await waitFor(() => expect(rows()).toEqual(['a', 'c', 'b']));
    expect(search(router).get('sort')).toBe('-duration');
    expect(screen.getByRole('columnheader', { name: /Duration/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /^Duration/ }));
    await waitFor(() => expect(rows()).toEqual(['b', 'c', 'a']));
    expect(search(router).get('sort')).toBe('duration');
  });

  it('renders hostile names as text: no element from the name, a 1 MB name cut', async () => {
    const { ds } = fakeTraces();
    const { container } = open('/traces', [ds]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(container.querySelector('img')).toBeNull();
    const hostile = screen.getAllByTestId('trace-result').find((r) => r.dataset.traceId === 'c'.repeat(32))!;
    expect(hostile.textContent).toContain('<img src=x onerror="alert(1)">⟨U+202E⟩evil');
    expect(hostile.textContent!.length).toBeLessThan(2_000);
  });

  it('opens a trace from a dot, with a window around it', async () => {
    const { ds } = fakeTraces();
    const { router } = open('/traces', [ds]);
    await waitFor(() => expect(screen.getAllByTestId('scatter-error')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('scatter-error'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/traces/${'a'.repeat(32)}`));
    const p = search(router);
    const mid = SUMMARIES[0]!.startMs + SUMMARIES[0]!.durationMs / 2;
    expect(Number(p.get('from'))).toBeLessThan(SUMMARIES[0]!.startMs);
    expect(Number(p.get('to'))).toBeGreaterThan(SUMMARIES[0]!.startMs + SUMMARIES[0]!.durationMs);
    expect((Number(p.get('from')) + Number(p.get('to'))) / 2).toBeCloseTo(mid, -1);
  });

  it('says which URL values it ignored and uses the defaults for them', async () => {
    const { ds, searches } = fakeTraces();
    open('/traces?minDuration=fast&limit=-3&sort=colour&ds=nope', [ds]);
    const problems = await screen.findByRole('status', { name: 'Ignored URL values' });
    expect(problems.textContent).toMatch(/minDuration "fast" ignored/);
    expect(problems.textContent).toMatch(/limit "-3"/);
    expect(problems.textContent).toMatch(/sort "colour"/);
    expect(problems.textContent).toMatch(/no traces datasource "nope": searching Jaeger/);
    await waitFor(() => expect(searches[0]?.q).toEqual({ limit: 20 }));
  });

  it('marks a bad duration or tag beside its field, keeps what was typed, and does not search', async () => {
    const { ds, searches } = fakeTraces();
    const { router } = open('/traces', [ds]);
    await waitFor(() => expect(searches).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Min duration'), { target: { value: '1.2 seconds' } });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'error' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/"1.2 seconds" is not a duration/)).toBeTruthy();
    expect(screen.getByText(/Tag "error" has no value/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Min duration').value).toBe('1.2 seconds');
    expect(router.state.location.search).toBe('');
    expect(searches).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Min duration'), { target: { value: '300ms' } });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'error=true' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(searches.at(-1)!.q).toEqual({ minDurationMs: 300, tags: { error: 'true' }, limit: 20 }));
    expect(search(router).get('minDuration')).toBe('300ms');
  });

  it('says so when nothing matched, naming the filters', async () => {
    const { ds } = fakeTraces({ answer: () => [] });
    open('/traces?service=payments&errors=1', [ds]);
    expect((await screen.findByTestId('trace-search-empty')).textContent).toMatch(/No traces in Jaeger matched service payments, errors only \(time range: /);
  });

  it("shows the adapter's error in the results area only; the form stays usable", async () => {
    const { ds, searches } = fakeTraces({ answer: (q) => (q.service === 'bad' ? new DataSourceError("parameter 'service' is required", { kind: 'query', status: 400 }) : SUMMARIES) });
    open('/traces?service=bad', [ds]);
    const alert = await screen.findByRole('alert');
    expect(within(screen.getByRole('region', { name: 'Search results' })).getByRole('alert')).toBe(alert);
    expect(alert.textContent).toBe("Jaeger: parameter 'service' is required");
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'payments' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(searches.at(-1)!.q.service).toBe('payments');
  });

  it('offers every traces datasource and switches in the URL', async () => {
    const jaeger = fakeTraces();
    const tempo = fakeTraces({ uid: 'tempo', kind: 'tempo' });
    const { router } = open('/traces', [jaeger.ds, tempo.ds]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByRole('radio', { name: 'TraceQL' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Datasource'), { target: { value: 'tempo' } });
    await waitFor(() => expect(search(router).get('ds')).toBe('tempo'));
    await waitFor(() => expect(tempo.searches).toHaveLength(1));
    expect(screen.getByRole('radio', { name: 'TraceQL' })).toBeTruthy();
  });

  it('runs TraceQL on Tempo and shows its parse error', async () => {
    const message = 'invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER';
    const tempo = fakeTraces({ uid: 'tempo', kind: 'tempo', answer: (q) => (q.query === '{ x }' ? new DataSourceError(message, { kind: 'query', status: 400 }) : SUMMARIES) });
    open(`/traces?ds=tempo&mode=traceql&q=${encodeURIComponent('{ x }')}`, [tempo.ds]);
    await waitFor(() => expect(tempo.searches[0]?.q).toEqual({ query: '{ x }', limit: 20 }));
    expect((await screen.findByRole('alert')).textContent).toBe(`tempo: ${message}`);
    // The editor is a lazy chunk (CodeMirror): give its first import time on a busy machine.
    expect(await screen.findByTestId('code-editor', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByTestId('code-editor').dataset.language).toBe('TraceQL');
  });

  it('falls back to the filters when the URL asks TraceQL of a datasource without it', async () => {
    const { ds, searches } = fakeTraces();
    open('/traces?mode=traceql&q=%7B%7D&service=payments', [ds]);
    expect((await screen.findByRole('status', { name: 'Ignored URL values' })).textContent).toMatch(/Jaeger does not speak TraceQL/);
    await waitFor(() => expect(searches[0]?.q).toEqual({ service: 'payments', limit: 20 }));
    await act(async () => {});
  });
});
