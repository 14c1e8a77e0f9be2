import { DataSourceError, isDataSourceError } from '../../lib/errors';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, mapHttpError } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import { shapeReaders } from '../shared/shape';
import type { DataSourceConfig, FetchFn } from '../types';
import type { EsOptions } from './options';

export type EsFlavour = 'elasticsearch' | 'opensearch';

export interface EsClient {
  readonly baseUrl: string;
  readonly options: EsOptions;
  readonly flavour: EsFlavour;
  readonly serverName: string;
  readonly read: ReturnType<typeof shapeReaders>;
  /** POST `/<index>/_search`; every failure is a DataSourceError with the server's own reason. */
  search(body: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>>;
}

/**
 * The reason an Elasticsearch/OpenSearch error body gives (reference §8):
 * `{"error":{"root_cause":[{"type","reason"}],"type","reason"},"status"}`. The root cause says what was wrong
 * (`query_shard_exception: Failed to parse query [level:(error]`); the outer `all shards failed` does not.
 */
export function esErrorReason(body: unknown): { type?: string; reason: string; index?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>).error;
  if (typeof error === 'string') return { reason: error };
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  const root = Array.isArray(e.root_cause) && typeof e.root_cause[0] === 'object' && e.root_cause[0] !== null ? (e.root_cause[0] as Record<string, unknown>) : e;
  // A query_string parse failure nests the parser's words under caused_by.
  const caused = typeof e.caused_by === 'object' && e.caused_by !== null ? (e.caused_by as Record<string, unknown>) : undefined;
  const reason = typeof root.reason === 'string' ? root.reason : typeof e.reason === 'string' ? e.reason : undefined;
  if (reason === undefined) return undefined;
  const detail = caused && typeof caused.reason === 'string' && caused.reason !== reason ? `${reason} (${caused.reason})` : reason;
  const type = typeof root.type === 'string' ? root.type : typeof e.type === 'string' ? e.type : undefined;
  const index = typeof root.index === 'string' ? root.index : undefined;
  return { reason: detail, ...(type === undefined ? {} : { type }), ...(index === undefined ? {} : { index }) };
}

function mapEsError(error: unknown, client: Pick<EsClient, 'serverName' | 'options'>): unknown {
  if (!isDataSourceError(error) || error.kind !== 'http') return error;
  const found = esErrorReason(error.body);
  if (!found) return mapHttpError(error, client.serverName);
  const status = error.status;
  const text = found.type ? `${found.type}: ${found.reason}` : found.reason;
  const keep = { status, body: error.body, cause: error, ...(found.type === undefined ? {} : { errorType: found.type }) };
  if (found.type === 'index_not_found_exception') {
    return new DataSourceError(`${client.serverName} has no index matching "${found.index ?? client.options.index}" (${text}); check options.index.`, { kind: 'http', ...keep });
  }
  if (status === 400) return new DataSourceError(text, { kind: 'query', ...keep });
  return mapHttpError(new DataSourceError(text, { kind: 'http', ...keep }), client.serverName);
}

export function createEsClient(config: DataSourceConfig, fetchFn: FetchFn, options: EsOptions, flavour: EsFlavour): EsClient {
  const baseUrl = dataSourceBaseUrl(config);
  const serverName = flavour === 'opensearch' ? 'OpenSearch' : 'Elasticsearch';
  const read = shapeReaders(serverName);
  const client: EsClient = {
    baseUrl,
    options,
    flavour,
    serverName,
    read,
    async search(body, signal) {
      try {
        const response = await fetchJson(fetchFn, `${baseUrl}/${encodeURIComponent(options.index).replace(/%2C/g, ',').replace(/%2A/g, '*')}/_search`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json' },
          signal,
          timeoutMs: options.timeoutMs,
          maxBodyBytes: options.maxResponseBytes,
        });
        return read.asRecord(response.data, 'the response body');
      } catch (error) {
        throw asDataSourceError(mapEsError(error, client), serverName);
      }
    },
  };
  return client;
}
