import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { HttpResponse } from 'msw';
import { runTracesConformance } from '../shared/conformance/traces';
import { recordSdkSpans, sdkOtlpJson, toTempoForm } from '../shared/otlp/sdkTraces.testing';
import { createTempoDataSource } from './index';

// Tempo's own wire format (shared/reference/datasource-apis.md §4): the traces contract, with a trace made by
// the OpenTelemetry JS SDK and turned into Tempo's JSON (base64 IDs, enum names) the way gogo jsonpb writes it.

const BASE = 'http://tempo.conformance:3200';
const spans = recordSdkSpans({
  name: 'GET /checkout',
  service: 'frontend',
  kind: SpanKind.SERVER,
  startNs: 0,
  durationNs: 5_000_000,
  children: [
    { name: 'charge', service: 'payments', kind: SpanKind.CLIENT, startNs: 1_000_000, durationNs: 2_000_000, status: { code: SpanStatusCode.ERROR, message: 'declined' } },
    { name: 'reserve', service: 'inventory', kind: SpanKind.CLIENT, startNs: 500_000, durationNs: 300_000 },
  ],
});
const traceId = spans[0]!.spanContext().traceId;
const tempoTrace = () => toTempoForm(sdkOtlpJson(spans)) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

runTracesConformance({
  adapter: 'tempo',
  serverName: 'Tempo',
  baseUrl: BASE,
  create: (fetchFn) => createTempoDataSource({ uid: 'tempo', kind: 'tempo', name: 'Tempo', url: BASE }, fetchFn),
  // As a user might paste it: in capitals.
  traceId: traceId.toUpperCase(),
  recorded: {
    serverError: () => text('rpc error: code = Unavailable desc = connection error\n', 500),
    badQuery: {
      respond: () => text("trace IDs can only contain hex characters: invalid character 'x' at position 3\n", 400),
      message: "trace IDs can only contain hex characters: invalid character 'x' at position 3",
    },
    malformed: {
      respond: () => {
        const trace = tempoTrace();
        trace.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.startTimeUnixNano = true;
        return json({ trace });
      },
      field: 'trace.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano',
    },
    empty: () => json({ trace: {}, metrics: { inspectedBytes: '0' } }),
    trace: { respond: () => json({ trace: tempoTrace(), metrics: { inspectedBytes: '4096' } }), spanCount: 3 },
    notFound: () => new HttpResponse(null, { status: 404 }),
    partial: {
      respond: () => json({ trace: tempoTrace(), status: 'PARTIAL', message: 'Trace exceeds maximum size of 5000000 bytes, a partial trace is returned' }),
      warning: /partial trace: Trace exceeds maximum size/,
    },
  },
});
