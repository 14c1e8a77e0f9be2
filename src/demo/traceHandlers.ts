import type { HttpHandler } from 'msw';
import { TRACE_API_BASE_PATHS } from './apiPaths';
import { createJaegerHandlers } from './jaegerApi/handlers';
import type { Simulator } from './simulator';
import { createTempoHandlers } from './tempoApi/handlers';
import { createTraceStore } from './traces/traceStore';
import { createZipkinHandlers } from './zipkinApi/handlers';

/**
 * The demo's trace backends over one simulator: Jaeger (v1 and api_v3), Tempo and Zipkin, each under
 * its own base path (they share paths like `/api/traces/<id>`), all serving the same traces.
 */
export function createTraceHandlers(simulator: Simulator, opts: { now?: () => number } = {}): HttpHandler[] {
  const store = createTraceStore(simulator);
  return [
    ...createJaegerHandlers(store, { basePath: TRACE_API_BASE_PATHS.jaeger, now: opts.now }),
    ...createTempoHandlers(store, { basePath: TRACE_API_BASE_PATHS.tempo, now: opts.now }),
    ...createZipkinHandlers(store, { basePath: TRACE_API_BASE_PATHS.zipkin, now: opts.now }),
  ];
}
