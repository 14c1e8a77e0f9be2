import { Navigate, useLocation, type RouteObject } from 'react-router';
import { RouteError } from '../pages/shared/RouteError';
import { BootSpinner } from './BootScreens';
import { Layout } from './Layout';
import { RootRouteError } from './RootRouteError';

/** `/` is not a page: it forwards to the overview, keeping the query string. */
function RedirectToServices() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/services', search }} replace />;
}

/**
 * Every page is its own chunk, loaded when first visited: the overview never downloads Recharts.
 * `/` keeps the query string (a pasted `/?from=now-6h` still means six hours).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RootRouteError />,
    hydrateFallbackElement: <BootSpinner />,
    children: [
      { index: true, element: <RedirectToServices /> },
      {
        path: 'services',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/services/ServicesPage')).ServicesPage }),
      },
      {
        path: 'services/:service',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/service/ServiceDashboardPage')).ServiceDashboardPage }),
      },
      {
        path: 'explore',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/explore/ExplorePage')).ExplorePage }),
      },
      {
        path: 'explore/logs',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/logs/LogsPage')).LogsPage }),
      },
      {
        path: 'traces',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/traceSearch/TraceSearchPage')).TraceSearchPage }),
      },
      {
        path: 'traces/:traceId',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/traces/TracePage')).TracePage }),
      },
      {
        path: 'traces/file/:fileKey',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/traces/files/TraceFilePage')).TraceFilePage }),
      },
      {
        path: 'noc',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/noc/NocPage')).NocPage }),
      },
      {
        path: 'settings/datasources',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/settings/datasources/DatasourcesPage')).DatasourcesPage }),
      },
      {
        path: '*',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('../pages/NotFoundPage')).NotFoundPage }),
      },
    ],
  },
];
