import { DataSourceError } from '../../lib/errors';
import type { TraceSearch, TraceSummary } from '../../model/trace';
import { normalizeTraceId } from '../../model/traceId';
import { readOrThrow } from '../shared/errors';
import { readUnixNanos, toMicros } from '../shared/otlp';
import { shapeReaders } from '../shared/shape';
import type { QueryCtx } from '../types';
import { rangeParams, SERVER, type Params, type TempoClient } from './client';
import { traceqlString } from './tags';

const read = shapeReaders(SERVER);

/**
 * `/api/search`. With `query` it is a TraceQL search (`q`), whose duration filters belong in the query itself;
 * otherwise a tag search: service, operation and tags as logfmt `tags` (`service.name="cart" name="GET /"`)
 * with `minDuration`/`maxDuration`. Tempo refuses `q` and `tags` together, so only one is ever sent.
 */
export async function searchTraces(client: TempoClient, search: TraceSearch, ctx: QueryCtx): Promise<TraceSummary[]> {
  const params: Array<readonly [string, string]> = [];
  if (search.query !== undefined && search.query.trim() !== '') {
    params.push(['q', search.query]);
  } else if (search.errorsOnly) {
    // A tag search cannot ask for error status; TraceQL can, so the whole search is said in TraceQL.
    params.push(['q', filtersTraceQL(search)]);
  } else {
    const tags = tagsLogfmt(search);
    if (tags !== '') params.push(['tags', tags]);
    if (search.minDurationMs !== undefined) params.push(['minDuration', goDuration(search.minDurationMs)]);
    if (search.maxDurationMs !== undefined) params.push(['maxDuration', goDuration(search.maxDurationMs)]);
  }
  params.push(['limit', String(search.limit)], ...rangeParams(ctx.range));
  const body = await client.get('/api/search', params satisfies Params, ctx.signal);
  return readOrThrow(() => readSearchResponse(body), SERVER);
}

