import { context, trace as otelTrace, type HrTime, type SpanKind as OtelKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type IdGenerator } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/trace';
import { FAILED_PAYMENT_ID, spansOf, testStore, USER_PROFILE_ID, TEST_NOW } from '../traceTestKit';
import { resourceSpansChunks } from './otlpJson';
import { DEMO_SCOPE } from '../traces/spansFromHops';

const KIND: Readonly<Record<string, OtelKind>> = { internal: 0, server: 1, client: 2, producer: 3, consumer: 4 };
const hr = (us: number): HrTime => [Math.floor(us / 1e6), (us % 1e6) * 1000];

/** The same spans recorded through the real OpenTelemetry JS SDK and written by its own OTLP JSON serializer. */
function sdkJson(spans: readonly Span[]): unknown {
  const exporter = new InMemorySpanExporter();
  const providers = new Map<string, BasicTracerProvider>();
  let nextSpanId = '';
  const ids: IdGenerator = { generateTraceId: () => spans[0]?.traceId ?? '', generateSpanId: () => nextSpanId };
  for (const span of spans) {
    let provider = providers.get(span.service);
    if (provider === undefined) {
      provider = new BasicTracerProvider({ resource: resourceFromAttributes({ ...span.resource } as Record<string, string | number>), idGenerator: ids, spanProcessors: [new SimpleSpanProcessor(exporter)] });
      providers.set(span.service, provider);
    }
    const parent =
      span.parentSpanId === undefined ? context.active() : otelTrace.setSpanContext(context.active(), { traceId: span.traceId, spanId: span.parentSpanId, traceFlags: TraceFlags.SAMPLED });
    nextSpanId = span.spanId;
    const s = provider.getTracer(DEMO_SCOPE.name, DEMO_SCOPE.version).startSpan(span.name, { kind: KIND[span.kind], startTime: hr(span.startUs), attributes: { ...span.attributes } as Record<string, string | number> }, parent);
    for (const e of span.events) s.addEvent(e.name, { ...e.attributes } as Record<string, string | number>, hr(e.timeUs));
    if (span.status === 'error') s.setStatus({ code: SpanStatusCode.ERROR, message: span.statusMessage });
    s.end(hr(span.startUs + span.durationUs));
  }
  return JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans())));
}

/** What OTLP/JSON leaves to the producer: default values present or not, int64 as number or string, span order in a scope. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    if (items.every((i) => typeof i === 'object' && i !== null && 'spanId' in i)) {
      return [...items].sort((a, b) => String((a as { spanId: string }).spanId).localeCompare(String((b as { spanId: string }).spanId)));
    }
    return items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === 0 && (k.startsWith('dropped') || k === 'code')) continue;
    if (k === 'flags' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = k === 'intValue' ? String(v) : normalise(v);
  }
  return out;
}

function demoJson(traceId: string): unknown {
  const trace = testStore.get(traceId);
  if (trace === undefined) throw new Error('no trace');
  return JSON.parse(`{"resourceSpans":[${[...resourceSpansChunks(trace, 'spec')].join('')}]}`);
}

describe('OTLP JSON (spec style)', () => {
  it('agrees with the OpenTelemetry SDK’s own serializer for the same spans', () => {
    for (const id of [FAILED_PAYMENT_ID, USER_PROFILE_ID]) expect(normalise(demoJson(id))).toEqual(normalise(sdkJson(spansOf(id))));
  });

  it('agrees for an incident trace (timeout event, 504 client span)', () => {
    const found = testStore.search({
      startUs: (TEST_NOW - 600_000) * 1000,
      endUs: TEST_NOW * 1000,
      limit: 1,
      spanFilter: (s) => s.events.some((e) => e.name === 'timeout'),
    }).matches[0];
    expect(found).toBeDefined();
    const id = found?.trace.traceId ?? '';
    expect(normalise(demoJson(id))).toEqual(normalise(sdkJson(spansOf(id))));
  });
});
