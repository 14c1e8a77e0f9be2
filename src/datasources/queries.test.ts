import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { DataSourceError } from '../lib/errors';
import {
  coarsenToHour,
  exemplarsQueryOptions,
  healthQueryOptions,
  instantQueryOptions,
  overviewQueriesOptions,
  rangeQueryOptions,
  retryDataSourceError,
  serviceSignalsQueryOptions,
  servicesQueryOptions,
} from './queries';
import type { DataSource, QueryCtx, RangeResult } from './types';

const HOUR = 3_600_000;
const range = { from: 10 * HOUR + 123, to: 11 * HOUR + 456 };

/** A datasource that records every context it is handed and fails as told. */
function fakeDataSource(fail?: () => Error) {
  const calls: Array<{ method: string; ctx: QueryCtx }> = [];
  const answer = (method: string, ctx: QueryCtx): Promise<RangeResult> => {
    calls.push({ method, ctx });
    return fail ? Promise.reject(fail()) : Promise.resolve({ series: [], warnings: [], stepMs: 15_000 });
  };
  const ds: DataSource = {
    uid: 'prom',
    kind: 'prometheus',
    name: 'Prom',
    metrics: {
      queryRange: (_q, ctx) => answer('queryRange', ctx),
      queryInstant: (_q, ctx) => answer('queryInstant', ctx),
    },
    services: {
      listServices: async (ctx) => (calls.push({ method: 'listServices', ctx }), ['a']),
      signals: async (service, ctx) => (calls.push({ method: 'signals', ctx }), { service, convention: 'otel', queries: {} }),
      overviewQueries: async (ctx) => (calls.push({ method: 'overviewQueries', ctx }), []),
    },
    health: async () => ({ ok: true }),
  };
  return { ds, calls };
}

describe('query keys', () => {
  const { ds } = fakeDataSource();

  it('hold exactly what each answer depends on', () => {
    expect(rangeQueryOptions(ds, 'up', range, 60_000).queryKey).toEqual(['prom', 'metrics.range', 'up', range.from, range.to, 60_000]);
    expect(rangeQueryOptions(ds, 'up', range).queryKey).toEqual(['prom', 'metrics.range', 'up', range.from, range.to, null]);
    expect(instantQueryOptions(ds, 'up', range).queryKey).toEqual(['prom', 'metrics.instant', 'up', range.from, range.to, null]);
    expect(exemplarsQueryOptions(ds, ['x'], range, 60_000).queryKey).toEqual(['prom', 'metrics.exemplars', ['x'], range.from, range.to, 60_000]);
    expect(healthQueryOptions(ds).queryKey).toEqual(['prom', 'health']);
  });

  it('coarsen catalog queries to the hour, so a refresh does not repeat detection', () => {
    const later = { from: range.from + 30_000, to: range.to + 30_000 };
    expect(serviceSignalsQueryOptions(ds, 'payments', range).queryKey).toEqual(['prom', 'services.signals', 'payments', 10 * HOUR, 12 * HOUR]);
    expect(serviceSignalsQueryOptions(ds, 'payments', later).queryKey).toEqual(serviceSignalsQueryOptions(ds, 'payments', range).queryKey);
    expect(servicesQueryOptions(ds, range).queryKey).toEqual(['prom', 'services.list', 10 * HOUR, 12 * HOUR]);
    expect(overviewQueriesOptions(ds, range).queryKey).toEqual(['prom', 'services.overview', 10 * HOUR, 12 * HOUR]);
    expect(coarsenToHour({ from: 2 * HOUR, to: 3 * HOUR })).toEqual({ from: 2 * HOUR, to: 3 * HOUR });
  });
});

