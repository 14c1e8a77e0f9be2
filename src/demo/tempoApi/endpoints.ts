import type { Span } from '../../model/trace';
import { parseGoDuration } from '../traceWire/goDuration';
import { anyValueJson, nanos, resourceSpansChunks } from '../traceWire/otlpJson';
import { joined, json, streamedResponse } from '../traceWire/stream';
import { spanHasTags, tagText } from '../traceWire/tags';
import type { DemoTrace } from '../traces/demoTrace';
import type { DemoTraceStore, TraceMatch } from '../traces/traceStore';
import { parseTraceQL, spanMatches, traceFilterHolds, type SpansetFilter } from './traceql';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DEFAULT_LIMIT = 20;
const DEFAULT_SPSS = 3;
const MAX_SPSS = 100;
/** Tempo's default `max_search_duration`. */
const MAX_RANGE_S = 168 * 3600;
/** Without start/end Tempo searches only recent data (the live store): the demo takes the last hour. */
const RECENT_S = 3600;
/** The demo's own cap on `limit`. */
const MAX_LIMIT = 1_500;

/** Tempo errors: http.Error, plain text with a trailing newline. */
export function textError(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Tempo's path trace-ID rule (pkg/util/traceid.go): 1–32 hex, case-insensitive, left-padded. */
export function parseTempoTraceId(raw: string): string | Error {
  if (raw.length > 32) return new Error("trace IDs can't be larger than 128 bits");
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (!/[0-9a-fA-F]/.test(c)) return new Error(`trace IDs can only contain hex characters: invalid character '${c}' at position ${i + 1}`);
  }
  return raw.toLowerCase().padStart(32, '0');
}

function lookup(store: DemoTraceStore, rawId: string): DemoTrace | Response | undefined {
  const id = parseTempoTraceId(rawId);
  if (id instanceof Error) return textError(400, id.message);
  return /^0+$/.test(id) ? undefined : store.get(id);
}

/** `GET /api/traces/<id>`: `{"batches":[…]}` (v1 renames `resourceSpans`); unknown → 404 with an empty body. */
export function traceByIdV1(store: DemoTraceStore, rawId: string): Response {
  const trace = lookup(store, rawId);
  if (trace instanceof Response) return trace;
  if (trace === undefined) return new Response(null, { status: 404 });
  return streamedResponse(
    (function* () {
      yield '{"batches":[';
      yield* resourceSpansChunks(trace, 'tempo');
      yield ']}';
    })(),
    { status: 200, headers: JSON_HEADERS },
  );
}

/** `GET /api/v2/traces/<id>`: `{"trace":{"resourceSpans":[…]},"metrics":{}}`; unknown → 200 with an empty trace (reference §4.2). */
export function traceByIdV2(store: DemoTraceStore, rawId: string): Response {
  const trace = lookup(store, rawId);
  if (trace instanceof Response) return trace;
  if (trace === undefined) return new Response('{"trace":{},"metrics":{}}', { status: 200, headers: JSON_HEADERS });
  return streamedResponse(
    (function* () {
      yield '{"trace":{"resourceSpans":[';
      yield* resourceSpansChunks(trace, 'tempo');
      yield ']},"metrics":{}}';
    })(),
    { status: 200, headers: JSON_HEADERS },
  );
}

