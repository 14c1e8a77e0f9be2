import { loadOnce } from '../lib/loadOnce';
import type { DataSourceConfig, FetchFn, OpenSocket } from '../model/datasourceConfig';
import { formatDuration } from '../model/time';
import { logScenarioFromUrl, type DemoLogScenario } from './logs/scenario';
import { SCRAPE_INTERVAL_MS } from './simulator/scrapeInterval';
import { createSocketOpener, type SocketTransport } from './tailSocket';
import { isSocketEventMessage, type SocketEventMessage } from './worker/protocol';
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
  /** The log scenario; default: `demo.logburst`, `demo.tailrate`, `demo.maxEntries` in the boot URL. */
  logs?: DemoLogScenario;
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
export function createDemoBackend(opts: DemoBackendOptions = {}): { configs: DataSourceConfig[]; fetchFn: FetchFn; openSocket: OpenSocket } {
  const anchorMs = opts.nowMs ?? Date.now();
  // The simulator's default seed applies on the far side, so this module does not import the simulator.
  const seed = opts.seed;
  const search = typeof location === 'undefined' ? '' : location.search;
  const services = opts.services ?? servicesFromUrl(search);
  const logs = opts.logs ?? logScenarioFromUrl(search);
  const configs = DEMO_CONFIGS.map((config) => ({ ...config }));
  const useWorker = typeof window !== 'undefined' && typeof Worker !== 'undefined';
  if (useWorker) {
    const worker = startDemoWorker({ anchorMs, seed, services, logs });
    return { configs, fetchFn: createWorkerFetch(worker), openSocket: workerSocketOpener(worker) };
  }
  const demo = lazyInProcessDemo({ anchorMs, seed, services, logs });
  return { configs, fetchFn: demo.fetchFn, openSocket: demo.openSocket };
}

/**
 * The in-app websocket runs its tail in the demo worker, beside the fetch handlers: the lines of a
 * 2,000 lines/s tail are generated and serialized there, and the page only parses frames, as it would
 * from a real Loki.
 */
function workerSocketOpener(worker: Worker): OpenSocket {
  const transport: SocketTransport = {
    open: (id, url) => worker.postMessage({ type: 'socket-open', id, url }),
    close: (id) => worker.postMessage({ type: 'socket-close', id }),
    listen: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isSocketEventMessage(event.data)) listener(event.data);
      }),
  };
  const opener = createSocketOpener(transport);
  worker.addEventListener('error', () => opener.dropAll());
  return opener.openSocket;
}

/** The in-process fetch and tail over the demo backend, built on the first request or socket. */
function lazyInProcessDemo(opts: { anchorMs: number; seed: number | undefined; services: number | undefined; logs: DemoLogScenario | undefined }): { fetchFn: FetchFn; openSocket: OpenSocket } {
  const demo = loadOnce(async () => (await import('./worker/demoHandlers')).createDemoBackend(opts));
  let listener: (message: SocketEventMessage) => void = () => undefined;
  let serve: ((message: { type: 'socket-open'; id: number; url: string } | { type: 'socket-close'; id: number }) => void) | undefined;
  const server = async () => {
    if (serve === undefined) {
      const { createSocketServer } = await import('./worker/socketServer');
      serve ??= createSocketServer(async () => (await demo()).openTail(), (message) => listener(message));
    }
    return serve;
  };
  const transport: SocketTransport = {
    open: (id, url) => void server().then((s) => s({ type: 'socket-open', id, url })),
    close: (id) => void server().then((s) => s({ type: 'socket-close', id })),
    listen: (l) => {
      listener = l;
    },
  };
  return { fetchFn: async (input, init) => (await demo()).fetchFn(input, init), openSocket: createSocketOpener(transport).openSocket };
}
