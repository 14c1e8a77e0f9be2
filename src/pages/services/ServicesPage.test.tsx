// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeDataSource } from '../testing/fakeDataSource';
import { renderRoute } from '../testing/renderRoute';
import { ServicesPage } from './ServicesPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function settled() {
  await waitFor(() => {
    expect(screen.getAllByTestId('service-row').length).toBe(2);
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'loading')).toHaveLength(0);
  });
}

describe('ServicesPage', () => {
  it('lists every service, worst first, with a sparkline per signal', async () => {
    renderRoute('/services', '/services?from=now-6h&to=now', <ServicesPage />, createFakeDataSource());
    await settled();
    const rows = screen.getAllByTestId('service-row');
    expect(rows.map((r) => r.dataset.service)).toEqual(['payments', 'auth']);
    expect(rows[0]!.dataset.status).toBe('crit');

    const states = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('[data-testid="sparkline"]')].map((s) => s.dataset.state);
    // Request rate, error ratio and p99 have data; the fake has no p50, p95 or saturation queries.
    expect(states(rows[0]!)).toEqual(['ready', 'ready', 'empty', 'empty', 'ready', 'empty']);
    expect(rows[0]!.textContent).toContain('30%');
    expect(rows[0]!.textContent).toContain('30 s');
  });

  it('asks for sparkline-sized steps, one request per overview query', async () => {
    const ds = createFakeDataSource();
    renderRoute('/services', '/services?from=now-24h&to=now', <ServicesPage />, ds);
    await settled();
    expect(ds.calls.filter((c) => c.startsWith('overview:')).sort()).toEqual(['overview:errors', 'overview:p99', 'overview:rate']);
  });

  it('opens the dashboard of a clicked row, keeping the time range', async () => {
    const { router } = renderRoute('/services', '/services?from=now-6h&to=now&refresh=30s', <ServicesPage />, createFakeDataSource());
    await settled();
    fireEvent.click(screen.getAllByTestId('service-row')[1]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/auth'));
    expect(router.state.location.search).toBe('?from=now-6h&to=now&refresh=30s');
  });

  it('filters to the services named by var-service', async () => {
    renderRoute('/services', '/services?var-service=auth', <ServicesPage />, createFakeDataSource());
    await waitFor(() => expect(screen.getAllByTestId('service-row').map((r) => r.dataset.service)).toEqual(['auth']));
  });

  it('keeps sparklines drawn while a refresh loads', async () => {
    const ds = createFakeDataSource();
    const { refreshNow } = renderRoute('/services', '/services?from=now-1h&to=now', <ServicesPage />, ds);
    await settled();
    const readyBefore = screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready').length;
    const callsBefore = ds.calls.length;
    // The next tick must resolve `now-1h` to a new range (hence new query keys) however fast the machine is.
    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    act(() => refreshNow());
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready')).toHaveLength(readyBefore);
    await waitFor(() => expect(ds.calls.length).toBeGreaterThan(callsBefore));
    expect(screen.getAllByTestId('sparkline').filter((s) => s.dataset.state === 'ready')).toHaveLength(readyBefore);
  });
});
