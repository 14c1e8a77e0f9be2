import type { DataSourceFactory } from '../types';
import { createPrometheusClient } from './client';
import { checkHealth } from './health';
import { createMetricsCapability } from './metrics';
import { parsePrometheusOptions } from './options';
import { createServicesCapability } from './services';

/**
 * A datasource for anything that speaks the Prometheus HTTP API: Prometheus itself, Thanos, Mimir,
 * Cortex, VictoriaMetrics, and the embedded demo.
 */
export const createPrometheusDataSource: DataSourceFactory = (config, fetchFn) => {
  const options = parsePrometheusOptions(config.options);
  const client = createPrometheusClient(config, fetchFn, options);
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    metrics: createMetricsCapability(client, options.scrapeIntervalMs),
    services: createServicesCapability(client, options),
    health: (signal) => checkHealth(client, signal),
  };
};

export { createPrometheusClient, type PrometheusClient } from './client';
export { chooseStep, alignRange, MAX_POINTS_PER_SERIES } from './rangeStep';
export { interpolateIntervals, rateIntervalMs } from './intervals';
export { promqlString } from './promqlString';
export {
  CONVENTION_NAMES,
  enumerateTemplateQueries,
  overviewQueriesFor,
  serviceSignalQueries,
  type SignalFeatures,
} from './templates';
