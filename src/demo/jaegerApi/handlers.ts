import { http, type HttpHandler } from 'msw';
import { guarded, param, type TraceApiHandlerOptions } from '../traceWire/handlerKit';
import type { DemoTraceStore } from '../traces/traceStore';
import * as v1 from './v1';
import * as v3 from './v3';

/**
 * MSW handlers answering Jaeger's query API over the demo's traces, in the wire shapes of reference
 * §3: the v1 JSON API (`/api/services`, operations, `/api/traces` search and by ID) and api_v3
 * (OTLP JSON under `{"result":…}`), errors included.
 */
export function createJaegerHandlers(store: DemoTraceStore, opts: TraceApiHandlerOptions): HttpHandler[] {
  const now = opts.now ?? (() => Date.now());
  const api = `*${opts.basePath}/api`;
  return [
    http.get(`${api}/v3/services`, guarded(() => v3.services(store))),
    http.get(`${api}/v3/operations`, guarded((request) => v3.operations(store, new URL(request.url)))),
    http.get(`${api}/v3/traces`, guarded((request) => v3.searchTraces(store, new URL(request.url)))),
    http.get(`${api}/v3/traces/:traceId`, guarded((_, params) => v3.traceById(store, param(params, 'traceId')))),
    http.get(`${api}/services`, guarded(() => v1.services(store))),
    http.get(`${api}/services/:service/operations`, guarded((_, params) => v1.serviceOperations(store, param(params, 'service')))),
    http.get(`${api}/operations`, guarded((request) => v1.operations(store, new URL(request.url)))),
    http.get(`${api}/traces`, guarded((request) => v1.searchTraces(store, new URL(request.url), now()))),
    http.get(`${api}/traces/:traceId`, guarded((_, params) => v1.traceById(store, param(params, 'traceId')))),
  ];
}
