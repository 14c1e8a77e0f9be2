/**
 * The jaeger kind as the registry knows it at boot: name, options and what its datasources answer. The adapter
 * itself (./index.ts) loads with the first call to one of its datasources (lazyAdapter.ts).
 */
import { lazyAdapter, type AdapterSurface } from '../shared/lazyAdapter';
import { parseJaegerOptions, type JaegerOptions } from './options';
import type { DataSourcePlugin } from '../types';

/** Jaeger's datasources answer these (lazyAdapters.test.ts holds it to the adapter). */
const SURFACE: AdapterSurface = { traces: { methods: ['getTrace', 'search', 'services', 'operations'] } };

export const jaegerPlugin = {
  kind: 'jaeger',
  capabilities: ['traces'],
  inBuild: true,
  servers: 'Jaeger query service: api_v3 (`/api/v3`, OTLP JSON), falling back to the v1 JSON API (`/api`)',
  parseOptions: parseJaegerOptions,
  create: lazyAdapter(() => SURFACE, async () => (await import('./index')).createWithOptions),
} as const satisfies DataSourcePlugin<JaegerOptions>;
