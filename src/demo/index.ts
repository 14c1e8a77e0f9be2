import type { DataSourceConfig, FetchFn } from '../model/datasourceConfig';
import { startDemoWorker } from './worker/startDemoWorker';
import { createWorkerFetch } from './worker/workerFetch';

/** A host that can never resolve, so a demo request can never leak onto the network. */
export const DEMO_PROMETHEUS_URL = 'http://demo.watchfloor.invalid/prometheus';
/** The demo's trace backends, all over the same simulated traces (src/demo/traceHandlers.ts). */
export const DEMO_JAEGER_URL = 'http://demo.watchfloor.invalid/jaeger';
export const DEMO_TEMPO_URL = 'http://demo.watchfloor.invalid/tempo';
export const DEMO_ZIPKIN_URL = 'http://demo.watchfloor.invalid/zipkin';
/** The documented 100,000-span batch-job trace of the default demo (see src/demo/traces/batchTrace.ts). */
export const DEMO_BATCH_TRACE_ID = 'cb1735b9a9a5105b0a7a7549e9ba790b';

export interface DemoBackendOptions {
  /** Anchors the incident schedule (default: now). */
  nowMs?: number;
  seed?: number;
}

const DEMO_CONFIGS: readonly DataSourceConfig[] = [
  {
    uid: 'demo-prometheus',
    kind: 'prometheus',
    name: 'Demo Prometheus',
    url: DEMO_PROMETHEUS_URL,
    default: true,
    options: { scrapeInterval: '15s' },
  },
];

/**
 * The demo's trace datasources. Not yet part of the configs `createDemoBackend` returns: the jaeger,
 * tempo and zipkin kinds are placeholders in datasources/kinds.ts until their adapters land, and a
 * placeholder entry would show a broken datasource. Switch them on by appending these to DEMO_CONFIGS.
 * The demo already answers all three APIs at these URLs.
 */
export const DEMO_TRACE_CONFIGS: readonly DataSourceConfig[] = [
  { uid: 'demo-jaeger', kind: 'jaeger', name: 'Demo Jaeger', url: DEMO_JAEGER_URL },
  { uid: 'demo-tempo', kind: 'tempo', name: 'Demo Tempo', url: DEMO_TEMPO_URL },
  { uid: 'demo-zipkin', kind: 'zipkin', name: 'Demo Zipkin', url: DEMO_ZIPKIN_URL },
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
  const useWorker = typeof window !== 'undefined' && typeof Worker !== 'undefined';
  return {
    configs: DEMO_CONFIGS.map((config) => ({ ...config })),
    fetchFn: useWorker ? createWorkerFetch(startDemoWorker({ anchorMs, seed })) : lazyInProcessFetch(anchorMs, seed),
  };
}

/** The in-process fetch over the demo handlers, built on the first request. */
function lazyInProcessFetch(anchorMs: number, seed: number | undefined): FetchFn {
  let ready: Promise<FetchFn> | undefined;
  const load = async (): Promise<FetchFn> => {
    const [{ createInProcessFetch }, { createDemoHandlers }] = await Promise.all([import('./fetch'), import('./worker/demoHandlers')]);
    return createInProcessFetch(createDemoHandlers({ anchorMs, seed }));
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
