// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useTimeRange } from '../state/useTimeRange';
import { ConfigError } from '../datasources/config';
import { createDataSourceSet } from '../datasources/registry';
import { DataSourcesProvider } from '../pages/shared/dataSources';
import { ConfigErrorPage } from './BootScreens';
import { Layout } from './Layout';

afterEach(cleanup);

function RangeProbe() {
  const { raw, range, tick } = useTimeRange();
  return <div data-testid="probe" data-from={raw.from} data-to={raw.to} data-span={range.to - range.from} data-tick={tick} />;
}

function renderShell(url: string) {
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ path: 'services', element: <RangeProbe /> }] }], {
    initialEntries: [url],
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const probe = () => screen.getByTestId('probe').dataset;

describe('time range in the URL', () => {
  it('defaults to the last hour', () => {
    renderShell('/services');
    expect(probe().from).toBe('now-1h');
    expect(probe().span).toBe(String(3_600_000));
  });

  it('pushes a history entry for a new range, so Back restores the previous one', async () => {
    const router = renderShell('/services?from=now-1h&to=now&var-service=payments');
    fireEvent.click(screen.getByRole('button', { name: /Last 1 hour/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Last 6 hours' }));
    await waitFor(() => expect(probe().from).toBe('now-6h'));
    expect(router.state.location.search).toBe('?from=now-6h&to=now&var-service=payments');
    await act(() => router.navigate(-1));
    expect(probe().from).toBe('now-1h');
  });

  it('zooms out by doubling a live range', async () => {
    renderShell('/services?from=now-3h&to=now');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    await waitFor(() => expect(probe().from).toBe('now-6h'));
  });

  it('rejects an absolute range that ends before it starts, naming the field', async () => {
    const router = renderShell('/services');
    fireEvent.click(screen.getByRole('button', { name: /Last 1 hour/ }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-02T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-01-01T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toContain('"From" must be before "To"');
    expect(router.state.location.search).toBe('');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-01-03T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(probe().from).toBe(String(new Date('2025-01-02T10:00').getTime())));
    expect(probe().span).toBe(String(86_400_000));
  });

  it('keeps refresh in the URL and re-resolves a relative range on each tick', async () => {
    const router = renderShell('/services?from=now-1h&to=now');
    fireEvent.change(screen.getByLabelText('Auto-refresh interval'), { target: { value: '10s' } });
    await waitFor(() => expect(router.state.location.search).toBe('?from=now-1h&to=now&refresh=10s'));
    const before = Number(probe().tick);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(Number(probe().tick)).toBe(before + 1);
  });
});

describe('ConfigErrorPage', () => {
  it('names the bad field', () => {
    render(<ConfigErrorPage error={new ConfigError('datasources[0].url', 'must be an absolute http(s) URL')} />);
    expect(screen.getByTestId('config-error-field').textContent).toBe('datasources[0].url');
    expect(screen.getByRole('alert').textContent).toContain('must be an absolute http(s) URL');
  });
});

describe('Demo data badge', () => {
  const promConfig = { uid: 'prom', kind: 'prometheus', name: 'Prometheus', url: 'http://prom.invalid', default: true };
  const noFetch: typeof fetch = async () => new Response('{}');

  function renderWith(simulated: boolean, url: string) {
    const router = createMemoryRouter(
      [{ path: '/', element: <Layout />, children: [{ path: 'services', element: <p>services</p> }, { path: 'explore', element: <p>explore</p> }] }],
      { initialEntries: [url] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <DataSourcesProvider value={createDataSourceSet([promConfig], noFetch, { simulated })}>
          <RouterProvider router={router} />
        </DataSourcesProvider>
      </QueryClientProvider>,
    );
    return router;
  }

  it('sits in the top bar of every page while the demo datasources are in use', async () => {
    const router = renderWith(true, '/services');
    const badge = screen.getByTestId('demo-data-badge');
    expect(badge.textContent).toBe('Demo data');
    expect(badge.closest('header')?.className).toBe('top-bar');
    await act(() => router.navigate('/explore'));
    expect(screen.getByText('explore')).toBeDefined();
    expect(screen.getByTestId('demo-data-badge').textContent).toBe('Demo data');
  });

  it('is absent for configured datasources', () => {
    renderWith(false, '/services');
    expect(screen.getByText('services')).toBeDefined();
    expect(screen.queryByTestId('demo-data-badge')).toBeNull();
  });
});
