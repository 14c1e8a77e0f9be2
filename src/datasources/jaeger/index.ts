import type { DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from '../types';
import { createJaegerClient } from './client';
import { parseJaegerOptions, type JaegerOptions } from './options';
import { checkJaegerHealth, createTracesCapability } from './traces';

/** A datasource for the Jaeger query service: api_v3 (Jaeger v2, late v1.x) with the v1 JSON API as fallback. The registry reaches this through ./plugin.ts, on the first call (lazyAdapter.ts). */
export function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: JaegerOptions): DataSource {
  const client = createJaegerClient(config, fetchFn, options);
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    traces: createTracesCapability(client),
    health: (signal) => checkJaegerHealth(client, signal),
  };
}

/** Parses the entry's options and builds the datasource in one step (tests and the demo use this). */
export const createJaegerDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseJaegerOptions(config.options));

export { parseV1Trace } from './v1Trace';

export { jaegerFileTrace } from './fileTrace';
