import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { DataSourceError, isRetryableError } from '../lib/errors';
import { seriesKey } from '../model/series';
import type { TimeRange } from '../model/time';
import type { TraceSearch } from '../model/trace';
import type { DataSource, MetricsCapability, ServicesCapability, TracesCapability } from './types';

/**
 * TanStack Query option factories, one per capability call. Each key holds exactly what the answer
 * depends on (`[uid, capability, query, from, to, step]`), and each passes TanStack's signal down so a
 * superseded query is cancelled on the wire. The same objects serve hooks, route loaders and tests.
 */

const HOUR_MS = 3_600_000;
/** Range results change with every refresh; old ones are dropped soon so a week-long screen stays small. */
const RANGE_GC_MS = 60_000;
/** What services exist and which conventions they speak changes rarely. */
const CATALOG_STALE_MS = 5 * 60_000;

/** Retry at most once, and only where asking again can help (network, 5xx, server timeout). */
export function retryDataSourceError(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isRetryableError(error);
}

/** Widens a range to whole hours, so detection is cached across refreshes instead of repeated. */
export function coarsenToHour(range: TimeRange): TimeRange {
  return { from: Math.floor(range.from / HOUR_MS) * HOUR_MS, to: Math.ceil(range.to / HOUR_MS) * HOUR_MS };
}

function metricsOf(ds: DataSource): MetricsCapability {
  if (!ds.metrics) throw new DataSourceError(`${ds.name} cannot run metric queries`, { kind: 'query' });
  return ds.metrics;
}

function servicesOf(ds: DataSource): ServicesCapability {
  if (!ds.services) throw new DataSourceError(`${ds.name} does not know about services`, { kind: 'query' });
  return ds.services;
}

function tracesOf(ds: DataSource): TracesCapability {
  if (!ds.traces) throw new DataSourceError(`${ds.name} cannot look up traces`, { kind: 'query' });
  return ds.traces;
}

export function rangeQueryOptions(ds: DataSource, query: string, range: TimeRange, stepMs?: number) {
  return queryOptions({
    queryKey: [ds.uid, 'metrics.range', query, range.from, range.to, stepMs ?? null] as const,
    queryFn: ({ signal }) => metricsOf(ds).queryRange(query, { range, signal, ...(stepMs === undefined ? {} : { stepMs }) }),
    placeholderData: keepPreviousData,
    gcTime: RANGE_GC_MS,
    retry: retryDataSourceError,
  });
}

export function instantQueryOptions(ds: DataSource, query: string, range: TimeRange, stepMs?: number) {
  return queryOptions({
    queryKey: [ds.uid, 'metrics.instant', query, range.from, range.to, stepMs ?? null] as const,
    queryFn: ({ signal }) => {
      const metrics = metricsOf(ds);
      if (!metrics.queryInstant) throw new DataSourceError(`${ds.name} cannot run instant queries`, { kind: 'query' });
      return metrics.queryInstant(query, { range, signal, ...(stepMs === undefined ? {} : { stepMs }) });
    },
    placeholderData: keepPreviousData,
    gcTime: RANGE_GC_MS,
    retry: retryDataSourceError,
  });
}

/**
 * The exemplars of a panel's queries over the range its series were asked for: one entry per panel
 * refresh, keyed like the series (so a refresh supersedes, and through TanStack's signal aborts, the old
 * request just as it does the series'). Several queries are asked in parallel under the same signal.
 */
