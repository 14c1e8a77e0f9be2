import type { DataSourceSet } from '../datasources/registry';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { DataSourcesProvider } from '../pages/shared/dataSources';
import { createQueryClient } from './queryClient';
import { routes } from './routes';

/** Providers and the router, given the datasources loaded at boot. */
export function App({ dataSources }: { dataSources: DataSourceSet }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <DataSourcesProvider value={dataSources}>
        <RouterProvider router={router} />
      </DataSourcesProvider>
    </QueryClientProvider>
  );
}
