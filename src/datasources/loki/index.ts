import type { DataSource, DataSourceConfig, DataSourceFactory, DataSourcePlugin, FetchFn, AdapterTransport } from '../types';
import { createLokiClient } from './client';
import { checkHealth } from './health';
import { createLabels } from './labels';
import { createLogQuery } from './logs';
import { metricStep, queryMetrics } from './metrics';
import { parseLokiOptions, type LokiOptions } from './options';
import { levelVolume } from './volume';

/** Grafana Loki's HTTP API (reference §2): log and metric queries, labels, volume. */
function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: LokiOptions, transport?: AdapterTransport): DataSource {
  void transport;
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
      labelNames: (ctx) => labels.labelNames(ctx),
      labelValues: (label, ctx) => labels.labelValues(label, ctx),
    },
    health: (signal) => checkHealth(client, signal),
  };
}

export const lokiPlugin = {
  kind: 'loki',
  capabilities: ['logs'],
  inBuild: true,
  servers: 'Grafana Loki (LogQL): query_range (streams and metrics), labels, volume, tail websocket',
  parseOptions: parseLokiOptions,
  create: createWithOptions,
} as const satisfies DataSourcePlugin<LokiOptions>;

/** Parses the entry's options and builds the datasource in one step (tests use this). */
export const createLokiDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseLokiOptions(config.options));
