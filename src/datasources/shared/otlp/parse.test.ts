import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { DataSourceError } from '../../../lib/errors';
import type { Span, Trace } from '../../../model/trace';
import { parseOtlpTraces } from './parse';
import { recordSdkSpans, sdkOtlpJson, toTempoForm, TRACE_EPOCH, type SdkSpanPlan } from './sdkTraces.testing';

const LINKED_TRACE = '0af7651916cd43dd8448eb211c80319c';
const LINKED_SPAN = 'b7ad6b7169203331';

const plan: SdkSpanPlan = {
  name: 'GET /cart',
  service: 'frontend',
  kind: SpanKind.SERVER,
  startNs: 0,
  durationNs: 1_500_250,
  attributes: { 'http.response.status_code': 500, 'cache.hit': false, ratio: 0.25, tags: ['a', 'b'] },
  children: [
    {
      name: 'charge',
      service: 'payments',
      kind: SpanKind.CLIENT,
      startNs: 100_000,
      durationNs: 289_043,
      status: { code: SpanStatusCode.ERROR, message: 'card <b>declined</b>' },
      events: [{ name: 'exception', atNs: 200_000, attributes: { 'exception.message': 'boom' } }],
      links: [{ traceId: LINKED_TRACE, spanId: LINKED_SPAN, attributes: { 'link.kind': 'batch' } }],
    },
  ],
};

const startUs = TRACE_EPOCH[0] * 1e6 + Math.floor(TRACE_EPOCH[1] / 1000);

function only(traces: Trace[]): Trace {
  expect(traces).toHaveLength(1);
  return traces[0]!;
}

function byName(trace: Trace, name: string): Span {
  const span = trace.spans.find((s) => s.name === name);
  if (!span) throw new Error(`no span ${name}`);
  return span;
}

/** Checks what both wire forms must give: the SDK's own trace, in model terms. */
function expectSdkTrace(trace: Trace, sdkTraceId: string, sdkIds: Record<string, string>): void {
  expect(trace.traceId).toBe(sdkTraceId);
  expect(trace.warnings).toEqual([]);
  const root = byName(trace, 'GET /cart');
  const child = byName(trace, 'charge');
  expect(root).toMatchObject({ service: 'frontend', kind: 'server', status: 'unset', spanId: sdkIds['GET /cart'] });
  expect(root.parentSpanId).toBeUndefined();
  expect(root.startUs).toBeCloseTo(startUs + 0.789, 2);
  expect(root.durationUs).toBe(1500.25);
  expect(root.attributes).toMatchObject({ 'http.response.status_code': 500, 'cache.hit': false, ratio: 0.25, tags: ['a', 'b'], 'otel.scope.name': 'watchfloor-test' });
  expect(root.resource['service.name']).toBe('frontend');

  expect(child).toMatchObject({ service: 'payments', kind: 'client', status: 'error', statusMessage: 'card <b>declined</b>', parentSpanId: root.spanId });
  // 289,043 ns is 289.043 µs: the decimal strings are cut, not rounded through a double of 1.7e18.
  expect(child.durationUs).toBe(289.043);
  expect(child.events).toEqual([{ timeUs: expect.closeTo(startUs + 200.789, 2) as number, name: 'exception', attributes: { 'exception.message': 'boom' } }]);
  expect(child.links).toEqual([{ traceId: LINKED_TRACE, spanId: LINKED_SPAN, attributes: { 'link.kind': 'batch' } }]);
}

