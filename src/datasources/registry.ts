import { ConfigError, parseConfig } from './config';
import { createPrometheusDataSource } from './prometheus';
import type { DataSource, DataSourceConfig, DataSourceFactory, FetchFn } from './types';

export interface DataSourceSet {
  list: DataSource[];
  configs: DataSourceConfig[];
  get(uid: string): DataSource | undefined;
  /** The metrics datasource marked `default`, else the first one that has metrics. */
  defaultMetrics(): DataSource | undefined;
}

/** What `./demo` provides: its datasource entries and the in-process fetch that answers them. */
export interface DemoBackend {
  configs: DataSourceConfig[];
  fetchFn: FetchFn;
}
export type DemoLoader = () => Promise<DemoBackend>;

/** One factory per kind that has an adapter in this build; the other known kinds get a placeholder. */
const FACTORIES: Readonly<Partial<Record<string, DataSourceFactory>>> = {
  prometheus: createPrometheusDataSource,
};

/** The demo is loaded only when there is no config.json, so it stays out of the main bundle. */
const loadEmbeddedDemo: DemoLoader = async () => (await import('../demo')).createDemoBackend();

/**
 * Reads `config.json` and builds its datasources. With no config (404, or the dev server's index.html
 * fallback) it runs on the embedded demo backend instead. A malformed config throws ConfigError naming
 * the bad field, for the app's error page.
 */
export async function loadDataSources(
  fetchFn: FetchFn = fetch,
  configUrl = '/config.json',
  loadDemo: DemoLoader = loadEmbeddedDemo,
): Promise<DataSourceSet> {
  const configText = await readConfigText(fetchFn, configUrl);
  if (configText === undefined) {
    const demo = await loadDemo();
    return createDataSourceSet(parseConfig({ datasources: demo.configs }), demo.fetchFn);
  }
  let json: unknown;
  try {
    json = JSON.parse(configText);
  } catch (error) {
    throw new ConfigError('config.json', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return createDataSourceSet(parseConfig(json), fetchFn);
}

/** A stalled static server must end in the error page, not in a boot spinner that never goes away. */
const CONFIG_TIMEOUT_MS = 15_000;

/** The file's text, or undefined when there is none to read. */
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
  return isHtml ? undefined : text;
}

/** Builds each configured datasource with the factory of its kind. */
export function createDataSourceSet(configs: DataSourceConfig[], fetchFn: FetchFn): DataSourceSet {
  const list = configs.map((config, i) => {
    const factory = FACTORIES[config.kind];
    if (!factory) return placeholderDataSource(config);
    try {
      return factory(config, fetchFn);
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
    get: (uid) => byUid.get(uid),
    defaultMetrics: () => {
      const withMetrics = list.filter((ds) => ds.metrics !== undefined);
      return withMetrics.find((ds) => configs.find((c) => c.uid === ds.uid)?.default) ?? withMetrics[0];
    },
  };
}

/** A kind Watchfloor knows but this build has no adapter for: listed, with a health check that says so. */
function placeholderDataSource(config: DataSourceConfig): DataSource {
  return {
    uid: config.uid,
    kind: config.kind,
    name: config.name,
    health: async () => ({ ok: false, message: `The ${config.kind} adapter is not in this build yet.` }),
  };
}
