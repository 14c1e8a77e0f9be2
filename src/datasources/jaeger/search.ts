import type { TimeRange } from '../../model/time';
import type { TraceSearch } from '../../model/trace';

/** A Go duration (`time.ParseDuration`) in whole µs: both APIs take them for min/max duration. */
function goDuration(ms: number): string {
  return `${Math.round(ms * 1000)}us`;
}

/** The tags to send: the form's, plus Jaeger's own mark of a failed span, `error=true`, for errors only. */
function searchTags(q: TraceSearch): Record<string, string> {
  return q.errorsOnly ? { ...q.tags, error: 'true' } : { ...q.tags };
}

/**
 * `GET /api/traces` parameters (reference §3.1): `start`/`end` in µs, tags as one URL-encoded JSON object
 * of string values, Go durations. `lookback` is left out: the server ignores it for search.
 */
export function v1SearchParams(q: TraceSearch, range: TimeRange): URLSearchParams {
  const params = new URLSearchParams();
  if (q.service !== undefined) params.set('service', q.service);
  if (q.operation !== undefined) params.set('operation', q.operation);
  const tags = searchTags(q);
  if (Object.keys(tags).length > 0) params.set('tags', JSON.stringify(tags));
  if (q.minDurationMs !== undefined) params.set('minDuration', goDuration(q.minDurationMs));
  if (q.maxDurationMs !== undefined) params.set('maxDuration', goDuration(q.maxDurationMs));
  params.set('start', String(Math.floor(range.from * 1000)));
  params.set('end', String(Math.ceil(range.to * 1000)));
  params.set('limit', String(q.limit));
  return params;
}

/**
 * `GET /api/v3/traces` parameters (reference §3.3). The snake_case names are the deprecated aliases, chosen
 * because every api_v3 release accepts them (the camelCase ones came later); both start times are required.
 */
export function v3SearchParams(q: TraceSearch, range: TimeRange): URLSearchParams {
  const params = new URLSearchParams();
  if (q.service !== undefined) params.set('query.service_name', q.service);
  if (q.operation !== undefined) params.set('query.operation_name', q.operation);
  const tags = searchTags(q);
  if (Object.keys(tags).length > 0) params.set('query.attributes', JSON.stringify(tags));
  params.set('query.start_time_min', new Date(range.from).toISOString());
  params.set('query.start_time_max', new Date(range.to).toISOString());
  if (q.minDurationMs !== undefined) params.set('query.duration_min', goDuration(q.minDurationMs));
  if (q.maxDurationMs !== undefined) params.set('query.duration_max', goDuration(q.maxDurationMs));
  params.set('query.num_traces', String(q.limit));
  return params;
}