describe('parseOtlpTraces on the OpenTelemetry JS SDK output', () => {
  const spans = recordSdkSpans(plan);
  const sdkTraceId = spans[0]!.spanContext().traceId;
  const sdkIds = Object.fromEntries(spans.map((s) => [s.name, s.spanContext().spanId]));

  it('reads the spec form (hex IDs, integer enums, ns strings) the SDK serializer writes', () => {
    expectSdkTrace(only(parseOtlpTraces(sdkOtlpJson(spans), 'OTLP')), sdkTraceId, sdkIds);
  });

  it("reads Tempo's form of the same trace (base64 IDs, enum names, batches)", () => {
    const tempo = toTempoForm(sdkOtlpJson(spans), 'batches');
    expect(JSON.stringify(tempo)).toContain('SPAN_KIND_CLIENT');
    expectSdkTrace(only(parseOtlpTraces(tempo, 'Tempo')), sdkTraceId, sdkIds);
  });

  it('reads proto field names (snake_case) and the older instrumentationLibrarySpans', () => {
    const json = JSON.stringify(sdkOtlpJson(spans))
      .replaceAll('"scopeSpans"', '"instrumentation_library_spans"')
      .replaceAll('"scope"', '"instrumentationLibrary"')
      .replaceAll('"startTimeUnixNano"', '"start_time_unix_nano"')
      .replaceAll('"stringValue"', '"string_value"');
    expectSdkTrace(only(parseOtlpTraces(JSON.parse(json), 'OTLP')), sdkTraceId, sdkIds);
  });

  it('keeps an int64 beyond 2^53 as its exact digits and reads every AnyValue kind', () => {
    const body = {
      resourceSpans: [{ scopeSpans: [{ spans: [{
        traceId: sdkTraceId, spanId: '00000000000000aa', name: 'x', startTimeUnixNano: 1_700_000_000_000_000_000 as number, endTimeUnixNano: '1700000000000001000',
        attributes: [
          { key: 'i', value: { intValue: '9223372036854775807' } },
          { key: 'n', value: { doubleValue: 'NaN' } },
          { key: 'b', value: { bytesValue: 'AAEC' } },
          { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { arrayValue: { values: [{ intValue: '1' }] } } }] } } },
          { key: 'empty', value: {} },
        ],
      }] }] }],
    };
    const span = only(parseOtlpTraces(body, 'OTLP')).spans[0]!;
    expect(span.attributes).toEqual({ i: '9223372036854775807', n: NaN, b: 'AAEC', kv: '{"k":[1]}', empty: null });
    expect(span.durationUs).toBe(1);
    expect(span.service).toBe('unknown_service');
  });

  it("gives a link Jaeger's translator wrote for an OpenTracing reference its kind", () => {
    const linked = recordSdkSpans({
      name: 'consume', service: 'worker', kind: SpanKind.CONSUMER, startNs: 0, durationNs: 10,
      links: [
        { traceId: LINKED_TRACE, spanId: LINKED_SPAN, attributes: { 'opentracing.ref_type': 'follows_from' } },
        { traceId: LINKED_TRACE, spanId: '00000000000000b2', attributes: { 'opentracing.ref_type': 'child_of' } },
        { traceId: LINKED_TRACE, spanId: '00000000000000b3', attributes: { 'opentracing.ref_type': 'something_else' } },
      ],
    });
    const links = only(parseOtlpTraces(sdkOtlpJson(linked), 'OTLP')).spans[0]!.links;
    expect(links.map((l) => l.kind)).toEqual(['follows_from', 'child_of', undefined]);
  });

  it('groups the spans of several traces by trace ID, in the order they first appear', () => {
    const other = recordSdkSpans({ name: 'other', service: 'batch', kind: SpanKind.INTERNAL, startNs: 0, durationNs: 10 });
    const traces = parseOtlpTraces(sdkOtlpJson([...other, ...spans]), 'OTLP');
    expect(traces.map((t) => [t.traceId, t.spans.length])).toEqual([[other[0]!.spanContext().traceId, 1], [sdkTraceId, 2]]);
  });
});

