// Test-only: traces made by the real OpenTelemetry JS SDK and serialized by its own OTLP/JSON serializer, so
// parser tests read what a producer writes, not what we think it writes. Never imported by app code.
import { context, trace, type Attributes, type HrTime, type SpanKind, type SpanStatus, type Tracer } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

export interface SdkSpanPlan {
  name: string;
  service: string;
  kind: SpanKind;
  /** Offsets from the trace's start, in nanoseconds (the SDK takes HrTime). */
  startNs: number;
  durationNs: number;
  children?: SdkSpanPlan[];
  attributes?: Attributes;
  status?: SpanStatus;
  events?: Array<{ name: string; atNs: number; attributes?: Attributes }>;
  links?: Array<{ traceId: string; spanId: string; attributes?: Attributes }>;
}

/** 2026-05-01T00:00:00Z plus 123,456,789 ns, so sub-microsecond digits are exercised. */
export const TRACE_EPOCH: HrTime = [1_777_593_600, 123_456_789];

function at(offsetNs: number): HrTime {
  const total = TRACE_EPOCH[1] + offsetNs;
  return [TRACE_EPOCH[0] + Math.floor(total / 1e9), total % 1e9];
}

/** Runs the plan through one BasicTracerProvider per service and returns the finished spans. */
export function recordSdkSpans(root: SdkSpanPlan): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const tracers = new Map<string, Tracer>();
  const tracerFor = (service: string): Tracer => {
    let tracer = tracers.get(service);
    if (!tracer) {
      const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
      tracer = provider.getTracer('watchfloor-test', '1.2.3');
      tracers.set(service, tracer);
    }
    return tracer;
  };
  const start = (plan: SdkSpanPlan, parentCtx: ReturnType<typeof context.active>): void => {
    const span = tracerFor(plan.service).startSpan(
      plan.name,
      { kind: plan.kind, startTime: at(plan.startNs), ...(plan.attributes ? { attributes: plan.attributes } : {}), links: (plan.links ?? []).map((l) => ({ context: { traceId: l.traceId, spanId: l.spanId, traceFlags: 1 }, ...(l.attributes ? { attributes: l.attributes } : {}) })) },
      parentCtx,
    );
    for (const event of plan.events ?? []) span.addEvent(event.name, event.attributes ?? {}, at(event.atNs));
    if (plan.status) span.setStatus(plan.status);
    const ctx = trace.setSpan(parentCtx, span);
    for (const child of plan.children ?? []) start(child, ctx);
    span.end(at(plan.startNs + plan.durationNs));
  };
  start(root, context.active());
  return exporter.getFinishedSpans();
}

/** What the SDK's OTLP/JSON exporter would POST for these spans, parsed. */
export function sdkOtlpJson(spans: ReadableSpan[]): Record<string, unknown> {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('the SDK serializer returned nothing');
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

const KIND_NAMES = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

function hexToBase64(hex: string): string {
  let bin = '';
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bin);
}

/**
 * The SDK's spec-form JSON turned field by field into Tempo's gogo-jsonpb form: IDs as base64 of their bytes,
 * enums as names, and (for the v1 endpoint) `resourceSpans` renamed `batches`.
 */
export function toTempoForm(otlp: unknown, topKey: 'resourceSpans' | 'batches' = 'resourceSpans'): unknown {
  const walk = (value: unknown, key: string | undefined, parentKey: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, undefined, key ?? parentKey));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k === 'resourceSpans' ? topKey : k] = walk(v, k, key);
      return out;
    }
    if ((key === 'traceId' || key === 'spanId' || key === 'parentSpanId') && typeof value === 'string' && value !== '') return hexToBase64(value);
    if (key === 'kind' && typeof value === 'number') return KIND_NAMES[value];
    if (key === 'code' && parentKey === 'status' && typeof value === 'number') return STATUS_NAMES[value];
    return value;
  };
  return walk(otlp, undefined, undefined);
}
