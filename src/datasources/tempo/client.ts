import { isDataSourceError } from '../../lib/errors';
import type { TimeRange } from '../../model/time';
import { dataSourceBaseUrl } from '../shared/baseUrl';
import { asDataSourceError, mapHttpError } from '../shared/errors';
import { fetchJson } from '../shared/fetchJson';
import type { HttpOptions } from '../shared/httpOptions';
import { withTextErrors } from '../shared/textErrors';
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

export function createTempoClient(config: DataSourceConfig, fetchFn: FetchFn, options: HttpOptions): TempoClient {
  const baseUrl = dataSourceBaseUrl(config);
  // Tempo's unknown trace is a 404 with an empty body: marked, so isEmptyNotFound knows it from a proxy's 404.
  const wrapped = withTextErrors(fetchFn, (r) => (r.status === 404 ? Response.json(EMPTY_404, { status: r.status, statusText: r.statusText }) : undefined));
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
