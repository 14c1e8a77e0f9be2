// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeDataSource, fakeDirectory } from '../pages/testing/fakeDataSource';
import { DataSourcesProvider } from '../pages/shared/dataSources';
import { routes } from './routes';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the root route', () => {
  it('redirects / to /services with the query string, without a "no element" warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const router = createMemoryRouter(routes, { initialEntries: ['/?from=now-6h&to=now'] });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <DataSourcesProvider value={fakeDirectory(createFakeDataSource())}>
          <RouterProvider router={router} />
        </DataSourcesProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/services'));
    expect(router.state.location.search).toBe('?from=now-6h&to=now');
    const noElement = warn.mock.calls.filter((args) => String(args[0]).includes('does not have an element'));
    expect(noElement).toEqual([]);
  });
});

describe('errors and the Demo data badge', () => {
  function Throws(): never {
    throw new Error('frame broke');
  }

  it('keeps the badge when the frame itself fails and the root error screen shows', async () => {
    const root = routes[0]!;
    const router = createMemoryRouter([{ ...root, element: <Throws />, children: undefined }], { initialEntries: ['/'] });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const view = render(
      <QueryClientProvider client={new QueryClient()}>
        <DataSourcesProvider value={fakeDirectory({ ...createFakeDataSource(), simulated: true })}>
          <RouterProvider router={router} />
        </DataSourcesProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(view.getByTestId('route-error').textContent).toContain('frame broke'));
    expect(view.getByTestId('demo-data-badge').closest('header')).not.toBeNull();
  });

  it('keeps the frame, and so the badge, when a page under the catch-all route fails', async () => {
    const root = routes[0]!;
    if (root.index) throw new Error('the root route is not an index route');
    const catchAll = root.children!.find((r) => r.path === '*')!;
    const broken: RouteObject = { path: catchAll.path, errorElement: catchAll.errorElement, element: <Throws /> };
    const children = root.children!.map((r) => (r === catchAll ? broken : r));
    const router = createMemoryRouter([{ ...root, children }], { initialEntries: ['/nowhere'] });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const view = render(
      <QueryClientProvider client={new QueryClient()}>
        <DataSourcesProvider value={fakeDirectory({ ...createFakeDataSource(), simulated: true })}>
          <RouterProvider router={router} />
        </DataSourcesProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(view.getByTestId('route-error').textContent).toContain('frame broke'));
    expect(view.getByTestId('demo-data-badge').closest('header')?.querySelector('nav')).not.toBeNull();
  });
});