export function exemplarsQueryOptions(ds: DataSource, queries: readonly string[], range: TimeRange, stepMs?: number) {
  return queryOptions({
    queryKey: [ds.uid, 'metrics.exemplars', queries, range.from, range.to, stepMs ?? null] as const,
    queryFn: async ({ signal }) => {
      const metrics = metricsOf(ds);
      const exemplars = metrics.exemplars;
      if (!exemplars) return [];
      const answers = await Promise.all(queries.map((q) => exemplars(q, { range, signal })));
      if (answers.length === 1) return answers[0]!;
      // Queries that share a selector (p50 and p99 of one histogram) see the same exemplars: keep each once.
      const seen = new Set<string>();
      return answers.flat().filter((e) => {
        const key = `${seriesKey(e.seriesLabels)} ${e.time} ${seriesKey(e.labels)} ${e.value}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    gcTime: RANGE_GC_MS,
    retry: retryDataSourceError,
  });
}

export function servicesQueryOptions(ds: DataSource, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'services.list', coarse.from, coarse.to] as const,
    queryFn: ({ signal }) => servicesOf(ds).listServices({ range: coarse, signal }),
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
    retry: retryDataSourceError,
  });
}

export function serviceSignalsQueryOptions(ds: DataSource, service: string, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'services.signals', service, coarse.from, coarse.to] as const,
    queryFn: ({ signal }) => servicesOf(ds).signals(service, { range: coarse, signal }),
    staleTime: CATALOG_STALE_MS,
    retry: retryDataSourceError,
  });
}

export function overviewQueriesOptions(ds: DataSource, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'services.overview', coarse.from, coarse.to] as const,
    queryFn: ({ signal }) => servicesOf(ds).overviewQueries({ range: coarse, signal }),
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
    retry: retryDataSourceError,
  });
}

export function healthQueryOptions(ds: DataSource) {
  return queryOptions({
    queryKey: [ds.uid, 'health'] as const,
    queryFn: ({ signal }) => ds.health(signal),
    staleTime: 30_000,
    retry: false,
  });
}

/**
 * One trace by ID from one datasource. A trace does not change once complete, so it is never refetched on its
 * own; the range is in the key because backends that search by time (Tempo, Jaeger v3) answer per window.
 */
export function traceQueryOptions(ds: DataSource, traceId: string, range: TimeRange) {
  return queryOptions({
    queryKey: [ds.uid, 'traces.get', traceId, range.from, range.to] as const,
    queryFn: ({ signal }) => tracesOf(ds).getTrace(traceId, { range, signal }),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: retryDataSourceError,
  });
}

/**
 * A trace search. Keyed by the whole search (its fields in one JSON text) and the range. The previous
 * answer stays on screen while a new search or a refresh loads, so the scatter does not blank.
 */
export function traceSearchQueryOptions(ds: DataSource, search: TraceSearch, range: TimeRange) {
  return queryOptions({
    queryKey: [ds.uid, 'traces.search', JSON.stringify(search), range.from, range.to] as const,
    queryFn: ({ signal }) => {
      const traces = tracesOf(ds);
      if (!traces.search) throw new DataSourceError(`${ds.name} cannot search traces`, { kind: 'query' });
      return traces.search(search, { range, signal });
    },
    placeholderData: keepPreviousData,
    gcTime: RANGE_GC_MS,
    retry: retryDataSourceError,
  });
}

/** The search form's service list, over the range widened to hours (it changes rarely). */
export function traceServicesQueryOptions(ds: DataSource, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'traces.services', coarse.from, coarse.to] as const,
    queryFn: ({ signal }) => tracesOf(ds).services?.({ range: coarse, signal }) ?? Promise.resolve([]),
    staleTime: CATALOG_STALE_MS,
    retry: retryDataSourceError,
  });
}

/** One service's operations (span names) for the search form. */
export function traceOperationsQueryOptions(ds: DataSource, service: string, range: TimeRange) {
  const coarse = coarsenToHour(range);
  return queryOptions({
    queryKey: [ds.uid, 'traces.operations', service, coarse.from, coarse.to] as const,
    queryFn: ({ signal }) => tracesOf(ds).operations?.(service, { range: coarse, signal }) ?? Promise.resolve([]),
    staleTime: CATALOG_STALE_MS,
    retry: retryDataSourceError,
  });
}
