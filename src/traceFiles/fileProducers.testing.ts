// Test-only. Files as producers write them, from OpenTelemetry SDK spans: Zipkin v2 through the Zipkin exporter's
// own conversion, Jaeger JSON field by field as Jaeger's OTLP translator does. And two small, real converters for
// Jaeger and Zipkin spans, standing in for the adapters' converters (src/datasources/jaeger, zipkin) the
// detector is handed in the app; they convert every field these tests use, nothing is canned.
import type { HrTime } from '@opentelemetry/api';
import { toZipkinSpan } from '@opentelemetry/exporter-zipkin/build/src/transform.js';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Span, SpanKind, Trace } from '../model/trace';
import { normalizeTraceId } from '../model/traceId';

const micros = (t: HrTime) => t[0] * 1e6 + Math.floor(t[1] / 1000);
const serviceOf = (s: ReadableSpan) => String(s.resource.attributes['service.name']);

export function zipkinFileOf(spans: ReadableSpan[]): unknown[] {
  return spans.map((s) => toZipkinSpan(s, serviceOf(s), 'otel.status_code', 'error'));
}

/** `{data:[trace]}` as Jaeger UI's "Download JSON" writes it (the /api/traces/{id} answer). */
export function jaegerFileOf(spans: ReadableSpan[]): { data: unknown[] } {
  const processIds = new Map<string, string>();
  const processes: Record<string, unknown> = {};
  for (const s of spans) {
    if (!processIds.has(serviceOf(s))) {
      const id = `p${processIds.size + 1}`;
      processIds.set(serviceOf(s), id);
      processes[id] = { serviceName: serviceOf(s), tags: [] };
    }
  }
  const traceID = spans[0]!.spanContext().traceId;
  return {
    data: [{
      traceID,
      spans: spans.map((s) => ({
        traceID,
        spanID: s.spanContext().spanId,
        operationName: s.name,
        references: s.parentSpanContext ? [{ refType: 'CHILD_OF', traceID, spanID: s.parentSpanContext.spanId }] : [],
        startTime: micros(s.startTime),
        duration: micros(s.endTime) - micros(s.startTime),
        tags: Object.entries(s.attributes).map(([key, value]) => ({ key, type: typeof value === 'number' ? 'int64' : 'string', value })),
        logs: [],
        processID: processIds.get(serviceOf(s)),
        warnings: null,
      })),
      processes,
      warnings: null,
    }],
  };
}

type Rec = Record<string, unknown>;
const base = (traceId: string, spanId: string): Omit<Span, 'name' | 'service' | 'startUs' | 'durationUs'> => ({
  traceId, spanId, kind: 'unspecified', status: 'unset', attributes: {}, resource: {}, events: [], links: [],
});

/** A Jaeger trace object → Trace: spans, CHILD_OF parent, µs times, processes' service names, tags. */
export function miniJaegerConverter(raw: unknown, path: string): Trace {
  const trace = raw as Rec;
  if (!Array.isArray(trace.spans)) throw new Error(`${path === '' ? '' : `${path}.`}spans should be an array`);
  const processes = (trace.processes ?? {}) as Record<string, Rec>;
  const traceId = normalizeTraceId(String(trace.traceID)) ?? String(trace.traceID);
  const spans = (trace.spans as Rec[]).map((s, i): Span => {
    if (typeof s.startTime !== 'number') throw new Error(`${path === '' ? '' : `${path}.`}spans[${i}].startTime should be a number`);
    const parent = (s.references as Rec[] | undefined)?.find((r) => r.refType === 'CHILD_OF');
    const span: Span = {
      ...base(traceId, String(s.spanID)),
      name: String(s.operationName),
      service: String(processes[String(s.processID)]?.serviceName ?? (s.process as Rec | undefined)?.serviceName),
      startUs: s.startTime,
      durationUs: Number(s.duration),
      attributes: Object.fromEntries(((s.tags ?? []) as Rec[]).map((t) => [String(t.key), t.value as string])),
    };
    if (parent) span.parentSpanId = String(parent.spanID);
    return span;
  });
  return { traceId, spans, warnings: [] };
}

const ZIPKIN_KINDS: Record<string, SpanKind> = { SERVER: 'server', CLIENT: 'client', PRODUCER: 'producer', CONSUMER: 'consumer' };

/** Zipkin v2 spans → Traces by trace ID: IDs, parentId, µs times, kind, local service, tags, the error tag. */
export function miniZipkinConverter(raw: readonly unknown[]): Trace[] {
  const traces = new Map<string, Trace>();
  for (const item of raw) {
    const s = item as Rec;
    const traceId = normalizeTraceId(String(s.traceId)) ?? String(s.traceId);
    const tags = (s.tags ?? {}) as Record<string, string>;
    const span: Span = {
      ...base(traceId, String(s.id)),
      name: String(s.name ?? ''),
      service: String((s.localEndpoint as Rec | undefined)?.serviceName ?? 'unknown'),
      kind: ZIPKIN_KINDS[String(s.kind)] ?? 'unspecified',
      startUs: Number(s.timestamp),
      durationUs: Number(s.duration ?? 0),
      status: tags.error !== undefined ? 'error' : 'unset',
      attributes: tags,
    };
    if (typeof s.parentId === 'string') span.parentSpanId = s.parentId;
    let trace = traces.get(traceId);
    if (!trace) traces.set(traceId, (trace = { traceId, spans: [], warnings: [] }));
    trace.spans.push(span);
  }
  return [...traces.values()];
}
