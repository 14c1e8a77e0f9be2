/**
 * The tempo kind as the registry knows it at boot: name, options and what its datasources answer. The adapter
 * itself (./index.ts) loads with the first call to one of its datasources (lazyAdapter.ts).
 */
import { lazyAdapter, type AdapterSurface } from '../shared/lazyAdapter';
import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { DataSourcePlugin } from '../types';

/** Tempo's datasources answer these (lazyAdapters.test.ts holds it to the adapter). */
const SURFACE: AdapterSurface = { traces: { methods: ['getTrace', 'search', 'tagNames', 'tagValues', 'services', 'operations'] } };

export const tempoPlugin = {
  kind: 'tempo',
  capabilities: ['traces'],
  inBuild: true,
  servers: 'Grafana Tempo HTTP API: trace by ID (v2, v1), TraceQL and tag search, tag names and values',
  parseOptions: parseHttpOptions,
  create: lazyAdapter(() => SURFACE, async () => (await import('./index')).createWithOptions),
} as const satisfies DataSourcePlugin<HttpOptions>;