/** `service.name`, `name` (the span name) and the tags, as logfmt; values are quoted when they must be. */
export function tagsLogfmt(search: Pick<TraceSearch, 'service' | 'operation' | 'tags'>): string {
  const pairs: Array<[string, string]> = [];
  if (search.service) pairs.push(['service.name', search.service]);
  if (search.operation) pairs.push(['name', search.operation]);
  for (const [key, value] of Object.entries(search.tags ?? {})) pairs.push([key, value]);
  return pairs
    .map(([key, value]) => {
      if (key === '' || /[\s="\\]/.test(key)) {
        throw new DataSourceError(`Tag name ${JSON.stringify(key)} cannot be searched: it is empty or holds a space, "=", a quote or a backslash`, { kind: 'query' });
      }
      return `${key}=${logfmtValue(value)}`;
    })
    .join(' ');
}

function logfmtValue(value: string): string {
  if (value !== '' && !/[\s="\\]/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * The form's filters as one TraceQL spanset filter: `{ resource.service.name = "payments" && name = "charge"
 * && .http.status_code = 500 && status = error && traceDuration >= 1000ms }`. Tag values that read as numbers
 * or booleans are compared as such (a tag search matched `http.status_code=500` against the integer too);
 * durations bound the whole trace (`traceDuration`), as the tag search's minDuration/maxDuration do.
 */
export function filtersTraceQL(search: Pick<TraceSearch, 'service' | 'operation' | 'tags' | 'minDurationMs' | 'maxDurationMs' | 'errorsOnly'>): string {
  const conditions: string[] = [];
  if (search.service) conditions.push(`resource.service.name = ${traceqlString(search.service)}`);
  if (search.operation) conditions.push(`name = ${traceqlString(search.operation)}`);
  for (const [key, value] of Object.entries(search.tags ?? {})) conditions.push(`${traceqlAttribute(key)} = ${traceqlValue(value)}`);
  if (search.errorsOnly) conditions.push('status = error');
  if (search.minDurationMs !== undefined) conditions.push(`traceDuration >= ${goDuration(search.minDurationMs)}`);
  if (search.maxDurationMs !== undefined) conditions.push(`traceDuration <= ${goDuration(search.maxDurationMs)}`);
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}

/** `.http.status_code` for a plain name; a name with other characters is quoted, `."my key"`. */
function traceqlAttribute(key: string): string {
  if (key === '') throw new DataSourceError('A tag with an empty name cannot be searched', { kind: 'query' });
  return /^[A-Za-z0-9_][A-Za-z0-9_.\-/:]*$/.test(key) ? `.${key}` : `.${traceqlString(key)}`;
}

function traceqlValue(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false') return value;
  return traceqlString(value);
}

/** Go's time.ParseDuration reads `1.5ms`. */
function goDuration(ms: number): string {
  return `${Math.max(0, ms)}ms`;
}

/**
 * The search answer (reference §4.3). `traceID` comes with leading zeros stripped (31 characters for an ID
 * starting with 0) and is padded back; `durationMs` and the lists are absent when zero or empty (gogo jsonpb).
 */
export function readSearchResponse(body: unknown): TraceSummary[] {
  const record = read.asRecord(body, 'the body');
  if (record.traces === undefined || record.traces === null) return [];
  return read.asArray(record.traces, 'traces').map((raw, i) => {
    const path = `traces[${i}]`;
    const t = read.asRecord(raw, path);
    const rawId = read.asString(t.traceID, `${path}.traceID`);
    const traceId = normalizeTraceId(rawId);
    if (traceId === undefined) throw read.shapeError(`${path}.traceID`, 'a hex trace ID', rawId);
    const summary: TraceSummary = {
      traceId,
      rootService: t.rootServiceName === undefined ? '' : read.asString(t.rootServiceName, `${path}.rootServiceName`),
      rootName: t.rootTraceName === undefined ? '' : read.asString(t.rootTraceName, `${path}.rootTraceName`),
      startMs: toMicros(readUnixNanos(read, t.startTimeUnixNano, `${path}.startTimeUnixNano`)) / 1000,
      durationMs: t.durationMs === undefined ? 0 : read.asNumber(t.durationMs, `${path}.durationMs`),
    };
    if (t.serviceStats !== undefined) {
      const stats = read.asRecord(t.serviceStats, `${path}.serviceStats`);
      let spans = 0;
      let errors = 0;
      for (const [service, raw] of Object.entries(stats)) {
        const s = read.asRecord(raw, `${path}.serviceStats.${service}`);
        spans += s.spanCount === undefined ? 0 : read.asNumber(s.spanCount, `${path}.serviceStats.${service}.spanCount`);
        errors += s.errorCount === undefined ? 0 : read.asNumber(s.errorCount, `${path}.serviceStats.${service}.errorCount`);
      }
      summary.services = Object.keys(stats);
      summary.spanCount = spans;
      summary.errorCount = errors;
    }
    const matched = matchedSpans(t, path);
    if (matched !== undefined) summary.matchedSpans = matched;
    return summary;
  });
}

/** The spans TraceQL matched: the sum over `spanSets` (or the deprecated single `spanSet`); absent on tag searches. */
function matchedSpans(t: Record<string, unknown>, path: string): number | undefined {
  const sets = t.spanSets !== undefined ? read.asArray(t.spanSets, `${path}.spanSets`) : t.spanSet !== undefined ? [t.spanSet] : undefined;
  if (sets === undefined) return undefined;
  let total = 0;
  sets.forEach((raw, i) => {
    const setPath = t.spanSets !== undefined ? `${path}.spanSets[${i}]` : `${path}.spanSet`;
    const set = read.asRecord(raw, setPath);
    total += set.matched === undefined ? 0 : read.asNumber(set.matched, `${setPath}.matched`);
  });
  return total;
}
