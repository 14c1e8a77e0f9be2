import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type IdGenerator, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * Trace data made by the real OpenTelemetry JS SDK, for parser and contract tests: spans recorded by
 * BasicTracerProvider into an InMemorySpanExporter, then written by the SDK's own OTLP/JSON serializer or
 * its Zipkin exporter. Imported only by tests.
 */

/** The names and strings the recorded trace holds, so tests can assert them without repeating them. */
export const CHECKOUT = {
  startMs: 1_700_000_000_000,
  rootName: 'GET /checkout',
  clientName: 'POST /pay',
  serverName: 'POST /pay',
  hostileName: '<script>alert("x")</script>',
  hostileValue: '<img src=x onerror=alert(1)>',
  errorMessage: 'payment-provider timed out after 30s',
  linkedTraceId: '0af7651916cd43dd8448eb211c80319c',
  linkedSpanId: 'b7ad6b7169203331',
} as const;

/** Hands out a fixed trace ID and counting span IDs, so a test can ask for the trace it recorded. */
function fixedIds(traceId: string): IdGenerator {
  let next = 1;
  return { generateTraceId: () => traceId, generateSpanId: () => (next++).toString(16).padStart(16, '0') };
}

function provider(service: string, ids: IdGenerator, exporter: InMemorySpanExporter): BasicTracerProvider {
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'host.name': 'h1' }),
    idGenerator: ids,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
}

/**
 * A checkout across two services: frontend's server root, its client call to payments, payments' server
 * span (ERROR, with an exception event and a link to another trace) and an internal span whose name and
 * attribute are HTML. Four spans, times fixed from CHECKOUT.startMs.
 */
export function recordCheckoutTrace(traceId: string): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const ids = fixedIds(traceId);
  const frontend = provider('frontend', ids, exporter).getTracer('checkout-app', '1.2.3');
  const payments = provider('payments', ids, exporter).getTracer('payments-app', '0.9.0');
  const t = (ms: number) => CHECKOUT.startMs + ms;
  const under = (span: ReturnType<typeof frontend.startSpan>): Context => trace.setSpan(ROOT_CONTEXT, span);

  const root = frontend.startSpan(CHECKOUT.rootName, { kind: SpanKind.SERVER, startTime: t(0), attributes: { 'http.response.status_code': 502, 'http.route': '/checkout' } }, ROOT_CONTEXT);
  const client = frontend.startSpan(CHECKOUT.clientName, { kind: SpanKind.CLIENT, startTime: t(5) }, under(root));
  // payments sees the call through the propagated context, as a remote parent.
  const remote = trace.setSpanContext(ROOT_CONTEXT, { ...client.spanContext(), isRemote: true, traceFlags: TraceFlags.SAMPLED });
  const server = payments.startSpan(
    CHECKOUT.serverName,
    { kind: SpanKind.SERVER, startTime: t(7), links: [{ context: { traceId: CHECKOUT.linkedTraceId, spanId: CHECKOUT.linkedSpanId, traceFlags: 1 }, attributes: { 'link.kind': 'batch' } }] },
    remote,
  );
  server.addEvent('exception', { 'exception.message': CHECKOUT.errorMessage }, t(30_007));
  server.setStatus({ code: SpanStatusCode.ERROR, message: CHECKOUT.errorMessage });
  const internal = payments.startSpan(CHECKOUT.hostileName, { startTime: t(8), attributes: { [CHECKOUT.hostileValue]: CHECKOUT.hostileValue, attempts: 3, ratio: 0.25, retried: true } }, under(server));
  internal.end(t(9));
  server.end(t(30_008));
  client.end(t(30_010));
  root.end(t(30_020));
  return exporter.getFinishedSpans();
}

/** What the SDK's OTLP/HTTP JSON exporter would POST for these spans (an ExportTraceServiceRequest). */
export function otlpJsonOf(spans: ReadableSpan[]): unknown {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (bytes === undefined) throw new Error('JsonTraceSerializer produced nothing');
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/**
 * Runs the SDK's ZipkinExporter against `url` (a test's msw handler captures the POST body there): the
 * exporter's own conversion to Zipkin v2 JSON, which its module does not export on its own.
 */
export function exportToZipkin(spans: ReadableSpan[], url: string): Promise<void> {
  const exporter = new ZipkinExporter({ url });
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => (result.error ? reject(result.error) : resolve()));
  });
}