describe('query functions', () => {
  it("pass TanStack's signal, the range and the step to the adapter", async () => {
    const { ds, calls } = fakeDataSource();
    const client = new QueryClient();
    await client.fetchQuery(rangeQueryOptions(ds, 'up', range, 60_000));
    expect(calls[0]?.method).toBe('queryRange');
    expect(calls[0]?.ctx.range).toEqual(range);
    expect(calls[0]?.ctx.stepMs).toBe(60_000);
    expect(calls[0]?.ctx.signal).toBeInstanceOf(AbortSignal);
    await client.fetchQuery(serviceSignalsQueryOptions(ds, 'payments', range));
    expect(calls[1]).toMatchObject({ method: 'signals', ctx: { range: { from: 10 * HOUR, to: 12 * HOUR } } });
  });

  it('abort the adapter call when the query is cancelled', async () => {
    let seen: AbortSignal | undefined;
    const ds: DataSource = {
      uid: 'slow',
      kind: 'prometheus',
      name: 'Slow',
      metrics: {
        queryRange: (_q, ctx) =>
          new Promise((_resolve, reject) => {
            seen = ctx.signal;
            ctx.signal.addEventListener('abort', () => reject(new DataSourceError('Request was cancelled', { kind: 'aborted' })));
          }),
      },
      health: async () => ({ ok: true }),
    };
    const client = new QueryClient();
    const options = rangeQueryOptions(ds, 'up', range);
    const pending = client.fetchQuery(options).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    await client.cancelQueries({ queryKey: options.queryKey });
    await pending;
    expect(seen?.aborted).toBe(true);
  });

  it('fail with a readable error when the datasource lacks the capability', async () => {
    const ds: DataSource = { uid: 'logs', kind: 'loki', name: 'Loki', health: async () => ({ ok: false }) };
    const client = new QueryClient();
    await expect(client.fetchQuery({ ...rangeQueryOptions(ds, 'up', range), retry: false })).rejects.toThrow('Loki cannot run metric queries');
    await expect(client.fetchQuery({ ...servicesQueryOptions(ds, range), retry: false })).rejects.toThrow('Loki does not know about services');
  });
});

describe('retry policy', () => {
  it('never retries query errors or 4xx, retries network and 5xx once', () => {
    expect(retryDataSourceError(0, new DataSourceError('parse error', { kind: 'query', status: 400 }))).toBe(false);
    expect(retryDataSourceError(0, new DataSourceError('not found', { kind: 'http', status: 404 }))).toBe(false);
    expect(retryDataSourceError(0, new DataSourceError('down', { kind: 'network' }))).toBe(true);
    expect(retryDataSourceError(1, new DataSourceError('down', { kind: 'network' }))).toBe(false);
    expect(retryDataSourceError(0, new DataSourceError('bad gateway', { kind: 'http', status: 502 }))).toBe(true);
  });

  it('never retries a timeout, so a hung server is reported after one time limit, not two', async () => {
    expect(retryDataSourceError(0, new DataSourceError('Request timed out after 30 s', { kind: 'timeout' }))).toBe(false);
    expect(retryDataSourceError(0, new DataSourceError('gateway timeout', { kind: 'http', status: 504 }))).toBe(false);
    const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const hung = fakeDataSource(() => new DataSourceError('Request timed out after 30 s', { kind: 'timeout' }));
    await expect(client.fetchQuery(rangeQueryOptions(hung.ds, 'up', range))).rejects.toThrow('timed out');
    expect(hung.calls).toHaveLength(1);
  });

  it('is applied: a query error is tried once, a network error twice', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const queryFail = fakeDataSource(() => new DataSourceError('1:5: parse error', { kind: 'query', status: 400 }));
    await expect(client.fetchQuery(rangeQueryOptions(queryFail.ds, 'sum(', range))).rejects.toThrow('1:5: parse error');
    expect(queryFail.calls).toHaveLength(1);

    const netFail = fakeDataSource(() => new DataSourceError('down', { kind: 'network' }));
    await expect(client.fetchQuery({ ...rangeQueryOptions(netFail.ds, 'up', range), retryDelay: 0 })).rejects.toThrow('down');
    expect(netFail.calls).toHaveLength(2);
  });
});
