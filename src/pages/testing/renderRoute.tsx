import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { DataSource } from '../../datasources/types';
import { DataSourcesProvider } from '../shared/dataSources';
import { fakeDirectory } from './fakeDataSource';

/** Renders one page at a URL, inside the providers the app gives it, with a memory router to inspect. */
export function renderRoute(path: string, url: string, page: ReactElement, ds: DataSource) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const router = createMemoryRouter(
    [
      { path, element: page },
      { path: '*', element: <div data-testid="elsewhere" /> },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <DataSourcesProvider value={fakeDirectory(ds)}>
        <RouterProvider router={router} />
      </DataSourcesProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}
