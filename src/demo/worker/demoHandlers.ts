import { createAlertingHandlers } from '../alerting/handlers';
import { LOKI_API_BASE_PATH, TRACE_API_BASE_PATHS } from '../apiPaths';
import { createInProcessFetch } from '../fetch';
import type { TailOpener } from '../logHandlers';
import type { DemoLogScenario } from '../logs/scenario';
import { createPrometheusHandlers } from '../promApi/handlers';
import { createSimulator, DEFAULT_SEED, defaultScenarios, type Simulator } from '../simulator';
import { loadOnce } from '../../lib/loadOnce';

export interface DemoHandlerOptions {
  /** Anchors the incident schedule. */
  anchorMs: number;
  seed?: number;
  /** How many services to simulate (see SimulatorOptions.services). */
  services?: number;
  /** The clock for the handlers' `time` defaults; default `Date.now`. */
  now?: () => number;
  /** The log burst, steady batch stream and entries cap asked for at boot. */
  logs?: DemoLogScenario;
}

/** What answers the demo: a fetch over every API, and the Loki tail the in-app socket opens. */
export interface DemoBackend {
  fetchFn: typeof fetch;
  openTail: () => Promise<TailOpener>;
}

const TRACE_PREFIXES = Object.values(TRACE_API_BASE_PATHS).map((base) => `${base}/`);

function pathOf(input: RequestInfo | URL): string {
  const url = input instanceof Request ? input.url : String(input);
  return new URL(url, 'http://demo.watchfloor.invalid/').pathname;
}

/**
 * The simulator and the APIs over it: Prometheus and the alerting ones (rules, Alertmanager) built at once,
 * as the first screen asks them; the Loki API (/loki) and the trace APIs (/jaeger, /tempo, /zipkin) built
 * with their code, loaded on their first request. So the demo worker's first script carries no log or trace
 * backend (nor the LogQL grammar), and the first route's JS did not grow when logs and traces came. The
 * demo worker and the in-process fallback (index.ts) both answer with this, so they serve the same demo.
 */
export function createDemoBackend(opts: DemoHandlerOptions): DemoBackend {
  const simulator: Simulator = createSimulator({ seed: opts.seed ?? DEFAULT_SEED, scenarios: defaultScenarios(opts.anchorMs), services: opts.services });
  const metrics = createInProcessFetch([
    ...createPrometheusHandlers(simulator, { basePath: '/prometheus', now: opts.now }),
    ...createAlertingHandlers(simulator, { prometheusBasePath: '/prometheus', now: opts.now }),
  ]);
  const logs = loadOnce(async () => {
    const [{ createLogBackend }, { batchRunsFor }] = await Promise.all([import('../logHandlers'), import('../logs/scenario')]);
    const backend = createLogBackend(simulator, { now: opts.now, batches: batchRunsFor(opts.logs, opts.anchorMs), maxEntries: opts.logs?.maxEntries });
    return { fetchFn: createInProcessFetch(backend.handlers), openTail: backend.openTail };
  });
  const traces = loadOnce(async () => {
    const { createTraceHandlers } = await import('../traceHandlers');
    return createInProcessFetch(createTraceHandlers(simulator, { now: opts.now }));
  });
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = pathOf(input);
    if (path.startsWith(`${LOKI_API_BASE_PATH}/`)) return (await logs()).fetchFn(input, init);
    if (TRACE_PREFIXES.some((prefix) => path.startsWith(prefix))) return (await traces())(input, init);
    return metrics(input, init);
  };
  return { fetchFn, openTail: async () => (await logs()).openTail };
}

/**
 * A clock that reads `pageNowMs` at the moment `localNowMs` was read, then advances with the local
 * clock. The worker's Date is not the page's: tests fix the page clock, and the demo must answer
 * "now" the way the page means it.
 */
export function followClock(pageNowMs: number, localNowMs: number, localNow: () => number = Date.now): () => number {
  const offsetMs = pageNowMs - localNowMs;
  return () => localNow() + offsetMs;
}
