import type { Span } from '../../model/trace';
import { parseGoDuration } from '../traceWire/goDuration';
import { jaegerTraceChunks } from '../traceWire/jaegerJson';
import { joined, json, streamedResponse } from '../traceWire/stream';
import { spanHasTags } from '../traceWire/tags';
import type { DemoTraceStore } from '../traces/traceStore';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
/** Jaeger writes errors with Go's http.Error: a JSON body under a text/plain type, newline-terminated. */
const ERROR_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
const DEFAULT_LOOKBACK_US = 2 * 24 * 3_600_000_000;
const DEFAULT_LIMIT = 100;
/** The demo's own cap: a search walks simulated requests, so it stays bounded whatever `limit` asks. */
export const MAX_SEARCH_LIMIT = 1_500;

/** `{"data":…,"total":…,"limit":0,"offset":0,"errors":null}` in the Go struct's key order. */
function envelope(dataChunks: Iterable<string>, total: number): Generator<string, void, undefined> {
  return (function* () {
    yield '{"data":';
    yield* dataChunks;
    yield `,"total":${total},"limit":0,"offset":0,"errors":null}`;
  })();
}

export function v1Ok(dataChunks: Iterable<string>, total = 0): Response {
  return streamedResponse(envelope(dataChunks, total), { status: 200, headers: JSON_HEADERS });
}

export function v1Error(status: number, msg: string, extra = ''): Response {
  const body = `{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":${status},"msg":${json(msg)}${extra}}]}\n`;
  return new Response(body, { status, headers: ERROR_HEADERS });
}

/**
 * Jaeger's trace-ID parser (jaeger-idl model.TraceIDFromString): 1–32 hex, the low 16 and the rest
 * parsed as uint64 each; the error names the piece that failed as Go's strconv does.
 */
export function parseJaegerTraceId(raw: string): string | Error {
  if (raw.length > 32) return new Error(`TraceID cannot be longer than 32 hex characters: ${raw}`);
  if (raw === '') return new Error('strconv.ParseUint: parsing "": invalid syntax');
  const pieces = raw.length > 16 ? [raw.slice(0, raw.length - 16), raw.slice(raw.length - 16)] : [raw];
  for (const piece of pieces) if (!/^[0-9a-fA-F]+$/.test(piece)) return new Error(`strconv.ParseUint: parsing ${json(piece)}: invalid syntax`);
  return raw.toLowerCase().padStart(32, '0');
}

export function traceById(store: DemoTraceStore, rawId: string): Response {
  const id = parseJaegerTraceId(rawId);
  if (id instanceof Error) return v1Error(400, id.message);
  const trace = /^0+$/.test(id) ? undefined : store.get(id);
  if (trace === undefined) return v1Error(404, 'trace not found');
  return v1Ok((function* () {
    yield '[';
    yield* jaegerTraceChunks(trace);
    yield ']';
  })());
}

