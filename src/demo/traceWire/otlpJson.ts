import type { AttrValue, Attrs, Span, SpanKind } from '../../model/trace';
import type { DemoTrace } from '../traces/demoTrace';
import { DEMO_SCOPE } from '../traces/spansFromHops';
import { createFrozenMemo } from './frozenMemo';
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Hex → standard base64 with padding, as gogo jsonpb writes protobuf `bytes` (what `btoa` of the bytes gives, without the binary string). */
export function hexToBase64(hex: string): string {
  const bytes = hex.length >> 1;
  let out = '';
  for (let i = 0; i < bytes; i += 3) {
    const a = hexByte(hex, i);
    const b = i + 1 < bytes ? hexByte(hex, i + 1) : 0;
    const c = i + 2 < bytes ? hexByte(hex, i + 2) : 0;
    out += BASE64.charAt(a >> 2) + BASE64.charAt(((a & 3) << 4) | (b >> 4));
    out += i + 1 < bytes ? BASE64.charAt(((b & 15) << 2) | (c >> 6)) : '=';
    out += i + 2 < bytes ? BASE64.charAt(c & 63) : '=';
  }
  return out;
}

/** Byte `i` of a hex string (the demo's IDs are always hex), read from char codes rather than a slice and parseInt. */
function hexByte(hex: string, i: number): number {
  return (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
}

function nibble(code: number): number {
  return code <= 57 ? code - 48 : (code | 32) - 87;
}

/** The last trace ID encoded: every span of a trace repeats it. */
let lastTraceHex = '';
let lastTraceBase64 = '';

/** An ID as the style writes it: hex as is, Tempo's base64. */
function idJson(hex: string, style: OtlpStyle): string {
  if (style !== 'tempo') return json(hex);
  if (hex.length === 32) {
    if (hex !== lastTraceHex) {
      lastTraceBase64 = hexToBase64(hex);
      lastTraceHex = hex;
    }
    return `"${lastTraceBase64}"`;
  }
  return `"${hexToBase64(hex)}"`;
}

export function anyValueJson(value: AttrValue): string {
  if (value === null) return '{}';
  if (typeof value === 'string') return `{"stringValue":${json(value)}}`;
  if (typeof value === 'boolean') return `{"boolValue":${value}}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `{"intValue":"${value}"}` : `{"doubleValue":${Number.isFinite(value) ? value : json(String(value))}}`;
  return `{"arrayValue":{"values":[${value.map(anyValueJson).join(',')}]}}`;
}

const attributesMemo = createFrozenMemo();

export function attributesJson(attrs: Attrs): string {
  return attributesMemo(attrs, '', () =>
    `[${Object.entries(attrs)
      .map(([key, value]) => `{"key":${json(key)},"value":${anyValueJson(value)}}`)
      .join(',')}]`,
  );
}

/** Epoch µs (an integer) as decimal ns, the OTLP uint64 string. */
export function nanos(us: number): string {
  return us === 0 ? '0' : `${Math.round(us)}000`;
}

/** One span in proto field order (trace_id, span_id, parent_span_id, name, kind, times, attributes, events, links, status); empty lists omitted as jsonpb does. */
export function otlpSpanJson(span: Span, style: OtlpStyle): string {
  let out = `{"traceId":${idJson(span.traceId, style)},"spanId":${idJson(span.spanId, style)}`;
  if (span.parentSpanId !== undefined) out += `,"parentSpanId":${idJson(span.parentSpanId, style)}`;
  out += `,"name":${json(span.name)}`;
  if (span.kind !== 'unspecified') out += `,"kind":${style === 'tempo' ? json(KIND_NAME[span.kind]) : KIND_NUMBER[span.kind]}`;
  out += `,"startTimeUnixNano":"${nanos(span.startUs)}","endTimeUnixNano":"${nanos(span.startUs + span.durationUs)}"`;
  const attributes = attributesJson(span.attributes);
  if (attributes !== '[]') out += `,"attributes":${attributes}`;
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
      return `{"traceId":${idJson(l.traceId, style)},"spanId":${idJson(l.spanId, style)}${attrs}}`;
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
        yield `${firstService ? '' : ','}{"resource":{"attributes":${attributesJson(span.resource)}},"scopeSpans":[{"scope":${scope},"spans":[${otlpSpanJson(span, style)}`;
        firstService = false;
        opened = true;
      } else {
        yield `,${otlpSpanJson(span, style)}`;
      }
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
