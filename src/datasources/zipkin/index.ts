import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { DataSource, DataSourceConfig, DataSourceFactory, DataSourcePlugin, FetchFn } from '../types';
import { createZipkinTraces } from './traces';

/** A datasource for Zipkin's API v2 (and servers that speak it, e.g. Jaeger's Zipkin-compatible query). */
function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): DataSource {
  const { health, ...traces } = createZipkinTraces(config, fetchFn, options);
  return { uid: config.uid, kind: config.kind, name: config.name, traces, health };
}

export const zipkinPlugin = {
  kind: 'zipkin',
  capabilities: ['traces'],
  inBuild: true,
  servers: 'Zipkin API v2 (`/api/v2`)',
  parseOptions: parseHttpOptions,
  create: createWithOptions,
} as const satisfies DataSourcePlugin<HttpOptions>;

/** Parses the entry's options and builds the datasource in one step (tests and the demo use this). */
export const createZipkinDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseHttpOptions(config.options));

export { parseZipkinTrace, parseZipkinTraces } from './spans';
export { zipkinFileSpans } from './fileSpans';
