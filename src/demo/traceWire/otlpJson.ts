import type { AttrValue, Attrs, Span, SpanKind } from '../../model/trace';
import type { DemoTrace } from '../traces/demoTrace';
import { DEMO_SCOPE } from '../traces/spansFromHops';
import { joined, json } from './stream';

/**
 * OTLP/JSON as two producers write it (reference §4.1, §6): the spec's form (hex IDs, integer enums:
 * Jaeger api_v3, the OTel Collector) and Tempo's gogo-jsonpb form (base64 IDs, enum names).
 */
export type OtlpStyle = 'spec' | 'tempo';

const KIND_NUMBER: Readonly<Record<SpanKind, number>> = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const KIND_NAME: Readonly<Record<SpanKind, string>> = {
  unspecified: 'SPAN_KIND_UNSPECIFIED',
  internal: 'SPAN_KIND_INTERNAL',
  server: 'SPAN_KIND_SERVER',
  client: 'SPAN_KIND_CLIENT',
  producer: 'SPAN_KIND_PRODUCER',
  consumer: 'SPAN_KIND_CONSUMER',
};
const STATUS_NUMBER: Readonly<Record<Span['status'], number>> = { unset: 0, ok: 1, error: 2 };
const STATUS_NAME: Readonly<Record<Span['status'], string>> = { unset: 'STATUS_CODE_UNSET', ok: 'STATUS_CODE_OK', error: 'STATUS_CODE_ERROR' };

/** Hex → standard base64 with padding, as gogo jsonpb writes protobuf `bytes`. */
export function hexToBase64(hex: string): string {
  let bin = '';
  for (let i = 0; i + 1 < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bin);
}

export function anyValueJson(value: AttrValue): string {
  if (value === null) return '{}';
  if (typeof value === 'string') return `{"stringValue":${json(value)}}`;
  if (typeof value === 'boolean') return `{"boolValue":${value}}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `{"intValue":"${value}"}` : `{"doubleValue":${Number.isFinite(value) ? value : json(String(value))}}`;
  return `{"arrayValue":{"values":[${value.map(anyValueJson).join(',')}]}}`;
}

export function attributesJson(attrs: Attrs): string {
  return `[${Object.entries(attrs)
    .map(([key, value]) => `{"key":${json(key)},"value":${anyValueJson(value)}}`)
    .join(',')}]`;
}

/** Epoch µs (an integer) as decimal ns, the OTLP uint64 string. */
export function nanos(us: number): string {
  return us === 0 ? '0' : `${Math.round(us)}000`;
}

/** One span in proto field order (trace_id, span_id, parent_span_id, name, kind, times, attributes, events, links, status); empty lists omitted as jsonpb does. */
export function otlpSpanJson(span: Span, style: OtlpStyle): string {
  const id = (hex: string): string => json(style === 'tempo' ? hexToBase64(hex) : hex);
  let out = `{"traceId":${id(span.traceId)},"spanId":${id(span.spanId)}`;
  if (span.parentSpanId !== undefined) out += `,"parentSpanId":${id(span.parentSpanId)}`;
  out += `,"name":${json(span.name)}`;
  if (span.kind !== 'unspecified') out += `,"kind":${style === 'tempo' ? json(KIND_NAME[span.kind]) : KIND_NUMBER[span.kind]}`;
  out += `,"startTimeUnixNano":"${nanos(span.startUs)}","endTimeUnixNano":"${nanos(span.startUs + span.durationUs)}"`;
  if (Object.keys(span.attributes).length > 0) out += `,"attributes":${attributesJson(span.attributes)}`;
  if (span.events.length > 0) {
    const events = span.events.map((e) => {
      const attrs = Object.keys(e.attributes).length > 0 ? `,"attributes":${attributesJson(e.attributes)}` : '';
      return `{"timeUnixNano":"${nanos(e.timeUs)}","name":${json(e.name)}${attrs}}`;
    });
    out += `,"events":[${events.join(',')}]`;
  }
  if (span.links.length > 0) {
    const links = span.links.map((l) => {
      const attrs = Object.keys(l.attributes).length > 0 ? `,"attributes":${attributesJson(l.attributes)}` : '';
      return `{"traceId":${id(l.traceId)},"spanId":${id(l.spanId)}${attrs}}`;
    });
    out += `,"links":[${links.join(',')}]`;
  }
  let status = '';
  if (span.statusMessage !== undefined) status += `"message":${json(span.statusMessage)}`;
  if (span.status !== 'unset') status += `${status === '' ? '' : ','}"code":${style === 'tempo' ? json(STATUS_NAME[span.status]) : STATUS_NUMBER[span.status]}`;
  return `${out},"status":{${status}}}`;
}

/**
 * The trace's `ResourceSpans`, comma-separated: one per service (its resource), holding one scope
 * with that service's spans in pre-order. Streamed one service at a time (one pass over the spans
 * per service), so a 100,000-span trace is never held as a whole.
 */
export function* resourceSpansChunks(trace: DemoTrace, style: OtlpStyle): Generator<string, void, undefined> {
  const scope = `{"name":${json(DEMO_SCOPE.name)},"version":${json(DEMO_SCOPE.version)}}`;
  let firstService = true;
  for (const service of trace.services) {
    let opened = false;
    for (const span of trace.spans()) {
      if (span.service !== service) continue;
      if (!opened) {
        yield `${firstService ? '' : ','}{"resource":{"attributes":${attributesJson(span.resource)}},"scopeSpans":[{"scope":${scope},"spans":[`;
        firstService = false;
        opened = true;
      } else {
        yield ',';
      }
      yield otlpSpanJson(span, style);
    }
    if (opened) yield ']}]}';
  }
}

/** `resourceSpans` of several traces, concatenated (how Jaeger api_v3 merges a search into one TracesData). */
export function* manyResourceSpans(traces: Iterable<DemoTrace>, style: OtlpStyle): Generator<string, void, undefined> {
  const pieces = function* (): Generator<string, void, undefined> {
    for (const trace of traces) {
      let text = '';
      for (const chunk of resourceSpansChunks(trace, style)) text += chunk;
      yield text;
    }
  };
  yield* joined(pieces());
}
