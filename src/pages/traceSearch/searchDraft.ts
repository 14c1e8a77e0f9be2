import { parseSpanDuration } from '../../model/spanDuration';
import { parseTagFilters } from '../../model/tagFilters';
import { formatSpanDuration, formatTagFilters, MAX_TRACE_LIMIT, type TraceSearchState } from '../../model/traceSearchState';

/** The form's fields as typed: text until submitted, so a half-typed duration is never lost or rewritten. */
export interface SearchDraft {
  mode: TraceSearchState['mode'];
  service: string;
  operation: string;
  tags: string;
  minDuration: string;
  maxDuration: string;
  errorsOnly: boolean;
  limit: string;
  traceql: string;
}

export type DraftField = 'tags' | 'minDuration' | 'maxDuration' | 'limit';

export function draftOf(state: TraceSearchState): SearchDraft {
  return {
    mode: state.mode,
    service: state.service ?? '',
    operation: state.operation ?? '',
    tags: formatTagFilters(state.tags),
    minDuration: state.minDurationMs === undefined ? '' : formatSpanDuration(state.minDurationMs),
    maxDuration: state.maxDurationMs === undefined ? '' : formatSpanDuration(state.maxDurationMs),
    errorsOnly: state.errorsOnly,
    limit: String(state.limit),
    traceql: state.traceql,
  };
}

export type DraftResult = { ok: true; state: TraceSearchState } | { ok: false; errors: Partial<Record<DraftField, string>> };

/** The state a submitted draft asks for (datasource and sort carried over), or a message per bad field. */
export function readDraft(draft: SearchDraft, base: TraceSearchState): DraftResult {
  const errors: Partial<Record<DraftField, string>> = {};
  const tags = parseTagFilters(draft.tags);
  if (tags instanceof Error) errors.tags = tags.message;
  const duration = (field: 'minDuration' | 'maxDuration'): number | undefined => {
    const text = draft[field].trim();
    if (text === '') return undefined;
    const ms = parseSpanDuration(text);
    if (ms instanceof Error) {
      errors[field] = ms.message;
      return undefined;
    }
    return ms;
  };
  const minDurationMs = duration('minDuration');
  const maxDurationMs = duration('maxDuration');
  if (minDurationMs !== undefined && maxDurationMs !== undefined && maxDurationMs < minDurationMs) errors.maxDuration = 'The maximum is below the minimum';
  const limitText = draft.limit.trim();
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_TRACE_LIMIT) errors.limit = `A whole number from 1 to ${MAX_TRACE_LIMIT}`;
  if (Object.keys(errors).length > 0 || tags instanceof Error) return { ok: false, errors };
  const state: TraceSearchState = {
    ...(base.ds === undefined ? {} : { ds: base.ds }),
    mode: draft.mode,
    tags,
    errorsOnly: draft.errorsOnly,
    limit,
    traceql: draft.traceql,
    sort: base.sort,
  };
  if (draft.service.trim() !== '') state.service = draft.service.trim();
  if (draft.operation.trim() !== '') state.operation = draft.operation.trim();
  if (minDurationMs !== undefined) state.minDurationMs = minDurationMs;
  if (maxDurationMs !== undefined) state.maxDurationMs = maxDurationMs;
  return { ok: true, state };
}

/** One line saying what was searched for, for the "nothing found" message. */
export function describeFilters(state: TraceSearchState): string {
  if (state.mode === 'traceql') return state.traceql.trim() === '' ? 'an empty TraceQL query' : `TraceQL ${state.traceql.trim()}`;
  const parts: string[] = [];
  if (state.service !== undefined) parts.push(`service ${state.service}`);
  if (state.operation !== undefined) parts.push(`operation ${state.operation}`);
  const tags = formatTagFilters(state.tags);
  if (tags !== '') parts.push(`tags ${tags}`);
  if (state.minDurationMs !== undefined) parts.push(`at least ${formatSpanDuration(state.minDurationMs)}`);
  if (state.maxDurationMs !== undefined) parts.push(`at most ${formatSpanDuration(state.maxDurationMs)}`);
  if (state.errorsOnly) parts.push('errors only');
  return parts.length === 0 ? 'no filters' : parts.join(', ');
}
