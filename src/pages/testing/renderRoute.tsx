import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createRef, type ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { DataSource } from '../../datasources/types';
import { TimeScopeProvider } from '../../state/TimeScopeProvider';
import type { TimeScopeHandle } from '../../state/timeScopeContext';
import { DataSourcesProvider } from '../shared/dataSources';
import { fakeDirectory, fakeDirectoryOf } from './fakeDataSource';

/**
 * Renders one page at a URL, inside the providers the app gives it (the URL time scope included), with a
 * memory router to inspect and the scope's `refreshNow` to press.
 */
export function renderRoute(path: string, url: string, page: ReactElement, ds: DataSource | readonly DataSource[]) {
  const timeScope = createRef<TimeScopeHandle>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const router = createMemoryRouter(
    [
      { path, element: <TimeScopeProvider ref={timeScope}>{page}</TimeScopeProvider> },
      { path: '*', element: <div data-testid="elsewhere" /> },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <DataSourcesProvider value={'uid' in ds ? fakeDirectory(ds) : fakeDirectoryOf(ds)}>
        <RouterProvider router={router} />
      </DataSourcesProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, client, refreshNow: () => timeScope.current?.refreshNow() };
}
