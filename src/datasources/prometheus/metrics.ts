import type { MetricsCapability } from '../types';
import type { PrometheusClient } from './client';

/**
 * The MetricsCapability face of the client: what pages and panels may ask of any metrics datasource.
 * The client's methods are closures (no `this`), so they are handed out as they are.
 */
export function createMetricsCapability(client: PrometheusClient, scrapeIntervalMs: number): MetricsCapability {
  return {
    minStepMs: scrapeIntervalMs,
    queryRange: client.queryRange,
    queryInstant: client.queryInstant,
    exemplars: client.exemplars,
    labelNames: client.labelNames,
    labelValues: client.labelValues,
    series: client.series,
    metadata: client.metadata,
  };
}
