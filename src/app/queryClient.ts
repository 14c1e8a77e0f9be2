import { QueryClient } from '@tanstack/react-query';
import { retryDataSourceError } from '../datasources/queries';
import { coalesceQueryNotifications } from './queryNotifyBatching';

/**
 * One client per app. A wall screen runs for weeks and every refresh tick makes new query keys, so
 * unused results are dropped after 5 minutes. Focusing the window does not refetch (the refresh
 * picker decides). A query error (bad PromQL, 4xx) is never retried: it would fail the same way; nor is a
 * timeout: the user already waited the whole limit, and a retry would double it before they see why.
 * Only fast transient failures (refused connection, 5xx) get one more try.
 */
export function createQueryClient(): QueryClient {
  // A refresh lands a dozen queries at once; they are drawn in one React commit rather than one each.
  coalesceQueryNotifications();
  return new QueryClient({
    defaultOptions: {
      queries: {
        gcTime: 5 * 60_000,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: retryDataSourceError,
      },
    },
  });
}
