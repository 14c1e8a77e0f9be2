import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from '../types';
import { createTempoClient } from './client';
import { checkHealth } from './health';
import { searchTraces } from './search';
import { createTempoTags } from './tags';
import { createTraceReader } from './traces';

/** Grafana Tempo's HTTP API (reference §4): trace by ID (v2, then v1), search by TraceQL or tags, tag lookups. The registry reaches this through ./plugin.ts, on the first call (lazyAdapter.ts). */
export function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): DataSource {
  const client = createTempoClient(config, fetchFn, options);
  const getTrace = createTraceReader(client);
  const tags = createTempoTags(client);
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    traces: {
      getTrace: (id, ctx) => getTrace(id, ctx.signal),
      search: (q, ctx) => searchTraces(client, q, ctx),
      tagNames: tags.tagNames,
      tagValues: tags.tagValues,
      services: tags.services,
      operations: tags.operations,
    },
    health: (signal) => checkHealth(client, signal),
  };
}

/** Parses the entry's options and builds the datasource in one step (tests use this). */
export const createTempoDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseHttpOptions(config.options));
