/**
 * The loki kind as the registry knows it at boot: name, options and what its datasources answer. The adapter
 * itself (./index.ts) loads with the first call to one of its datasources (lazyAdapter.ts).
 */
import { lazyAdapter, type AdapterSurface } from '../shared/lazyAdapter';
import { parseLokiOptions, type LokiOptions } from './options';
import type { DataSourcePlugin } from '../types';

/** Loki's datasources answer all of these (lazyAdapters.test.ts holds it to the adapter). */
const SURFACE: AdapterSurface = {
  logs: { values: { language: 'logql' }, methods: ['queryLogs', 'volume', 'queryMetrics', 'labelNames', 'labelValues', 'series', 'streamVolume', 'context', 'tail'] },
};

export const lokiPlugin = {
  kind: 'loki',
  capabilities: ['logs'],
  inBuild: true,
  servers: 'Grafana Loki (LogQL): query_range (streams and metrics), labels, volume, tail websocket',
  parseOptions: parseLokiOptions,
  create: lazyAdapter(() => SURFACE, async () => (await import('./index')).createWithOptions),
} as const satisfies DataSourcePlugin<LokiOptions>;
