import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { DataSourceError } from '../lib/errors';
import type { LogCursor, LogLine, LogPage } from '../model/logs';
import type { TimeRange } from '../model/time';
import { coarsenToHour, retryDataSourceError } from './queries';
import type { DataSource, LogsCapability } from './types';

/**
 * TanStack Query option factories for the logs capability, like `queries.ts` for metrics: each key holds what
 * the answer depends on, and TanStack's signal goes down to the adapter so a superseded query is cancelled.
 */

/** Lines in hand are large (100,000 lines is tens of MB): dropped soon once no view shows them. */
const LOGS_GC_MS = 30_000;
const LABELS_STALE_MS = 60_000;

function logsOf(ds: DataSource): LogsCapability {
  if (!ds.logs) throw new DataSourceError(`${ds.name} cannot query logs`, { kind: 'query' });
  return ds.logs;
}

export interface LogPageRequest {
  limit: number;
  direction: 'forward' | 'backward';
}

/**
 * The lines of a query, page by page: the first page is the newest `limit` lines (in `backward`), each next
 * page continues from the last one's cursor while the adapter says `hasMore` ("load older").
 */
export function logsQueryOptions(ds: DataSource, query: string, range: TimeRange, request: LogPageRequest) {
  return infiniteQueryOptions({
    queryKey: [ds.uid, 'logs.query', query, range.from, range.to, request.limit, request.direction] as const,
    queryFn: ({ pageParam, signal }): Promise<LogPage> =>
      logsOf(ds).queryLogs(query, { range, signal, limit: request.limit, direction: request.direction, ...(pageParam === undefined ? {} : { cursor: pageParam }) }),
    initialPageParam: undefined as LogCursor | undefined,
    getNextPageParam: (last: LogPage) => (last.hasMore && last.cursor !== undefined ? last.cursor : undefined),
    placeholderData: keepPreviousData,
    gcTime: LOGS_GC_MS,
    retry: retryDataSourceError,
  });
}

/** Line counts by level over the range, for the volume histogram. */
export function logVolumeQueryOptions(ds: DataSource, query: string, range: TimeRange, stepMs: number) {
  return queryOptions({
    queryKey: [ds.uid, 'logs.volume', query, range.from, range.to, stepMs] as const,
    queryFn: ({ signal }) => {
      const logs = logsOf(ds);
      if (!logs.volume) throw new DataSourceError(`${ds.name} cannot count lines over time`, { kind: 'query' });
      return logs.volume(query, { range, stepMs, signal });
    },
    placeholderData: keepPreviousData,
    gcTime: 60_000,
    retry: retryDataSourceError,
  });
}

/** Label names over the range widened to whole hours, so a refresh tick does not ask again. */
export function logLabelNamesQueryOptions(ds: DataSource, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'logs.labelNames', coarse.from, coarse.to] as const,
    queryFn: async ({ signal }) => {
      const logs = logsOf(ds);
      return logs.labelNames ? logs.labelNames({ range: coarse, signal }) : [];
    },
    staleTime: LABELS_STALE_MS,
    retry: retryDataSourceError,
  });
}

export function logLabelValuesQueryOptions(ds: DataSource, label: string, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'logs.labelValues', label, coarse.from, coarse.to] as const,
    queryFn: async ({ signal }) => {
      const logs = logsOf(ds);
      return logs.labelValues ? logs.labelValues(label, { range: coarse, signal }) : [];
    },
    staleTime: LABELS_STALE_MS,
    retry: retryDataSourceError,
  });
}

/** The lines around one line in its stream; keyed by the line's stable key. */
export function logContextQueryOptions(ds: DataSource, line: LogLine, size: { before: number; after: number }) {
  return queryOptions({
    queryKey: [ds.uid, 'logs.context', line.key, size.before, size.after] as const,
    queryFn: ({ signal }) => {
      const logs = logsOf(ds);
      if (!logs.context) throw new DataSourceError(`${ds.name} cannot show a line's context`, { kind: 'query' });
      return logs.context(line, { ...size, signal });
    },
    staleTime: Infinity,
    gcTime: LOGS_GC_MS,
    retry: retryDataSourceError,
  });
}
