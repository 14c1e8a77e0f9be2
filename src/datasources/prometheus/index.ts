import type { DataSource, DataSourceConfig, DataSourceFactory, DataSourcePlugin, FetchFn } from '../types';
import { createPrometheusClient } from './client';
import { checkHealth } from './health';
import { createMetricsCapability } from './metrics';
import { parsePrometheusOptions, type PrometheusOptions } from './options';
import { createServicesCapability } from './services';

/**
 * A datasource for anything that speaks the Prometheus HTTP API: Prometheus itself, Thanos, Mimir,
 * Cortex, VictoriaMetrics, and the embedded demo.
 */
function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: PrometheusOptions): DataSource {
  const client = createPrometheusClient(config, fetchFn, options);
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    metrics: createMetricsCapability(client, options.scrapeIntervalMs),
    services: createServicesCapability(client, options),
    alerts: { listAlerts: (signal) => client.alerts(signal), rules: (signal) => client.rules(signal) },
    health: (signal) => checkHealth(client, signal),
  };
}

export const prometheusPlugin = {
  kind: 'prometheus',
  capabilities: ['metrics', 'services', 'alerts'],
  inBuild: true,
  servers: 'Prometheus HTTP API v1: Prometheus, Thanos Query, Grafana Mimir, Cortex, VictoriaMetrics',
  parseOptions: parsePrometheusOptions,
  create: createWithOptions,
} as const satisfies DataSourcePlugin<PrometheusOptions>;

/** Parses the entry's options and builds the datasource in one step (tests and the demo use this). */
export const createPrometheusDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parsePrometheusOptions(config.options));

export { createPrometheusClient, type PrometheusClient } from './client';
export { alignRange, MAX_POINTS_PER_SERIES } from './rangeStep';
export { interpolateIntervals, rateIntervalMs } from './intervals';
export { promqlString } from './promqlString';
export {
  CONVENTION_NAMES,
  enumerateTemplateQueries,
  overviewQueriesFor,
  serviceSignalQueries,
  type SignalFeatures,
} from './templates';
