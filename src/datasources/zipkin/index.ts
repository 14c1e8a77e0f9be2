import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from '../types';
import { createZipkinTraces } from './traces';

/** A datasource for Zipkin's API v2 (and servers that speak it, e.g. Jaeger's Zipkin-compatible query). The registry reaches this through ./plugin.ts, on the first call (lazyAdapter.ts). */
export function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): DataSource {
  const { health, ...traces } = createZipkinTraces(config, fetchFn, options);
  return { uid: config.uid, kind: config.kind, name: config.name, traces, health };
}

/** Parses the entry's options and builds the datasource in one step (tests and the demo use this). */
export const createZipkinDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseHttpOptions(config.options));

export { parseZipkinTrace, parseZipkinTraces } from './spans';
export { zipkinFileSpans } from './fileSpans';
