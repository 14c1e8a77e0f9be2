import type { Span } from '../../model/trace';
import { parseGoDuration } from '../traceWire/goDuration';
import { manyResourceSpans, resourceSpansChunks } from '../traceWire/otlpJson';
import { json, streamedResponse } from '../traceWire/stream';
import { spanHasTags } from '../traceWire/tags';
import type { DemoTraceStore } from '../traces/traceStore';
import { MAX_SEARCH_LIMIT, parseJaegerTraceId } from './v1';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DEFAULT_SEARCH_DEPTH = 100;

/** api_v3 errors: `{"error":{"httpCode":…,"message":…}}` through http.Error (text/plain, newline). */
export function v3Error(status: number, message: string): Response {
  return new Response(`{"error":{"httpCode":${status},"message":${json(message)}}}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

const notFound = (): Response => v3Error(404, 'No traces found');

function tracesData(chunks: Iterable<string>): Response {
  return streamedResponse(
    (function* () {
      yield '{"result":{"resourceSpans":[';
      yield* chunks;
      yield ']}}';
    })(),
    { status: 200, headers: JSON_HEADERS },
  );
}

export function traceById(store: DemoTraceStore, rawId: string): Response {
  const id = parseJaegerTraceId(rawId);
  if (id instanceof Error) return v3Error(400, `malformed parameter trace_id: ${id.message}`);
  const trace = /^0+$/.test(id) ? undefined : store.get(id);
  if (trace === undefined) return notFound();
  return tracesData(resourceSpansChunks(trace, 'spec'));
}

/** A parameter under its camelCase name or its deprecated snake_case alias. */
function param(url: URL, camel: string, snake: string): string | undefined {
  const v = url.searchParams.get(camel) ?? url.searchParams.get(snake);
  return v === null || v === '' ? undefined : v;
}

/** RFC 3339 (nano) → epoch µs, or an Error with Go's wording. */
function rfc3339Us(name: string, raw: string): number | Error {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(raw);
  const ms = m === null ? NaN : Date.parse(`${m[1]}${m[3]}`);
  if (m === null || !Number.isFinite(ms)) return new Error(`malformed parameter ${name}: parsing time ${json(raw)} as "2006-01-02T15:04:05.999999999Z07:00": cannot parse`);
  return ms * 1000 + Math.floor(Number((m[2] ?? '').padEnd(9, '0')) / 1000);
}

/** `GET /api/v3/traces`: all matching traces merged into one TracesData; none → 404 "No traces found". */
export function searchTraces(store: DemoTraceStore, url: URL): Response {
  const service = param(url, 'query.serviceName', 'query.service_name') ?? '';
  const operation = param(url, 'query.operationName', 'query.operation_name') ?? '';
  const rawMin = param(url, 'query.startTimeMin', 'query.start_time_min');
  const rawMax = param(url, 'query.startTimeMax', 'query.start_time_max');
  if (rawMin === undefined || rawMax === undefined) return v3Error(400, 'query.startTimeMin and query.startTimeMax are required');
  const startUs = rfc3339Us('query.startTimeMin', rawMin);
  if (startUs instanceof Error) return v3Error(400, startUs.message);
  const endUs = rfc3339Us('query.startTimeMax', rawMax);
  if (endUs instanceof Error) return v3Error(400, endUs.message);
  const durations: Array<number | undefined> = [];
  for (const [camel, snake] of [['query.durationMin', 'query.duration_min'], ['query.durationMax', 'query.duration_max']] as const) {
    const raw = param(url, camel, snake);
    const us = raw === undefined ? undefined : parseGoDuration(raw);
    if (us instanceof Error) return v3Error(400, `malformed parameter ${camel}: ${us.message}`);
    durations.push(us);
  }
  const [min, max] = durations;
  const rawDepth = param(url, 'query.searchDepth', 'query.num_traces');
  const depth = rawDepth === undefined ? DEFAULT_SEARCH_DEPTH : Number(rawDepth);
  if (!Number.isInteger(depth) || depth < 0) return v3Error(400, `malformed parameter query.searchDepth: strconv.ParseInt: parsing ${json(rawDepth ?? '')}: invalid syntax`);
  let tags: Record<string, string> = {};
  const rawAttributes = param(url, 'query.attributes', 'query.attributes');
  if (rawAttributes !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawAttributes);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
      return v3Error(400, 'malformed parameter query.attributes: expected a JSON object of string values');
    }
    tags = parsed as Record<string, string>;
  }
  const spanFilter = (span: Span): boolean =>
    (service === '' || span.service === service) &&
    (operation === '' || span.name === operation) &&
    spanHasTags(span, tags) &&
    (min === undefined || span.durationUs >= min) &&
    (max === undefined || span.durationUs <= max);
  const found = depth === 0 ? [] : store.search({ startUs, endUs, limit: Math.min(depth, MAX_SEARCH_LIMIT), spanFilter }).matches;
  if (found.length === 0) return notFound();
  return tracesData(manyResourceSpans(found.map((m) => m.trace), 'spec'));
}

export function services(store: DemoTraceStore): Response {
  return new Response(JSON.stringify({ services: store.services() }), { status: 200, headers: JSON_HEADERS });
}

/** `GET /api/v3/operations?service=&spanKind=`: every kind named, INTERNAL as `internal`. */
export function operations(store: DemoTraceStore, url: URL): Response {
  const service = url.searchParams.get('service') ?? '';
  const kind = url.searchParams.get('spanKind') ?? url.searchParams.get('span_kind') ?? '';
  const list = (service === '' ? [] : store.operations(service))
    .filter((o) => kind === '' || o.kind === kind)
    .map((o) => ({ name: o.name, spanKind: o.kind === 'unspecified' ? 'internal' : o.kind }));
  return new Response(JSON.stringify({ operations: list }), { status: 200, headers: JSON_HEADERS });
}
