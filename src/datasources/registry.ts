import { ConfigError, parseConfig } from './config';
import { parseCorrelations } from './correlationsConfig';
import { pluginFor } from './kinds';
import type { DataSource, DataSourceConfig, FetchFn, OpenSocket } from './types';
import type { CorrelationsConfig } from '../model/correlations';
import type { WallConfig } from '../model/board';
import { parseWallConfig } from './wallConfig';

export interface DataSourceSet {
  list: DataSource[];
  configs: DataSourceConfig[];
  /** True when the datasources are the embedded demo's: every page then says "Demo data". */
  simulated: boolean;
  /** config.json's `correlations` overrides (absent: the OpenTelemetry conventions alone). */
  correlations?: CorrelationsConfig;
  get(uid: string): DataSource | undefined;
  /** The metrics datasource marked `default`, else the first one that has metrics. */
  defaultMetrics(): DataSource | undefined;
  /** config.json's wall boards and thresholds (wallConfig.ts); absent: none configured. */
  wall?: WallConfig;
}

/** What `./demo` provides: its datasource entries, the in-process fetch that answers them and its in-app websocket. */
export interface DemoBackend {
  configs: DataSourceConfig[];
  fetchFn: FetchFn;
  openSocket?: OpenSocket;
}
export type DemoLoader = () => Promise<DemoBackend>;

/** The demo is loaded only when there is no config.json, so it stays out of the main bundle. */
export const loadEmbeddedDemo: DemoLoader = async () => (await import('../demo')).createDemoBackend();

/**
 * Reads `config.json` and builds its datasources. With no config (a 404) it runs on the embedded demo
 * backend instead, its datasources marked `simulated`. A malformed config, or an HTML page where the file
 * should be, throws ConfigError naming the bad field, for the app's error page.
 */
export async function loadDataSources(
  fetchFn: FetchFn = fetch,
  configUrl = '/config.json',
  loadDemo: DemoLoader = loadEmbeddedDemo,
): Promise<DataSourceSet> {
  const configText = await readConfigText(fetchFn, configUrl);
  if (configText === undefined) {
    const demo = await loadDemo();
    return createDataSourceSet(parseConfig({ datasources: demo.configs }), demo.fetchFn, { simulated: true, openSocket: demo.openSocket });
  }
  let json: unknown;
  try {
    json = JSON.parse(configText);
  } catch (error) {
    throw new ConfigError('config.json', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const configs = parseConfig(json);
  const correlations = parseCorrelations((json as Record<string, unknown>).correlations, configs);
  return { ...createDataSourceSet(configs, fetchFn, correlations ? { correlations } : {}), wall: parseWallConfig(json, configs) };
}

/** A stalled static server must end in the error page, not in a boot spinner that never goes away. */
const CONFIG_TIMEOUT_MS = 15_000;

/**
 * The file's text, or undefined when the server says there is none (404). A 200 HTML page is not "no
 * config": it is an SPA fallback (nginx `try_files … /index.html`) hiding a missing or misnamed file, and
 * running the demo there would put invented numbers on a production screen.
 */
async function readConfigText(fetchFn: FetchFn, configUrl: string): Promise<string | undefined> {
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(configUrl, { cache: 'no-store', signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    throw new ConfigError('config.json', `could not be loaded from ${configUrl} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new ConfigError('config.json', `could not be loaded from ${configUrl} (HTTP ${response.status})`);
  const isHtml = (response.headers.get('content-type') ?? '').includes('text/html') || /^\s*</.test(text);
  if (isHtml) throw new ConfigError('config.json', spaFallbackProblem(configUrl, response.status));
  return text;
}

function spaFallbackProblem(configUrl: string, status: number): string {
  return (
    `${configUrl} was answered with an HTML page (HTTP ${status}) instead of JSON. The web server sends index.html for files ` +
    `it does not have (an SPA fallback such as nginx's "try_files $uri /index.html"), so config.json is missing or misnamed. ` +
    `To use your own datasources, put config.json next to index.html. To run the built-in demo with simulated data, ` +
    `make the server answer 404 for /config.json (nginx: "location = /config.json { try_files $uri =404; }").`
  );
}

/** Builds each configured datasource with the plugin of its kind; `simulated` marks the demo's. */
export function createDataSourceSet(
  configs: DataSourceConfig[],
  fetchFn: FetchFn,
  { simulated = false, openSocket, correlations }: { simulated?: boolean; openSocket?: OpenSocket; correlations?: CorrelationsConfig } = {},
): DataSourceSet {
  const list = configs.map((config, i): DataSource => {
    const plugin = pluginFor(config.kind);
    if (!plugin) throw new ConfigError(`datasources[${i}].kind`, `unknown kind "${config.kind}"`);
    try {
      const ds = plugin.create(config, fetchFn, plugin.parseOptions(config.options), openSocket ? { fetch: fetchFn, openSocket } : { fetch: fetchFn });
      return simulated ? { ...ds, simulated: true } : ds;
    } catch (error) {
      // Adapters name fields relative to their entry (`options.scrapeInterval`); add the entry's place.
      if (error instanceof ConfigError) throw new ConfigError(`datasources[${i}].${error.field}`, error.message.slice(error.field.length + 2));
      throw error;
    }
  });
  const byUid = new Map(list.map((ds) => [ds.uid, ds]));
  return {
    list,
    configs,
    simulated,
    ...(correlations ? { correlations } : {}),
    get: (uid) => byUid.get(uid),
    defaultMetrics: () => {
      const withMetrics = list.filter((ds) => ds.metrics !== undefined);
      return withMetrics.find((ds) => configs.find((c) => c.uid === ds.uid)?.default) ?? withMetrics[0];
    },
  };
}
