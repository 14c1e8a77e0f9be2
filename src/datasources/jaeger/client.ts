import { isDataSourceError } from '../../lib/errors';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { fetchJson } from '../shared/fetchJson';
import type { DataSourceConfig, FetchFn } from '../types';
import { jaegerErrorText } from './errors';
import type { JaegerOptions } from './options';

export type JaegerApi = 'v3' | 'v1';

export interface JaegerClient {
  /** GET `<base><path>?<params>` → the parsed body. Failures are fetchJson's DataSourceErrors, not yet mapped. */
  get(path: string, params: URLSearchParams | undefined, signal: AbortSignal): Promise<unknown>;
  /**
   * Makes a call through api_v3, or through the v1 API where the server has no api_v3 (Jaeger before 1.x's
   * late releases), and remembers which API answered so later calls go straight to it.
   */
  either<T>(v3: () => Promise<T>, v1: () => Promise<T>): Promise<T>;
  /** The API this datasource has been found to speak, once known. */
  api(): JaegerApi | undefined;
}

export function createJaegerClient(config: DataSourceConfig, fetchFn: FetchFn, options: JaegerOptions): JaegerClient {
  const baseUrl = dataSourceBaseUrl(config);
  let known: JaegerApi | undefined = options.api === 'auto' ? undefined : options.api;

  const remember = (api: JaegerApi) => {
    if (options.api === 'auto') known = api;
  };

  return {
    async get(path, params, signal) {
      const query = params === undefined || [...params].length === 0 ? '' : `?${params}`;
      const response = await fetchJson(fetchFn, `${baseUrl}${path}${query}`, { signal, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxResponseBytes });
      return response.data;
    },
    async either(v3, v1) {
      if (known === 'v1') return v1();
      if (known === 'v3') return v3();
      try {
        const result = await v3();
        remember('v3');
        return result;
      } catch (error) {
        if (!hasNoApiV3(error)) {
          if (jaegerErrorText(isDataSourceError(error) ? error.body : undefined)?.api === 'v3') remember('v3');
          throw error;
        }
      }
      try {
        const result = await v1();
        remember('v1');
        return result;
      } catch (error) {
        if (jaegerErrorText(isDataSourceError(error) ? error.body : undefined)?.api === 'v1') remember('v1');
        throw error;
      }
    },
    api: () => known,
  };
}

/**
 * Whether a failed api_v3 call means "this server has no api_v3": a 404/405/501 that is not api_v3's own JSON
 * error (Go's `404 page not found`, a proxy's page), or Jaeger UI's index.html served for an unknown path.
 * Anything else (a 5xx, a dropped connection, an abort, a bad body) is an answer and is reported.
 */
function hasNoApiV3(error: unknown): boolean {
  if (!isDataSourceError(error)) return false;
  if (error.kind === 'parse' && error.status === 200 && error.message.includes('an HTML page')) return true;
  if (error.kind !== 'http') return false;
  const status = error.status ?? 0;
  return (status === 404 || status === 405 || status === 501) && jaegerErrorText(error.body)?.api !== 'v3';
}
