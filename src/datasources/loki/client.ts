import { DataSourceError, isDataSourceError } from '../../lib/errors';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, mapHttpError } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import { shapeReaders } from '../shared/shape';
import { withTextErrors } from '../shared/textErrors';
import type { DataSourceConfig, FetchFn } from '../types';
import type { LokiOptions } from './options';

export const SERVER = 'Loki';
export const read = shapeReaders(SERVER);

export type Params = ReadonlyArray<readonly [string, string]>;

export interface LokiClient {
  readonly baseUrl: string;
  readonly options: LokiOptions;
  readonly fetchFn: FetchFn;
  /** GET a JSON endpoint; every failure is a DataSourceError, Loki's plain-text errors with their whole text. */
  get(path: string, params: Params, signal: AbortSignal, headers?: Readonly<Record<string, string>>): Promise<unknown>;
}

// `max entries limit per query exceeded, limit > max_entries_limit_per_query (10000 > 5000)`
const MAX_ENTRIES = /max_entries_limit_per_query \((\d+) > (\d+)\)/;

/** The server's per-query line cap, when this error is Loki refusing a `limit` above it. */
export function maxEntriesCap(error: unknown): number | undefined {
  if (!isDataSourceError(error) || error.status !== 400) return undefined;
  const m = MAX_ENTRIES.exec(error.message);
  return m ? Number(m[2]) : undefined;
}

function lokiError(error: unknown): unknown {
  if (isDataSourceError(error) && error.status === 401 && /no org id/i.test(error.message)) {
    return new DataSourceError(`${error.message}: this Loki is multi-tenant (auth_enabled); the proxy must add the X-Scope-OrgID header.`, { kind: 'http', status: 401, cause: error });
  }
  return mapHttpError(error, SERVER);
}

export function createLokiClient(config: DataSourceConfig, fetchFn: FetchFn, options: LokiOptions): LokiClient {
  const baseUrl = dataSourceBaseUrl(config);
  const wrapped = withTextErrors(fetchFn);
  return {
    baseUrl,
    options,
    fetchFn,
    async get(path, params, signal, headers) {
      const query = new URLSearchParams(params.map(([k, v]) => [k, v])).toString();
      try {
        const response = await fetchJson(wrapped, `${baseUrl}${path}${query === '' ? '' : `?${query}`}`, {
          signal,
          timeoutMs: options.timeoutMs,
          maxBodyBytes: options.maxResponseBytes,
          ...(headers ? { headers } : {}),
        });
        return checkEnvelope(response.data);
      } catch (error) {
        throw asDataSourceError(lokiError(error), SERVER);
      }
    },
  };
}

/** Loki's JSON envelope: `{"status":"success", "data": …}`; a `status` other than success is an error with its text. */
function checkEnvelope(body: unknown): unknown {
  const root = read.asRecord(body, 'the response body');
  if (typeof root.status === 'string' && root.status !== 'success') {
    const text = typeof root.error === 'string' ? root.error : typeof root.message === 'string' ? root.message : `status "${root.status}"`;
    throw new DataSourceError(`${SERVER}: ${text}`, { kind: 'query', body });
  }
  return root;
}