/** Tempo's `tags` parameter: logfmt `key=value key2="quoted value"`. */
export function parseLogfmt(text: string): Record<string, string> | Error {
  const out: Record<string, string> = {};
  const pair = /\s*([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pair.lastIndex = at;
    const m = pair.exec(text);
    if (m === null) return new Error(`invalid tags: malformed logfmt at ${JSON.stringify(text.slice(at).trim())}`);
    out[m[1] ?? ''] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    at = pair.lastIndex;
  }
  return out;
}

/** A search span: spanID, name, start, durationNanos, and the attributes the query's conditions touched. */
function searchSpanJson(span: Span, filter: SpansetFilter | undefined): string {
  const attrs: string[] = [];
  for (const c of filter?.conditions ?? []) {
    if (c.field === 'status') attrs.push(`{"key":"status","value":{"stringValue":${json(span.status)}}}`);
    if (c.field === 'attribute') {
      const v = c.scope === 'resource' ? span.resource[c.key] : c.scope === 'span' ? span.attributes[c.key] : (span.attributes[c.key] ?? span.resource[c.key]);
      if (v !== undefined) attrs.push(`{"key":${json(c.key)},"value":${anyValueJson(v)}}`);
    }
  }
  return (
    `{"spanID":${json(span.spanId)},"name":${json(span.name)},"startTimeUnixNano":"${nanos(span.startUs)}","durationNanos":"${nanos(span.durationUs)}"` +
    `${attrs.length > 0 ? `,"attributes":[${attrs.join(',')}]` : ''}}`
  );
}

function traceMetadataJson(m: TraceMatch, filter: SpansetFilter | undefined, spss: number): string {
  const { trace } = m;
  const durationMs = Math.floor((trace.endUs - trace.startUs) / 1000);
  let out = `{"traceID":${json(trace.traceId.replace(/^0+/, ''))},"rootServiceName":${json(trace.root.service)},"rootTraceName":${json(trace.root.name)}`;
  out += `,"startTimeUnixNano":"${nanos(trace.startUs)}"${durationMs > 0 ? `,"durationMs":${durationMs}` : ''}`;
  if (filter !== undefined) {
    const spanSet = `{"spans":[${m.matched.slice(0, spss).map((s) => searchSpanJson(s, filter)).join(',')}],"matched":${m.matched.length}}`;
    out += `,"spanSet":${spanSet},"spanSets":[${spanSet}]`;
  }
  const stats = new Map<string, { spans: number; errors: number }>();
  for (const span of trace.spans()) {
    const s = stats.get(span.service) ?? { spans: 0, errors: 0 };
    s.spans++;
    if (span.status === 'error') s.errors++;
    stats.set(span.service, s);
  }
  const statsJson = [...stats].map(([service, s]) => `${json(service)}:{"spanCount":${s.spans}${s.errors > 0 ? `,"errorCount":${s.errors}` : ''}}`);
  return `${out},"serviceStats":{${statsJson.join(',')}}}`;
}

function secondsParam(url: URL, name: string): number | undefined | Error {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) return new Error(`invalid ${name}: strconv.ParseInt: parsing ${json(raw)}: invalid syntax`);
  return Number(raw);
}

/** `GET /api/search`: TraceQL `q` or logfmt `tags` (+ trace-duration bounds), newest first, at most `limit`. */
export function search(store: DemoTraceStore, url: URL, nowMs: number): Response {
  const p = url.searchParams;
  const q = p.get('q') ?? '';
  const rawTags = p.get('tags') ?? '';
  if (q !== '' && rawTags !== '') return textError(400, "invalid request: can't specify tags and q in the same query");
  const start = secondsParam(url, 'start');
  const end = secondsParam(url, 'end');
  if (start instanceof Error) return textError(400, start.message.replace(/^invalid start/, 'invalid start'));
  if (end instanceof Error) return textError(400, end.message);
  let startS: number;
  let endS: number;
  if (start !== undefined && end !== undefined) {
    if (start > end) return textError(400, `http parameter start must be before end. received start=${start} end=${end}`);
    if (end - start > MAX_RANGE_S) return textError(400, `range specified by start and end exceeds 168h0m0s. received start=${start} end=${end}`);
    startS = start;
    endS = end;
  } else {
    endS = end ?? Math.floor(nowMs / 1000);
    startS = start ?? endS - RECENT_S;
  }
  const rawLimit = p.get('limit');
  const limit = rawLimit === null || rawLimit === '' ? DEFAULT_LIMIT : Number(rawLimit);
  if (!Number.isInteger(limit) || limit <= 0) return textError(400, 'invalid limit: must be a positive number');
  const rawSpss = p.get('spss');
  const spss = rawSpss === null || rawSpss === '' ? DEFAULT_SPSS : Number(rawSpss);
  if (!Number.isInteger(spss) || spss <= 0) return textError(400, 'invalid spss: must be a positive number');
  if (spss > MAX_SPSS) return textError(400, `invalid spss: must be less than or equal to ${MAX_SPSS}`);
  const bounds: Array<number | undefined> = [];
  for (const name of ['minDuration', 'maxDuration']) {
    const raw = p.get(name);
    const us = raw === null || raw === '' ? undefined : parseGoDuration(raw);
    if (us instanceof Error) return textError(400, `invalid ${name}: ${us.message}`);
    bounds.push(us);
  }
  const [min, max] = bounds;
  if (min !== undefined && max !== undefined && max < min) return textError(400, 'invalid maxDuration: must be greater than minDuration');

  let filter: SpansetFilter | undefined;
  let spanFilter: ((span: Span) => boolean) | undefined;
  if (q !== '') {
    const parsed = parseTraceQL(q);
    if (parsed instanceof Error) return textError(400, parsed.message);
    filter = parsed;
    spanFilter = (span) => spanMatches(span, parsed);
  } else if (rawTags !== '') {
    const tags = parseLogfmt(rawTags);
    if (tags instanceof Error) return textError(400, tags.message);
    const { name, ...rest } = tags;
    spanFilter = (span) => (name === undefined || span.name === name) && spanHasTags(span, rest);
  }
  const traceFilter = (trace: DemoTrace): boolean => {
    const us = trace.endUs - trace.startUs;
    return (min === undefined || us >= min) && (max === undefined || us <= max) && (filter === undefined || traceFilterHolds(filter, us));
  };
  const result = store.search({ startUs: startS * 1_000_000, endUs: endS * 1_000_000 + 999_999, limit: Math.min(limit, MAX_LIMIT), spanFilter, traceFilter });
  const traces = result.matches.map((m) => traceMetadataJson(m, filter, spss));
  const inspectedBytes = result.inspected * 2_048;
  const metrics = `{"inspectedTraces":${result.inspected},"inspectedBytes":"${inspectedBytes}","completedJobs":1,"totalJobs":1}`;
  return new Response(`{"traces":[${traces.join(',')}],"metrics":${metrics}}`, { status: 200, headers: JSON_HEADERS });
}

