import { http, type HttpHandler } from 'msw';
import type { Span } from '../../model/trace';
import { guarded, param, type TraceApiHandlerOptions } from '../traceWire/handlerKit';
import { joined, streamedResponse } from '../traceWire/stream';
import { spanHasTag } from '../traceWire/tags';
import { zipkinSpanJson, zipkinTraceChunks } from '../traceWire/zipkinJson';
import type { DemoTraceStore } from '../traces/traceStore';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DEFAULT_LOOKBACK_MS = 86_400_000;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1_500;

/** Zipkin's errors are plain text. */
function textError(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Zipkin normalises a lookup ID: lower-hex only, shorter ones left-padded to 16/32. */
function parseZipkinTraceId(raw: string): string | Error {
  if (raw.length === 0 || raw.length > 32 || !/^[0-9a-f]+$/.test(raw)) return new Error(`${raw} should be lower-hex encoded with no prefix`);
  return raw.padStart(32, '0');
}

function names(list: readonly string[]): Response {
  const sorted = [...new Set(list.map((n) => n.toLowerCase()))].sort();
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (sorted.length > 3) headers['Cache-Control'] = 'max-age=300, must-revalidate';
  return new Response(JSON.stringify(sorted), { status: 200, headers });
}

function intParam(url: URL, name: string): number | undefined | Error {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) return new Error(`${name} should be a non-negative integer: ${raw}`);
  return Number(raw);
}

/** `annotationQuery`: `key=value` matches a tag exactly, a bare word an annotation value or a tag key; terms joined by ` and `. */
function annotationTerm(term: string): (span: Span) => boolean {
  const eq = term.indexOf('=');
  if (eq >= 0) {
    const key = term.slice(0, eq);
    const value = term.slice(eq + 1);
    return (span) => (key === 'error' ? span.status === 'error' && (span.statusMessage ?? '') === value : spanHasTag(span, key, value));
  }
  return (span) => span.events.some((e) => e.name === term) || term in span.attributes || (term === 'error' && span.status === 'error');
}

function searchTraces(store: DemoTraceStore, url: URL, nowMs: number): Response {
  const p = url.searchParams;
  const serviceName = (p.get('serviceName') ?? '').toLowerCase();
  const remoteServiceName = (p.get('remoteServiceName') ?? '').toLowerCase();
  const spanName = (p.get('spanName') ?? '').toLowerCase();
  const terms = (p.get('annotationQuery') ?? '')
    .split(' and ')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(annotationTerm);
  const numbers = ['minDuration', 'maxDuration', 'endTs', 'lookback', 'limit'].map((n) => intParam(url, n));
  for (const n of numbers) if (n instanceof Error) return textError(400, n.message);
  const [min, max, endTs, lookback, limit] = numbers as Array<number | undefined>;
  const endMs = endTs ?? nowMs;
  const startMs = endMs - (lookback ?? DEFAULT_LOOKBACK_MS);
  const spanFilter = (span: Span): boolean =>
    (serviceName === '' || span.service.toLowerCase() === serviceName) &&
    (remoteServiceName === '' || (span.kind === 'client' && String(span.attributes['peer.service'] ?? '').toLowerCase() === remoteServiceName)) &&
    (spanName === '' || spanName === 'all' || span.name.toLowerCase() === spanName) &&
    terms.every((t) => t(span)) &&
    (min === undefined || span.durationUs >= min) &&
    (max === undefined || span.durationUs <= max);
  const found = store.search({ startUs: startMs * 1000, endUs: endMs * 1000 + 999, limit: Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT), spanFilter }).matches;
  const traces = found.map((m) => `[${[...joined([...m.trace.spans()].map(zipkinSpanJson))].join('')}]`);
  return new Response(`[${traces.join(',')}]`, { status: 200, headers: JSON_HEADERS });
}

/**
 * MSW handlers answering the Zipkin API v2 over the demo's traces (reference §5): services, span
 * names, traces search and trace by ID (404 text `<id> not found`).
 */
export function createZipkinHandlers(store: DemoTraceStore, opts: TraceApiHandlerOptions): HttpHandler[] {
  const now = opts.now ?? (() => Date.now());
  const api = `*${opts.basePath}/api/v2`;
  return [
    http.get(`${api}/services`, guarded(() => names(store.services()))),
    http.get(
      `${api}/spans`,
      guarded((request) => {
        const service = new URL(request.url).searchParams.get('serviceName') ?? '';
        if (service === '') return textError(400, 'serviceName is required');
        return names(store.operations(service.toLowerCase()).map((o) => o.name));
      }),
    ),
    http.get(`${api}/traces`, guarded((request) => searchTraces(store, new URL(request.url), now()))),
    http.get(
      `${api}/trace/:traceId`,
      guarded((_, params) => {
        const raw = param(params, 'traceId');
        const id = parseZipkinTraceId(raw);
        if (id instanceof Error) return textError(400, id.message);
        const trace = /^0+$/.test(id) ? undefined : store.get(id);
        if (trace === undefined) return textError(404, `${id.startsWith('0000000000000000') ? id.slice(16) : id} not found`);
        return streamedResponse(zipkinTraceChunks(trace), { status: 200, headers: JSON_HEADERS });
      }),
    ),
  ];
}
