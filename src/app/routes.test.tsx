// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
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
