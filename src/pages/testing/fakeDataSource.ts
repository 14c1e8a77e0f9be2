import type { DataSourceSet } from '../../datasources/registry';
import type { DataSource, OverviewQuery, QueryCtx, RangeResult, ServiceSignals, SignalQuery } from '../../datasources/types';
import { traceNotFoundError } from '../../datasources/shared/traceErrors';
import { DataSourceError } from '../../lib/errors';
import type { Exemplar, Labels, Series } from '../../model/series';
import { DEFAULT_SCRAPE_INTERVAL_MS } from '../../model/time';
import type { Trace } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';

/**
 * A hand-written datasource for page tests: canned series per query text, and a query that fails the
 * way Prometheus rejects bad PromQL. Query texts are plain names; nothing here parses PromQL.
 */
export const BAD_QUERY = 'sum(rate(http_requests_total[5m]';
export const BAD_QUERY_ERROR = 'invalid parameter "query": 1:33: parse error: unclosed left parenthesis';
export const HOSTILE_ROUTE = '<script>alert("x")</script> \u202Eevil "quoted" route';

/** A series over the context's range at its step, with values from `f(i)`. */
function seriesOver(ctx: QueryCtx, labels: Labels, f: (i: number) => number): Series {
  const step = ctx.stepMs ?? DEFAULT_SCRAPE_INTERVAL_MS;
  const start = Math.ceil(ctx.range.from / step) * step;
  const n = Math.max(0, Math.floor((ctx.range.to - start) / step) + 1);
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = start + i * step;
    values[i] = f(i);
  }
  return { labels, times, values };
}

type Canned = (ctx: QueryCtx) => Series[];

const CANNED: Record<string, Canned> = {
  rate: (ctx) => [seriesOver(ctx, {}, (i) => 100 + (i % 10))],
  errors: (ctx) => [seriesOver(ctx, {}, () => 0.2)],
  p50: (ctx) => [seriesOver(ctx, {}, () => 0.02)],
  p95: (ctx) => [seriesOver(ctx, {}, () => 0.2)],
  p99: (ctx) => [seriesOver(ctx, {}, () => 28)],
  heatmap: (ctx) => ['0.1', '1', '40', '+Inf'].map((le, k) => seriesOver(ctx, { le }, () => [50, 80, 99, 100][k]!)),
  byStatus: (ctx) => [seriesOver(ctx, { http_response_status_code: '200' }, () => 80), seriesOver(ctx, { http_response_status_code: '500' }, () => 20)],
  saturation: (ctx) => [seriesOver(ctx, {}, (i) => (i % 5 === 0 ? NaN : 0.4))],
  hostile: (ctx) => [seriesOver(ctx, { http_route: HOSTILE_ROUTE }, () => 3)],
  empty: () => [],
  'overview:rate': (ctx) => [seriesOver(ctx, { service_name: 'payments' }, () => 10), seriesOver(ctx, { service_name: 'auth' }, () => 30)],
  'overview:errors': (ctx) => [seriesOver(ctx, { service_name: 'payments' }, () => 0.3), seriesOver(ctx, { service_name: 'auth' }, () => 0.001)],
  'overview:p99': (ctx) => [seriesOver(ctx, { service_name: 'payments' }, () => 30), seriesOver(ctx, { service_name: 'auth' }, () => 0.05)],
};

const q = (query: string, unit: SignalQuery['unit'], legendLabel?: string): SignalQuery => (legendLabel ? { query, unit, legendLabel } : { query, unit });

export interface FakeOptions {
  /** Replaces the signal queries of every service. */
  signals?: Partial<ServiceSignals['queries']>;
  /** Makes the signals lookup itself fail. */
  signalsError?: string;
}

export const DEFAULT_SIGNALS: ServiceSignals['queries'] = {
  requestRate: q('rate', 'reqps'),
  errorRatio: q('errors', 'percentunit'),
  latencyP50: q('p50', 's'),
  latencyP95: q('p95', 's'),
  latencyP99: q('p99', 's'),
  latencyHeatmap: q('heatmap', 'reqps', 'le'),
  trafficByRoute: q(BAD_QUERY, 'reqps', 'http_route'),
  trafficByStatus: q('byStatus', 'reqps', 'http_response_status_code'),
  saturation: q('saturation', 'percentunit'),
  downstreamRate: q('hostile', 'reqps', 'http_route'),
};

