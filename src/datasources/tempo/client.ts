import { isDataSourceError } from '../../lib/errors';
import type { TimeRange } from '../../model/time';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, mapHttpError } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import type { HttpOptions } from '../shared/httpOptions';
import { readBodyText } from '../shared/readBody';
import type { DataSourceConfig, FetchFn } from '../types';

export const SERVER = 'Tempo';

export type Params = ReadonlyArray<readonly [string, string]>;

export interface TempoClient {
  readonly baseUrl: string;
  /** GET a JSON endpoint; every failure is a DataSourceError, Tempo's plain-text errors with their text. */
  get(path: string, params: Params, signal: AbortSignal): Promise<unknown>;
  /** The fetch the health check uses for `/api/echo`, which answers text. */
  readonly fetchFn: FetchFn;
  readonly options: HttpOptions;
}

/**
 * Tempo's "no such trace" is a 404 with an empty body; a proxy's or SPA's 404 page is not. The wrapper marks
 * the empty one with this body, so `isEmptyNotFound` tells them apart without reading error messages.
 */
export const EMPTY_404 = { emptyTempo404: true } as const;

export function isEmptyNotFound(error: unknown): boolean {
  return isDataSourceError(error) && error.status === 404 && typeof error.body === 'object' && error.body !== null && (error.body as Record<string, unknown>).emptyTempo404 === true;
}

/** The most of an error body kept: Tempo's are one line; anything longer is a proxy's page. */
const ERROR_BODY_BYTES = 256 * 1024;

/**
 * Tempo writes its errors with Go's `http.Error`: text/plain, one line, a trailing newline
 * (`invalid TraceQL query: parse error at line 1, col 3: …`). The shared kit reads an error's own text only
 * from a JSON body; this hands it Tempo's text as the `{"error": …}` envelope it understands, whole, so a
 * 400 becomes a `query` error with Tempo's words. An empty 404 (Tempo's unknown trace) is marked; JSON, HTML
 * and other empty bodies pass through untouched.
 */
export function withTextErrors(fetchFn: FetchFn): FetchFn {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.ok) return response;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json') || type.includes('html')) return response;
    const text = await readBodyText(response, ERROR_BODY_BYTES);
    const init2 = { status: response.status, statusText: response.statusText };
    if (text.trim() === '' && response.status === 404) return Response.json(EMPTY_404, init2);
    if (text.trim() === '' || /^\s*</.test(text)) return new Response(text === '' ? null : text, { ...init2, headers: response.headers });
    return new Response(JSON.stringify({ error: text.trim() }), { ...init2, headers: { 'content-type': 'application/json' } });
  };
}

export function createTempoClient(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): TempoClient {
  const baseUrl = dataSourceBaseUrl(config);
  const wrapped = withTextErrors(fetchFn);
  return {
    baseUrl,
    fetchFn,
    options,
    async get(path, params, signal) {
      const query = new URLSearchParams(params.map(([k, v]) => [k, v])).toString();
      try {
        const response = await fetchJson(wrapped, `${baseUrl}${path}${query === '' ? '' : `?${query}`}`, {
          signal,
          timeoutMs: options.timeoutMs,
          maxBodyBytes: options.maxResponseBytes,
        });
        return response.data;
      } catch (error) {
        throw asDataSourceError(mapHttpError(error, SERVER), SERVER);
      }
    },
  };
}

/** Tempo's `start`/`end`: whole unix seconds, widened outwards so the range's edges are searched. */
export function rangeParams(range: TimeRange): Params {
  return [
    ['start', String(Math.floor(range.from / 1000))],
    ['end', String(Math.ceil(range.to / 1000))],
  ];
}
