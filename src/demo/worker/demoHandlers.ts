import type { HttpHandler } from 'msw';
import { createAlertingHandlers } from '../alerting/handlers';
import { createPrometheusHandlers } from '../promApi/handlers';
import { createSimulator, DEFAULT_SEED, defaultScenarios, type Simulator } from '../simulator';
import { createLogHandlers } from '../logHandlers';
import { createTraceHandlers } from '../traceHandlers';

export interface DemoHandlerOptions {
  /** Anchors the incident schedule. */
  anchorMs: number;
  seed?: number;
  /** How many services to simulate (see SimulatorOptions.services). */
  services?: number;
  /** The clock for the handlers' `time` defaults; default `Date.now`. */
  now?: () => number;
}

/**
 * The simulator and the Prometheus, trace (/jaeger, /tempo, /zipkin) and Loki (/loki) API handlers over it: what answers demo requests, whether in the
 * demo worker or in-process (node, tests). Both build it here so they serve the same demo.
 */
export function createDemoHandlers(opts: DemoHandlerOptions): HttpHandler[] {
  const simulator: Simulator = createSimulator({ seed: opts.seed ?? DEFAULT_SEED, scenarios: defaultScenarios(opts.anchorMs), services: opts.services });
  return [
    ...createPrometheusHandlers(simulator, { basePath: '/prometheus', now: opts.now }),
    ...createTraceHandlers(simulator, { now: opts.now }),
    ...createAlertingHandlers(simulator, { prometheusBasePath: '/prometheus', now: opts.now }),
    ...createLogHandlers(simulator, { now: opts.now }),
  ];
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
