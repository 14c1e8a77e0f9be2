// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BAD_QUERY_ERROR, createFakeDataSource, HOSTILE_ROUTE } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { ServiceDashboardPage } from './ServiceDashboardPage';

function panel(title: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="panel"][data-panel-title="${title}"]`);
  if (!el) throw new Error(`no panel titled ${title}`);
  return el;
}

async function settled() {
  await waitFor(() => {
    const panels = screen.getAllByTestId('panel');
    expect(panels.length).toBeGreaterThan(8);
    expect(panels.filter((p) => p.dataset.state === 'loading')).toHaveLength(0);
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ServiceDashboardPage', () => {
  it('?ds= opens the metrics datasource a cross link names, not the default', async () => {
    const main = createFakeDataSource();
    const eu = { ...createFakeDataSource(), uid: 'eu', name: 'EU' };
    renderRoute('/services/:service', '/services/payments?ds=eu', <ServiceDashboardPage />, [main, eu]);
    await settled();
    expect(eu.calls.length).toBeGreaterThan(0);
    expect(main.calls).toEqual([]);
  });

  it('shows a failing query’s server error in its own panel and draws every other panel', async () => {
    renderRoute('/services/:service', '/services/payments?from=now-1h&to=now', <ServiceDashboardPage />, createFakeDataSource());
    await settled();

    const failed = panel('Traffic by route');
    expect(failed.dataset.state).toBe('error');
    expect(within(failed).getByTestId('panel-error').textContent).toBe(BAD_QUERY_ERROR);

    for (const title of ['Request rate', 'Error ratio', 'p99 latency', 'Latency p50 / p95 / p99', 'Latency heatmap', 'Traffic by status', 'Error ratio over time']) {
      expect(panel(title).dataset.state, title).toBe('ready');
    }
    expect(screen.getAllByTestId('panel-error')).toHaveLength(1);
  });

  it('colours stats by threshold and formats them in their unit', async () => {
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, createFakeDataSource());
    await settled();
    const errorStat = within(panel('Error ratio')).getByTestId('stat-value');
    expect(errorStat.textContent).toBe('20%');
    expect(errorStat.style.color).toBe('rgb(242, 73, 92)');
    expect(within(panel('p99 latency')).getByTestId('stat-value').textContent).toBe('28 s');
    expect(within(panel('Request rate')).getByTestId('stat-reducer').textContent).toBe('sum');
    expect(within(panel('p99 latency')).getByTestId('stat-reducer').textContent).toBe('max');
  });

  it('shows the legend with min, max, mean and last per series', async () => {
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, createFakeDataSource());
    await settled();
    const rows = within(panel('Traffic by status')).getAllByTestId('legend-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['200', '80 req/s', '80 req/s', '80 req/s', '80 req/s'],
      ['500', '20 req/s', '20 req/s', '20 req/s', '20 req/s'],
    ]);
  });

  it('renders hostile label values as text, never as markup', async () => {
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, createFakeDataSource());
    await settled();
    const downstream = panel('Downstream request rate');
    expect(within(downstream).getByText(HOSTILE_ROUTE)).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
  });

  it('says so in the page when the signals cannot be found, without crashing', async () => {
    renderRoute('/services/:service', '/services/payments', <ServiceDashboardPage />, createFakeDataSource({ signalsError: 'no metrics match service_name="payments"' }));
    await waitFor(() => expect(screen.getByTestId('panel-error').textContent).toBe('no metrics match service_name="payments"'));
  });

  it('leaves out downstream panels when the service makes no calls', async () => {
    renderRoute('/services/:service', '/services/auth', <ServiceDashboardPage />, createFakeDataSource({ signals: { downstreamRate: undefined } }));
    await settled();
    expect(document.querySelector('[data-panel-title="Downstream request rate"]')).toBeNull();
  });

  it('keeps every chart drawn while a refresh loads, without remounting it', async () => {
    const ds = createFakeDataSource();
    const { refreshNow } = renderRoute('/services/:service', '/services/payments?from=now-1h&to=now', <ServiceDashboardPage />, ds);
    await settled();
    const chartsBefore = [...document.querySelectorAll('.recharts-wrapper')];
    expect(chartsBefore.length).toBe(5);
    const callsBefore = ds.calls.length;

    // The next tick must resolve `now-1h` to a new range (hence new query keys) however fast the machine is.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000);
    act(() => refreshNow());
    expect(screen.getAllByTestId('panel').filter((p) => p.dataset.state === 'loading')).toHaveLength(0);
    await waitFor(() => expect(ds.calls.length).toBeGreaterThan(callsBefore));
    await settled();
    const chartsAfter = [...document.querySelectorAll('.recharts-wrapper')];
    expect(chartsAfter).toEqual(chartsBefore);
    expect(chartsAfter.every((el, i) => el === chartsBefore[i])).toBe(true);
  });
});