const OVERVIEW: OverviewQuery[] = [
  { signal: 'requestRate', query: 'overview:rate', unit: 'reqps', serviceLabel: 'service_name' },
  { signal: 'errorRatio', query: 'overview:errors', unit: 'percentunit', serviceLabel: 'service_name' },
  { signal: 'latencyP99', query: 'overview:p99', unit: 's', serviceLabel: 'service_name' },
];

export function createFakeDataSource(options: FakeOptions = {}): DataSource & { calls: string[] } {
  const calls: string[] = [];
  const run = async (query: string, ctx: QueryCtx): Promise<RangeResult> => {
    calls.push(query);
    if (query === BAD_QUERY) throw new DataSourceError(BAD_QUERY_ERROR, { kind: 'query', status: 400, errorType: 'bad_data' });
    const canned = CANNED[query];
    if (!canned) throw new DataSourceError(`fake: no canned answer for ${query}`, { kind: 'query' });
    return { series: canned(ctx), warnings: [], stepMs: ctx.stepMs ?? DEFAULT_SCRAPE_INTERVAL_MS };
  };
  return {
    uid: 'fake',
    kind: 'prometheus',
    name: 'Fake Prometheus',
    calls,
    metrics: {
      queryRange: run,
      exemplars: async (_query, ctx): Promise<Exemplar[]> => [
        { seriesLabels: {}, labels: { trace_id: 'abc' }, traceId: '0000000000000000000000000000abcd', time: ctx.range.to - 60_000, value: 30 },
      ],
    },
    services: {
      listServices: async () => ['payments', 'auth'],
      signals: async (service): Promise<ServiceSignals> => {
        if (options.signalsError) throw new DataSourceError(options.signalsError, { kind: 'query', status: 400 });
        return { service, convention: 'otel', queries: { ...DEFAULT_SIGNALS, ...options.signals } };
      },
      overviewQueries: async () => OVERVIEW,
    },
    health: async () => ({ ok: true, message: 'Prometheus 3.0.0' }),
  };
}

export function fakeDirectory(ds: DataSource): DataSourceSet {
  return {
    list: [ds],
    simulated: ds.simulated === true,
    configs: [{ uid: ds.uid, kind: ds.kind, name: ds.name, url: 'http://127.0.0.1:9090', default: true }],
    get: (uid: string) => (uid === ds.uid ? ds : undefined),
    defaultMetrics: () => ds,
  };
}

/** A fake traces datasource: answers `getTrace` from `traces` by canonical ID, or fails as told; records each ctx. */
export interface FakeTracesOptions {
  uid: string;
  name: string;
  traces?: readonly Trace[];
  /** Every lookup fails with this message (a server rejecting the request, not "not found"; not retried). */
  fail?: string;
  /** Lookups never settle until aborted: the datasource that is still thinking. */
  hang?: boolean;
}

export function createFakeTracesDataSource(options: FakeTracesOptions): DataSource & { lookups: Array<{ id: string; ctx: QueryCtx }> } {
  const lookups: Array<{ id: string; ctx: QueryCtx }> = [];
  return {
    uid: options.uid,
    kind: 'tempo',
    name: options.name,
    lookups,
    traces: {
      getTrace: (id, ctx) => {
        lookups.push({ id, ctx });
        if (options.hang) return new Promise<Trace>((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
        if (options.fail) return Promise.reject(new DataSourceError(options.fail, { kind: 'http', status: 400 }));
        const found = options.traces?.find((t) => t.traceId === normalizeTraceId(id));
        if (!found) return Promise.reject(traceNotFoundError(normalizeTraceId(id) ?? id, options.name));
        return Promise.resolve(found);
      },
    },
    health: async () => ({ ok: true }),
  };
}

/** The directory of several datasources, for pages that ask each one (the trace view). */
export function fakeDirectoryOf(list: readonly DataSource[]): DataSourceSet {
  return {
    list: [...list],
    simulated: list.some((ds) => ds.simulated === true),
    configs: list.map((ds) => ({ uid: ds.uid, kind: ds.kind, name: ds.name, url: 'http://127.0.0.1:9090' })),
    get: (uid: string) => list.find((ds) => ds.uid === uid),
    defaultMetrics: () => list.find((ds) => ds.metrics !== undefined),
  };
}
