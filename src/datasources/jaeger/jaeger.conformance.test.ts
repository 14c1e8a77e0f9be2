import { HttpResponse } from 'msw';
import type { Responder } from '../shared/conformance/harness';
import { otlpJsonOf, recordCheckoutTrace } from '../shared/conformance/otelTraces';
import { runTracesConformance } from '../shared/conformance/traces';
import { createJaegerDataSource } from './index';

// Jaeger's own wire formats (shared/reference/datasource-apis.md §3): the traces contract run twice, against
// a Jaeger v2 answering api_v3 (OTLP JSON made by the real OpenTelemetry SDK) and against a Jaeger v1 that
// has only the v1 JSON API, where every /api/v3 path is Go's plain `404 page not found`.

const BASE = 'http://jaeger.conformance:16686';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
// Go's http.Error: the JSON text with a text/plain content type and a trailing newline.
const goError = (body: unknown, status: number) => new HttpResponse(`${JSON.stringify(body)}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const create = (fetchFn: typeof fetch) => createJaegerDataSource({ uid: 'jaeger', kind: 'jaeger', name: 'Jaeger', url: BASE }, fetchFn);

// ---- Jaeger v2, api_v3 ----

const v3Error = (httpCode: number, message: string) => goError({ error: { httpCode, message } }, httpCode);
const v3Trace = () => json({ result: otlpJsonOf(recordCheckoutTrace(TRACE)) });
/** One span whose parent is not in the answer: what a trace still being written looks like. */
const v3Partial = () => {
  const body = otlpJsonOf(recordCheckoutTrace(TRACE)) as { resourceSpans: { scopeSpans: { spans: { parentSpanId?: string }[] }[] }[] };
  const kept = body.resourceSpans.find((rs) => rs.scopeSpans[0]!.spans.some((s) => s.parentSpanId === '0000000000000002'))!;
  return json({ result: { resourceSpans: [kept] } });
};

runTracesConformance({
  adapter: 'jaeger (api_v3)',
  serverName: 'Jaeger',
  baseUrl: BASE,
  create,
  traceId: TRACE.toUpperCase(),
  recorded: {
    serverError: () => v3Error(500, 'cassandra: no hosts available'),
    badQuery: { respond: () => v3Error(400, 'malformed parameter trace_id: encoding/hex: invalid byte'), message: 'malformed parameter trace_id: encoding/hex: invalid byte' },
    malformed: {
      respond: () => json({ result: { resourceSpans: [{ resource: {}, scopeSpans: [{ scope: {}, spans: [{ traceId: TRACE, spanId: '0000000000000002', name: 'foobar', kind: 2, startTimeUnixNano: 'yesterday' }] }] }] } }),
      field: 'result.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano',
    },
    empty: () => json({ result: { resourceSpans: [] } }),
    trace: { respond: v3Trace, spanCount: 4 },
    notFound: () => v3Error(404, 'No traces found'),
    partial: { respond: v3Partial, warning: /parent that is not in the trace/ },
  },
});

// ---- Jaeger v1.x: the v1 JSON API only ----

/** A v1 server: every /api/v3 path is unknown to its router; the rest answers as recorded. */
function v1Server(respond: Responder): Responder {
  return (info?: { request: Request }) =>
    info !== undefined && new URL(info.request.url).pathname.startsWith('/api/v3/')
      ? new HttpResponse('404 page not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      : respond();
}
const envelope = (data: unknown, errors: unknown = null) => ({ data, total: 0, limit: 0, offset: 0, errors });
const v1Span = (spanID: string, parent?: string) => ({
  traceID: TRACE, spanID, flags: 1, operationName: 'HTTP GET /dispatch',
  references: parent === undefined ? [] : [{ refType: 'CHILD_OF', traceID: TRACE, spanID: parent }],
  startTime: 1485467191639875, duration: 5042, tags: [], logs: [], processID: 'p1', warnings: null,
});
const v1Trace = (spans: unknown[], warnings: unknown = null) =>
  json(envelope([{ traceID: TRACE, spans, processes: { p1: { serviceName: 'frontend', tags: [] } }, warnings }]));

runTracesConformance({
  adapter: 'jaeger (v1 JSON API)',
  serverName: 'Jaeger',
  baseUrl: BASE,
  create,
  traceId: TRACE.toUpperCase(),
  recorded: {
    serverError: v1Server(() => goError(envelope(null, [{ code: 500, msg: 'cassandra: no hosts available' }]), 500)),
    badQuery: { respond: v1Server(() => goError(envelope(null, [{ code: 400, msg: 'strconv.ParseUint: parsing "xyz": invalid syntax' }]), 400)), message: 'strconv.ParseUint: parsing "xyz": invalid syntax' },
    malformed: { respond: v1Server(() => v1Trace([{ ...v1Span('00f067aa0ba902b7'), duration: '5042' }])), field: 'data[0].spans[0].duration' },
    empty: v1Server(() => json(envelope([]))),
    trace: { respond: v1Server(() => v1Trace([v1Span('00f067aa0ba902b7'), v1Span('53995c3f42cd8ad8', '00f067aa0ba902b7'), v1Span('0000000000000003', '00f067aa0ba902b7')])), spanCount: 3 },
    notFound: v1Server(() => goError(envelope(null, [{ code: 404, msg: 'trace not found' }]), 404)),
    // Jaeger's adjusters write trace-level warnings (e.g. when a clock-skew adjustment could not be made).
    partial: { respond: v1Server(() => v1Trace([v1Span('00f067aa0ba902b7')], ['clock skew adjustment disabled; not applying calculated delta'])), warning: /clock skew adjustment disabled/ },
  },
});
