import type { TagFilters } from './tagFilters';

/*
 * The trace search page's state and how its URL writes it. The readers (parseTraceSearchUrl, and the
 * duration and tag parsers) live apart, in the search page's chunk: this module is reached from the top bar
 * through links.ts, so whatever it holds ships with the first route.
 */

/** The columns the result list sorts by. */
export const TRACE_SORT_KEYS = ['start', 'duration', 'spans', 'errors', 'service'] as const;
export type TraceSortKey = (typeof TRACE_SORT_KEYS)[number];

export interface TraceSort {
  key: TraceSortKey;
  desc: boolean;
}

/**
 * Everything the `/traces` search page shows, as its URL holds it (the time range rides along in
 * `from`/`to`, owned by the time scope). `mode: 'traceql'` sends `traceql` instead of the filters.
 */
export interface TraceSearchState {
  /** Datasource uid; absent = the first with traces. */
  ds?: string;
  mode: 'filters' | 'traceql';
  service?: string;
  operation?: string;
  tags: TagFilters;
  minDurationMs?: number;
  maxDurationMs?: number;
  errorsOnly: boolean;
  limit: number;
  traceql: string;
  sort: TraceSort;
}

export const DEFAULT_TRACE_LIMIT = 20;
export const MAX_TRACE_LIMIT = 1_000;
export const DEFAULT_TRACE_SORT: TraceSort = { key: 'start', desc: true };

export const DEFAULT_TRACE_SEARCH: TraceSearchState = {
  mode: 'filters',
  tags: {},
  errorsOnly: false,
  limit: DEFAULT_TRACE_LIMIT,
  traceql: '',
  sort: DEFAULT_TRACE_SORT,
};

/** The URL keys the search page owns; whatever else is in the URL (`from`, `to`, `refresh`) is left alone. */
export const TRACE_SEARCH_KEYS = ['ds', 'mode', 'service', 'operation', 'tags', 'minDuration', 'maxDuration', 'errors', 'limit', 'q', 'sort'] as const;

/** A duration in ms written back (`parseSpanDuration` reads it) the shortest way it reads exactly: 1200 → `1.2s`, 0.045 → `45us`. */
export function formatSpanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0ms';
  const round = (n: number) => String(Number(n.toPrecision(12)));
  if (ms >= 3_600_000 && Number.isInteger(ms / 3_600_000)) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && Number.isInteger(ms / 60_000)) return `${ms / 60_000}m`;
  if (ms >= 1_000) return `${round(ms / 1_000)}s`;
  if (ms >= 1) return `${round(ms)}ms`;
  return `${round(ms * 1_000)}us`;
}

/** The filters as the form writes them; `parseTagFilters` reads it back. */
export function formatTagFilters(tags: Readonly<TagFilters>): string {
  return Object.entries(tags)
    .map(([key, value]) => (value !== '' && !/[\s"\\]/.test(value) ? `${key}=${value}` : `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`))
    .join(' ');
}

/** The URL entries of a (partial) state, defaults left out so links stay short; `parseTraceSearchUrl` reads them back. */
export function traceSearchEntries(state: Partial<TraceSearchState>): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out.push([key, value]);
  };
  put('ds', state.ds);
  if (state.mode === 'traceql') put('mode', 'traceql');
  put('service', state.service);
  put('operation', state.operation);
  if (state.tags !== undefined) put('tags', formatTagFilters(state.tags));
  if (state.minDurationMs !== undefined) put('minDuration', formatSpanDuration(state.minDurationMs));
  if (state.maxDurationMs !== undefined) put('maxDuration', formatSpanDuration(state.maxDurationMs));
  if (state.errorsOnly) put('errors', '1');
  if (state.limit !== undefined && state.limit !== DEFAULT_TRACE_LIMIT) put('limit', String(state.limit));
  put('q', state.traceql);
  const sort = state.sort;
  if (sort !== undefined && (sort.key !== DEFAULT_TRACE_SORT.key || sort.desc !== DEFAULT_TRACE_SORT.desc)) put('sort', `${sort.desc ? '-' : ''}${sort.key}`);
  return out;
}
