import { http, type HttpHandler } from 'msw';
import type { DemoLogSource } from '../logs/logSource';
import { asLokiError, labelNames, labelValues, queryInstant, queryRange, series, type LokiContext } from './endpoints';
import { readForm, type Form } from './params';

export interface LokiHandlerOptions {
  /** Path prefix in front of `/loki/api/v1`, e.g. '/loki' in the app; '' on the demo server's root. */
  basePath: string;
  now?: () => number;
  /** Loki's `max_entries_limit_per_query`; default 5000. */
  maxEntries?: number;
}

export const DEFAULT_MAX_ENTRIES = 5000;

/**
 * MSW handlers answering the Grafana Loki HTTP API over the demo's logs, in the wire shapes of reference §2:
 * query_range (streams, matrix), query (vector), labels, label values, series, index/volume; errors as Loki's
 * plain text. The LogQL subset is src/demo/logql/README.md.
 */
export function createLokiHandlers(source: DemoLogSource, opts: LokiHandlerOptions): HttpHandler[] {
  const ctx: LokiContext = { source, now: opts.now ?? (() => Date.now()), maxEntries: opts.maxEntries ?? DEFAULT_MAX_ENTRIES };
  const api = `*${opts.basePath}/loki/api/v1`;
  type Endpoint = (form: Form, request: Request, params: Record<string, string>) => Response;
  const run =
    (endpoint: Endpoint) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }): Promise<Response> => {
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') flat[k] = v;
      try {
        return endpoint(await readForm(request), request, flat);
      } catch (e) {
        return asLokiError(e);
      }
    };
  const getAndPost = (path: string, endpoint: Endpoint): HttpHandler[] => [http.get(`${api}${path}`, run(endpoint)), http.post(`${api}${path}`, run(endpoint))];
  return [
    ...getAndPost('/query_range', (form, request) => queryRange(ctx, form, request)),
    ...getAndPost('/query', (form) => queryInstant(ctx, form)),
    ...getAndPost('/labels', (form) => labelNames(ctx, form)),
    ...getAndPost('/label', (form) => labelNames(ctx, form)),
    ...getAndPost('/label/:name/values', (form, _request, params) => labelValues(ctx, form, params['name'] ?? '')),
    ...getAndPost('/series', (form) => series(ctx, form)),
  ];
}
