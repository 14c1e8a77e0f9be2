/**
 * The zipkin kind as the registry knows it at boot: name, options and what its datasources answer. The adapter
 * itself (./index.ts) loads with the first call to one of its datasources (lazyAdapter.ts).
 */
import { lazyAdapter, type AdapterSurface } from '../shared/lazyAdapter';
import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { DataSourcePlugin } from '../types';

/** Zipkin's datasources answer these (lazyAdapters.test.ts holds it to the adapter). */
const SURFACE: AdapterSurface = { traces: { methods: ['getTrace', 'search', 'services', 'operations'] } };

export const zipkinPlugin = {
  kind: 'zipkin',
  capabilities: ['traces'],
  inBuild: true,
  servers: 'Zipkin API v2 (`/api/v2`)',
  parseOptions: parseHttpOptions,
  create: lazyAdapter(() => SURFACE, async () => (await import('./index')).createWithOptions),
} as const satisfies DataSourcePlugin<HttpOptions>;
