import type { MetricsCapability } from '../types';
import type { PrometheusClient } from './client';

/** The MetricsCapability face of the client: what pages and panels may ask of any metrics datasource. */
export function createMetricsCapability(client: PrometheusClient, scrapeIntervalMs: number): MetricsCapability {
  return {
    minStepMs: scrapeIntervalMs,
    queryRange: (query, ctx) => client.queryRange(query, ctx),
    queryInstant: (query, ctx) => client.queryInstant(query, ctx),
    exemplars: (query, ctx) => client.exemplars(query, ctx),
    labelNames: (ctx, match) => client.labelNames(ctx, match),
    labelValues: (label, ctx, match) => client.labelValues(label, ctx, match),
    series: (match, ctx, limit) => client.series(match, ctx, limit),
    metadata: (signal, metric) => client.metadata(signal, metric),
  };
}
