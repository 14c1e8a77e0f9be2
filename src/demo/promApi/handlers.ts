import { http, type HttpHandler } from 'msw';
import type { SampleSource } from '../source';
import { createAnswerCache } from './answerCache';
import { createWindowResults } from '../promql';
import type { Endpoint, EndpointContext } from './endpointContext';
import { buildInfo, labelNames, labelValues, metadata, series } from './metadataEndpoints';
import { queryExemplars, queryInstant, queryRange } from './queryEndpoints';
import { failure, preflight } from './responses';

export interface PrometheusHandlerOptions {
  /** Path prefix in front of `/api/v1`, e.g. '/prometheus'; '' serves `*\/api/v1/…`. */
  basePath: string;
  /** The clock for `time` defaults (instant queries, exemplar windows). */
  now?: () => number;
}

/**
 * MSW handlers answering the Prometheus HTTP API v1 over `source`, on any origin, in the exact wire
 * shapes of reference §1: query, query_range, query_exemplars, labels, label values, series,
 * metadata, status/buildinfo, and the CORS preflight.
 */
export function createPrometheusHandlers(source: SampleSource, opts: PrometheusHandlerOptions): HttpHandler[] {
  // 256 answers, 16 M characters of JSON at most: a wall board's window of queries many times over.
  const ctx: EndpointContext = { source, now: opts.now ?? (() => Date.now()), rangeAnswers: createAnswerCache(256, 16_000_000), rangeWindows: createWindowResults() };
  const api = `*${opts.basePath}/api/v1`;
  const run =
    (endpoint: Endpoint) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }): Promise<Response> => {
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') flat[k] = v;
      try {
        return await endpoint(request, ctx, flat);
      } catch (e) {
        // A bug in the demo should read like a server fault, not crash the in-app fetch.
        return failure(request, 'internal', e instanceof Error ? e.message : String(e));
      }
    };
  const getAndPost = (path: string, endpoint: Endpoint): HttpHandler[] => [http.get(`${api}${path}`, run(endpoint)), http.post(`${api}${path}`, run(endpoint))];
  return [
    http.options(`${api}/*`, ({ request }) => preflight(request)),
    ...getAndPost('/query_range', queryRange),
    ...getAndPost('/query_exemplars', queryExemplars),
    ...getAndPost('/query', queryInstant),
    ...getAndPost('/labels', labelNames),
    ...getAndPost('/series', series),
    http.get(`${api}/label/:name/values`, run(labelValues)),
    http.get(`${api}/metadata`, run(metadata)),
    http.get(`${api}/status/buildinfo`, run(buildInfo)),
  ];
}
