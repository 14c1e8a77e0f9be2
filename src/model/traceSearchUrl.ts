import { parseSpanDuration } from './spanDuration';
import { parseTagFilters } from './tagFilters';
import type { TraceSearch } from './trace';
import {
  DEFAULT_TRACE_LIMIT,
  DEFAULT_TRACE_SEARCH,
  formatSpanDuration,
  MAX_TRACE_LIMIT,
  TRACE_SORT_KEYS,
  type TraceSearchState,
} from './traceSearchState';

export * from './traceSearchState';

export interface ParsedTraceSearch {
  state: TraceSearchState;
  /** One sentence per value that was not understood and fell back to its default. */
  problems: string[];
}

const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Reads the page's state from its URL. A bad value never throws: it takes its default and says so. */
export function parseTraceSearchUrl(params: URLSearchParams): ParsedTraceSearch {
  const problems: string[] = [];
  const state: TraceSearchState = { ...DEFAULT_TRACE_SEARCH, tags: {} };
  const text = (key: string) => {
    const v = params.get(key);
    return v === null || v === '' ? undefined : v;
  };
  const ds = text('ds');
  if (ds !== undefined) state.ds = ds;
  const service = text('service');
  if (service !== undefined) state.service = service;
  const operation = text('operation');
  if (operation !== undefined) state.operation = operation;

  const mode = text('mode');
  if (mode === 'traceql') state.mode = 'traceql';
  else if (mode !== undefined && mode !== 'filters') problems.push(`Unknown search mode ${quoted(mode)}: using the filters.`);
  state.traceql = params.get('q') ?? '';

  const tags = text('tags');
  if (tags !== undefined) {
    const parsed = parseTagFilters(tags);
    if (parsed instanceof Error) problems.push(`Tags ${quoted(tags)} ignored: ${parsed.message}.`);
    else state.tags = parsed;
  }
  for (const [key, field] of [['minDuration', 'minDurationMs'], ['maxDuration', 'maxDurationMs']] as const) {
    const raw = text(key);
    if (raw === undefined) continue;
    const ms = parseSpanDuration(raw);
    if (ms instanceof Error) problems.push(`${key} ${quoted(raw)} ignored: ${ms.message}.`);
    else state[field] = ms;
  }
  if (state.minDurationMs !== undefined && state.maxDurationMs !== undefined && state.maxDurationMs < state.minDurationMs) {
    problems.push(`maxDuration ${formatSpanDuration(state.maxDurationMs)} is below minDuration ${formatSpanDuration(state.minDurationMs)}: maxDuration ignored.`);
    delete state.maxDurationMs;
  }

  const errors = text('errors');
  if (errors === '1' || errors === 'true') state.errorsOnly = true;
  else if (errors !== undefined && errors !== '0' && errors !== 'false') problems.push(`errors=${quoted(errors)} not understood (use errors=1): showing all traces.`);

  const limit = text('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (/^\d+$/.test(limit) && n >= 1 && n <= MAX_TRACE_LIMIT) state.limit = n;
    else problems.push(`limit ${quoted(limit)} must be a whole number from 1 to ${MAX_TRACE_LIMIT}: using ${DEFAULT_TRACE_LIMIT}.`);
  }

  const sort = text('sort');
  if (sort !== undefined) {
    const desc = sort.startsWith('-');
    const key = TRACE_SORT_KEYS.find((k) => k === (desc ? sort.slice(1) : sort));
    if (key === undefined) problems.push(`sort ${quoted(sort)} not understood (one of ${TRACE_SORT_KEYS.join(', ')}, "-" first for descending): newest first.`);
    else state.sort = { key, desc };
  }
  return { state, problems };
}

/** The adapter query of a state: TraceQL mode sends the query (and the limit) alone, as Tempo requires. */
export function toTraceSearch(state: TraceSearchState): TraceSearch {
  if (state.mode === 'traceql') return { query: state.traceql, limit: state.limit };
  const q: TraceSearch = { limit: state.limit };
  if (state.service !== undefined) q.service = state.service;
  if (state.operation !== undefined) q.operation = state.operation;
  if (Object.keys(state.tags).length > 0) q.tags = { ...state.tags };
  if (state.minDurationMs !== undefined) q.minDurationMs = state.minDurationMs;
  if (state.maxDurationMs !== undefined) q.maxDurationMs = state.maxDurationMs;
  if (state.errorsOnly) q.errorsOnly = true;
  return q;
}