const INTRINSICS = ['duration', 'kind', 'name', 'status'];

function tagNames(store: DemoTraceStore, scope: 'resource' | 'span'): string[] {
  return [...store.attributeValues(scope).keys()];
}

/** `GET /api/v2/search/tags?scope=`: names by scope. */
export function searchTagsV2(store: DemoTraceStore, url: URL): Response {
  const scope = url.searchParams.get('scope') ?? '';
  const scopes: Array<[string, string[]]> = [
    ['resource', tagNames(store, 'resource')],
    ['span', tagNames(store, 'span')],
    ['intrinsic', INTRINSICS],
  ];
  if (scope !== '' && scope !== 'all' && !scopes.some(([name]) => name === scope) && !['event', 'link', 'instrumentation'].includes(scope)) {
    return textError(400, `invalid scope: ${scope}`);
  }
  const chosen = scopes.filter(([name]) => scope === '' || scope === 'all' || name === scope);
  const body = `{"scopes":[${chosen.map(([name, tags]) => `{"name":${json(name)},"tags":${JSON.stringify(tags)}}`).join(',')}],"metrics":{"inspectedBytes":"${chosen.length * 512}"}}`;
  return new Response(body, { status: 200, headers: JSON_HEADERS });
}

/** `GET /api/search/tags`: every attribute name, unscoped. */
export function searchTagsV1(store: DemoTraceStore): Response {
  const names = [...new Set([...tagNames(store, 'resource'), ...tagNames(store, 'span')])].sort();
  return new Response(`{"tagNames":${JSON.stringify(names)},"metrics":{"inspectedBytes":"512"}}`, { status: 200, headers: JSON_HEADERS });
}

function attributeValues(store: DemoTraceStore, scope: 'resource' | 'span' | 'any', key: string): ReadonlyArray<string | number> {
  const fromResource = scope === 'span' ? [] : (store.attributeValues('resource').get(key) ?? []);
  const fromSpan = scope === 'resource' ? [] : (store.attributeValues('span').get(key) ?? []);
  return [...new Set([...fromResource, ...fromSpan])];
}

/** `GET /api/search/tag/<name>/values`: the values of a bare attribute name, as strings. */
export function tagValuesV1(store: DemoTraceStore, tag: string): Response {
  const values = attributeValues(store, 'any', tag).map(tagText);
  return new Response(`{"tagValues":${JSON.stringify(values)},"metrics":{"inspectedBytes":"512"}}`, { status: 200, headers: JSON_HEADERS });
}

/** `GET /api/v2/search/tag/<traceql id>/values`: typed values (`string`, `int`, `keyword` for status and kind). */
export function tagValuesV2(store: DemoTraceStore, tag: string): Response {
  let values: Array<{ type: string; value: string }>;
  if (tag === 'status') values = ['error', 'ok', 'unset'].map((value) => ({ type: 'keyword', value }));
  else if (tag === 'kind') values = ['client', 'internal', 'server'].map((value) => ({ type: 'keyword', value }));
  else if (tag === 'name') {
    const names = new Set<string>();
    for (const service of store.services()) for (const op of store.operations(service)) names.add(op.name);
    values = [...names].sort().map((value) => ({ type: 'string', value }));
  } else {
    const m = /^(resource|span)?\.(.+)$/.exec(tag);
    if (m === null) return textError(400, `invalid tag: ${tag}`);
    const scope = m[1] === 'resource' ? 'resource' : m[1] === 'span' ? 'span' : 'any';
    values = attributeValues(store, scope, m[2] ?? '').map((v) => ({ type: typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : 'string', value: String(v) }));
  }
  return new Response(`{"tagValues":[${[...joined(values.map((v) => JSON.stringify(v)))].join('')}],"metrics":{"inspectedBytes":"512"}}`, { status: 200, headers: JSON_HEADERS });
}
