import { DataSourceError } from '../../lib/errors';
import type { TimeRange } from '../../model/time';
import type { TraceSearch } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, readOrThrow } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import type { HttpOptions } from '../shared/httpOptions';
import { shapeReaders } from '../shared/shape';
import { traceNotFoundError } from '../shared/traceErrors';
import { summarizeTrace } from '../shared/traceSummary';
import type { DataSourceConfig, FetchFn, HealthResult, TracesCapability } from '../types';
import { isZipkinNotFound, SERVER, toZipkinError } from './errors';
import { parseZipkinTrace } from './spans';

const read = shapeReaders(SERVER);

/**
 * The ID as Zipkin wants it in a path: lowercase hex, and a 128-bit ID whose high half is zero reduced to its
 * 16-character form, as Zipkin stores it (reference §5, §10).
 */
export function zipkinTraceIdParam(canonical: string): string {
  return canonical.startsWith('0000000000000000') ? canonical.slice(16) : canonical;
}

/**
 * `GET /api/v2/traces` parameters (reference §5): durations in µs, `endTs` and `lookback` in ms, tags as
 * `annotationQuery` terms `key=value` joined by ` and ` (errors only adds the bare term `error`).
 */
export function zipkinSearchParams(q: TraceSearch, range: TimeRange): URLSearchParams {
  const params = new URLSearchParams();
  if (q.service !== undefined) params.set('serviceName', q.service);
  if (q.operation !== undefined) params.set('spanName', q.operation);
  const terms = Object.entries(q.tags ?? {}).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  // A bare `error` matches any span with an `error` tag, which is how Zipkin marks a failed span.
  if (q.errorsOnly && !terms.includes('error')) terms.push('error');
  if (terms.length > 0) params.set('annotationQuery', terms.join(' and '));
  if (q.minDurationMs !== undefined) params.set('minDuration', String(Math.round(q.minDurationMs * 1000)));
  if (q.maxDurationMs !== undefined) params.set('maxDuration', String(Math.round(q.maxDurationMs * 1000)));
  params.set('endTs', String(Math.ceil(range.to)));
  params.set('lookback', String(Math.max(1, Math.ceil(range.to - range.from))));
  params.set('limit', String(q.limit));
  return params;
}

export function createZipkinTraces(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): TracesCapability & { health(signal: AbortSignal): Promise<HealthResult> } {
  const baseUrl = dataSourceBaseUrl(config);

  async function get(path: string, params: URLSearchParams | undefined, signal: AbortSignal, onError: (e: unknown) => unknown = (e) => e): Promise<unknown> {
    try {
      const query = params === undefined ? '' : `?${params}`;
      return (await fetchJson(fetchFn, `${baseUrl}${path}${query}`, { signal, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxResponseBytes })).data;
    } catch (error) {
      throw asDataSourceError(toZipkinError(onError(error)), SERVER);
    }
  }

  const names = async (path: string, params: URLSearchParams | undefined, signal: AbortSignal) => {
    const body = await get(path, params, signal);
    return readOrThrow(() => [...new Set(read.asStringList(body, 'the response body'))].sort(), SERVER);
  };

  return {
    async getTrace(id, ctx) {
      const traceId = normalizeTraceId(id);
      if (traceId === undefined) throw new DataSourceError(`"${id}" is not a trace ID: expected 16 or 32 hex digits, not all zero`, { kind: 'query' });
      const body = await get(`/api/v2/trace/${zipkinTraceIdParam(traceId)}`, undefined, ctx.signal, (e) => (isZipkinNotFound(e) ? traceNotFoundError(traceId, SERVER, e) : e));
      const trace = readOrThrow(() => parseZipkinTrace(body, '', read, traceId), SERVER);
      if (trace.spans.length === 0) throw traceNotFoundError(traceId, SERVER);
      return trace;
    },

    async search(q, ctx) {
      const body = await get('/api/v2/traces', zipkinSearchParams(q, ctx.range), ctx.signal);
      return readOrThrow(
        () =>
          read
            .asArray(body, 'the response body')
            .map((t, i) => parseZipkinTrace(t, `[${i}]`, read))
            .filter((t) => t.spans.length > 0)
            .map(summarizeTrace),
        SERVER,
      );
    },

    services: (ctx) => names('/api/v2/services', undefined, ctx.signal),
    operations: (service, ctx) => names('/api/v2/spans', new URLSearchParams({ serviceName: service }), ctx.signal),

    async health(signal) {
      try {
        const services = await names('/api/v2/services', undefined, signal);
        return { ok: true, message: `Zipkin API v2: ${services.length} services` };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