describe('parseOtlpTraces on bad input', () => {
  const span = (extra: Record<string, unknown>) => ({
    resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ spans: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: 'op', startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712661000000000', ...extra }] }] }],
  });
  const parseError = (body: unknown): DataSourceError => {
    try {
      parseOtlpTraces(body, 'Tempo');
    } catch (error) {
      expect(error).toBeInstanceOf(DataSourceError);
      return error as DataSourceError;
    }
    throw new Error('expected a parse error');
  };

  it('names the server and the field of a value of the wrong type', () => {
    const error = parseError(span({ startTimeUnixNano: true }));
    expect(error.kind).toBe('parse');
    expect(error.message).toBe('Unexpected response from Tempo: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano should be a non-negative integer of nanoseconds (a decimal string), got boolean true');
    expect(parseError({ resourceSpans: {} }).message).toContain('resourceSpans should be an array');
    expect(parseError({ spans: [] }).message).toContain('resourceSpans should be an array of resource spans, got nothing');
    expect(parseError(span({ kind: { x: 1 } })).message).toContain('spans[0].kind should be a span kind');
    expect(parseError(span({ startTimeUnixNano: '-5' })).message).toContain('startTimeUnixNano');
  });

  it('shows a span that ends before it starts with duration 0 and a warning', () => {
    const trace = only(parseOtlpTraces(span({ endTimeUnixNano: '1544712659000000000' }), 'OTLP'));
    expect(trace.spans[0]!.durationUs).toBe(0);
    expect(trace.warnings).toEqual(['1 span(s) end before they start; their duration is shown as 0 (first: span eee19b7ec3c1b174: -1000000 µs)']);
  });

  it('flags microseconds sent in nanosecond fields, and a missing start time', () => {
    const micro = only(parseOtlpTraces(span({ startTimeUnixNano: '1544712660000000', endTimeUnixNano: '1544712661000000' }), 'OTLP'));
    expect(micro.warnings.join()).toMatch(/look like microseconds, not the nanoseconds OTLP requires/);
    const millis = only(parseOtlpTraces(span({ startTimeUnixNano: '1544712660000', endTimeUnixNano: '1544712661000' }), 'OTLP'));
    expect(millis.warnings.join()).toMatch(/look like milliseconds/);
    const none = only(parseOtlpTraces(span({ startTimeUnixNano: undefined }), 'OTLP'));
    expect(none.warnings.join()).toMatch(/have no start time/);
    expect(only(parseOtlpTraces(span({}), 'OTLP')).warnings).toEqual([]);
  });

  it('leaves out spans without IDs, saying how many and where, and keeps the rest', () => {
    const body = span({});
    const spans = (body.resourceSpans[0]!.scopeSpans[0]!.spans as Array<Record<string, unknown>>);
    spans.push({ ...spans[0], spanId: undefined }, { ...spans[0], spanId: 'eee19b7ec3c1b175', traceId: 'not-an-id!' });
    const traces = parseOtlpTraces(body, 'OTLP');
    const trace = only(traces);
    expect(trace.spans.map((s) => s.spanId)).toEqual(['eee19b7ec3c1b174']);
    expect(trace.warnings).toContain('1 span(s) without a valid trace ID were left out (first: resourceSpans[0].scopeSpans[0].spans[2].traceId = "not-an-id!")');
    expect(trace.warnings).toContain('1 span(s) without a valid span ID were left out (first: resourceSpans[0].scopeSpans[0].spans[1].spanId = null)');
  });

  it('keeps a 1 MB attribute value whole and warns about it', () => {
    const huge = 'x'.repeat(1_048_576);
    const trace = only(parseOtlpTraces(span({ attributes: [{ key: 'payload', value: { stringValue: huge } }] }), 'OTLP'));
    expect(trace.spans[0]!.attributes.payload).toBe(huge);
    expect(trace.warnings).toEqual(['1 attribute value(s) are very large and are kept whole (first: span eee19b7ec3c1b174 "payload": 1.0 M characters)']);
  });

  it('keeps HTML and script in names, keys, values and events as the exact text', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const trace = only(parseOtlpTraces(span({ name: evil, attributes: [{ key: evil, value: { stringValue: evil } }], events: [{ name: evil, timeUnixNano: '1544712660000000000' }] }), 'OTLP'));
    const s = trace.spans[0]!;
    expect(s.name).toBe(evil);
    expect(s.attributes[evil]).toBe(evil);
    expect(s.events[0]!.name).toBe(evil);
  });

  it('reads an all-zero parent (proto3 for "none") as a root, and warns on an unreadable one', () => {
    expect(only(parseOtlpTraces(span({ parentSpanId: 'AAAAAAAAAAA=' }), 'OTLP')).spans[0]!.parentSpanId).toBeUndefined();
    const bad = only(parseOtlpTraces(span({ parentSpanId: 'zz!' }), 'OTLP'));
    expect(bad.spans[0]!.parentSpanId).toBeUndefined();
    expect(bad.warnings.join()).toMatch(/unreadable parent ID/);
  });

  it('reads unknown enum values as unspecified/unset with a warning', () => {
    const trace = only(parseOtlpTraces(span({ kind: 9, status: { code: 'STATUS_CODE_MAYBE' } }), 'OTLP'));
    expect(trace.spans[0]).toMatchObject({ kind: 'unspecified', status: 'unset' });
    expect(trace.warnings).toHaveLength(2);
  });
});
