import { isDataSourceError } from '../../lib/errors';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, mapHttpError, readOrThrow } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import { parseHttpOptions, type HttpOptions } from '../shared/httpOptions';
import type { AlertsCapability, DataSource, DataSourceConfig, DataSourceFactory, DataSourcePlugin, FetchFn } from '../types';
import { parseAlerts, parseGroups, parseSilences, parseStatus, SERVER } from './parse';

/** A datasource for Prometheus Alertmanager's API v2 (reference §7; v1 is gone since 0.27). */
function createWithOptions(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): DataSource {
  const baseUrl = dataSourceBaseUrl(config);

  async function get<T>(path: string, signal: AbortSignal, parse: (body: unknown) => T): Promise<T> {
    let body: unknown;
    try {
      body = (await fetchJson(fetchFn, `${baseUrl}${path}`, { signal, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxResponseBytes })).data;
    } catch (error) {
      // 400 and 500 bodies are a bare JSON string ("failed to parse matchers: …"), which fetchJson puts in
      // the message; mapHttpError makes a 400 the query's fault and explains 401/403/404.
      throw asDataSourceError(mapHttpError(error, SERVER), SERVER);
    }
    return readOrThrow(() => parse(body), SERVER);
  }

  const alerts: AlertsCapability = {
    listAlerts: (signal) => get('/api/v2/alerts', signal, parseAlerts),
    groups: (signal) => get('/api/v2/alerts/groups', signal, parseGroups),
    silences: (signal) => get('/api/v2/silences', signal, parseSilences),
    status: (signal) => get('/api/v2/status', signal, parseStatus),
  };

  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    alerts,
    async health(signal) {
      try {
        const status = await get('/api/v2/status', signal, parseStatus);
        return { ok: true, message: `Alertmanager ${status.version}, cluster ${status.cluster}${status.peers > 1 ? ` (${status.peers} peers)` : ''}` };
      } catch (error) {
        if (isDataSourceError(error) && error.kind === 'aborted') throw error;
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export const alertmanagerPlugin = {
  kind: 'alertmanager',
  capabilities: ['alerts'],
  inBuild: true,
  servers: 'Prometheus Alertmanager API v2 (`/api/v2`)',
  parseOptions: parseHttpOptions,
  create: createWithOptions,
} as const satisfies DataSourcePlugin<HttpOptions>;

/** Parses the entry's options and builds the datasource in one step (tests and the demo use this). */
export const createAlertmanagerDataSource: DataSourceFactory = (config, fetchFn) => createWithOptions(config, fetchFn, parseHttpOptions(config.options));
