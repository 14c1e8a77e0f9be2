import { http, type HttpHandler } from 'msw';
import { guarded, param, type TraceApiHandlerOptions } from '../traceWire/handlerKit';
import type { DemoTraceStore } from '../traces/traceStore';
import * as tempo from './endpoints';

/**
 * MSW handlers answering Grafana Tempo's HTTP API over the demo's traces (reference §4): trace by
 * ID (v1 `batches` and v2, base64 IDs, enum names), search by TraceQL (a subset, see traceql.ts) or
 * tags, tag names and values, and `/api/echo`.
 */
export function createTempoHandlers(store: DemoTraceStore, opts: TraceApiHandlerOptions): HttpHandler[] {
  const now = opts.now ?? (() => Date.now());
  const api = `*${opts.basePath}/api`;
  return [
    http.get(`${api}/echo`, () => new Response('echo\n', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })),
    http.get(`${api}/traces/:traceId`, guarded((_, params) => tempo.traceByIdV1(store, param(params, 'traceId')))),
    http.get(`${api}/v2/traces/:traceId`, guarded((_, params) => tempo.traceByIdV2(store, param(params, 'traceId')))),
    http.get(`${api}/search`, guarded((request) => tempo.search(store, new URL(request.url), now()))),
    http.get(`${api}/search/tags`, guarded(() => tempo.searchTagsV1(store))),
    http.get(`${api}/v2/search/tags`, guarded((request) => tempo.searchTagsV2(store, new URL(request.url)))),
    http.get(`${api}/search/tag/:tag/values`, guarded((_, params) => tempo.tagValuesV1(store, param(params, 'tag')))),
    http.get(`${api}/v2/search/tag/:tag/values`, guarded((_, params) => tempo.tagValuesV2(store, param(params, 'tag')))),
  ];
}
