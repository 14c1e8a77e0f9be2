import type { DataSourceConfig, FetchFn } from '../model/datasourceConfig';
import { formatDuration } from '../model/time';
import { SCRAPE_INTERVAL_MS } from './simulator/scrapeInterval';
import { startDemoWorker } from './worker/startDemoWorker';
import { createWorkerFetch } from './worker/workerFetch';

/** A host that can never resolve, so a demo request can never leak onto the network. */
export const DEMO_PROMETHEUS_URL = 'http://demo.watchfloor.invalid/prometheus';
/** The demo's trace backends, all over the same simulated traces (src/demo/traceHandlers.ts). */
export const DEMO_JAEGER_URL = 'http://demo.watchfloor.invalid/jaeger';
export const DEMO_TEMPO_URL = 'http://demo.watchfloor.invalid/tempo';
export const DEMO_ZIPKIN_URL = 'http://demo.watchfloor.invalid/zipkin';
/** The demo's Alertmanager, holding what the demo's alerting rules fire (src/demo/alerting/). */
export const DEMO_ALERTMANAGER_URL = 'http://demo.watchfloor.invalid/alertmanager';
/** The demo's Loki: `/loki/api/v1/...` hangs off it, as off a real Loki's base URL (src/demo/lokiApi/). */
export const DEMO_LOKI_URL = 'http://demo.watchfloor.invalid/loki';
/** The documented 100,000-span batch-job trace of the default demo (see src/demo/traces/batchTrace.ts). */
export const DEMO_BATCH_TRACE_ID = 'cb1735b9a9a5105b0a7a7549e9ba790b';

export interface DemoBackendOptions {
  /** Anchors the incident schedule (default: now). */
  nowMs?: number;
  seed?: number;
  /** How many services to simulate; default: the `demo.services` query parameter, else the system's own. */
  services?: number;
}

/**
 * `?demo.services=200` in the URL the app boots with: the demo repeats its system up to that many
 * services (`payments-07`…). A benchmark or a sales demo asks for scale this way without a
 * config.json, and nothing outside the demo knows. Read once, at boot; junk is ignored.
 */
export function servicesFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('demo.services');
  if (raw === null || !/^\d{1,5}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * The demo's datasources: one Prometheus, one of each trace API the demo answers, so the trace view
 * runs every trace adapter against the same simulated system, and one Loki over the same requests' logs.
 */
const DEMO_CONFIGS: readonly DataSourceConfig[] = [
  {
    uid: 'demo-prometheus',
    kind: 'prometheus',
    name: 'Demo Prometheus',
    url: DEMO_PROMETHEUS_URL,
    default: true,
    options: { scrapeInterval: formatDuration(SCRAPE_INTERVAL_MS) },
  },
  { uid: 'demo-jaeger', kind: 'jaeger', name: 'Demo Jaeger', url: DEMO_JAEGER_URL },
  { uid: 'demo-tempo', kind: 'tempo', name: 'Demo Tempo', url: DEMO_TEMPO_URL },
  { uid: 'demo-zipkin', kind: 'zipkin', name: 'Demo Zipkin', url: DEMO_ZIPKIN_URL },
  { uid: 'demo-alertmanager', kind: 'alertmanager', name: 'Demo Alertmanager', url: DEMO_ALERTMANAGER_URL },
  { uid: 'demo-loki', kind: 'loki', name: 'Demo Loki', url: DEMO_LOKI_URL },
];

/**
 * The embedded demo: datasource entries plus the fetch that answers them from the simulator. The
 * registry imports this module lazily, only when there is no config.json.
 *
 * In a browser the simulator and the PromQL evaluator run in a dedicated Web Worker, so refreshing
 * a dashboard does not block the main thread. Elsewhere (node tests, jsdom) they run in-process;
 * that code is imported on first request, so the page's copy of this module stays small.
 */
export function createDemoBackend(opts: DemoBackendOptions = {}): { configs: DataSourceConfig[]; fetchFn: FetchFn } {
  const anchorMs = opts.nowMs ?? Date.now();
  // The simulator's default seed applies on the far side, so this module does not import the simulator.
  const seed = opts.seed;
  const services = opts.services ?? (typeof location === 'undefined' ? undefined : servicesFromUrl(location.search));
  const useWorker = typeof window !== 'undefined' && typeof Worker !== 'undefined';
  return {
    configs: DEMO_CONFIGS.map((config) => ({ ...config })),
    fetchFn: useWorker ? createWorkerFetch(startDemoWorker({ anchorMs, seed, services })) : lazyInProcessFetch({ anchorMs, seed, services }),
  };
}

/** The in-process fetch over the demo handlers, built on the first request. */
function lazyInProcessFetch(opts: { anchorMs: number; seed: number | undefined; services: number | undefined }): FetchFn {
  let ready: Promise<FetchFn> | undefined;
  const load = async (): Promise<FetchFn> => {
    const [{ createInProcessFetch }, { createDemoHandlers }] = await Promise.all([import('./fetch'), import('./worker/demoHandlers')]);
    return createInProcessFetch(createDemoHandlers(opts));
  };
  return async (input, init) => {
    // A failed load (a chunk that did not arrive) is forgotten, so the next request tries again.
    ready ??= load().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready)(input, init);
  };
}
