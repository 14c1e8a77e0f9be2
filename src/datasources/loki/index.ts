import type { AdapterTransport, DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from '../types';
import { createLokiClient } from './client';
import { checkHealth } from './health';
import { createLabels } from './labels';
import { createLogQuery } from './logs';
import { metricStep, queryMetrics } from './metrics';
import { parseLokiOptions, type LokiOptions } from './options';
import { lineContext } from './context';
import { tailLoki } from './tail';
import { levelVolume, streamVolume } from './volume';

/** Grafana Loki's HTTP API (reference §2): log and metric queries, labels, series, volume, context, live tail. The registry reaches this through ./plugin.ts, on the first call (lazyAdapter.ts). */
export function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: LokiOptions, transport?: AdapterTransport): DataSource {
  const client = createLokiClient(config, fetchFn, options);
  const labels = createLabels(client);
  const queryLogs = createLogQuery(client);
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    logs: {
      language: 'logql',
      queryLogs,
      volume: (query, ctx) => levelVolume(client, query, ctx),
      queryMetrics: (query, ctx) => queryMetrics(client, query, ctx, metricStep(ctx.range, ctx.stepMs)),
      labelNames: (ctx, selector) => labels.labelNames(ctx, selector),
      labelValues: (label, ctx, selector) => labels.labelValues(label, ctx, selector),
      series: (match, ctx) => labels.series(match, ctx),
      streamVolume: (selector, ctx, volumeOptions) => streamVolume(client, selector, ctx, volumeOptions),
      context: (line, ctx) => lineContext(queryLogs, line, ctx),
      tail: (query, handlers, signal) => tailLoki(client, query, handlers, signal, transport?.openSocket),
    },
    health: (signal) => checkHealth(client, signal),
  };
}

/** Parses the entry's options and builds the datasource in one step (tests use this). */
export const createLokiDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseLokiOptions(config.options));