function tagsOf(url: URL): Record<string, string> | Error {
  const tags: Record<string, string> = {};
  const encoded = url.searchParams.get('tags');
  if (encoded !== null && encoded !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(encoded);
    } catch (e) {
      return new Error(`malformed 'tags' parameter: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Error("malformed 'tags' parameter: expecting a JSON object");
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v !== 'string') return new Error(`malformed 'tags' parameter: value of ${json(k)} must be a string`);
      tags[k] = v;
    }
  }
  for (const pair of url.searchParams.getAll('tag')) {
    const colon = pair.indexOf(':');
    if (colon < 0) return new Error(`malformed 'tag' parameter, expecting key:value, received: ${pair}`);
    tags[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  return tags;
}

function intParam(url: URL, name: string): number | undefined | Error {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) return new Error(`strconv.ParseInt: parsing ${json(raw)}: invalid syntax`);
  return Number(raw);
}

function durationParam(url: URL, name: string): number | undefined | Error {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const us = parseGoDuration(raw);
  return us instanceof Error ? new Error(`cannot parse ${name}: ${us.message}`) : us;
}

/** `GET /api/traces`: search by service (required), operation, tags, durations (per span), time range in µs; or fetch by `traceID`. */
export function searchTraces(store: DemoTraceStore, url: URL, nowMs: number): Response {
  const ids = url.searchParams.getAll('traceID');
  if (ids.length > 0) return tracesByIds(store, ids);
  const service = url.searchParams.get('service') ?? '';
  if (service === '') return v1Error(400, "parameter 'service' is required");
  const operation = url.searchParams.get('operation') ?? '';
  const tags = tagsOf(url);
  if (tags instanceof Error) return v1Error(400, tags.message);
  const end = intParam(url, 'end');
  const start = intParam(url, 'start');
  const limit = intParam(url, 'limit');
  const minDuration = durationParam(url, 'minDuration');
  const maxDuration = durationParam(url, 'maxDuration');
  for (const p of [end, start, limit, minDuration, maxDuration]) if (p instanceof Error) return v1Error(400, p.message);
  const endUs = (end as number | undefined) ?? nowMs * 1000;
  const startUs = (start as number | undefined) ?? endUs - DEFAULT_LOOKBACK_US;
  const min = minDuration as number | undefined;
  const max = maxDuration as number | undefined;
  if (min !== undefined && max !== undefined && max < min) return v1Error(400, "'maxDuration' should be greater than 'minDuration'");
  const wanted = Math.min(MAX_SEARCH_LIMIT, (limit as number | undefined) ?? DEFAULT_LIMIT);
  const spanFilter = (span: Span): boolean =>
    span.service === service &&
    (operation === '' || span.name === operation) &&
    spanHasTags(span, tags) &&
    (min === undefined || span.durationUs >= min) &&
    (max === undefined || span.durationUs <= max);
  const found = wanted > 0 ? store.search({ startUs, endUs, limit: wanted, spanFilter }).matches : [];
  return v1Ok((function* () {
    yield '[';
    yield* joined((function* () {
      for (const m of found) yield [...jaegerTraceChunks(m.trace)].join('');
    })());
    yield ']';
  })());
}

/** `?traceID=a&traceID=b`: the traces found, and a "trace not found" error entry for each missing one (still 200). */
function tracesByIds(store: DemoTraceStore, ids: readonly string[]): Response {
  const traces: string[] = [];
  const errors: string[] = [];
  for (const raw of ids) {
    const id = parseJaegerTraceId(raw);
    if (id instanceof Error) return v1Error(400, id.message);
    const trace = store.get(id);
    if (trace === undefined) errors.push(`{"msg":"trace not found","traceID":${json(raw)}}`);
    else traces.push([...jaegerTraceChunks(trace)].join(''));
  }
  const body = `{"data":[${traces.join(',')}],"total":0,"limit":0,"offset":0,"errors":${errors.length > 0 ? `[${errors.join(',')}]` : 'null'}}`;
  return new Response(body, { status: 200, headers: JSON_HEADERS });
}

export function services(store: DemoTraceStore): Response {
  const list = store.services();
  return v1Ok([JSON.stringify(list)], list.length);
}

export function serviceOperations(store: DemoTraceStore, service: string): Response {
  const names = [...new Set(store.operations(service).map((o) => o.name))];
  return v1Ok([JSON.stringify(names)], names.length);
}

/** `GET /api/operations?service=&spanKind=`: `[{name, spanKind}]`. */
export function operations(store: DemoTraceStore, url: URL): Response {
  const service = url.searchParams.get('service') ?? '';
  if (service === '') return v1Error(400, "parameter 'service' is required");
  const kind = url.searchParams.get('spanKind') ?? '';
  const list = store
    .operations(service)
    .filter((o) => kind === '' || o.kind === kind)
    .map((o) => ({ name: o.name, spanKind: o.kind === 'internal' || o.kind === 'unspecified' ? '' : o.kind }));
  return v1Ok([JSON.stringify(list)], list.length);
}
